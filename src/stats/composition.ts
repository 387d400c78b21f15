// Shares are compositional: when one frame's cost changes, every other frame's share moves the
// other way. A frame made faster inflates the shares of everything else, so with shares alone a
// pure speed-up looks like a regression of every other frame (and would fail the check).
//
// The way out is the one RNA-seq uses for the same problem (DESeq's median-of-ratios): most of a
// profile's cost does not change between two commits, so the mass-weighted median of the frames'
// head/base self-share ratios estimates how much an unchanged frame's share moved (kappa), and a
// frame changed only if it moved differently. kappa is trusted only when the frames that agree
// with it hold a good part of the self mass and no single frame holds half of it; otherwise (say one leaf
// holds 60% of the samples and doubled) the median would pick that frame as the reference and
// explain its regression away, so nothing is adjusted.
import { median } from 'simple-statistics';
import { normalQuantile } from './distributions.js';
import type { FrameResult } from './types.js';

/** Self-share ratio of frames that agree with kappa: this close to it, or within their noise. */
const MIN_TOLERANCE = 0.02;
/**
 * Share of the self mass that must agree with kappa. Below half on purpose: a commit that changes
 * three frames of a ten-frame profile can leave only 45% of the mass untouched.
 */
const MIN_AGREEING = 0.4;

/** Frames with fewer self samples than this on a side are too noisy to vote on kappa. */
const MIN_VOTE_SAMPLES = 20;

export interface Composition {
  /** Head/base factor of an unchanged frame's share. */
  kappa: number;
  /** Standard error of log kappa. */
  se: number;
}

/**
 * kappa: the factor by which an unchanged frame's share moved from base to head, with the
 * standard error of its log; null when the profile cannot say (too few agreeing frames, or one
 * frame holds half the mass). The median is over frames, not weighted by mass: a frame holding
 * 20% of the samples that grew would otherwise drag the median its way by 20% of the mass.
 * `samplesBase`/`samplesHead` are the sides' total samples over all runs.
 */
export function compositionFactor(
  frames: readonly FrameResult[],
  samplesBase: number,
  samplesHead: number,
): Composition | null {
  // Voters: frames with enough self samples on both sides. Every frame's mass counts in the total.
  const voters: { r: number; w: number; tol: number }[] = [];
  let mass = 0;
  for (const f of frames) {
    const b = f.base.selfMean;
    const h = f.head.selfMean;
    if (!(b > 0) || !(h > 0)) continue;
    const w = (b + h) / 2;
    mass += w;
    if (b * samplesBase < MIN_VOTE_SAMPLES || h * samplesHead < MIN_VOTE_SAMPLES) continue;
    // Poisson noise of the log ratio of two counts, three standard errors.
    const tol = Math.max(MIN_TOLERANCE, 3 * Math.sqrt(1 / (b * samplesBase) + 1 / (h * samplesHead)));
    voters.push({ r: Math.log(h / b), w, tol });
  }
  if (voters.length < 2 || !(mass > 0)) return null;
  const ratios = voters.map((p) => p.r);
  const lk = median(ratios);
  const mad = 1.4826 * median(ratios.map((r) => Math.abs(r - lk)));
  let agree = 0;
  let heaviest = 0;
  for (const p of voters) {
    if (Math.abs(p.r - lk) > p.tol) continue;
    agree += p.w;
    heaviest = Math.max(heaviest, p.w);
  }
  if (agree < MIN_AGREEING * mass || heaviest > 0.5 * mass) return null;
  // Standard error of a median: sqrt(pi / 2) sd / sqrt(n), with a robust sd.
  return { kappa: Math.exp(lk), se: (1.2533 * mad) / Math.sqrt(voters.length) };
}

/** kappa moved two standard errors in the direction that keeps a change of this sign. */
export function cautiousKappa(c: Composition, sign: 1 | -1): number {
  return c.kappa * Math.exp(-sign * 2 * c.se);
}

/** The change and its interval with head rescaled by 1/kappa (the interval moves with it). */
function rescaled(f: FrameResult, kappa: number): { delta: number; lo: number; hi: number } {
  const delta = f.head.mean / kappa - f.base.mean;
  const shift = delta - f.delta;
  return { delta, lo: f.ci.lo + shift, hi: f.ci.hi + shift };
}

/** Would the change still clear its interval and both floors with head rescaled by 1/kappa? */
export function survives(
  f: FrameResult,
  kappa: number,
  floorAbs: number,
  minRelEffect: number,
  sign: 1 | -1,
): boolean {
  const r = rescaled(f, kappa);
  const clear = sign > 0 ? r.lo > 0 : r.hi < 0;
  return (
    clear &&
    sign * r.delta >= floorAbs &&
    (f.base.mean <= 0 || (sign * r.delta) / f.base.mean >= minRelEffect)
  );
}

/**
 * Does a fall, head rescaled by 1/kappa, stand clear of a session's shift of the frame's share
 * (`relSd` on the logit scale per session, so 2 relSd^2 p^2 (1 - p)^2 for the difference of two
 * sessions), added in quadrature to its interval?
 */
export function clearOfSessionShift(f: FrameResult, kappa: number, relSd: number): boolean {
  const r = rescaled(f, kappa);
  const p = Math.min(Math.max(f.base.mean, 0), 1);
  const z = normalQuantile(1 - (1 - f.ci.level) / 2);
  const session = z * Math.SQRT2 * relSd * p * (1 - p);
  return (r.lo + r.hi) / 2 + Math.hypot((r.hi - r.lo) / 2, session) < 0;
}

/**
 * Regressions that are only the mirror image of other frames getting faster become `unchanged`;
 * ranks close up and nothing stays "explained by" a frame that is no longer a culprit.
 */
export function undoInflation(
  frames: FrameResult[],
  c: Composition,
  floorAbs: number,
  minRelEffect: number,
): void {
  const dropped = new Set<string>();
  for (const f of frames) {
    if (f.status !== 'regressed') continue;
    if (survives(f, cautiousKappa(c, 1), floorAbs, minRelEffect, 1)) continue;
    f.status = 'unchanged';
    if (f.rank !== null) dropped.add(f.key);
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  }
  closeRanks(frames, dropped);
}

/** Ranks close up after the frames in `dropped` stopped being culprits; nothing stays explained by them. */
export function closeRanks(frames: FrameResult[], dropped: ReadonlySet<string>): void {
  if (dropped.size === 0) return;
  const ranked = frames
    .filter((f) => f.rank !== null)
    .sort((x, y) => (x.rank as number) - (y.rank as number));
  ranked.forEach((f, i) => {
    f.rank = i + 1;
  });
  for (const f of frames) if (f.explainedBy !== null && dropped.has(f.explainedBy)) f.explainedBy = null;
}
