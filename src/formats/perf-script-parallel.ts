import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { workerThreads } from '../lib/builtins.js';
import type { Profile } from '../profile/profile.js';
import type { FrameKind } from '../profile/types.js';
import { isGzip, readHead, sniffEncoding } from './input.js';
import { type Collapser, collapseBytes, finishCollapse, newCollapser } from './perf-script.js';
import type { ImportOptions, PerfCollapseOptions } from './types.js';
import { workerUrl } from './worker-url.js';

// `perf script` text of a big file collapsed on two cores. The file is cut at blank lines (sample
// boundaries) into pieces of a few MB; this thread takes pieces from the front, a worker thread
// from the back, each the next one left, until they meet. So the cut between the two parts falls
// wherever the threads meet, whatever each one's speed (the worker starts later, cold, and the
// machine may be busy), and the worker's stacks are added after this thread's. The result is the
// profile one pass gives, byte for byte: the only state a sample boundary carries is the event
// filter (the first event type seen), which both threads read from the file's head and which is
// checked against this thread's state at the cut; when it differs (or the worker fails), this
// thread collapses the worker's part itself.

/** Files at least this large use the worker (below it, starting a thread costs more than it saves). */
export const PARALLEL_AT = 32 << 20;
const PIECE = 4 << 20;
/** At most this many pieces: their indices fit the 16-bit halves of the claims word. */
const MAX_PIECES = 1 << 12;

/** What a piece's lines set besides stacks (file order matters for these: see addPart). */
interface PieceMeta {
  samples: number;
  event: string | undefined;
  sawPeriod: boolean;
  command: string | undefined;
  eventFreq: [string, number][];
  /** The first warning the piece gave (the event filter's), if any. */
  warning: string | undefined;
}

/** What the worker's collapse sends back: frames and stacks as columns (transferable). */
export interface PartResult {
  /** The first piece the worker collapsed (bounds.length - 1 when none): its part starts there. */
  first: number;
  /** Each frame's key in the collapser's labelIds, by frame id. */
  labels: string[];
  names: string[];
  files: string[];
  lines: number[];
  modules: string[];
  kinds: FrameKind[];
  ids: Int32Array;
  offsets: Uint32Array;
  weights: Float64Array;
  /** The worker's pieces, in file order. */
  pieces: PieceMeta[];
}

export interface PartJob {
  path: string;
  /** Piece k is bytes [bounds[k], bounds[k + 1]) of the file, whole samples. */
  bounds: number[];
  /** One word over a SharedArrayBuffer: the pieces left are [front, back) (see takeFront). */
  claims: Int32Array;
  options: PerfCollapseOptions;
}

/** The event filter state where every piece starts, from the file's head; undefined when it has no event. */
interface StartState {
  eventFilter: string;
  eventDefaulted: boolean;
}

/**
 * Collapses pieces from the back of the file, the next one left each time, until the pieces meet
 * this thread's (`maxPieces`: a worker that stops early, for tests). Pieces are collapsed into one
 * profile, each from the start state, their order-dependent metadata kept apart.
 */
export function collapsePart(job: PartJob, maxPieces = MAX_PIECES): PartResult {
  const start = startState(job.path, job.options);
  const c = newCollapser(job.options, start);
  const pieces: PieceMeta[] = [];
  let first = job.bounds.length - 1;
  for (let k = -1; start !== undefined && pieces.length < maxPieces && (k = takeBack(job.claims)) !== -1; ) {
    pieces.unshift(collapsePiece(c, job.path, job.bounds[k], job.bounds[k + 1]));
    first = k;
  }
  const f = c.profile.frames;
  const labels: string[] = new Array(f.size);
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
    pieces,
  };
}

/** One piece collapsed from a sample boundary: its stacks go to c's profile, the rest is returned. */
function collapsePiece(c: Collapser, path: string, start: number, end: number): PieceMeta {
  c.pname = undefined; // a last sample of the file not ended by a blank line is not carried on
  c.idsLen = 0;
  c.samples = 0;
  c.event = undefined;
  c.sawPeriod = false;
  c.command = undefined;
  c.eventFreq = new Map();
  c.eventWarning = false;
  let warning: string | undefined;
  const onWarning = (m: string) => {
    warning ??= m;
  };
  for (const piece of rangePieces(path, start, end)) collapseBytes(c, piece, { onWarning });
  return {
    samples: c.samples,
    event: c.event,
    sawPeriod: c.sawPeriod,
    command: c.command,
    eventFreq: [...c.eventFreq],
    warning,
  };
}

/**
 * Runs collapsePart on a worker thread (the default; tests pass one that runs it in this thread):
 * its result, and stop() for when this thread did every piece and no longer waits for it.
 */
export type PartRunner = (job: PartJob) => { result: Promise<PartResult>; stop: () => void };

/**
 * The profile of a big `perf script` file, collapsed on two threads; undefined when the file
 * does not suit (small, not plain UTF-8, no event in its head, no blank lines to cut at): then
 * the caller imports it the ordinary way.
 */
