#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  STORE_SCHEMA,
  layout
} from "./chunk-QX23ELEG.js";
import {
  firstLine,
  git,
  gitText
} from "./chunk-5SCB47K6.js";
import {
  importProfile,
  writeFolded
} from "./chunk-U424FUUL.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import {
  InputError,
  UserError
} from "./chunk-KISOPUCP.js";

// src/history/json-offset.ts
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const literal = (word) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 32) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) {
            if (/[0-9a-fA-F]/.test(text[i + k] ?? "")) continue;
            i += k;
            fail();
          }
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m[0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") container("}", true);
    else if (c === "[") container("]", false);
    else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || c >= "0" && c <= "9") number();
    else fail();
  };
  const container = (close, object) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (; ; ) {
      if (object) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
      }
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail();
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    if (typeof at === "number") return Math.min(at, text.length);
    throw at;
  }
}
function lineAt(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

// src/history/types.ts
var DEFAULT_HISTORY_LIMITS = { topK: 50, maxFrames: 300, maxEntries: 1e3 };
var HISTORY_SCHEMA = 2;

// src/history/parse.ts
var Reader = class {
  constructor(path4) {
    this.path = path4;
  }
  path;
  fail(where, problem) {
    throw new InputError(this.path, void 0, `${where}: ${problem}`);
  }
  object(v, where) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(where, `${kind(v)} (expected an object)`);
    return v;
  }
  array(v, where) {
    if (!Array.isArray(v)) this.fail(where, `${kind(v)} (expected an array)`);
    return v;
  }
  string(v, where) {
    if (typeof v !== "string") this.fail(where, `${kind(v)} (expected a string)`);
    return v;
  }
  number(v, where, min = Number.NEGATIVE_INFINITY) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < min)
      this.fail(where, `${kind(v)} (expected a finite number${min > -Infinity ? ` >= ${min}` : ""})`);
    return v;
  }
  int(v, where, min = 0) {
    const n = this.number(v, where, min);
    if (!Number.isInteger(n)) this.fail(where, `${n} (expected an integer >= ${min})`);
    return n;
  }
  optionalInt(v, where, min = 0) {
    return v === void 0 || v === null ? void 0 : this.int(v, where, min);
  }
};
function kind(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 40)}...` : v}"`;
  if (typeof v === "object") return "an object";
  return String(v);
}
function parseHistory(text, path4) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    const line = lineAt(text, jsonErrorOffset(text));
    throw new InputError(path4, { line }, `not valid JSON: ${msg} (expected a flamediff history file)`);
  }
  const r = new Reader(path4);
  const top = r.object(raw, "top level");
  const schema = r.int(top.schema, "schema", 1);
  if (schema > HISTORY_SCHEMA)
    r.fail(
      "schema",
      `${schema} was written by a newer flamediff (expected schema <= ${HISTORY_SCHEMA}); upgrade flamediff, the file is left untouched`
    );
  const branch = r.string(top.branch, "branch");
  const entries = schema === 1 ? readV1(r, top) : readV2(r, top);
  return { schema: HISTORY_SCHEMA, branch, entries };
}
function readHead(r, e, where) {
  const out = {
    sha: r.string(e.sha, `${where}.sha`),
    date: r.string(e.date, `${where}.date`),
    total: r.number(e.total, `${where}.total`, 0),
    totalMeasure: r.string(e.totalMeasure, `${where}.totalMeasure`)
  };
  if (!/^[0-9a-f]{4,64}$/i.test(out.sha))
    r.fail(`${where}.sha`, `${kind(out.sha)} (expected a hex commit sha)`);
  if (!/^\d{4}-\d\d-\d\d/.test(out.date) || Number.isNaN(Date.parse(out.date)))
    r.fail(`${where}.date`, `${kind(out.date)} (expected an ISO date)`);
  const pull = r.optionalInt(e.pull, `${where}.pull`, 1);
  const runs = r.optionalInt(e.runs, `${where}.runs`, 1);
  if (pull !== void 0) out.pull = pull;
  if (runs !== void 0) out.runs = runs;
  return out;
}
function readV1(r, top) {
  return r.array(top.entries, "entries").map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const frames = r.array(e.frames, `${where}.frames`).map((fv, j) => {
      const fw = `${where}.frames[${j}]`;
      const f = r.object(fv, fw);
      const time = f.timeSeconds;
      return {
        key: r.string(f.key, `${fw}.key`),
        share: r.number(f.share, `${fw}.share`, 0),
        selfShare: r.number(f.selfShare, `${fw}.selfShare`, 0),
        timeSeconds: time === null || time === void 0 ? null : r.number(time, `${fw}.timeSeconds`, 0)
      };
    });
    return { ...readHead(r, e, where), frames };
  });
}
function readV2(r, top) {
  const keys = r.array(top.frames, "frames").map((k, i) => r.string(k, `frames[${i}]`));
  return r.array(top.entries, "entries").map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const f = r.array(e.f, `${where}.f`);
    if (f.length % 3 !== 0) r.fail(`${where}.f`, `${f.length} numbers (expected a multiple of 3)`);
    const fromTotal = e.t === "total";
    const t = e.t === void 0 || fromTotal ? null : r.array(e.t, `${where}.t`);
    if (t && t.length !== f.length / 3) r.fail(`${where}.t`, `${t.length} values (expected ${f.length / 3})`);
    const head = readHead(r, e, where);
    const frames = [];
    for (let j = 0; j < f.length; j += 3) {
      const k = r.int(f[j], `${where}.f[${j}]`);
      if (k >= keys.length) r.fail(`${where}.f[${j}]`, `frame index ${k} (expected < ${keys.length})`);
      const tv = t ? t[j / 3] : null;
      const share = r.int(f[j + 1], `${where}.f[${j + 1}]`) / 1e6;
      frames.push({
        key: keys[k],
        share,
        selfShare: r.int(f[j + 2], `${where}.f[${j + 2}]`) / 1e6,
        timeSeconds: fromTotal ? share * head.total : tv === null || tv === void 0 ? null : r.int(tv, `${where}.t[${j / 3}]`) / 1e6
      });
    }
    return { ...head, frames };
  });
}

