// Creeping regressions: a frame whose share rose steadily over the last N baselines although no
// single commit moved it much. The rise is a Theil-Sen fit (robust to outliers), the trend must be
// significant by a one-sided Mann-Kendall test, and a straight line must fit the window at least as
// well as the best single step does (otherwise it is a jump, which change points report).

import { median } from '../lib/math.js';
import { noiseLevel } from './e-divisive.js';
import { type CreepSettings, DEFAULT_CREEP_SETTINGS } from './settings.js';

export interface Creep {
  /** Index (in the series) of the window's first and last values. */
  from: number;
  to: number;
  /** Fitted level at the start and end of the window. */
  start: number;
  end: number;
  rise: number;
  /** rise / start. */
  relative: number;
  /** One-sided Mann-Kendall p-value of the upward trend. */
  pValue: number;
  /** The largest upward steps inside the window, biggest first: index of the later value and size. */
  steps: { index: number; delta: number }[];
}

/** Standard normal upper tail (Abramowitz-Stegun 26.2.17, error < 7.5e-8). */
function upperTail(z: number): number {
  if (z < 0) return 1 - upperTail(-z);
  const t = 1 / (1 + 0.2316419 * z);
  const poly =
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

/** One-sided (increasing) Mann-Kendall p-value with continuity correction. */
export function mannKendallUp(xs: number[]): number {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j] - xs[i]);
  const variance = (n * (n - 1) * (2 * n + 5)) / 18;
  if (s <= 0) return 1;
  return upperTail((s - 1) / Math.sqrt(variance));
}

function theilSen(xs: number[]): { slope: number; intercept: number } {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) slopes.push((xs[j] - xs[i]) / (j - i));
  const slope = median(slopes);
  return { slope, intercept: median(xs.map((x, i) => x - slope * i)) };
}

/** Residual sum of squares of the least-squares line through xs. */
function lineSse(xs: number[]): number {
  const n = xs.length;
  const mx = (n - 1) / 2;
  const my = xs.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (xs[i] - my);
    sxx += (i - mx) ** 2;
  }
  const b = sxy / sxx;
  return xs.reduce((acc, x, i) => acc + (x - (my + b * (i - mx))) ** 2, 0);
}

/** Residual sum of squares of the best two-level step (at least two values per side). */
function stepSse(xs: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 2; k <= xs.length - 2; k++) {
    const a = xs.slice(0, k);
    const b = xs.slice(k);
    const ma = a.reduce((s, x) => s + x, 0) / a.length;
    const mb = b.reduce((s, x) => s + x, 0) / b.length;
    const sse = a.reduce((s, x) => s + (x - ma) ** 2, 0) + b.reduce((s, x) => s + (x - mb) ** 2, 0);
    best = Math.min(best, sse);
  }
  return best;
}

/** The creep over the last `window` values of `series`, or null when it is not creeping. */
export function detectCreep(series: ArrayLike<number>, settings: Partial<CreepSettings> = {}): Creep | null {
  const s = { ...DEFAULT_CREEP_SETTINGS, ...settings };
  const w = Math.max(4, Math.floor(s.window));
  if (series.length < w) return null;
  const from = series.length - w;
  const xs = Array.from({ length: w }, (_, i) => series[from + i]);
  const { slope, intercept } = theilSen(xs);
  const start = intercept;
  const end = intercept + slope * (w - 1);
  const rise = end - start;
  if (!(rise >= s.minAbsoluteRise) || !(start > 0) || rise / start < s.minRelativeRise) return null;
  // Noisy frames wander: the rise must also stand clear of the frame's run-to-run noise.
  if (rise < s.minNoiseMultiple * noiseLevel(series)) return null;
  const pValue = mannKendallUp(xs);
  if (pValue > s.trendPValue) return null;
  if (lineSse(xs) > stepSse(xs)) return null;
  const steps = xs
    .slice(1)
    .map((x, i) => ({ index: from + i + 1, delta: x - xs[i] }))
    .filter((st) => st.delta > 0)
    .sort((a, b) => b.delta - a.delta || a.index - b.index)
    .slice(0, 3);
  return { from, to: series.length - 1, start, end, rise, relative: rise / start, pValue, steps };
}
