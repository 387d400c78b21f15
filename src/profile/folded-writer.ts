import { frameLabel, type LabelOptions } from './frame-label.js';
import type { Profile } from './profile.js';

/**
 * Canonical folded text: one `frame;frame;... weight` line per distinct stack, root first,
 * sorted frame by frame in code-unit order of the labels (a stack sorts before its extensions),
 * weights as integers when whole, else with up to 6 decimals. The same profile always gives the
 * same bytes. Semicolons and newlines inside a label are replaced (they would split the frame).
 */
export function writeFolded(p: Profile, opts: LabelOptions = {}): string {
  let out = '';
  const decoder = new TextDecoder();
  // Chunks end on line boundaries, so each decodes on its own.
  writeFoldedChunks(
    p,
    (chunk) => {
      out += decoder.decode(chunk);
    },
    opts,
  );
  return out;
}

const CHUNK = 1 << 20;

/**
 * The same bytes as writeFolded, as UTF-8 chunks of about 1 MB that each end with a newline:
 * large profiles can be streamed to a file without building one big string. A chunk is only
 * valid during the callback (the buffer is reused).
 */
export function writeFoldedChunks(
  p: Profile,
  write: (chunk: Uint8Array) => void,
  opts: LabelOptions = {},
): void {
  const labels: string[] = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) labels[id] = sanitizeLabel(frameLabel(p.frame(id), opts));
  const rank = labelRanks(labels);
  // All labels' UTF-8 in one buffer (one allocation, not one typed array per frame).
  const labelStart = new Uint32Array(labels.length + 1);
  for (let id = 0; id < labels.length; id++)
    labelStart[id + 1] = labelStart[id] + Buffer.byteLength(labels[id]);
  const labelBytes = Buffer.from(labels.join(''), 'utf8');
  const { ids, offsets, weights, length } = p.stacks.columns();
  const order = canonicalOrder(ids, offsets, length, rank);
  const labelLen = new Uint32Array(labels.length);
  for (let id = 0; id < labels.length; id++) labelLen[id] = labelStart[id + 1] - labelStart[id];
  let buf = new Uint8Array(CHUNK);
  let pos = 0;
  // The previous line written into buf: its stack and where it starts (-1: not in buf).
  let prevStack = -1;
  let prevPos = -1;
  for (let j = 0; j < length; j++) {
    const i = order === undefined ? j : order[j];
    const w = weights[i];
    if (!(w > 0)) continue;
    const a = offsets[i];
    const b = offsets[i + 1];
    // Sorted neighbours share leading frames: that prefix is copied from the previous line at once.
    let k = a;
    let prefixBytes = 0;
    if (prevPos >= 0) {
      const pa = offsets[prevStack];
      const pb = offsets[prevStack + 1];
      while (pa + (k - a) < pb && k < b && ids[pa + (k - a)] === ids[k])
        prefixBytes += labelLen[ids[k++]] + 1;
      if (k - a < 2) {
        k = a;
        prefixBytes = 0;
      }
    }
    // Whole weights (the common case) are written digit by digit: no string per line.
    const whole = w <= MAX_DIGITS_WEIGHT && Number.isInteger(w);
    const weightText = whole ? '' : formatWeight(w);
    let need = prefixBytes + (whole ? 16 : weightText.length) + 2;
    for (let m = k; m < b; m++) need += labelLen[ids[m]] + 1;
    if (pos + need > buf.length) {
      if (pos > 0) write(buf.subarray(0, pos));
      pos = 0;
      k = a; // the previous line is gone: write every frame
      prefixBytes = 0;
      if (need > buf.length) buf = new Uint8Array(need);
    }
    const lineStart = pos;
    if (prefixBytes > 0) {
      buf.copyWithin(pos, prevPos, prevPos + prefixBytes - 1); // without the last `;`
      pos += prefixBytes - 1;
    }
    prevStack = i;
    prevPos = lineStart;
    for (; k < b; k++) {
      if (k !== a) buf[pos++] = 59; // ;
      const from = labelStart[ids[k]];
      const to = from + labelLen[ids[k]];
      // Short labels byte by byte; long ones natively (Buffer#copy makes no view object).
      if (to - from < 32) for (let c = from; c < to; c++) buf[pos++] = labelBytes[c];
      else pos += labelBytes.copy(buf, pos, from, to);
    }
    buf[pos++] = 32; // space
    if (whole) pos = writeDigits(buf, pos, w);
    else for (let c = 0; c < weightText.length; c++) buf[pos++] = weightText.charCodeAt(c);
    buf[pos++] = 10; // \n
  }
  if (pos > 0) write(buf.subarray(0, pos));
}

