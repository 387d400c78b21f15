// E-Divisive means (Matteson & James 2014, "A nonparametric approach for multiple change point
// analysis of multivariate data"), the method MongoDB's performance CI and Apache Otava (Hunter)
// use for noisy benchmark series. Binary segmentation: find the split that maximises the energy
// statistic Q, keep it when a seeded permutation test says it is significant and the shift is large
// enough to matter, then look inside each side.
//
// With alpha = 1 the statistic needs sums of |Zi - Zj| over pairs. Those are computed for every
// split in O(n log n) with Fenwick trees over value ranks (ranks survive permutation, so each
// permutation is a shuffle plus two linear passes), which keeps 200 frames x 500 commits fast.

import { mean } from '../lib/math.js';
import { seededRandom } from '../lib/random.js';
import { type ChangePointSettings, DEFAULT_CHANGE_POINT_SETTINGS } from './settings.js';

export interface ChangePoint {
  /** Index in the series of the first value after the shift. */
  index: number;
  /** Mean of the segment before the shift and of the segment after it. */
  before: number;
  after: number;
  /** after - before, in the series' unit. */
  delta: number;
  /** delta / |before|; null when before is 0. */
  relative: number | null;
  /** Permutation p-value of the split when it was found. */
  pValue: number;
}

interface Split {
  tau: number;
  q: number;
}

/** Scratch buffers reused across segments, permutations and series of the same length. */
class Workspace {
  vals: Float64Array;
  ranks: Int32Array;
  cnt: Int32Array;
  sum: Float64Array;
  wl: Float64Array;
  wr: Float64Array;
  order: number[] = [];
  constructor(readonly capacity: number) {
    this.vals = new Float64Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.cnt = new Int32Array(capacity + 1);
    this.sum = new Float64Array(capacity + 1);
    this.wl = new Float64Array(capacity + 1);
    this.wr = new Float64Array(capacity + 1);
  }
}

let shared: Workspace | null = null;
function workspace(n: number): Workspace {
  if (!shared || shared.capacity < n) shared = new Workspace(Math.max(n, 64));
  return shared;
}

/**
 * Fills `out[i]` with the sum of |Zj - Zk| over pairs inside the first i points taken in `dir`
 * order (forward: prefixes, backward: suffixes), using a Fenwick tree of counts and sums by rank.
 * This is the hot loop of the permutation test, so it is written out flat.
 */
function pairSums(ws: Workspace, len: number, forward: boolean, out: Float64Array): void {
  const { vals, ranks, cnt, sum } = ws;
  cnt.fill(0, 0, len + 1);
  sum.fill(0, 0, len + 1);
  let totC = 0;
  let totS = 0;
  let acc = 0;
  out[forward ? 0 : len] = 0;
  for (let step = 0; step < len; step++) {
    const i = forward ? step : len - 1 - step;
    const z = vals[i];
    const rank = ranks[i] + 1;
    let c = 0;
    let s = 0;
    for (let j = rank; j > 0; j -= j & -j) {
      c += cnt[j];
      s += sum[j];
    }
    acc += z * c - s + (totS - s) - z * (totC - c);
    for (let j = rank; j <= len; j += j & -j) {
      cnt[j]++;
      sum[j] += z;
    }
    totC++;
    totS += z;
    out[forward ? i + 1 : i] = acc;
  }
}

/** Within-sums of every prefix (wl) and suffix (wr) of ws.vals[0, len). */
function withinSums(ws: Workspace, len: number): void {
  pairSums(ws, len, true, ws.wl);
  pairSums(ws, len, false, ws.wr);
}

/** The split of ws.vals[0, len) with the largest energy statistic Q. */
function bestSplit(ws: Workspace, len: number, minSegment: number): Split {
  withinSums(ws, len);
  const { wl, wr } = ws;
  const total = wl[len];
  let best: Split = { tau: -1, q: Number.NEGATIVE_INFINITY };
  for (let tau = minSegment; tau <= len - minSegment; tau++) {
    const m = tau;
    const k = len - tau;
    const between = total - wl[tau] - wr[tau];
    const e =
      (2 * between) / (m * k) -
      (m > 1 ? (2 * wl[tau]) / (m * (m - 1)) : 0) -
      (k > 1 ? (2 * wr[tau]) / (k * (k - 1)) : 0);
    const q = ((m * k) / (m + k)) * e;
    if (q > best.q) best = { tau, q };
  }
  return best;
}

/** Loads series[start, end) into the workspace with ranks (ties broken by position, harmlessly). */
function loadSegment(ws: Workspace, series: ArrayLike<number>, start: number, end: number): number {
  const len = end - start;
  const order = ws.order;
  order.length = len;
  for (let i = 0; i < len; i++) {
    ws.vals[i] = series[start + i];
    order[i] = i;
  }
  order.sort((a, b) => ws.vals[a] - ws.vals[b] || a - b);
  for (let r = 0; r < len; r++) ws.ranks[order[r]] = r;
  return len;
}

