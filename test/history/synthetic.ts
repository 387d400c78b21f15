// Generated histories with known shifts and creeps, for tests and bench/history.bench.ts.
import { appendHistory, emptyHistory } from '../../src/history/append.js';
import type { HistoryFile, HistoryLimits } from '../../src/history/types.js';
import { seededRandom } from '../../src/lib/random.js';

export interface Shift {
  frame: number;
  /** Entry index of the first commit at the new level. */
  at: number;
  /** Multiplier of the frame's share from `at` on. */
  factor: number;
}

export interface CreepSpec {
  frame: number;
  /** First entry that is higher than the one before. */
  from: number;
  /** Relative rise per commit (0.01 = 1%). */
  perStep: number;
}

export interface SyntheticSpec {
  commits: number;
  frames: number;
  seed?: number;
  /** Relative run-to-run noise of each share (0.02 = 2%). */
  noise?: number;
  shifts?: Shift[];
  creeps?: CreepSpec[];
  totalShifts?: { at: number; factor: number }[];
  /** Frame names to use instead of generated ones (by frame index). */
  names?: Record<number, string>;
  /** Frames that carry all of another frame's samples (callers such as main): the same share. */
  wrappers?: { of: number; names: string[] }[];
  /** Pull request numbers on every k-th commit. */
  pullEvery?: number;
  limits?: Partial<HistoryLimits>;
}

export function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export function frameName(i: number): string {
  return `src/app/module_${i % 17}.py:handler_${i}`;
}

/** A fake but valid 40-hex sha for commit i. */
export function shaOf(i: number, seed = 1): string {
  const r = seededRandom(i * 7919 + seed * 104729);
  let s = '';
  for (let k = 0; k < 40; k++) s += Math.floor(r() * 16).toString(16);
  return s;
}

/** Shares follow a Zipf-like curve so a few frames dominate, as in real profiles. */
export function syntheticHistory(spec: SyntheticSpec): HistoryFile {
  const seed = spec.seed ?? 1;
  const r = seededRandom(seed);
  const noise = spec.noise ?? 0.02;
  const base = Array.from({ length: spec.frames }, (_, i) => 0.6 / (i + 1) ** 0.8);
  let h = emptyHistory('main');
  const t0 = Date.UTC(2026, 0, 1);
  for (let c = 0; c < spec.commits; c++) {
    let total = 2;
    for (const s of spec.totalShifts ?? []) if (c >= s.at) total *= s.factor;
    total *= 1 + noise * gaussian(r);
    const frames = base.map((b, i) => {
      let share = b;
      for (const s of spec.shifts ?? []) if (s.frame === i && c >= s.at) share *= s.factor;
      for (const k of spec.creeps ?? [])
        if (k.frame === i && c >= k.from) share *= (1 + k.perStep) ** (c - k.from + 1);
      share = Math.min(1, Math.max(0, share * (1 + noise * gaussian(r))));
      return {
        key: spec.names?.[i] ?? frameName(i),
        share,
        selfShare: share / 3,
        timeSeconds: share * total,
      };
    });
    for (const w of spec.wrappers ?? []) for (const key of w.names) frames.push({ ...frames[w.of], key });
    h = appendHistory(
      h,
      {
        sha: shaOf(c, seed),
        date: new Date(t0 + c * 63_000_000).toISOString(),
        total,
        totalMeasure: 'wallSeconds',
        frames,
        ...(spec.pullEvery && c % spec.pullEvery === 0 ? { pull: 100 + c } : {}),
        runs: 5,
      },
      spec.limits,
    );
  }
  return h;
}