/** Integers up to this many (15) digits are exact as doubles and written by writeDigits. */
const MAX_DIGITS_WEIGHT = 999_999_999_999_999;

function writeDigits(buf: Uint8Array, pos: number, w: number): number {
  let digits = 1;
  for (let t = w; t >= 10; t = Math.floor(t / 10)) digits++;
  let v = w;
  for (let k = pos + digits - 1; k >= pos; k--) {
    const q = Math.floor(v / 10);
    buf[k] = 48 + (v - q * 10);
    v = q;
  }
  return pos + digits;
}

/**
 * Stack indices in canonical order (frame by frame by label rank, a stack before its extensions,
 * equal rank sequences by index), or undefined when the stacks are already in that order: a
 * parsed sorted file (the usual case) costs one linear pass and no sort.
 */
function canonicalOrder(
  ids: Int32Array,
  offsets: Uint32Array,
  length: number,
  rank: Int32Array,
): Uint32Array | undefined {
  let sorted = true;
  for (let i = 1; i < length && sorted; i++) sorted = compareStacks(ids, offsets, rank, i - 1, i, 0) < 0;
  if (sorted) return undefined;
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  multikeySort(order, ids, offsets, rank);
  return order;
}

/** Rank sequences compared from depth d; equal sequences by index (what a stable sort gives). */
function compareStacks(
  ids: Int32Array,
  offsets: Uint32Array,
  rank: Int32Array,
  x: number,
  y: number,
  d: number,
): number {
  const ax = offsets[x];
  const nx = offsets[x + 1] - ax;
  const ay = offsets[y];
  const ny = offsets[y + 1] - ay;
  const n = Math.min(nx, ny);
  for (let k = d; k < n; k++) {
    const diff = rank[ids[ax + k]] - rank[ids[ay + k]];
    if (diff !== 0) return diff;
  }
  return nx !== ny ? nx - ny : x - y;
}

/** Rank of stack i's frame at depth d; -1 past its leaf (a stack sorts before its extensions). */
function keyAt(ids: Int32Array, offsets: Uint32Array, rank: Int32Array, i: number, d: number): number {
  const at = offsets[i] + d;
  return at < offsets[i + 1] ? rank[ids[at]] : -1;
}

/**
 * Multikey quicksort (Bentley & Sedgewick): a three-way partition on the frame at depth d, then
 * the equal part moves on to depth d + 1. Shared prefixes are compared once per partition instead
 * of once per comparison, which matters for deep stacks that mostly share their roots.
 */
function multikeySort(order: Uint32Array, ids: Int32Array, offsets: Uint32Array, rank: Int32Array): void {
  const todo: number[] = [0, order.length, 0];
  while (todo.length > 0) {
    const d = todo.pop() as number;
    const hi = todo.pop() as number;
    const lo = todo.pop() as number;
    if (hi - lo < 12) {
      insertionSort(order, lo, hi, ids, offsets, rank, d);
      continue;
    }
    const pivot = medianOf3(
      keyAt(ids, offsets, rank, order[lo], d),
      keyAt(ids, offsets, rank, order[(lo + hi) >>> 1], d),
      keyAt(ids, offsets, rank, order[hi - 1], d),
    );
    const lt = partitionStacks(order, lo, hi, ids, offsets, rank, d, pivot);
    const gt = equalEnd;
    if (lo < lt) todo.push(lo, lt, d);
    if (gt < hi) todo.push(gt, hi, d);
    if (pivot === -1)
      order.subarray(lt, gt).sort(); // identical rank sequences: by index
    else todo.push(lt, gt, d + 1);
  }
}

/** partitionLabels() for stacks: on the frame rank at depth d (see there for why it is a function). */
function partitionStacks(
  order: Uint32Array,
  lo: number,
  hi: number,
  ids: Int32Array,
  offsets: Uint32Array,
  rank: Int32Array,
  d: number,
  pivot: number,
): number {
  let lt = lo;
  let gt = hi;
  let i = lo;
  while (i < gt) {
    const k = keyAt(ids, offsets, rank, order[i], d);
    if (k < pivot) {
      const t = order[lt];
      order[lt++] = order[i];
      order[i++] = t;
    } else if (k > pivot) {
      gt--;
      const t = order[gt];
      order[gt] = order[i];
      order[i] = t;
    } else i++;
  }
  equalEnd = gt;
  return lt;
}

function medianOf3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

function insertionSort(
  order: Uint32Array,
  lo: number,
  hi: number,
  ids: Int32Array,
  offsets: Uint32Array,
  rank: Int32Array,
  d: number,
): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i];
    let j = i - 1;
    while (j >= lo && compareStacks(ids, offsets, rank, order[j], v, d) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}

