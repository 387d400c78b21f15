import { describe, expect, it } from 'vitest';
import {
  digamma,
  erfc,
  incompleteBeta,
  normalQuantile,
  normalUpper,
  tDensity,
  tQuantile,
  trigamma,
  trigammaInverse,
  tTwoSided,
  tUpper,
} from '../../src/stats/distributions.js';

// Reference values from R 4.x: pt, qt, qnorm, pbeta, trigamma, digamma.
describe('Student t', () => {
  it('upper tail matches R pt(lower=FALSE)', () => {
    expect(tUpper(2, 5)).toBeCloseTo(0.05096974, 7);
    expect(tUpper(1, 1)).toBeCloseTo(0.25, 10);
    // df = 3 has a closed form: P(T <= t) = 1/2 + (theta + sin(theta) cos(theta)) / pi, theta = atan(t / sqrt 3).
    const th = Math.atan(1.5 / Math.sqrt(3));
    expect(tUpper(-1.5, 3)).toBeCloseTo(0.5 + (th + Math.sin(th) * Math.cos(th)) / Math.PI, 9);
    // df = 2: P(T > t) = 1/2 - t / (2 sqrt(2 + t^2)).
    expect(tUpper(3.5, 2)).toBeCloseTo(0.5 - 3.5 / (2 * Math.sqrt(2 + 3.5 * 3.5)), 10);
    // Fractional df: against Simpson integration of the density from t to 0 (tUpper(0) = 1/2).
    const simpson = (a: number, b: number, n = 2000) => {
      const h = (b - a) / n;
      let s = tDensity(a, 2.5) + tDensity(b, 2.5);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * tDensity(a + i * h, 2.5);
      return (s * h) / 3;
    };
    expect(tUpper(3.5, 2.5)).toBeCloseTo(0.5 - simpson(0, 3.5), 8);
    expect(tUpper(0, 7)).toBeCloseTo(0.5, 12);
  });
  it('two-sided p-values', () => {
    expect(tTwoSided(3, 10)).toBeCloseTo(0.01334366, 7);
    expect(tTwoSided(-3, 10)).toBeCloseTo(0.01334366, 7);
    expect(tTwoSided(0, 4)).toBe(1);
  });
  it('quantiles match R qt', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764451, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0422725, 6);
    expect(tQuantile(0.995, 8)).toBeCloseTo(3.3553873, 6);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.7764451, 6);
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 6);
  });
  it('quantile inverts the CDF for fractional df', () => {
    for (const df of [1.3, 2.5, 7.7, 55.5]) {
      for (const p of [0.6, 0.9, 0.999]) expect(1 - tUpper(tQuantile(p, df), df)).toBeCloseTo(p, 9);
    }
  });
  it('density integrates the CDF slope', () => {
    const h = 1e-5;
    expect((tUpper(1 - h, 6) - tUpper(1 + h, 6)) / (2 * h)).toBeCloseTo(tDensity(1, 6), 6);
  });
});

describe('normal', () => {
  it('tails keep relative precision far out', () => {
    expect(normalUpper(6) / 9.865876e-10).toBeCloseTo(1, 5);
    expect(normalUpper(-1)).toBeCloseTo(0.8413447, 7);
    expect(erfc(0)).toBeCloseTo(1, 7);
  });
  it('quantiles match R qnorm', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 5);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });
});

describe('special functions', () => {
  it('incomplete beta matches R pbeta', () => {
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 6);
    expect(incompleteBeta(0.9, 0.5, 0.5)).toBeCloseTo(0.7951672, 6);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
  it('digamma, trigamma and its inverse', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772157, 6);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 7);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 6);
    for (const x of [0.3, 2, 17]) expect(trigammaInverse(trigamma(x))).toBeCloseTo(x, 6);
  });
});