// src/store/baselines.ts
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

// src/history/append.ts
var byShare = (a, b) => b.share - a.share || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
function appendHistory(h, entry, limits = {}) {
  const lim = { ...DEFAULT_HISTORY_LIMITS, ...limits };
  const at = h.entries.findIndex((e) => e.sha === entry.sha);
  const tracked = at >= 0 ? keysOf(h.entries.filter((e) => e.sha !== entry.sha)) : trackedKeys(h.entries);
  const sorted = [...entry.frames].sort(byShare);
  const frames = sorted.filter((f, i) => i < lim.topK || tracked.has(f.key));
  const kept = { ...entry, frames };
  let entries = at >= 0 ? h.entries.map((e, i) => i === at ? kept : e) : [...h.entries, kept];
  const keys = new Set(tracked);
  for (const f of frames) keys.add(f.key);
  if (entries.length > lim.maxEntries) entries = entries.slice(entries.length - lim.maxEntries);
  else if (keys.size <= lim.maxFrames) trackedCache.set(entries, keys);
  return { schema: HISTORY_SCHEMA, branch: h.branch, entries: capFrames(entries, lim.maxFrames) };
}
var trackedCache = /* @__PURE__ */ new WeakMap();
function trackedKeys(entries) {
  return trackedCache.get(entries) ?? keysOf(entries);
}
function keysOf(entries) {
  const keys = /* @__PURE__ */ new Set();
  for (const e of entries) for (const f of e.frames) keys.add(f.key);
  return keys;
}
function capFrames(entries, max) {
  const cached = trackedCache.get(entries);
  if (cached && cached.size <= max) return entries;
  const peak = /* @__PURE__ */ new Map();
  for (const e of entries) for (const f of e.frames) peak.set(f.key, Math.max(peak.get(f.key) ?? 0, f.share));
  if (peak.size <= max) return entries;
  const keep = new Set(
    [...peak.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([k]) => k)
  );
  return entries.map((e) => ({ ...e, frames: e.frames.filter((f) => keep.has(f.key)) }));
}
function emptyHistory(branch) {
  return { schema: HISTORY_SCHEMA, branch, entries: [] };
}

