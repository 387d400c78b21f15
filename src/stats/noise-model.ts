// The per-frame test: an overdispersed (quasi-binomial) model of per-run values.
//
// Each run r of side k gives a value x (a frame's share of the run, or its time) whose variance
// is   v_r (sampling noise, known exactly from the counts: p(1-p)/n for a share)
//    + tau^2 * g_k^2 (run-to-run jitter: a relative variance on the logit/log scale).
// tau^2 is fitted across all frames at once (robust median fit), then each frame's own spread is
// combined with it by empirical Bayes (Smyth's limma moderation: prior degrees of freedom d0
// estimated from how much the frames' spreads disagree). The result is floored at the sampling
// variance, so 3 lucky runs can never look quieter than multinomial sampling allows, and the
// degrees of freedom say how much of the variance was estimated rather than known.
// See docs/statistics.md for why this and not a plain t-test or a permutation test.
import { digamma, tQuantile, trigamma, trigammaInverse, tTwoSided } from './distributions.js';

export interface SideData {
  /** Per-run values (share or seconds). */
  x: number[];
  /** Per-run sampling variances of x. */
  v: number[];
  /** Jitter scale: var of x from jitter is tau^2 * g^2 (share: p(1-p); time: mean seconds). */
  g: number;
}

export interface FrameData {
  base: SideData;
  head: SideData;
  /**
   * Known variance of head - base that the runs cannot show (a between-session shift, see
   * sessionVariance in compare.ts); added to the model's variance, carrying no estimation df.
   */
  fixedVar?: number;
  /** Degrees of freedom of fixedVar when it was estimated (stored baselines); absent: known. */
  fixedDf?: number;
}

export interface NoiseFit {
  /** Relative run-to-run jitter variance shared by all frames. */
  tau2: number;
  /** Prior degrees of freedom of the moderation (Infinity: frames share one noise level). */
  d0: number;
  /** Prior scale of the variance ratio (about 1 when the model fits). */
  s0: number;
  /** Residual degrees of freedom per frame: (Nb - 1) + (Nh - 1). */
  d: number;
  /** Frames the fit used. */
  frames: number;
}

export interface TestResult {
  delta: number;
  se: number;
  df: number;
  pValue: number;
  lo: number;
  hi: number;
  /** Moderated ratio of the frame's observed spread to the model's. */
  ratio: number;
}

interface Summary {
  n: number;
  mean: number;
  ss: number;
  vbar: number;
}

function summarise(s: SideData): Summary {
  const n = s.x.length;
  let sum = 0;
  for (const x of s.x) sum += x;
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (const x of s.x) ss += (x - mean) * (x - mean);
  let v = 0;
  for (const y of s.v) v += y;
  return { n, mean, ss, vbar: n ? v / n : 0 };
}

interface Pooled {
  d: number;
  s2: number;
  /** Expected pooled per-run variance under the model: a + tau2 * b. */
  a: number;
  b: number;
}

function pooled(f: FrameData): Pooled {
  const sb = summarise(f.base);
  const sh = summarise(f.head);
  const d = Math.max(0, sb.n - 1) + Math.max(0, sh.n - 1);
  if (d === 0) return { d, s2: 0, a: 0, b: 0 };
  const wb = Math.max(0, sb.n - 1);
  const wh = Math.max(0, sh.n - 1);
  return {
    d,
    s2: (sb.ss + sh.ss) / d,
    a: (wb * sb.vbar + wh * sh.vbar) / d,
    b: (wb * f.base.g * f.base.g + wh * f.head.g * f.head.g) / d,
  };
}

