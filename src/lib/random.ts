// flamediff's one seeded generator (the change-point permutation tests use it, and test and bench
// data are drawn from it): the same history and settings always give the same change points, so
// reports and dashboards are reproducible byte for byte. The verdict simulator keeps its own sfc32
// stream (test/support/random.ts) so the figures in bench/RESULTS.md stay reproducible; nothing
// flamediff ships draws from it.

/** mulberry32: tiny, fast, good enough for shuffling; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string mixed with a number: a per-series seed independent of processing order. */
export function seedFor(base: number, key: string, salt = 0): number {
  let h = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= salt;
  return Math.imul(h, 0x01000193) >>> 0;
}