// src/history/serialize.ts
var ppm = (x) => Math.round(x * 1e6);
function timesFollowTotal(e) {
  if (e.frames.length === 0) return false;
  const tol = 1e-6 * Math.max(1, e.total);
  return e.frames.every(
    (f) => f.timeSeconds !== null && Math.abs(ppm(f.share) / 1e6 * e.total - f.timeSeconds) <= tol
  );
}
function serializeHistory(h) {
  const index = /* @__PURE__ */ new Map();
  for (const e of h.entries) for (const f of e.frames) if (!index.has(f.key)) index.set(f.key, index.size);
  const lines = h.entries.map((e) => {
    const f = [];
    const t = [];
    for (const fr of e.frames) {
      f.push(index.get(fr.key), ppm(fr.share), ppm(fr.selfShare));
      t.push(fr.timeSeconds === null ? null : ppm(fr.timeSeconds));
    }
    const out = {
      sha: e.sha,
      date: e.date,
      total: Number(e.total.toPrecision(9)),
      totalMeasure: e.totalMeasure
    };
    if (e.pull !== void 0) out.pull = e.pull;
    if (e.runs !== void 0) out.runs = e.runs;
    out.f = f;
    if (timesFollowTotal(e)) out.t = "total";
    else if (t.some((x) => x !== null)) out.t = t;
    return JSON.stringify(out);
  });
  const head = `{"schema":${HISTORY_SCHEMA},"branch":${JSON.stringify(h.branch)},
"frames":${JSON.stringify([...index.keys()])},
"entries":[`;
  return `${head}${lines.length ? `
${lines.join(",\n")}
` : ""}]}
`;
}

