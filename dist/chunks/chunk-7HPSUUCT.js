#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  workerUrl
} from "./chunk-XELWIH2N.js";
import {
  collapseBytes,
  finishCollapse,
  newCollapser,
  readHead,
  sniffEncoding
} from "./chunk-RS3TPUO2.js";

// src/formats/perf-script-parallel.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { Worker } from "node:worker_threads";
var PARALLEL_AT = 32 << 20;
var PIECE = 4 << 20;
function collapsePart(job) {
  const warnings = [];
  const c = newCollapser(job.options, { eventFilter: job.eventFilter, eventDefaulted: job.eventDefaulted });
  for (const piece of rangePieces(job.path, job.start, job.end)) {
    collapseBytes(c, piece, { onWarning: (m) => warnings.push(m) });
  }
  const f = c.profile.frames;
  const { ids, offsets, weights, length } = c.profile.stacks.columns();
  return {
    names: f.names,
    files: f.files,
    lines: f.lines,
    modules: f.modules,
    kinds: f.kinds,
    ids: ids.slice(0, offsets[length]),
    offsets: offsets.slice(0, length + 1),
    weights: weights.slice(0, length),
    samples: c.samples,
    event: c.event,
    sawPeriod: c.sawPeriod,
    command: c.command,
    warnings
  };
}
async function collapsePerfFileParallel(path, fileName, options, importOpts, runPart = runOnWorker, minBytes = PARALLEL_AT) {
  const size = statSync(path).size;
  if (size < minBytes) return void 0;
  const head = readHead(path);
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return void 0;
  const { encoding, bomLength } = sniffEncoding(head);
  if (encoding !== "utf-8") return void 0;
  const probe = newCollapser(options);
  const headEnd = head.lastIndexOf(10);
  if (headEnd <= bomLength) return void 0;
  collapseBytes(probe, Buffer.from(head.buffer, head.byteOffset + bomLength, headEnd + 1 - bomLength), {});
  if (probe.eventFilter === "") return void 0;
  const cut = blankLineNear(path, Math.floor(size / 2), size);
  if (cut === void 0) return void 0;
  const job = {
    path,
    start: cut,
    end: size,
    options,
    eventFilter: probe.eventFilter,
    eventDefaulted: probe.eventDefaulted
  };
  const second = runPart(job);
  second.catch(() => {
  });
  const c = newCollapser(options);
  for (const piece of rangePieces(path, bomLength, cut)) collapseBytes(c, piece, importOpts);
  let part;
  if (c.pname === void 0 && c.eventFilter === job.eventFilter && c.eventDefaulted === job.eventDefaulted) {
    try {
      part = await second;
    } catch {
      part = void 0;
    }
  }
  if (part === void 0) {
    for (const piece of rangePieces(path, cut, size)) collapseBytes(c, piece, importOpts);
  } else {
    addPart(c, part, importOpts);
  }
  return finishCollapse(c, fileName);
}
function addPart(c, part, importOpts) {
  const p = c.profile;
  const map = new Int32Array(part.names.length);
  for (let id = 0; id < map.length; id++) {
    map[id] = p.intern({
      name: part.names[id],
      file: part.files[id],
      line: part.lines[id],
      module: part.modules[id],
      kind: part.kinds[id]
    });
  }
  const { ids, offsets, weights } = part;
  let buf = new Int32Array(256);
  for (let i = 0; i + 1 < offsets.length; i++) {
    const a = offsets[i];
    const n = offsets[i + 1] - a;
    if (n > buf.length) buf = new Int32Array(n * 2);
    for (let k = 0; k < n; k++) buf[k] = map[ids[a + k]];
    p.stacks.add(buf, weights[i], 0, n);
  }
  if (!c.eventWarning) for (const w of part.warnings) importOpts.onWarning?.(w);
  c.samples += part.samples;
  c.sawPeriod ||= part.sawPeriod;
  c.event = part.event ?? c.event;
  c.command = part.command ?? c.command;
}
function blankLineNear(path, from, size) {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let at = Math.max(0, from - 1); at < size && at < from + (8 << 20); at += buf.length - 1) {
      const got = readSync(fd, buf, 0, buf.length, at);
      const i = buf.subarray(0, got).indexOf("\n\n");
      if (i !== -1) return at + i + 2 < size ? at + i + 2 : void 0;
      if (got < buf.length) return void 0;
    }
    return void 0;
  } finally {
    closeSync(fd);
  }
}
function* rangePieces(path, start, end) {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.allocUnsafe(PIECE);
    let filled = 0;
    let at = start;
    for (; ; ) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, Math.min(buf.length - filled, end - at), at);
      at += got;
      const stop = filled + got;
      if (got === 0 || at >= end) {
        if (stop > 0) yield buf.subarray(0, stop);
        return;
      }
      const nl = buf.lastIndexOf(10, stop - 1);
      if (nl === -1) {
        filled = stop;
        continue;
      }
      yield buf.subarray(0, nl + 1);
      buf.copy(buf, 0, nl + 1, stop);
      filled = stop - nl - 1;
    }
  } finally {
    closeSync(fd);
  }
}
function runOnWorker(job) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(workerUrl(import.meta.url, "perf-script-worker.ts", "perf-worker.js"), {
        workerData: job
      });
    } catch (err) {
      reject(err);
      return;
    }
    worker.once("message", (r) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`perf collapse worker exited (${code})`)));
  });
}

export {
  PARALLEL_AT,
  collapsePart,
  collapsePerfFileParallel
};
