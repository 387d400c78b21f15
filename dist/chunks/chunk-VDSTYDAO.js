#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  workerUrl
} from "./chunk-XELWIH2N.js";
import {
  collapseBytes,
  finishCollapse,
  isGzip,
  newCollapser,
  readHead,
  sniffEncoding,
  workerThreads
} from "./chunk-EZECY7W2.js";

// src/formats/perf-script-parallel.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";
var PARALLEL_AT = 32 << 20;
var PIECE = 4 << 20;
var MAX_PIECES = 1 << 12;
function collapsePart(job, maxPieces = MAX_PIECES) {
  const start = startState(job.path, job.options);
  const c = newCollapser(job.options, start);
  const pieces = [];
  let first = job.bounds.length - 1;
  for (let k = -1; start !== void 0 && pieces.length < maxPieces && (k = takeBack(job.claims)) !== -1; ) {
    pieces.unshift(collapsePiece(c, job.path, job.bounds[k], job.bounds[k + 1]));
    first = k;
  }
  const f = c.profile.frames;
  const labels = new Array(f.size);
  for (const [label, id] of c.labelIds) labels[id] = label;
  const { ids, offsets, weights, length } = c.profile.stacks.columns();
  return {
    first,
    labels,
    names: f.names,
    files: f.files,
    lines: f.lines,
    modules: f.modules,
    kinds: f.kinds,
    ids: ids.slice(0, offsets[length]),
    offsets: offsets.slice(0, length + 1),
    weights: weights.slice(0, length),
    pieces
  };
}
function collapsePiece(c, path, start, end) {
  c.pname = void 0;
  c.idsLen = 0;
  c.samples = 0;
  c.event = void 0;
  c.sawPeriod = false;
  c.command = void 0;
  c.eventFreq = /* @__PURE__ */ new Map();
  c.eventWarning = false;
  let warning;
  const onWarning = (m) => {
    warning ??= m;
  };
  for (const piece of rangePieces(path, start, end)) collapseBytes(c, piece, { onWarning });
  return {
    samples: c.samples,
    event: c.event,
    sawPeriod: c.sawPeriod,
    command: c.command,
    eventFreq: [...c.eventFreq],
    warning
  };
}
async function collapsePerfFileParallel(path, fileName, options, importOpts, runPart = runOnWorker, minBytes = PARALLEL_AT, pieceBytes = PIECE) {
  const size = statSync(path).size;
  if (size < minBytes) return void 0;
  const head = readHead(path);
  if (isGzip(head)) return void 0;
  const { encoding, bomLength } = sniffEncoding(head);
  if (encoding !== "utf-8") return void 0;
  const bounds = pieceBounds(path, bomLength, size, Math.max(pieceBytes, Math.ceil(size / MAX_PIECES)));
  if (bounds.length < 3) return void 0;
  const claims = new Int32Array(new SharedArrayBuffer(4));
  claims[0] = bounds.length - 1 << 16;
  const worker = runPart({ path, bounds, claims, options });
  worker.result.catch(() => {
  });
  const start = startState(path, options, head);
  if (start === void 0) {
    worker.stop();
    return void 0;
  }
  const c = newCollapser(options);
  for (let k = takeFront(claims); k !== -1; k = takeFront(claims)) {
    for (const piece of rangePieces(path, bounds[k], bounds[k + 1])) collapseBytes(c, piece, importOpts);
  }
  const cut = Atomics.load(claims, 0) >>> 16;
  if (cut === bounds.length - 1) {
    worker.stop();
    return finishCollapse(c, fileName);
  }
  let part;
  if (c.pname === void 0 && c.eventFilter === start.eventFilter && c.eventDefaulted === start.eventDefaulted) {
    try {
      part = await worker.result;
    } catch {
      part = void 0;
    }
  } else worker.stop();
  if (part === void 0 || part.first !== cut) {
    for (const piece of rangePieces(path, bounds[cut], size)) collapseBytes(c, piece, importOpts);
  } else {
    addPart(c, part, importOpts);
  }
  return finishCollapse(c, fileName);
}
function startState(path, options, head = readHead(path)) {
  const { bomLength } = sniffEncoding(head);
  const headEnd = head.lastIndexOf(10);
  if (headEnd <= bomLength) return void 0;
  const probe = newCollapser(options);
  collapseBytes(probe, Buffer.from(head.buffer, head.byteOffset + bomLength, headEnd + 1 - bomLength), {});
  if (probe.eventFilter === "") return void 0;
  return { eventFilter: probe.eventFilter, eventDefaulted: probe.eventDefaulted };
}
function takeFront(claims) {
  for (; ; ) {
    const s = Atomics.load(claims, 0);
    const front = s & 65535;
    if (front >= s >>> 16) return -1;
    if (Atomics.compareExchange(claims, 0, s, s + 1) === s) return front;
  }
}
function takeBack(claims) {
  for (; ; ) {
    const s = Atomics.load(claims, 0);
    const back = s >>> 16;
    if ((s & 65535) >= back) return -1;
    if (Atomics.compareExchange(claims, 0, s, s - 65536) === s) return back - 1;
  }
}
function addPart(c, part, importOpts) {
  const p = c.profile;
  const map = new Int32Array(part.names.length);
  for (let id = 0; id < map.length; id++) {
    const label = part.labels[id];
    let mine = c.labelIds.get(label);
    if (mine === void 0) {
      mine = p.frames.addNew({
        name: part.names[id],
        file: part.files[id],
        line: part.lines[id],
        module: part.modules[id],
        kind: part.kinds[id]
      });
      c.labelIds.set(label, mine);
    }
    map[id] = mine;
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
  for (const piece of part.pieces) {
    if (piece.warning !== void 0 && !c.eventWarning) {
      importOpts.onWarning?.(piece.warning);
      c.eventWarning = true;
    }
    c.samples += piece.samples;
    c.sawPeriod ||= piece.sawPeriod;
    c.event = piece.event ?? c.event;
    c.command = piece.command ?? c.command;
    for (const [name, freq] of piece.eventFreq) c.eventFreq.set(name, freq);
  }
}
function pieceBounds(path, from, size, step) {
  const bounds = [from];
  const fd = openSync(path, "r");
  try {
    for (let at = from + step; at < size; at += step) {
      const cut = blankLineNear(fd, Math.max(at, bounds[bounds.length - 1] + 1), size);
      if (cut === void 0) break;
      bounds.push(cut);
      if (cut > at) at = cut;
    }
  } finally {
    closeSync(fd);
  }
  bounds.push(size);
  return bounds;
}
function blankLineNear(fd, from, size) {
  const buf = Buffer.allocUnsafe(1 << 16);
  for (let at = Math.max(0, from - 1); at < size && at < from + (8 << 20); at += buf.length - 1) {
    const got = readSync(fd, buf, 0, buf.length, at);
    const i = buf.subarray(0, got).indexOf("\n\n");
    if (i !== -1) return at + i + 2 < size ? at + i + 2 : void 0;
    if (got < buf.length) return void 0;
  }
  return void 0;
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
  let worker;
  const result = new Promise((resolve, reject) => {
    try {
      worker = new (workerThreads()).Worker(
        workerUrl(import.meta.url, "perf-script-worker.ts", "perf-worker.js"),
        {
          workerData: job
        }
      );
    } catch (err) {
      reject(err);
      return;
    }
    const w = worker;
    w.once("message", (r) => {
      resolve(r);
      void w.terminate();
    });
    w.once("error", reject);
    w.once("exit", (code) => reject(new Error(`perf collapse worker exited (${code})`)));
  });
  return { result, stop: () => void worker?.terminate() };
}

export {
  PARALLEL_AT,
  collapsePart,
  collapsePerfFileParallel
};