// src/store/json-file.ts
async function readJson(reader, path4, expected) {
  const bytes = await reader.read(path4);
  if (bytes === null) return null;
  return parseJson(bytes, reader.describe(path4), expected);
}
function parseJson(bytes, where, expected) {
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new InputError(where, void 0, `not valid JSON (${msg}); expected ${expected}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(where, void 0, `expected ${expected} (a JSON object)`);
  }
  checkSchema(value, where, 1);
  return value;
}
function checkSchema(value, where, supported) {
  const s = value.schema;
  if (typeof s !== "number" || !Number.isInteger(s) || s < 1) {
    throw new InputError(
      where,
      void 0,
      `missing or bad "schema" field (expected an integer, got ${JSON.stringify(s)})`
    );
  }
  if (s > supported) {
    throw new UserError(
      `${where}: written by a newer flamediff (schema ${s}; this version reads schema ${supported}); upgrade flamediff \u2014 nothing was changed`
    );
  }
}
function jsonBytes(value) {
  return `${JSON.stringify(value, null, 1)}
`;
}

// src/store/baselines.ts
async function checkStore(tx, plan) {
  const meta = await readJson(tx, layout.meta, "the store description");
  if (meta) checkSchema(meta, tx.describe(layout.meta), STORE_SCHEMA);
  else tx.write?.(layout.meta, jsonBytes({ schema: STORE_SCHEMA, layout: "flamediff-store" }));
  if (!plan) return;
  await readHistory(tx, plan.branch);
  if (plan.baseline) await readBaselineIndex(tx, plan.branch);
  if (plan.pulls) await readPullsIndex(tx);
}
async function readHistory(reader, branch) {
  const path4 = layout.history(branch);
  const bytes = await reader.read(path4);
  if (bytes === null) return emptyHistory(branch);
  const where = reader.describe(path4);
  let h;
  try {
    h = parseHistory(new TextDecoder().decode(bytes), where);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new InputError(
      where,
      void 0,
      `history does not parse (${err instanceof Error ? err.message : String(err)})`
    );
  }
  if (!h || typeof h !== "object" || !Array.isArray(h.entries)) {
    throw new InputError(where, void 0, "expected a history file ({ schema, branch, entries: [...] })");
  }
  checkSchema(h, where, HISTORY_SCHEMA);
  return h;
}
async function readBaselineIndex(reader, branch) {
  const path4 = layout.baselineIndex(branch);
  const idx = await readJson(reader, path4, "a baseline index ({ schema, branch, baselines })");
  if (!idx) return { schema: 1, branch, baselines: [] };
  if (!Array.isArray(idx.baselines) || idx.baselines.some((b) => typeof b?.sha !== "string")) {
    throw new InputError(
      reader.describe(path4),
      void 0,
      'expected "baselines": [{ sha, recordedAt }, ...]'
    );
  }
  return idx;
}
async function writeBaseline(tx, b) {
  await checkStore(tx);
  const history = await readHistory(tx, b.branch);
  const index = await readBaselineIndex(tx, b.branch);
  const dir = layout.baselineDir(b.branch, b.sha);
  await tx.remove(dir);
  const runs = b.profiles.map((r, i) => {
    const file = layout.runFile(i + 1);
    const gz = gzipSync(Buffer.from(writeFolded(r.profile)), { level: 6 });
    tx.write(`${dir}/${file}`, gz);
    return {
      index: i + 1,
      file,
      sha256: sha256(gz),
      bytes: gz.length,
      samples: r.profile.totalWeight(),
      unit: r.profile.meta.unit,
      intervalNs: r.profile.meta.intervalNs ?? null,
      wallSeconds: r.wallSeconds,
      cpuSeconds: r.cpuSeconds,
      peakRssBytes: r.peakRssBytes
    };
  });
  const stored = { schema: 1, branch: b.branch, sha: b.sha, ...b.runs, runs };
  tx.write(`${dir}/runs.json`, jsonBytes(stored));
  tx.write(`${dir}/summary.json`, jsonBytes({ schema: 1, branch: b.branch, sha: b.sha, ...b.summary }));
  if (b.flameSvg !== null) tx.write(`${dir}/flamegraph.svg`, b.flameSvg);
  const baselines = index.baselines.filter((x) => x.sha !== b.sha);
  baselines.push({ sha: b.sha, recordedAt: b.runs.recordedAt });
  const drop = baselines.splice(0, Math.max(0, baselines.length - b.retention));
  for (const old of drop) await tx.remove(layout.baselineDir(b.branch, old.sha));
  tx.write(layout.baselineIndex(b.branch), jsonBytes({ schema: 1, branch: b.branch, baselines }));
  const updated = appendHistory(history, b.historyEntry);
  tx.write(layout.history(b.branch), serializeHistory(updated));
  if (b.dashboard) {
    const site = b.dashboard(updated, new Set(baselines.map((x) => x.sha)));
    for (const [name, data] of site) tx.write(`${layout.dashboardDir(b.branch)}/${name}`, data);
  }
}
async function loadBaseline(reader, branch, sha) {
  const dir = layout.baselineDir(branch, sha);
  const runsPath = `${dir}/runs.json`;
  const runs = await readJson(reader, runsPath, "a baseline runs.json");
  if (!runs) return null;
  if (!Array.isArray(runs.runs) || runs.runs.length === 0) {
    throw new InputError(reader.describe(runsPath), void 0, 'expected "runs": [ ...one entry per run ]');
  }
  const inputs = [];
  for (const r of runs.runs) inputs.push(await loadRun(reader, dir, r));
  const summaryPath = `${dir}/summary.json`;
  const summaryBytes = await reader.read(summaryPath);
  const summary = summaryBytes ? parseJson(summaryBytes, reader.describe(summaryPath), "a baseline summary.json") : null;
  return { runs, inputs, summary };
}
async function loadRun(reader, dir, r) {
  if (typeof r?.file !== "string" || !/^run-\d+\.folded\.gz$/.test(r.file)) {
    throw new InputError(
      reader.describe(`${dir}/runs.json`),
      void 0,
      `bad run file name ${JSON.stringify(r?.file)} (expected run-<i>.folded.gz)`
    );
  }
  const path4 = `${dir}/${r.file}`;
  const where = reader.describe(path4);
  const gz = await reader.read(path4);
  if (gz === null)
    throw new InputError(where, void 0, "missing (listed in runs.json); the baseline is incomplete");
  if (typeof r.sha256 === "string" && sha256(gz) !== r.sha256) {
    throw new InputError(
      where,
      void 0,
      `corrupt or truncated (${gz.length} bytes, sha256 does not match runs.json; expected ${r.bytes} bytes)`
    );
  }
  let text;
  try {
    text = gunzipSync(gz);
  } catch (err) {
    throw new InputError(
      where,
      void 0,
      `corrupt or truncated gzip data (${err.message}); expected a gzipped folded profile`
    );
  }
  const profile = importProfile(where.replace(/\.gz$/, ""), text, { format: "folded" });
  profile.meta.unit = r.unit ?? "samples";
  if (r.intervalNs) profile.meta.intervalNs = r.intervalNs;
  return {
    profile,
    wallSeconds: r.wallSeconds ?? void 0,
    cpuSeconds: r.cpuSeconds ?? void 0
  };
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

// src/store/pulls.ts
async function writePullReport(tx, pull, sha, files, retention, now = (/* @__PURE__ */ new Date()).toISOString()) {
  await checkStore(tx);
  const index = await readPullsIndex(tx);
  await tx.remove(layout.pullDir(pull));
  const dir = layout.pullShaDir(pull, sha);
  for (const [name, data] of Object.entries(files)) tx.write(`${dir}/${name}`, data);
  const pulls = index.pulls.filter((p) => p.pull !== pull);
  pulls.push({ pull, sha, updatedAt: now });
  const drop = pulls.splice(0, Math.max(0, pulls.length - retention));
  for (const p of drop) {
    await tx.remove(layout.pullDir(p.pull));
    await tx.remove(layout.acceptances(p.pull));
  }
  tx.write(layout.pullsIndex, jsonBytes({ schema: 1, pulls }));
}
async function readPullsIndex(reader) {
  const index = await readJson(reader, layout.pullsIndex, "a pulls index") ?? {
    schema: 1,
    pulls: []
  };
  if (!Array.isArray(index.pulls)) {
    throw new InputError(
      reader.describe(layout.pullsIndex),
      void 0,
      'expected "pulls": [{ pull, sha, updatedAt }, ...]'
    );
  }
  return index;
}

// src/store/open.ts
import { stat as stat2 } from "node:fs/promises";
import path3 from "node:path";

// src/store/dir-store.ts
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

// src/store/types.ts
var Staging = class {
  writes = /* @__PURE__ */ new Map();
  removed = /* @__PURE__ */ new Set();
  write(path4, data) {
    const p = normalizePath(path4);
    this.removed.delete(p);
    this.writes.set(p, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }
  get empty() {
    return this.writes.size === 0 && this.removed.size === 0;
  }
};
function normalizePath(path4) {
  const parts = path4.split("/").filter((x) => x !== "" && x !== ".");
  if (path4.startsWith("/") || parts.some((x) => x === ".." || x.includes("\0") || x.includes("\\"))) {
    throw new Error(`store path '${path4}' is not a relative path inside the store`);
  }
  return parts.join("/");
}
var StagedTx = class {
  constructor(base, staging = new Staging()) {
    this.base = base;
    this.staging = staging;
  }
  base;
  staging;
  describe(path4) {
    return this.base.describe(path4);
  }
  async read(path4) {
    const p = normalizePath(path4);
    const staged = this.staging.writes.get(p);
    if (staged) return staged;
    if (this.isRemoved(p)) return null;
    return this.base.read(p);
  }
  async list(prefix) {
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const under = (p) => pre === "" || p === pre || p.startsWith(`${pre}/`);
    const all = new Set((await this.base.list(pre)).filter((p) => !this.isRemoved(p)));
    for (const p of this.staging.writes.keys()) if (under(p)) all.add(p);
    return [...all].sort();
  }
  write(path4, data) {
    this.staging.write(path4, data);
  }
  async remove(pathOrDir) {
    const p = normalizePath(pathOrDir);
    for (const f of await this.list(p)) {
      this.staging.writes.delete(f);
      this.staging.removed.add(f);
    }
  }
  isRemoved(p) {
    return this.staging.removed.has(p);
  }
};

// src/store/dir-store.ts
var LOCK = ".lock";
var STALE_LOCK_MS = 15 * 6e4;
var DirStore = class {
  constructor(root) {
    this.root = root;
    this.location = root;
  }
  root;
  kind = "dir";
  location;
  describe(p) {
    return path.join(this.root, p);
  }
  async read(p) {
    try {
      return await readFile(path.join(this.root, normalizePath(p)));
    } catch (err) {
      const code = err.code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      throw fsError(this.describe(p), "cannot read", err);
    }
  }
  async list(prefix) {
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const out = [];
    const walk = async (rel) => {
      let entries;
      try {
        entries = await readdir(path.join(this.root, rel), { withFileTypes: true });
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT") return;
        if (code === "ENOTDIR") {
          out.push(rel);
          return;
        }
        throw err;
      }
      for (const e of entries) {
        const child = rel === "" ? e.name : `${rel}/${e.name}`;
        if (rel === "" && (e.name === LOCK || e.name.startsWith(".tmp-"))) continue;
        if (e.isDirectory()) await walk(child);
        else if (e.isFile() && !e.name.startsWith(".tmp-")) out.push(child);
      }
    };
    await walk(pre);
    return out.sort();
  }
  async update(_message, fn) {
    await mkdir(this.root, { recursive: true });
    const release = await this.lock();
    try {
      const tx = new StagedTx(this);
      await fn(tx);
      await this.apply(tx);
      return [...tx.staging.writes.keys()].sort();
    } finally {
      await release();
    }
  }
  async close() {
  }
  async apply(tx) {
    for (const [p, data] of tx.staging.writes) {
      const file = path.join(this.root, p);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = path.join(path.dirname(file), `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      await writeFile(tmp, data);
      await rename(tmp, file);
    }
    for (const p of tx.staging.removed) {
      await unlink(path.join(this.root, p)).catch(() => {
      });
      await this.removeEmptyParents(path.dirname(p));
    }
  }
  async removeEmptyParents(rel) {
    let dir = rel;
    while (dir !== "." && dir !== "") {
      try {
        await rmdir(path.join(this.root, dir));
      } catch {
        return;
      }
      dir = path.dirname(dir);
    }
  }
  async lock() {
    const dir = path.join(this.root, LOCK);
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(dir);
        await writeFile(path.join(dir, "owner"), `${process.pid} ${hostname()}
`).catch(() => {
        });
        return () => rm(dir, { recursive: true, force: true });
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
        const age = await stat(dir).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0
        );
        const owner = await lockOwner(dir);
        if (age > STALE_LOCK_MS || owner?.dead) {
          await rm(dir, { recursive: true, force: true });
          continue;
        }
        if (attempt > 600) {
          const who = owner ? `process ${owner.pid} on ${owner.host}` : "another flamediff job";
          throw new UserError(
            `${dir}: the store is locked by ${who} (expected it to finish within a minute; if no flamediff job is running, remove ${dir})`
          );
        }
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  }
};
async function lockOwner(dir) {
  const text = await readFile(path.join(dir, "owner"), "utf8").catch(() => "");
  const m = /^(\d+) (\S+)/.exec(text);
  if (!m) return null;
  const pid = Number(m[1]);
  const host = m[2];
  let dead = false;
  if (host === hostname()) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      dead = err.code === "ESRCH";
    }
  }
  return { pid, host, dead };
}

