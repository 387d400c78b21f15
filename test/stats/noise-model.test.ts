import { describe, expect, it } from 'vitest';
import { normalUpper } from '../../src/stats/distributions.js';
import { benjaminiHochberg, weightedBenjaminiHochberg } from '../../src/stats/fdr.js';
import { type FrameData, fitNoise, testFrame } from '../../src/stats/noise-model.js';
import { makeRng, normal } from '../support/random.js';

/** Share data with binomial sampling (normal approximation) plus logit-scale jitter tau. */
function synthetic(
  frames: number,
  runs: number,
  n: number,
  tau: number,
  seed: number,
  p0 = 0.05,
): FrameData[] {
  const rng = makeRng(seed);
  const side = (p: number) => {
    const x: number[] = [];
    for (let r = 0; r < runs; r++) {
      const pj = p + tau * p * (1 - p) * normal(rng);
      x.push(pj + Math.sqrt((pj * (1 - pj)) / n) * normal(rng));
    }
    return { x, v: x.map(() => (p * (1 - p)) / n), g: p * (1 - p) };
  };
  return Array.from({ length: frames }, (_, i) => {
    const p = p0 * (1 + (i % 7) / 3);
    return { base: side(p), head: side(p) };
  });
}

describe('noise model', () => {
  it('recovers the jitter shared by all frames', () => {
    const fit = fitNoise(synthetic(80, 5, 1e6, 0.03, 1));
    expect(Math.sqrt(fit.tau2)).toBeGreaterThan(0.024);
    expect(Math.sqrt(fit.tau2)).toBeLessThan(0.036);
    expect(fit.d).toBe(8);
    expect(fit.d0).toBeGreaterThan(20); // homogeneous frames: strong pooling
  });

  it('finds no jitter when there is none (sampling noise only)', () => {
    const fit = fitNoise(synthetic(80, 5, 1e4, 0, 2));
    expect(Math.sqrt(fit.tau2)).toBeLessThan(0.01);
  });

  it('one run per side is the two-proportion z-test', () => {
    const pb = 0.3;
    const ph = 0.32;
    const n = 10_000;
    const d: FrameData = {
      base: { x: [pb], v: [(pb * (1 - pb)) / n], g: pb * (1 - pb) },
      head: { x: [ph], v: [(ph * (1 - ph)) / n], g: ph * (1 - ph) },
    };
    const fit = fitNoise([d]);
    expect(fit.tau2).toBe(0);
    const t = testFrame(d, fit, 0.95);
    const se = Math.sqrt((pb * (1 - pb)) / n + (ph * (1 - ph)) / n);
    expect(t.se).toBeCloseTo(se, 12);
    expect(t.pValue).toBeCloseTo(2 * normalUpper(0.02 / se), 6);
    expect(t.lo).toBeCloseTo(0.02 - 1.959964 * se, 5);
  });

  it('never uses less than the sampling variance, however quiet the runs', () => {
    const d: FrameData = {
      base: { x: [0.1, 0.1, 0.1], v: [9e-6, 9e-6, 9e-6], g: 0.09 },
      head: { x: [0.1, 0.1, 0.1], v: [9e-6, 9e-6, 9e-6], g: 0.09 },
    };
    const t = testFrame(d, { tau2: 0, d0: 4, s0: 0.2, d: 4, frames: 1 }, 0.95);
    expect(t.se).toBeCloseTo(Math.sqrt(9e-6 / 3 + 9e-6 / 3), 12);
  });

  it('a frame that jitters more than the rest keeps its own larger variance', () => {
    const data = synthetic(60, 5, 1e5, 0.02, 3);
    const noisy = synthetic(1, 5, 1e5, 0.3, 4)[0];
    const fit = fitNoise([...data, noisy]);
    const quiet = testFrame(data[0], fit, 0.95);
    const loud = testFrame(noisy, fit, 0.95);
    expect(loud.se / loud.delta).not.toBe(quiet.se / quiet.delta);
    expect(loud.ratio).toBeGreaterThan(quiet.ratio * 3);
  });

  it('A/A p-values are close to uniform (calibration)', () => {
    let below = 0;
    let total = 0;
    for (let s = 0; s < 30; s++) {
      const data = synthetic(50, 5, 1e4, 0.02, 100 + s);
      const fit = fitNoise(data);
      for (const d of data) {
        total++;
        if (testFrame(d, fit, 0.95).pValue < 0.05) below++;
      }
    }
    expect(below / total).toBeGreaterThan(0.03);
    expect(below / total).toBeLessThan(0.075);
  });
});

describe('weighted Benjamini-Hochberg', () => {
  it('equal weights give plain BH; weight 0 leaves a hypothesis out', () => {
    const p = [0.001, 0.02, 0.3, 0.04];
    expect(weightedBenjaminiHochberg(p, [2, 2, 2, 2])).toEqual(benjaminiHochberg(p));
    const q = weightedBenjaminiHochberg(p, [1, 1, 1, 0]);
    expect(q[3]).toBe(1);
    expect(q.slice(0, 3)).toEqual(benjaminiHochberg(p.slice(0, 3)));
  });
  it('a heavier weight lowers q', () => {
    const p = [0.01, 0.01, 0.5, 0.5];
    const q = weightedBenjaminiHochberg(p, [3, 0.5, 0.25, 0.25]);
    expect(q[0]).toBeLessThan(q[1]);
    // Weights average 1 (3, 0.5, 0.25, 0.25); p / w = 0.0033, 0.02, 1, 1; BH: 0.0033 * 4 / 1.
    expect(q[0]).toBeCloseTo((0.01 / 3) * 4, 12);
  });
});