export function formatWeight(w: number): string {
  if (Number.isInteger(w)) return String(w);
  return String(Number(w.toFixed(6)));
}

export function sanitizeLabel(label: string): string {
  return /[;\n\r]/.test(label) ? label.replace(/;/g, ':').replace(/[\n\r]/g, ' ') : label;
}

/**
 * Each label's rank in code-unit order (equal labels share one). The labels are sorted by a
 * multikey quicksort on their code units, as the stacks are by frame ranks: labels of one profile
 * share long prefixes (`__libc_...`, `[unknown]...`), which a comparison sort compares again at
 * every comparison; here a shared prefix is looked at once per partition. The code units are
 * copied into one typed array first: the sort's loops then read numbers only.
 */
function labelRanks(labels: string[]): Int32Array {
  const units = new LabelUnits(labels);
  const idx = new Uint32Array(labels.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const todo: number[] = [0, idx.length, 0];
  while (todo.length > 0) {
    const d = todo.pop() as number;
    const hi = todo.pop() as number;
    const lo = todo.pop() as number;
    if (hi - lo < 12) {
      insertionSortLabels(idx, lo, hi, units, d);
      continue;
    }
    const pivot = medianOf3(
      units.at(idx[lo], d),
      units.at(idx[(lo + hi) >>> 1], d),
      units.at(idx[hi - 1], d),
    );
    const lt = partitionLabels(idx, lo, hi, units, d, pivot);
    const gt = equalEnd;
    if (lo < lt) todo.push(lo, lt, d);
    if (gt < hi) todo.push(gt, hi, d);
    if (pivot !== -1) todo.push(lt, gt, d + 1); // else equal labels: they share a rank
  }
  const rank = new Int32Array(labels.length);
  let r = 0;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && labels[idx[j]] !== labels[idx[j - 1]]) r++;
    rank[idx[j]] = r;
  }
  return rank;
}

/** The UTF-16 code units of many labels, in one array. */
class LabelUnits {
  private readonly units: Uint16Array;
  private readonly starts: Uint32Array;

  constructor(labels: string[]) {
    this.starts = new Uint32Array(labels.length + 1);
    for (let i = 0; i < labels.length; i++) this.starts[i + 1] = this.starts[i] + labels[i].length;
    // UTF-16LE is the code units as they are (lone surrogates too), copied natively: a JS loop
    // over a million code units would run mostly before V8 has compiled it.
    const bytes = Buffer.from(labels.join(''), 'utf16le');
    if (BIG_ENDIAN) bytes.swap16(); // the Uint16Array below reads them in the host's order
    this.units = new Uint16Array(bytes.length >>> 1);
    new Uint8Array(this.units.buffer).set(bytes);
  }

  /** Code unit d of label i; -1 past its end (a label sorts before its extensions). */
  at(i: number, d: number): number {
    const p = this.starts[i] + d;
    return p < this.starts[i + 1] ? this.units[p] : -1;
  }

  /** Labels i and j compared from code unit d (both are equal before it). */
  compare(i: number, j: number, d: number): number {
    for (let k = d; ; k++) {
      const a = this.at(i, k);
      const b = this.at(j, k);
      if (a !== b || a === -1) return a - b;
    }
  }
}

const BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

/** Where partitionLabels() left the end of the labels equal to the pivot. */
let equalEnd = 0;

/**
 * Three-way partition of idx[lo, hi) on code unit d: below the pivot, equal, above; returns where
 * the equal ones start (their end in equalEnd). Its own function, not a loop inside labelRanks'
 * loop: V8 compiled that inner loop alone (OSR) and threw the code away at every exit from it,
 * hundreds of times per sort (--trace-deopt). Nor is anything computed after the loop: V8 reused
 * code compiled inside the loop, before any operation after it had type feedback, and bailed
 * out there at every call. (So the end goes out through a module variable, not an array.)
 */
function partitionLabels(
  idx: Uint32Array,
  lo: number,
  hi: number,
  units: LabelUnits,
  d: number,
  pivot: number,
): number {
  let lt = lo;
  let gt = hi; // exclusive, so that nothing is computed after the loop (see above)
  let i = lo;
  while (i < gt) {
    const k = units.at(idx[i], d);
    if (k < pivot) {
      const t = idx[lt];
      idx[lt++] = idx[i];
      idx[i++] = t;
    } else if (k > pivot) {
      gt--;
      const t = idx[gt];
      idx[gt] = idx[i];
      idx[i] = t;
    } else i++;
  }
  equalEnd = gt;
  return lt;
}

function insertionSortLabels(idx: Uint32Array, lo: number, hi: number, units: LabelUnits, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = idx[i];
    let j = i - 1;
    while (j >= lo && units.compare(idx[j], v, d) > 0) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}