/** Shuffles values and their ranks together (Fisher-Yates). */
function shuffle(ws: Workspace, len: number, random: () => number): void {
  const { vals, ranks } = ws;
  for (let i = len - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const v = vals[i];
    vals[i] = vals[j];
    vals[j] = v;
    const r = ranks[i];
    ranks[i] = ranks[j];
    ranks[j] = r;
  }
}

/**
 * Permutation p-value of `observed` for the loaded segment. Stops as soon as the p-value can no
 * longer reach the threshold (sequential Monte Carlo test), so flat segments cost little.
 */
function permutationPValue(
  ws: Workspace,
  len: number,
  observed: number,
  s: ChangePointSettings,
  random: () => number,
): number {
  let exceed = 0;
  const limit = s.pValue * (s.permutations + 1) - 1 + 1e-9;
  for (let p = 0; p < s.permutations; p++) {
    shuffle(ws, len, random);
    if (bestSplit(ws, len, s.minSegment).q >= observed * (1 - 1e-12)) {
      exceed++;
      if (exceed > limit) return (exceed + 1) / (p + 2);
    }
  }
  return (exceed + 1) / (s.permutations + 1);
}

type Floor = ChangePointSettings & { noise: number };

function bigEnough(before: number, after: number, s: Floor, scale = 1): boolean {
  const delta = Math.abs(after - before);
  return (
    delta >= scale * s.minAbsoluteChange &&
    delta >= scale * s.minRelativeChange * Math.abs(before) &&
    delta >= scale * s.minNoiseMultiple * s.noise
  );
}

/**
 * While segmenting, a split is tested when it clears half the floors: the best split of a segment
 * holding two shifts in opposite directions mixes them and looks smaller than either. The full
 * floors apply to the final, neighbour-to-neighbour sizes (see describe).
 */
const SEARCH_FLOOR_SCALE = 0.5;

/**
 * Run-to-run noise of a series as a standard deviation: 1.4826 x MAD of consecutive differences,
 * divided by sqrt 2. Differencing removes level shifts, so the estimate ignores the changes we are
 * looking for; the median ignores outliers.
 */
export function noiseLevel(series: ArrayLike<number>): number {
  const n = series.length;
  if (n < 3) return 0;
  const d = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) d[i - 1] = Math.abs(series[i] - series[i - 1]);
  d.sort();
  const m = d.length >> 1;
  const med = d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2;
  return (1.4826 * med) / Math.SQRT2;
}

/** Change points of `series`, ordered by index. Deterministic for a given settings.seed / seed. */
export function detectChangePoints(
  series: ArrayLike<number>,
  settings: Partial<ChangePointSettings> = {},
  seed?: number,
): ChangePoint[] {
  const s = { ...DEFAULT_CHANGE_POINT_SETTINGS, ...settings };
  const n = series.length;
  const minSeg = Math.max(2, Math.floor(s.minSegment));
  const cfg: Floor = { ...s, minSegment: minSeg, noise: noiseLevel(series) };
  const random = seededRandom(seed ?? s.seed);
  const ws = workspace(n);
  const found = new Map<number, number>();
  const todo: [number, number][] = [[0, n]];
  while (todo.length > 0) {
    const [start, end] = todo.pop()!;
    if (end - start < 2 * minSeg) continue;
    const len = loadSegment(ws, series, start, end);
    const split = bestSplit(ws, len, minSeg);
    if (split.tau < 0 || !(split.q > 0)) continue;
    const at = start + split.tau;
    if (!bigEnough(mean(series, start, at), mean(series, at, end), cfg, SEARCH_FLOOR_SCALE)) continue;
    const p = permutationPValue(ws, len, split.q, cfg, random);
    if (p > s.pValue) continue;
    found.set(at, p);
    todo.push([at, end], [start, at]);
  }
  return describe(series, found, cfg);
}

/**
 * Sizes each change point against its neighbouring segments and drops, smallest first, any that
 * no longer clears the effect floor once its neighbours are known (their segments then merge).
 */
function describe(series: ArrayLike<number>, found: Map<number, number>, s: Floor): ChangePoint[] {
  const idx = [...found.keys()].sort((a, b) => a - b);
  for (;;) {
    const cps = idx.map((index, i) => {
      const before = mean(series, i === 0 ? 0 : idx[i - 1], index);
      const after = mean(series, index, i === idx.length - 1 ? series.length : idx[i + 1]);
      const delta = after - before;
      return {
        index,
        before,
        after,
        delta,
        relative: before !== 0 ? delta / Math.abs(before) : null,
        pValue: found.get(index)!,
      };
    });
    let weakest = -1;
    for (let i = 0; i < cps.length; i++) {
      if (bigEnough(cps[i].before, cps[i].after, s)) continue;
      if (weakest < 0 || Math.abs(cps[i].delta) < Math.abs(cps[weakest].delta)) weakest = i;
    }
    if (weakest < 0) return cps;
    idx.splice(weakest, 1);
  }
}
