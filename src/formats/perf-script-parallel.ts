import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Profile } from '../profile/profile.js';
import type { FrameKind } from '../profile/types.js';
import { readHead, sniffEncoding } from './input.js';
import { type Collapser, collapseBytes, finishCollapse, newCollapser } from './perf-script.js';
import type { ImportOptions, PerfCollapseOptions } from './types.js';
import { workerUrl } from './worker-url.js';

// `perf script` text of a big file collapsed on two cores: the file is cut at a blank line (a
// sample boundary) near its middle, a worker thread collapses the second part while this thread
// collapses the first, and the worker's stacks are added after this thread's, in the worker's
// order. The result is the profile one pass gives, byte for byte: the only state a sample
// boundary carries is the event filter (the first event type seen), which the worker is given
// from the file's head and which is checked against this thread's state at the cut; when it
// differs (or the worker cannot run), this thread collapses the second part itself.

/** Files at least this large use the worker (below it, starting a thread costs more than it saves). */
export const PARALLEL_AT = 32 << 20;
const PIECE = 4 << 20;

/** What a part's collapse sends back: frames and stacks as columns (transferable). */
export interface PartResult {
  names: string[];
  files: string[];
  lines: number[];
  modules: string[];
  kinds: FrameKind[];
  ids: Int32Array;
  offsets: Uint32Array;
  weights: Float64Array;
  samples: number;
  event: string | undefined;
  sawPeriod: boolean;
  command: string | undefined;
  warnings: string[];
}

export interface PartJob {
  path: string;
  start: number;
  end: number;
  options: PerfCollapseOptions;
  eventFilter: string;
  eventDefaulted: boolean;
}

/** Collapses bytes [start, end) of a file (whole samples) from a given event filter state. */
export function collapsePart(job: PartJob): PartResult {
  const warnings: string[] = [];
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
    warnings,
  };
}

/** Runs a part on a worker thread (the default); tests pass one that runs it in this thread. */
export type PartRunner = (job: PartJob) => Promise<PartResult>;

/**
 * The profile of a big `perf script` file, collapsed on two threads; undefined when the file
 * does not suit (small, not plain UTF-8, no event in its head, no blank line near the middle):
 * then the caller imports it the ordinary way.
 */
export async function collapsePerfFileParallel(
  path: string,
  fileName: string,
  options: PerfCollapseOptions,
  importOpts: ImportOptions,
  runPart: PartRunner = runOnWorker,
  minBytes = PARALLEL_AT,
): Promise<Profile | undefined> {
  const size = statSync(path).size;
  if (size < minBytes) return undefined;
  const head = readHead(path);
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return undefined; // gzip
  const { encoding, bomLength } = sniffEncoding(head);
  if (encoding !== 'utf-8') return undefined;
  // The event filter where the second part starts, from the file's head: the first event seen
  // (or --event-filter). Checked against the first part's own state at the cut, below.
  const probe = newCollapser(options);
  const headEnd = head.lastIndexOf(10);
  if (headEnd <= bomLength) return undefined;
  collapseBytes(probe, Buffer.from(head.buffer, head.byteOffset + bomLength, headEnd + 1 - bomLength), {});
  if (probe.eventFilter === '') return undefined;
  const cut = blankLineNear(path, Math.floor(size / 2), size);
  if (cut === undefined) return undefined;
  const job: PartJob = {
    path,
    start: cut,
    end: size,
    options,
    eventFilter: probe.eventFilter,
    eventDefaulted: probe.eventDefaulted,
  };
  const second = runPart(job);
  second.catch(() => {}); // awaited below; a failed worker only means the work is done here
  const c = newCollapser(options);
  for (const piece of rangePieces(path, bomLength, cut)) collapseBytes(c, piece, importOpts);
  let part: PartResult | undefined;
  if (c.pname === undefined && c.eventFilter === job.eventFilter && c.eventDefaulted === job.eventDefaulted) {
    try {
      part = await second;
    } catch {
      part = undefined;
    }
  }
  if (part === undefined) {
    // The worker's starting state was not this one (or it failed): one pass goes on here.
    for (const piece of rangePieces(path, cut, size)) collapseBytes(c, piece, importOpts);
  } else {
    addPart(c, part, importOpts);
  }
  return finishCollapse(c, fileName);
}

/** Adds the second part's samples after the first's, as one pass over both would have. */
function addPart(c: Collapser, part: PartResult, importOpts: ImportOptions): void {
  const p = c.profile;
  const map = new Int32Array(part.names.length);
  for (let id = 0; id < map.length; id++) {
    map[id] = p.intern({
      name: part.names[id],
      file: part.files[id],
      line: part.lines[id],
      module: part.modules[id],
      kind: part.kinds[id],
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
  // The one warning a collapse gives (the event filter's) is given once per file.
  if (!c.eventWarning) for (const w of part.warnings) importOpts.onWarning?.(w);
  c.samples += part.samples;
  c.sawPeriod ||= part.sawPeriod;
  c.event = part.event ?? c.event;
  c.command = part.command ?? c.command;
}

/** The offset just after the first `\n\n` at or after `from` (a sample boundary), if any. */
function blankLineNear(path: string, from: number, size: number): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let at = Math.max(0, from - 1); at < size && at < from + (8 << 20); at += buf.length - 1) {
      const got = readSync(fd, buf, 0, buf.length, at);
      const i = buf.subarray(0, got).indexOf('\n\n');
      if (i !== -1) return at + i + 2 < size ? at + i + 2 : undefined;
      if (got < buf.length) return undefined;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Bytes [start, end) of a file in pieces of a few MB that each end after a `\n` (the last may not). */
function* rangePieces(path: string, start: number, end: number): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(PIECE);
    let filled = 0;
    let at = start;
    for (;;) {
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

function runOnWorker(job: PartJob): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl(import.meta.url, 'perf-script-worker.ts', 'perf-worker.js'), {
        workerData: job,
      });
    } catch (err) {
      reject(err);
      return;
    }
    worker.once('message', (r: PartResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`perf collapse worker exited (${code})`)));
  });
}
