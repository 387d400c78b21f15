// Plain descriptive statistics shared by stats/ and history/. Sums run left to right, so every
// caller gets the same bits for the same inputs.

/** Arithmetic mean of xs[start..end) (the whole array by default); 0 for an empty range. */
export function mean(xs: ArrayLike<number>, start = 0, end = xs.length): number {
  if (end <= start) return 0;
  let s = 0;
  for (let i = start; i < end; i++) s += xs[i];
  return s / (end - start);
}

/** Sample variance (n - 1 denominator); 0 for fewer than two values. */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}

/** Sample standard deviation (n - 1 denominator); 0 for fewer than two values. */
export function sd(xs: readonly number[]): number {
  return Math.sqrt(variance(xs));
}

/** Median (the mean of the middle two for an even count); NaN for no values. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
