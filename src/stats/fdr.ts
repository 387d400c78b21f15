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
