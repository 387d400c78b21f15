/**
 * Benjamini-Hochberg adjusted p-values (q-values): q_(i) = min over j >= i of p_(j) * m / j.
 * NaN p-values are left out of the family and get q = NaN. Ties keep input order (stable).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pValues.length; i++) if (!Number.isNaN(pValues[i])) idx.push(i);
  idx.sort((a, b) => pValues[a] - pValues[b] || a - b);
  const m = idx.length;
  const q = new Array<number>(pValues.length).fill(Number.NaN);
  let running = 1;
  for (let j = m - 1; j >= 0; j--) {
    const i = idx[j];
    running = Math.min(running, (pValues[i] * m) / (j + 1));
    q[i] = running;
  }
  return q;
}

/**
 * Weighted Benjamini-Hochberg (Genovese, Roeder and Wasserman 2006): p-values divided by prior
 * weights that average 1, then BH. Weights must not depend on the direction of the change; a
 * weight of 0 leaves the hypothesis out (q = 1). Keeps FDR control at the same level.
 */
export function weightedBenjaminiHochberg(pValues: readonly number[], weights: readonly number[]): number[] {
  const idx = pValues.map((_, i) => i).filter((i) => weights[i] > 0 && !Number.isNaN(pValues[i]));
  const sum = idx.reduce((s, i) => s + weights[i], 0);
  const out = new Array<number>(pValues.length).fill(1);
  if (idx.length === 0 || !(sum > 0)) return out;
  const scaled = idx.map((i) => Math.min(1, pValues[i] / ((weights[i] * idx.length) / sum)));
  const q = benjaminiHochberg(scaled);
  idx.forEach((i, k) => {
    out[i] = q[k];
  });
  return out;
}
