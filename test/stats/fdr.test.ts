import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/fdr.js';

describe('Benjamini-Hochberg', () => {
  it('matches R p.adjust(method = "BH")', () => {
    const p = [0.01, 0.04, 0.03, 0.005, 0.2];
    // p.adjust(c(0.01,0.04,0.03,0.005,0.2), "BH") = 0.025 0.05 0.05 0.025 0.2
    const q = benjaminiHochberg(p);
    expect(q.map((x) => Number(x.toFixed(6)))).toEqual([0.025, 0.05, 0.05, 0.025, 0.2]);
  });
  it('is monotone in p, never below p, and skips NaN', () => {
    const q = benjaminiHochberg([0.5, Number.NaN, 0.001, 0.9]);
    expect(Number.isNaN(q[1])).toBe(true);
    expect(q[2]).toBeCloseTo(0.003, 12);
    expect(q[0]).toBeLessThanOrEqual(q[3]);
    expect(q[3]).toBe(0.9);
  });
});
