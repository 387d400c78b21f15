// Seeded pseudo-random numbers for the verdict simulator (test/support/simulate.ts) and the tests
// and benches built on it: sfc32 seeded through splitmix32, plus the distributions the simulator
// draws from. The same seed gives the same output on every platform. This lives beside the tests,
// not in src/: flamediff itself draws only from src/lib/random.ts (mulberry32). The simulator keeps
// sfc32 because its streams define the figures in bench/RESULTS.md and docs/statistics.md.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function makeRng(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/** Standard normal deviate (Marsaglia polar method). */
export function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, 1) deviate (Marsaglia and Tsang; shape < 1 by the boost u^(1/shape)). */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = rng.next() || Number.MIN_VALUE;
    return gamma(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/**
 * Exact Binomial(n, p) deviate. Large means: Devroye's order-statistic recursion (the i-th
 * smallest of n uniforms is Beta(i, n+1-i)), roughly halving n each step; small means: inversion
 * by sequential search (expected n*p + 1 steps).
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  let count = 0;
  let m = n;
  let q = p;
  while (m * q > 15 && m > 40) {
    const i = (m + 1) >> 1;
    const y = beta(rng, i, m + 1 - i);
    if (q < y) {
      m = i - 1;
      q /= y;
    } else {
      count += i;
      m -= i;
      q = (q - y) / (1 - y);
    }
  }
  if (q > 0.5) return count + m - binomialInversion(rng, m, 1 - q);
  return count + binomialInversion(rng, m, q);
}

function binomialInversion(rng: Rng, m: number, q: number): number {
  if (m <= 0 || q <= 0) return 0;
  const s = q / (1 - q);
  const a = (m + 1) * s;
  let r = (1 - q) ** m;
  let u = rng.next();
  let x = 0;
  while (u > r) {
    u -= r;
    x++;
    if (x > m) return m; // rounding left u above the total mass: the top value
    r *= a / x - s;
  }
  return x;
}

/** Multinomial counts of n draws over probabilities `probs` (sum 1), by conditional binomials. */
export function multinomial(rng: Rng, n: number, probs: ArrayLike<number>): Int32Array {
  const out = new Int32Array(probs.length);
  let left = n;
  let mass = 1;
  for (let i = 0; i < probs.length && left > 0; i++) {
    const p = mass > 0 ? Math.min(1, probs[i] / mass) : 0;
    const k = i === probs.length - 1 ? left : binomial(rng, left, p);
    out[i] = k;
    left -= k;
    mass -= probs[i];
  }
  return out;
}
