// Distribution functions simple-statistics lacks: the Student-t CDF and quantile (via the
// regularised incomplete beta function), and a normal tail with full relative precision, so
// p-values of 1e-12 (many frames, Benjamini-Hochberg) stay ordered instead of rounding to 0.
import { gammaln } from 'simple-statistics';

/** Regularised incomplete beta I_x(a, b) (Numerical Recipes' continued fraction, Lentz's method). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Complementary error function with relative accuracy ~1e-7 everywhere (Numerical Recipes erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const c = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  let poly = 0;
  for (let i = c.length - 1; i >= 0; i--) poly = poly * t + c[i];
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/** Upper tail of the standard normal, P(Z > z). */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Standard normal quantile: Acklam's rational approximation (relative error < 1.2e-9;
 * simple-statistics' probit is only good to ~3 digits, too coarse for confidence intervals).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0,1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/** Degrees of freedom above which the t distribution is treated as normal. */
const NORMAL_DF = 1e6;

/** Upper tail of Student's t with `df` degrees of freedom (df may be fractional), P(T > t). */
export function tUpper(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (!(df > 0)) return Number.NaN;
  if (df >= NORMAL_DF) return normalUpper(t);
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** Two-sided p-value of a t statistic. */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tUpper(Math.abs(t), df));
}

/** Density of Student's t. */
export function tDensity(t: number, df: number): number {
  const lnC = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Quantile of Student's t: the t with P(T <= t) = p. Safeguarded Newton from the normal quantile. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0,1), got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  const z = normalQuantile(p);
  if (df >= NORMAL_DF) return z;
  const target = 1 - p;
  // The t quantile exceeds the normal one; bracket it, then Newton steps kept inside the bracket.
  let lo = z * 0.999;
  let hi = Math.max(1, z);
  while (tUpper(hi, df) > target) hi *= 2;
  let x = Math.min(hi, Math.max(lo, z + (z * z * z + z) / (4 * df)));
  for (let i = 0; i < 100; i++) {
    const f = tUpper(x, df) - target;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / tDensity(x, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) < 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}

/** Trigamma function psi'(x) (asymptotic series after recurrence), for estimating prior degrees of freedom. */
export function trigamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r += 1 / (y * y);
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r + 1 / y + y2 / 2 + (y2 / y) * (1 / 6 - y2 * (1 / 30 - y2 * (1 / 42 - y2 / 30)));
}

/** Digamma function psi(x). */
export function digamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 1 / y;
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r + Math.log(y) - 1 / (2 * y) - y2 * (1 / 12 - y2 * (1 / 120 - y2 / 252));
}

/** Inverse of trigamma by Newton's method (Smyth 2004, limma's trigammaInverse). */
export function trigammaInverse(v: number): number {
  if (v > 1e7) return 1 / Math.sqrt(v);
  if (v < 1e-6) return 1 / v;
  let y = 0.5 + 1 / v;
  for (let i = 0; i < 50; i++) {
    const tri = trigamma(y);
    const dif = (tri * (1 - tri / v)) / trigammaDeriv(y);
    y += dif;
    if (-dif / y < 1e-8) break;
  }
  return y;
}

function trigammaDeriv(x: number): number {
  // psi''(x) = -sum 2/(x+k)^3, asymptotic after recurrence.
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 2 / (y * y * y);
    y += 1;
  }
  const y2 = 1 / (y * y);
  return r - y2 - y2 / y - y2 * y2 * (0.5 - y2 * (1 / 6 - y2 / 6));
}
