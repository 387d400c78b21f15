#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/bot/zip.ts
import { inflateRawSync } from "node:zlib";
var DEFAULT_ZIP_LIMITS = {
  maxArchiveBytes: 64 * 2 ** 20,
  maxEntries: 2e3,
  maxEntryBytes: 64 * 2 ** 20,
  maxTotalBytes: 256 * 2 ** 20
};
var EOCD_SIG = 101010256;
var CEN_SIG = 33639248;
var LOC_SIG = 67324752;
function readZip(bytes, label, limits = DEFAULT_ZIP_LIMITS) {
  const fail = (offset, what) => {
    throw new UserError(`${label}: byte ${offset}: ${what}`);
  };
  if (bytes.length > limits.maxArchiveBytes) {
    fail(0, `archive is ${bytes.length} bytes, larger than the limit of ${limits.maxArchiveBytes}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) fail(0, "not a zip archive (no end-of-central-directory record)");
  const count = view.getUint16(eocd + 10, true);
  const cenSize = view.getUint32(eocd + 12, true);
  const cenOffset = view.getUint32(eocd + 16, true);
  if (count === 65535 || cenOffset === 4294967295) fail(eocd, "zip64 archives are not accepted");
  if (count > limits.maxEntries) fail(eocd, `${count} entries, more than the limit of ${limits.maxEntries}`);
  if (cenOffset + cenSize > eocd) fail(eocd, "central directory extends past its end record");
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  let p = cenOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CEN_SIG)
      fail(p, "expected a central directory entry");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const external = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const here = p;
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) fail(here, `entry '${printable(name)}' is encrypted`);
    if (madeBy === 3 && (external >>> 16 & 61440) === 40960)
      fail(here, `entry '${printable(name)}' is a symlink`);
    checkEntryName(name, (what) => fail(here, what));
    if (name.endsWith("/")) continue;
    if (seen.has(name)) fail(here, `duplicate entry '${printable(name)}'`);
    seen.add(name);
    if (size > limits.maxEntryBytes)
      fail(here, `entry '${printable(name)}' is ${size} bytes, over the limit of ${limits.maxEntryBytes}`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOC_SIG) {
      fail(localOffset, `expected the local header of '${printable(name)}'`);
    }
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compSize > bytes.length) fail(dataStart, `entry '${printable(name)}' is truncated`);
    const raw = bytes.subarray(dataStart, dataStart + compSize);
    let data;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, {
          maxOutputLength: Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total) + 1
        });
      } catch {
        return fail(dataStart, `entry '${printable(name)}' does not inflate within the size limits`);
      }
    } else
      return fail(
        here,
        `entry '${printable(name)}' uses compression method ${method}; expected stored or deflate`
      );
    if (data.length !== size)
      fail(dataStart, `entry '${printable(name)}' inflates to ${data.length} bytes, header says ${size}`);
    total += data.length;
    if (total > limits.maxTotalBytes)
      fail(dataStart, `archive inflates past the limit of ${limits.maxTotalBytes} bytes`);
    entries.push({ name, data });
  }
  return entries;
}
function checkEntryName(name, fail) {
  const shown = printable(name);
  if (name.length === 0 || name.length > 512)
    fail(`entry name of length ${name.length}; expected 1-512 characters`);
  if (/[\u0000-\u001f\u007f\\:]/.test(name))
    fail(`entry name '${shown}' has a backslash, colon or control character`);
  if (name.startsWith("/")) fail(`entry name '${shown}' is absolute`);
  const parts = name.split("/");
  if (parts.some((s, i) => s === ".." || s === "." || s === "" && i !== parts.length - 1)) {
    fail(`entry name '${shown}' has '.', '..' or empty path segments (path traversal)`);
  }
}
function findEocd(view) {
  const min = Math.max(0, view.byteLength - 22 - 65535);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD_SIG) return i;
  return -1;
}
function printable(s) {
  return s.replace(/[^\x20-\x7e]/g, "?").slice(0, 120);
}

// src/bot/manifest.ts
var MANIFEST_NAME = "flamediff-manifest.json";
var MAX_MANIFEST_BYTES = 256 * 1024;
var SHA = /^[0-9a-f]{40}$/;
var REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
var SHARD = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var SAMPLER = /^[a-z][a-z0-9-]{0,31}$/;
var MAX_RUNS = 100;
var MAX_SHARDS = 64;
function parseManifest(text, label) {
  const fail = (path, what) => {
    throw new UserError(`${label}: ${path}: ${what}`);
  };
  if (text.length > MAX_MANIFEST_BYTES)
    fail("$", `manifest is ${text.length} bytes; the limit is ${MAX_MANIFEST_BYTES}`);
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail("$", `not JSON (${err.message})`);
  }
  const m = object(
    json,
    "$",
    ["schema", "tool", "repository", "pullNumber", "headSha", "createdAt", "shards"],
    fail
  );
  if (m.schema !== 1) fail("$.schema", `${JSON.stringify(m.schema)}; expected 1`);
  if (m.tool !== "flamediff") fail("$.tool", `${JSON.stringify(m.tool)}; expected "flamediff"`);
  const repository = str(m.repository, "$.repository", REPO, "owner/name", fail);
  const pullNumber = m.pullNumber === null ? null : int(m.pullNumber, "$.pullNumber", 1, 2 ** 31, fail);
  const headSha = str(m.headSha, "$.headSha", SHA, "a 40-character hex commit sha", fail);
  const createdAt = str(
    m.createdAt,
    "$.createdAt",
    /^\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    "an ISO UTC timestamp",
    fail
  );
  if (!Array.isArray(m.shards) || m.shards.length === 0 || m.shards.length > MAX_SHARDS) {
    fail("$.shards", `expected 1-${MAX_SHARDS} shards`);
  }
  const names = /* @__PURE__ */ new Set();
  const shards = m.shards.map((s, i) => {
    const shard = parseShard(s, `$.shards[${i}]`, fail);
    if (names.has(shard.name)) fail(`$.shards[${i}].name`, `duplicate shard '${shard.name}'`);
    names.add(shard.name);
    return shard;
  });
  return { schema: 1, tool: "flamediff", repository, pullNumber, headSha, createdAt, shards };
}
function parseMachine(value, path, fail) {
  const m = object(value, path, ["cpuModel", "cores", "kernel", "platform", "arch", "loadAvg"], fail);
  const text = (v, key, max) => str(
    v,
    `${path}.${key}`,
    new RegExp(`^[^\\u0000-\\u001f\\u007f]{0,${max}}$`),
    `text of at most ${max} characters`,
    fail
  );
  const load = m.loadAvg;
  if (!Array.isArray(load) || load.length !== 3 || load.some((x) => typeof x !== "number" || !Number.isFinite(x) || x < 0 || x > 1e6)) {
    fail(`${path}.loadAvg`, "expected three load averages");
  }
  return {
    cpuModel: text(m.cpuModel, "cpuModel", 200),
    cores: int(m.cores, `${path}.cores`, 0, 1e5, fail),
    kernel: text(m.kernel, "kernel", 200),
    platform: text(m.platform, "platform", 40),
    arch: text(m.arch, "arch", 40),
    loadAvg: load
  };
}
function parseShard(value, path, fail) {
  const s = object(value, path, ["name", "sampler", "runs", "machine"], fail);
  const name = str(s.name, `${path}.name`, SHARD, "letters, digits, . _ - (1-64)", fail);
  const sampler = str(s.sampler, `${path}.sampler`, SAMPLER, "a sampler name", fail);
  if (!Array.isArray(s.runs) || s.runs.length === 0 || s.runs.length > MAX_RUNS) {
    fail(`${path}.runs`, `expected 1-${MAX_RUNS} runs`);
  }
  const runs = s.runs.map((r, i) => {
    const rp = `${path}.runs[${i}]`;
    const run = object(r, rp, ["file", "wallSeconds", "cpuSeconds"], fail);
    if (typeof run.file !== "string") fail(`${rp}.file`, "expected a string");
    const file = run.file;
    checkEntryName(file, (what) => fail(`${rp}.file`, what));
    if (!file.startsWith(`${name}/`)) fail(`${rp}.file`, `'${file.slice(0, 100)}' must be under '${name}/'`);
    return {
      file,
      wallSeconds: optNumber(run.wallSeconds, `${rp}.wallSeconds`, fail),
      cpuSeconds: optNumber(run.cpuSeconds, `${rp}.cpuSeconds`, fail)
    };
  });
  if (s.machine === void 0 || s.machine === null) return { name, sampler, runs };
  return { name, sampler, runs, machine: parseMachine(s.machine, `${path}.machine`, fail) };
}
function object(v, path, allowed, fail) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return fail(path, "expected an object");
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      fail(`${path}`, `unknown key '${k.slice(0, 40)}'; expected ${allowed.join(", ")}`);
  }
  return v;
}
function str(v, path, re, expected, fail) {
  if (typeof v !== "string" || !re.test(v))
    return fail(path, `${JSON.stringify(v)?.slice(0, 80)}; expected ${expected}`);
  return v;
}
function int(v, path, min, max, fail) {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    return fail(path, `${JSON.stringify(v)}; expected an integer ${min}-${max}`);
  }
  return v;
}
function optNumber(v, path, fail) {
  if (v === void 0 || v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1e7)
    return fail(path, `${JSON.stringify(v)}; expected seconds >= 0`);
  return v;
}
function serializeManifest(m) {
  return `${JSON.stringify(m, null, 2)}
`;
}

export {
  DEFAULT_ZIP_LIMITS,
  readZip,
  MANIFEST_NAME,
  parseManifest,
  serializeManifest
};
