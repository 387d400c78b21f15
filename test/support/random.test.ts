// The verdict simulator's generator and distributions (test support, used by tests and benches).
import { describe, expect, it } from 'vitest';
import { binomial, makeRng, multinomial } from './random.js';

describe('seeded random numbers', () => {
  it('same seed, same stream; different seed, different stream', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const c = makeRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('binomial deviates have the right mean and variance (large and small means)', () => {
    const rng = makeRng(7);
    for (const [n, p] of [
      [100_000, 0.2],
      [1000, 0.004],
      [50, 0.7],
    ]) {
      const R = 4000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < R; i++) {
        const x = binomial(rng, n, p);
        expect(x >= 0 && x <= n).toBe(true);
        s += x;
        s2 += x * x;
      }
      const mean = s / R;
      const v = s2 / R - mean * mean;
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / R));
      expect(v / (n * p * (1 - p))).toBeGreaterThan(0.9);
      expect(v / (n * p * (1 - p))).toBeLessThan(1.1);
    }
  });
  it('multinomial counts sum to n', () => {
    const counts = multinomial(makeRng(1), 12345, [0.5, 0.25, 0.125, 0.125]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12345);
  });
});