export async function collapsePerfFileParallel(
  path: string,
  fileName: string,
  options: PerfCollapseOptions,
  importOpts: ImportOptions,
  runPart: PartRunner = runOnWorker,
  minBytes = PARALLEL_AT,
  pieceBytes = PIECE,
): Promise<Profile | undefined> {
  const size = statSync(path).size;
  if (size < minBytes) return undefined;
  const head = readHead(path);
  if (isGzip(head)) return undefined;
  const { encoding, bomLength } = sniffEncoding(head);
  if (encoding !== 'utf-8') return undefined;
  const bounds = pieceBounds(path, bomLength, size, Math.max(pieceBytes, Math.ceil(size / MAX_PIECES)));
  if (bounds.length < 3) return undefined;
  const claims = new Int32Array(new SharedArrayBuffer(4));
  claims[0] = (bounds.length - 1) << 16;
  // The worker first: it takes tens of ms to start, while this thread reads the head and starts
  // on the front pieces.
  const worker = runPart({ path, bounds, claims, options });
  worker.result.catch(() => {}); // awaited below; a failed worker only means the work is done here
  const start = startState(path, options, head);
  if (start === undefined) {
    worker.stop(); // it finds the same, and takes no piece
    return undefined;
  }
  const c = newCollapser(options);
  for (let k = takeFront(claims); k !== -1; k = takeFront(claims)) {
    for (const piece of rangePieces(path, bounds[k], bounds[k + 1])) collapseBytes(c, piece, importOpts);
  }
  const cut = Atomics.load(claims, 0) >>> 16; // the worker's first piece
  if (cut === bounds.length - 1) {
    worker.stop(); // it took no piece: nothing to wait for
    return finishCollapse(c, fileName);
  }
  let part: PartResult | undefined;
  if (
    c.pname === undefined &&
    c.eventFilter === start.eventFilter &&
    c.eventDefaulted === start.eventDefaulted
  ) {
    try {
      part = await worker.result;
    } catch {
      part = undefined;
    }
  } else worker.stop();
  if (part === undefined || part.first !== cut) {
    // The worker's starting state was not this one (or it failed): one pass goes on here.
    for (const piece of rangePieces(path, bounds[cut], size)) collapseBytes(c, piece, importOpts);
  } else {
    addPart(c, part, importOpts);
  }
  return finishCollapse(c, fileName);
}

/** The event filter state at any sample boundary of the file (see collapsePerfFileParallel). */
function startState(
  path: string,
  options: PerfCollapseOptions,
  head: Uint8Array = readHead(path),
): StartState | undefined {
  const { bomLength } = sniffEncoding(head);
  const headEnd = head.lastIndexOf(10);
  if (headEnd <= bomLength) return undefined;
  const probe = newCollapser(options);
  collapseBytes(probe, Buffer.from(head.buffer, head.byteOffset + bomLength, headEnd + 1 - bomLength), {});
  if (probe.eventFilter === '') return undefined;
  return { eventFilter: probe.eventFilter, eventDefaulted: probe.eventDefaulted };
}

/** The next piece from the front, or -1 when the two ends have met. */
function takeFront(claims: Int32Array): number {
  for (;;) {
    const s = Atomics.load(claims, 0);
    const front = s & 0xffff;
    if (front >= s >>> 16) return -1;
    if (Atomics.compareExchange(claims, 0, s, s + 1) === s) return front;
  }
}

/** The next piece from the back, or -1 when the two ends have met. */
function takeBack(claims: Int32Array): number {
  for (;;) {
    const s = Atomics.load(claims, 0);
    const back = s >>> 16;
    if ((s & 0xffff) >= back) return -1;
    if (Atomics.compareExchange(claims, 0, s, s - 0x10000) === s) return back - 1;
  }
}

/**
 * Adds the worker's samples after this thread's, as one pass over both would have: its frames
 * are matched by label (labelIds) and its pieces' metadata applied in file order.
 */
function addPart(c: Collapser, part: PartResult, importOpts: ImportOptions): void {
  const p = c.profile;
  const map = new Int32Array(part.names.length);
  for (let id = 0; id < map.length; id++) {
    const label = part.labels[id];
    let mine = c.labelIds.get(label);
    if (mine === undefined) {
      mine = p.frames.addNew({
        name: part.names[id],
        file: part.files[id],
        line: part.lines[id],
        module: part.modules[id],
        kind: part.kinds[id],
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
    // The one warning a collapse gives (the event filter's) is given once per file.
    if (piece.warning !== undefined && !c.eventWarning) {
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

/**
 * Where the pieces start: `from`, then the sample boundary (just after a `\n\n`) at or after
 * every `step` bytes, then `size`. Strictly increasing; fewer pieces where boundaries are rare.
 */
function pieceBounds(path: string, from: number, size: number, step: number): number[] {
  const bounds = [from];
  const fd = openSync(path, 'r');
  try {
    for (let at = from + step; at < size; at += step) {
      const cut = blankLineNear(fd, Math.max(at, bounds[bounds.length - 1] + 1), size);
      if (cut === undefined) break;
      bounds.push(cut);
      if (cut > at) at = cut;
    }
  } finally {
    closeSync(fd);
  }
  bounds.push(size);
  return bounds;
}

/** The offset just after the first `\n\n` at or after `from` (a sample boundary), if any before the end. */
function blankLineNear(fd: number, from: number, size: number): number | undefined {
  const buf = Buffer.allocUnsafe(1 << 16);
  for (let at = Math.max(0, from - 1); at < size && at < from + (8 << 20); at += buf.length - 1) {
    const got = readSync(fd, buf, 0, buf.length, at);
    const i = buf.subarray(0, got).indexOf('\n\n');
    if (i !== -1) return at + i + 2 < size ? at + i + 2 : undefined;
    if (got < buf.length) return undefined;
  }
  return undefined;
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

function runOnWorker(job: PartJob): { result: Promise<PartResult>; stop: () => void } {
  let worker: Worker | undefined;
  const result = new Promise<PartResult>((resolve, reject) => {
    try {
      worker = new (workerThreads().Worker)(
        workerUrl(import.meta.url, 'perf-script-worker.ts', 'perf-worker.js'),
        {
          workerData: job,
        },
      );
    } catch (err) {
      reject(err);
      return;
    }
    const w = worker;
    w.once('message', (r: PartResult) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`perf collapse worker exited (${code})`)));
  });
  return { result, stop: () => void worker?.terminate() };
}
