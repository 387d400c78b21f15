// The benchmark's cells: each is a pure function of its parameters and seeds, so workers can run
// them in any order and the figures are reproducible.
import { normalQuantile, normalUpper } from '../../src/stats/distributions.js';
import { compareRuns, DEFAULT_COMPARE_SETTINGS, type RunInput } from '../../src/stats/index.js';
import { makeRng } from '../../test/support/random.js';
import {
  buildModel,
  type Model,
  type NoiseParams,
  runShare,
  type SimRun,
  simulateRun,
  simulateSet,
  trueShares,
} from '../../test/support/simulate.js';

export const MODEL: Model = buildModel();
export const TARGET_NAMES = { '1%': 'hot1', '5%': 'hot5', '20%': 'hot20' } as const;
export type TargetName = keyof typeof TARGET_NAMES;

const inputs = (runs: SimRun[]): RunInput[] => runs.map((r) => ({ profile: r.profile }));

function cellSeed(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return (h >>> 0) & 0x3fffffff;
}

/** Frames the ideal test watches: true share >= minShare (what the real test keeps). */
const WATCHED = trueShares(MODEL)
  .map((s, f) => [s, f] as const)
  .filter(([s]) => s >= DEFAULT_COMPARE_SETTINGS.minShare && s < 0.999)
  .map(([, f]) => f);

const sigmaCache = new Map<string, Float64Array>();

/** True per-run sd of every frame's share under the noise (Monte Carlo, 4000 runs, fixed seed). */
export function trueSigma(noise: NoiseParams): Float64Array {
  const key = JSON.stringify(noise);
  const cached = sigmaCache.get(key);
  if (cached) return cached;
  const rng = makeRng(99);
  const n = MODEL.frames.length;
  const s1 = new Float64Array(n);
  const s2 = new Float64Array(n);
  const R = 4000;
  for (let r = 0; r < R; r++) {
    const run = simulateRun(MODEL, noise, rng);
    for (const f of WATCHED) {
      const x = runShare(MODEL, run, f);
      s1[f] += x;
      s2[f] += x * x;
    }
  }
  const sd = new Float64Array(n);
  for (const f of WATCHED) sd[f] = Math.sqrt(Math.max(0, (s2[f] - (s1[f] * s1[f]) / R) / (R - 1)));
  sigmaCache.set(key, sd);
  return sd;
}

export interface AaResult {
  falseAlarms: number;
  trials: number;
  /** Per trial: the ideal test's smallest weighted one-sided p (p / w) among frames passing the floors. */
  idealMin: number[];
  ms: number;
}

/** A/A: same profile both sides; a false alarm is any frame flagged regressed (or new). */
export function runAa(noise: NoiseParams, n: number, trials: number): AaResult {
  const sigma = trueSigma(noise);
  const seed0 = cellSeed(`aa/${JSON.stringify(noise)}/${n}`);
  const idealMin: number[] = [];
  let falseAlarms = 0;
  const t0 = performance.now();
  for (let t = 0; t < trials; t++) {
    const b = simulateSet(MODEL, noise, n, seed0 + 2 * t);
    const h = simulateSet(MODEL, noise, n, seed0 + 2 * t + 1);
    const rep = compareRuns(inputs(b), inputs(h));
    if (rep.frames.some((f) => f.status === 'regressed' || f.status === 'new')) falseAlarms++;
    idealMin.push(idealStatistic(b, h, sigma, n));
  }
  return { falseAlarms, trials, idealMin, ms: performance.now() - t0 };
}

/** The same family weights flamediff uses (sqrt of share), from the true shares, mean 1. */
const TRUE_SHARES = trueShares(MODEL);
const WEIGHT = (() => {
  const w = new Float64Array(MODEL.frames.length);
  let sum = 0;
  for (const f of WATCHED) sum += Math.sqrt(TRUE_SHARES[f]);
  for (const f of WATCHED) w[f] = (Math.sqrt(TRUE_SHARES[f]) * WATCHED.length) / sum;
  return w;
})();

const NOTHING = 1e9;