/** Fits tau^2 (robust median of ratios) and the moderation prior (d0, s0) across frames. */
export function fitNoise(frames: readonly FrameData[]): NoiseFit {
  const ps = frames.map(pooled).filter((p) => p.d > 0 && p.s2 > 0 && p.a + p.b > 0);
  const d = frames.length ? pooled(frames[0]).d : 0;
  if (d === 0 || ps.length === 0) return { tau2: 0, d0: Number.POSITIVE_INFINITY, s0: 1, d, frames: 0 };
  const tau2 = fitTau2(ps, d);
  if (ps.length < 3) return { tau2, d0: 0, s0: 1, d, frames: ps.length };
  // limma's fitFDist on the ratios s2 / expected: log-moments give d0 and s0.
  const e: number[] = [];
  for (const p of ps) {
    const w = p.a + tau2 * p.b;
    if (w > 0) e.push(Math.log(p.s2 / w) - digamma(p.d / 2) + Math.log(p.d / 2));
  }
  const emean = e.reduce((s, x) => s + x, 0) / e.length;
  const evarRaw = e.reduce((s, x) => s + (x - emean) ** 2, 0) / Math.max(1, e.length - 1);
  const evar = evarRaw - trigamma(d / 2);
  if (!(evar > 0)) return { tau2, d0: Number.POSITIVE_INFINITY, s0: Math.exp(emean), d, frames: ps.length };
  const d0 = 2 * trigammaInverse(evar);
  const s0 = Math.exp(emean + digamma(d0 / 2) - Math.log(d0 / 2));
  return { tau2, d0, s0, d, frames: ps.length };
}

/** The tau^2 at which the median frame's spread matches the median of chi2_d / d. */
function fitTau2(ps: readonly Pooled[], d: number): number {
  const target = (1 - 2 / (9 * d)) ** 3;
  const ratios = new Float64Array(ps.length);
  const medRatio = (tau2: number): number => {
    for (let i = 0; i < ps.length; i++) ratios[i] = ps[i].s2 / (ps[i].a + tau2 * ps[i].b);
    ratios.sort();
    const m = ratios.length >> 1;
    return ratios.length % 2 ? ratios[m] : (ratios[m - 1] + ratios[m]) / 2;
  };
  if (medRatio(0) <= target) return 0;
  let lo = 0;
  let hi = 1e-6;
  while (medRatio(hi) > target && hi < 1e6) hi *= 4;
  // Relative precision 1e-4 is far below the fit's own sampling error.
  for (let i = 0; i < 60 && hi - lo > 1e-4 * hi; i++) {
    const mid = lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    if (medRatio(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

const MAX_DF = 1e7;

/** Tests head - base for one frame under the fitted model; `level` is the interval's confidence. */
export function testFrame(f: FrameData, fit: NoiseFit, level: number): TestResult {
  const sb = summarise(f.base);
  const sh = summarise(f.head);
  const delta = sh.mean - sb.mean;
  const p = pooled(f);
  // Sampling part of Var(mean_h - mean_b): known exactly from the counts.
  const vSamp = sb.vbar / Math.max(1, sb.n) + sh.vbar / Math.max(1, sh.n);
  const model =
    (sb.vbar + fit.tau2 * f.base.g * f.base.g) / Math.max(1, sb.n) +
    (sh.vbar + fit.tau2 * f.head.g * f.head.g) / Math.max(1, sh.n);
  let ratio = 1;
  let nu = Number.POSITIVE_INFINITY;
  if (p.d > 0) {
    const w = p.a + fit.tau2 * p.b;
    const r = w > 0 ? p.s2 / w : 1;
    if (Number.isFinite(fit.d0)) {
      ratio = (fit.d0 * fit.s0 + p.d * r) / (fit.d0 + p.d);
      nu = fit.d0 + p.d;
    } else {
      ratio = fit.s0;
    }
  }
  const runVar = Math.max(ratio * model, vSamp);
  const se2 = runVar + (f.fixedVar ?? 0);
  const se = Math.sqrt(se2);
  // Satterthwaite: only the estimated parts of the variance carry finite df (the run-to-run part
  // nu, the between-session part learned from stored baselines fixedDf); sampling is known.
  const est = runVar - vSamp;
  const fixed = f.fixedVar ?? 0;
  const fixedDf = f.fixedDf ?? Number.POSITIVE_INFINITY;
  let inv = 0;
  if (Number.isFinite(nu) && est > 1e-12 * se2) inv += (est / se2) ** 2 / nu;
  if (Number.isFinite(fixedDf) && fixed > 1e-12 * se2) inv += (fixed / se2) ** 2 / fixedDf;
  const df = inv > 0 ? Math.min(MAX_DF, 1 / inv) : MAX_DF;
  if (se === 0) {
    return { delta, se, df, pValue: delta === 0 ? 1 : 0, lo: delta, hi: delta, ratio };
  }
  const pValue = tTwoSided(delta / se, df);
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { delta, se, df, pValue, lo: delta - q * se, hi: delta + q * se, ratio };
}
