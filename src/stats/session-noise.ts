// Between-session noise: how far a frame's share moves from one session (runner, hour, load) to
// the next. Runs of one side share a session, so their spread cannot show it; the stored
// baselines of consecutive base-branch commits can, because each was recorded in its own session.
// For each frame: the median absolute difference of its share between consecutive baselines
// (robust: a real change between two commits is one large difference, not the median), shrunk
// towards a default prior when the history is short. See docs/statistics.md ("Between sessions").

import { parseFrameLabel } from '../profile/frame-label.js';
import { EXCLUDED_FROM_USER_MASS, type RuntimeClass, runtimeClass } from '../profile/runtime-frames.js';
import { normalQuantile } from './distributions.js';

/** One stored baseline as the history file keeps it (structurally a history entry). */
export interface BaselineShares {
  frames: readonly { key: string; share: number }[];
}

/** Fewer stored baselines than this: the prior alone (two baselines give one difference). */
export const MIN_BASELINES = 3;
/** At most this many of the newest baselines are used: the runners of two years ago are not these. */
export const MAX_BASELINES = 30;
/** Prior degrees of freedom of the per-session variance. */
export const PRIOR_DF = 2;
/**
 * Degrees of freedom one baseline-to-baseline difference adds to a median-absolute-difference
 * estimate: the median's efficiency against the sd is 37% for normal data.
 */
export const DF_PER_DIFF = 0.37;
/**
 * Prior relative sd of a frame's share per session, on the logit scale (sd / (p (1 - p))): user
 * code moves a little with the runner (memory-bound code, I/O); runtime frames (GC, JIT, idle,
 * kernel) follow the machine's load (measured: the Node example's GC took 15-23% of samples
 * depending on what ran on the other core). The user prior is small on purpose: a frame that
 * moves more than it shows it in the stored baselines (learned per frame), and a stored-baseline
 * failure is confirmed interleaved before the check fails (pipeline/confirm.ts); at 1% it cost
 * 1.5 points of power on a +20% change of a 5% frame (bench/RESULTS.md).
 */
export const PRIOR_REL_SD = { user: 0.005, runtime: 0.2 } as const;
/**
 * The same sd for a user frame that *improved* between separate sessions. Nothing confirms an
 * improvement (it never fails the check), so it carries the session shift the small prior leaves
 * to that confirmation: the shipped demo, recorded twice, showed the unchanged callback of
 * `tokenise` 22% under its diluted base share in one head session (5 tight runs) and on it in the
 * other. At 10% the 99% allowance is 2.58 x sqrt 2 x 0.1 = 0.36 on the logit scale, about
 * 36% x (1 - share) of a frame's share: a frame must get roughly a third faster for an
 * improvement to be claimed across sessions (interleaved runs need only the 5% floor).
 */
export const IMPROVEMENT_REL_SD = 0.1;
const classes = new Map<string, RuntimeClass | null>();
function classOf(key: string): RuntimeClass | null {
  let c = classes.get(key);
  if (c === undefined) {
    const f = parseFrameLabel(key);
    c = runtimeClass({ name: f.name, file: f.file ?? '', kind: f.kind ?? 'other' });
    if (classes.size < 100_000) classes.set(key, c);
  }
  return c;
}

function onUserScale(e: BaselineShares, userScale: number): BaselineShares {
  if (userScale >= 1) return e;
  let excluded = 0;
  for (const f of e.frames) {
    const c = classOf(f.key);
    if (c !== null && EXCLUDED_FROM_USER_MASS.has(c)) excluded += f.share;
  }
  const u = Math.max(0.05, 1 - excluded);
  return {
    frames: e.frames.map((f) =>
      classOf(f.key) === null ? { key: f.key, share: (f.share / u) * userScale } : f,
    ),
  };
}

/**
 * The history is used for a frame only when its baseline-to-baseline variance exceeds the
 * within-session variance by more than chance explains at this level: the ratio is compared with
 * the chi^2 / df quantile at the estimate's degrees of freedom. A per-frame gate at a loose level
 * would widen hundreds of quiet frames by chance, and with them the injected regression's test.
 */
export const QUIET_LEVEL = 0.999;

/** Quantile of chi^2 / df (Wilson-Hilferty: at the 99.9% level at most 3% high for df >= 1). */
export function quietRatio(df: number, level = QUIET_LEVEL): number {
  const z = normalQuantile(level);
  const a = 2 / (9 * df);
  return Math.max(1, 1 - a + z * Math.sqrt(a)) ** 3;
}