// src/store/git-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";
var EMPTY_SHA = "0000000000000000000000000000000000000000";
var IDENTITY = {
  GIT_AUTHOR_NAME: "flamediff",
  GIT_AUTHOR_EMAIL: "flamediff@users.noreply.github.com",
  GIT_COMMITTER_NAME: "flamediff",
  GIT_COMMITTER_EMAIL: "flamediff@users.noreply.github.com"
};
var CommitReader = class {
  constructor(repo, commit, branch) {
    this.repo = repo;
    this.commit = commit;
    this.branch = branch;
  }
  repo;
  commit;
  branch;
  describe(p) {
    return `${this.branch}:${p}`;
  }
  async read(p) {
    if (!this.commit) return null;
    const r = await git(this.repo, ["cat-file", "blob", `${this.commit}:${normalizePath(p)}`]);
    return r.code === 0 ? new Uint8Array(r.stdout) : null;
  }
  async list(prefix) {
    if (!this.commit) return [];
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const args = ["ls-tree", "-r", "--name-only", "-z", this.commit];
    if (pre !== "") args.push("--", pre);
    const r = await git(this.repo, args);
    if (r.code !== 0) return [];
    return r.stdout.toString("utf8").split("\0").filter((x) => x !== "").sort();
  }
};
var GitStore = class _GitStore {
  constructor(opts, repo) {
    this.opts = opts;
    this.repo = repo;
    this.location = `${opts.remote} ${opts.branch}`;
  }
  opts;
  repo;
  kind = "git";
  location;
  ref = `refs/flamediff/tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  tip;
  tmpDir = null;
  /** Checks the repository and remote, and fetches the data branch. */
  static async open(opts) {
    const repo = path2.resolve(opts.repoDir);
    const r = await git(repo, ["rev-parse", "--git-dir"]).catch(() => null);
    if (r?.code !== 0) {
      throw new UserError(
        `${repo}: not a git repository (the git store needs one; use store: dir otherwise)`
      );
    }
    const store = new _GitStore(opts, repo);
    await store.fetch();
    return store;
  }
  describe(p) {
    return `${this.opts.branch}:${p}`;
  }
  /** The fetched tip of the data branch (null: the branch does not exist yet). */
  get head() {
    return this.tip ?? null;
  }
  async read(p) {
    return this.reader().read(p);
  }
  async list(prefix) {
    return this.reader().list(prefix);
  }
  async update(message, fn) {
    const attempts = this.opts.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await this.fetch();
      const tx = new StagedTx(this.reader());
      await fn(tx);
      if (tx.staging.empty) return [];
      const commit = await this.commit(tx, message, this.tip ?? null);
      const pushed = await this.push(commit);
      if (pushed) {
        this.tip = commit;
        return [...tx.staging.writes.keys()].sort();
      }
      if (attempt >= attempts) {
        throw new UserError(
          `${this.location}: push rejected ${attempts} times (other jobs keep writing); try again later`
        );
      }
      this.opts.onRetry?.(attempt);
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200 * attempt));
    }
  }
  /**
   * Replaces the branch history with one commit holding the current files (see docs/store.md).
   * Uses a lease: if another job pushed meanwhile, nothing is replaced and false is returned.
   */
  async squash(message = "flamediff: squash data branch history") {
    await this.fetch();
    if (!this.tip) return false;
    const tree = await gitText(this.repo, ["rev-parse", `${this.tip}^{tree}`], "squash");
    const commit = await gitText(this.repo, ["commit-tree", "--no-gpg-sign", tree, "-m", message], "squash", {
      env: IDENTITY
    });
    const r = await git(this.repo, [
      "push",
      "--quiet",
      "--no-verify",
      `--force-with-lease=refs/heads/${this.opts.branch}:${this.tip}`,
      this.opts.remote,
      `${commit}:refs/heads/${this.opts.branch}`
    ]);
    if (r.code !== 0) return false;
    this.tip = commit;
    return true;
  }
  async close() {
    await git(this.repo, ["update-ref", "-d", this.ref]);
    if (this.tmpDir) await rm2(this.tmpDir, { recursive: true, force: true });
    this.tmpDir = null;
  }
  reader() {
    return new CommitReader(this.repo, this.tip ?? null, this.opts.branch);
  }
  async fetch() {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      "fetch",
      "--quiet",
      "--no-tags",
      remote,
      `+refs/heads/${branch}:${this.ref}`
    ]);
    if (r.code === 0) {
      this.tip = await gitText(this.repo, ["rev-parse", "--verify", `${this.ref}^{commit}`], "fetch");
      return;
    }
    if (/couldn't find remote ref/i.test(r.stderr)) {
      this.tip = null;
      return;
    }
    throw new UserError(
      `git store: cannot fetch ${branch} from ${remote}: ${firstLine(r.stderr) || `git exited with ${r.code}`}`
    );
  }
  async commit(tx, message, parent) {
    this.tmpDir ??= await mkdtemp(path2.join(os.tmpdir(), "flamediff-git-"));
    const env = {
      ...IDENTITY,
      GIT_INDEX_FILE: path2.join(this.tmpDir, `index-${randomBytes2(4).toString("hex")}`)
    };
    const run = (args2, input) => gitText(this.repo, args2, "git store", { env, input });
    await run(parent ? ["read-tree", parent] : ["read-tree", "--empty"]);
    const lines = [];
    for (const p of tx.staging.removed) lines.push(`0 ${EMPTY_SHA}	${p}`);
    for (const [p, data] of tx.staging.writes) {
      const blob = await run(["hash-object", "-w", "--stdin"], data);
      lines.push(`100644 ${blob}	${p}`);
    }
    await run(["update-index", "-z", "--index-info"], lines.map((l) => `${l}\0`).join(""));
    const tree = await run(["write-tree"]);
    const args = ["commit-tree", "--no-gpg-sign", tree, "-m", message];
    if (parent) args.push("-p", parent);
    const commit = await run(args);
    await rm2(env.GIT_INDEX_FILE, { force: true });
    return commit;
  }
  /** Pushes without force; false when the remote moved on (rejected), throws on other failures. */
  async push(commit) {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      "push",
      "--quiet",
      "--no-verify",
      "--porcelain",
      remote,
      `${commit}:refs/heads/${branch}`
    ]);
    if (r.code === 0) return true;
    const text = `${r.stdout.toString("utf8")}
${r.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|\[remote rejected\].*(lock|already exists)/i.test(
      text
    )) {
      return false;
    }
    throw new UserError(
      `git store: cannot push ${branch} to ${remote}: ${firstLine(r.stderr) || firstLine(text)}`
    );
  }
};

// src/store/open.ts
async function openStore(opts, cwd) {
  if (opts.store === "git")
    return GitStore.open({ repoDir: cwd, remote: opts.remote, branch: opts.dataBranch });
  const root = path3.resolve(cwd, opts.storeDir);
  const st = await stat2(root).catch(() => null);
  if (st && !st.isDirectory())
    throw new UserError(`${root}: not a directory (expected the dir store, store-dir)`);
  return new DirStore(root);
}

export {
  parseHistory,
  readJson,
  parseJson,
  jsonBytes,
  writePullReport,
  readPullsIndex,
  checkStore,
  readHistory,
  readBaselineIndex,
  writeBaseline,
  loadBaseline,
  openStore
};