function idealStatistic(b: SimRun[], h: SimRun[], sigma: Float64Array, n: number): number {
  // Finite "nothing flagged" value: results cross a JSON channel (Infinity would become null).
  let best = NOTHING;
  const s = DEFAULT_COMPARE_SETTINGS;
  for (const f of WATCHED) {
    const mb = b.reduce((a, r) => a + runShare(MODEL, r, f), 0) / n;
    const mh = h.reduce((a, r) => a + runShare(MODEL, r, f), 0) / n;
    const d = mh - mb;
    if (d < s.minEffect || d < s.minRelEffect * mb) continue;
    const p = normalUpper(d / (sigma[f] * Math.sqrt(2 / n))) / WEIGHT[f];
    if (p < best) best = p;
  }
  return best;
}

export interface PowerResult {
  detected: number;
  rankedFirst: number;
  trials: number;
  ms: number;
}

/** Injected regression: the target's cost x (1 + effect) on the head side only. */
export function runPower(
  noise: NoiseParams,
  n: number,
  target: TargetName,
  effect: number,
  trials: number,
  seedLabel = '',
): PowerResult {
  const f = MODEL.targets[target];
  const name = TARGET_NAMES[target];
  const seed0 = cellSeed(`power/${JSON.stringify(noise)}/${n}/${target}${seedLabel}`);
  let detected = 0;
  let rankedFirst = 0;
  const t0 = performance.now();
  for (let t = 0; t < trials; t++) {
    const b = simulateSet(MODEL, noise, n, seed0 + 2 * t);
    const h = simulateSet(MODEL, noise, n, seed0 + 2 * t + 1, effect, f);
    const rep = compareRuns(inputs(b), inputs(h));
    const fr = rep.frames.find((x) => x.name === name);
    if (fr && fr.status === 'regressed') detected++;
    if (fr && fr.rank === 1) rankedFirst++;
  }
  return { detected, rankedFirst, trials, ms: performance.now() - t0 };
}

/** Smallest effect (relative to the frame's cost) detected with 80% power, by bisection on a log scale with common random numbers. */
export function mdeOurs(noise: NoiseParams, n: number, target: TargetName, trials: number): number {
  let lo = 0.01;
  let hi = 2;
  for (let i = 0; i < 7; i++) {
    const mid = Math.sqrt(lo * hi);
    const r = runPower(noise, n, target, mid, trials, '/mde');
    if (r.detected / r.trials >= 0.8) hi = mid;
    else lo = mid;
  }
  return Math.sqrt(lo * hi);
}

/**
 * The ideal test knows every frame's true per-run noise (sd of its share, from the simulator): it
 * flags frame f when its one-sided p-value (known-variance z-test) is below kappa * w_f, with the
 * same family weights w_f and effect floors as flamediff, and kappa set so that its A/A
 * false-alarm rate equals flamediff's measured one. Its power is then analytic.
 */
export function idealThreshold(aa: AaResult): number {
  const rate = Math.max(aa.falseAlarms, 1) / aa.trials;
  const sorted = aa.idealMin.map((x) => (x === null ? NOTHING : x)).sort((x, y) => x - y);
  const k = Math.min(sorted.length - 1, Math.max(0, Math.floor(rate * sorted.length)));
  return sorted[k];
}

function idealCritical(target: TargetName, kappa: number): number {
  const f = MODEL.targets[target];
  return -normalQuantile(Math.min(0.5, Math.max(1e-300, kappa * WEIGHT[f])));
}

export function idealPower(
  noise: NoiseParams,
  n: number,
  target: TargetName,
  effect: number,
  kappa: number,
): number {
  const f = MODEL.targets[target];
  const p = TRUE_SHARES[f];
  const delta = trueShares(MODEL, effect, f)[f] - p;
  const sd = trueSigma(noise)[f] * Math.sqrt(2 / n);
  const s = DEFAULT_COMPARE_SETTINGS;
  const thr = Math.max(idealCritical(target, kappa) * sd, s.minEffect, s.minRelEffect * p);
  return normalUpper((thr - delta) / sd);
}

export function mdeIdeal(noise: NoiseParams, n: number, target: TargetName, kappa: number): number {
  const f = MODEL.targets[target];
  const p = TRUE_SHARES[f];
  const sd = trueSigma(noise)[f] * Math.sqrt(2 / n);
  const s = DEFAULT_COMPARE_SETTINGS;
  const thr = Math.max(idealCritical(target, kappa) * sd, s.minEffect, s.minRelEffect * p);
  const delta = thr + normalQuantile(0.8) * sd;
  return delta / (p * (1 - p - delta));
}