/** median |d| of a normal difference is 0.6745 sd. */
const MAD_TO_SD = 1 / 0.6744897501960817;

export interface SpreadTable {
  /** Baselines used (the newest, at most MAX_BASELINES). */
  baselines: number;
  /** Per frame key: variance of the difference between consecutive baselines, and how many. */
  diffVar: Map<string, { v: number; n: number }>;
}

/**
 * Robust spread of every frame's share between consecutive stored baselines (oldest first). With
 * `userScale` < 1, user frames' shares are first put on the scale the comparison tests them on:
 * divided by the baseline's user fraction (1 - the shares of its GC, compiler and idle frames)
 * and multiplied by `userScale`, so a runtime shift between baselines does not count as movement
 * of every user frame.
 */
export function baselineSpread(history: readonly BaselineShares[], userScale = 1): SpreadTable {
  const used = history
    .slice(Math.max(0, history.length - MAX_BASELINES))
    .map((e) => onUserScale(e, userScale));
  const diffs = new Map<string, number[]>();
  for (let i = 1; i < used.length; i++) {
    const prev = new Map(used[i - 1].frames.map((f) => [f.key, f.share]));
    for (const f of used[i].frames) {
      // A frame missing from an entry was not among that baseline's tracked frames: unknown, not 0.
      const p = prev.get(f.key);
      if (p === undefined || !Number.isFinite(p) || !Number.isFinite(f.share)) continue;
      let list = diffs.get(f.key);
      if (!list) diffs.set(f.key, (list = []));
      list.push(Math.abs(f.share - p));
    }
  }
  const diffVar = new Map<string, { v: number; n: number }>();
  for (const [key, list] of diffs) {
    list.sort((a, b) => a - b);
    const m = list.length >> 1;
    const med = list.length % 2 ? list[m] : (list[m - 1] + list[m]) / 2;
    diffVar.set(key, { v: (med * MAD_TO_SD) ** 2, n: list.length });
  }
  return { baselines: used.length, diffVar };
}

export interface SessionTerm {
  /** Variance of one session's shift of the frame's share (add twice for base vs head). */
  perSession: number;
  /** The prior's value, for reporting which frames the history widened. */
  prior: number;
  /** Baseline-to-baseline differences of this frame the estimate used (0: prior only). */
  diffs: number;
  /** Degrees of freedom of perSession (Infinity: the prior alone, taken as known). */
  df: number;
}

/**
 * The between-session variance of one frame. `level` is its share (0-1, on the scale it is tested
 * on, `scale` times the share of the mass it is a share of), `runtime` whether it is a runtime
 * frame, `withinVar` the within-session variance of head - base the per-frame test already counts
 * (sampling and run-to-run jitter; the same noise is inside the baselines' differences).
 */
export function sessionTerm(
  spread: SpreadTable | null,
  key: string,
  level: number,
  scale: number,
  runtime: boolean,
  withinVar: number,
): SessionTerm {
  const y = Math.min(1, Math.max(0, level / scale));
  const g = scale * y * (1 - y);
  const prior = ((runtime ? PRIOR_REL_SD.runtime : PRIOR_REL_SD.user) * g) ** 2;
  const h = spread && spread.baselines >= MIN_BASELINES ? spread.diffVar.get(key) : undefined;
  if (!h || h.n === 0) return { perSession: prior, prior, diffs: 0, df: Number.POSITIVE_INFINITY };
  // A frame whose baselines moved no more than the within-session noise explains (below the 90th
  // percentile of that ratio with no session effect) keeps the prior: learning a small variance
  // from a handful of differences would only add noise to a quiet frame's test.
  if (h.v <= quietRatio(DF_PER_DIFF * h.n) * withinVar)
    return { perSession: prior, prior, diffs: h.n, df: Number.POSITIVE_INFINITY };
  // Var(difference of two baselines) = 2 Var(session) + what the per-frame test already counts.
  // The difference may come out negative (a quiet frame): kept, so that quiet frames are not
  // biased upwards, but the result never goes below the prior's own share of the estimate.
  const measured = (h.v - withinVar) / 2;
  const nu = DF_PER_DIFF * h.n;
  const w0 = PRIOR_DF / (PRIOR_DF + nu);
  const perSession = Math.max(w0 * prior, w0 * prior + (1 - w0) * measured);
  return { perSession, prior, diffs: h.n, df: PRIOR_DF + nu };
}
