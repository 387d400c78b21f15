import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANGE_POINT_SETTINGS, detectChangePoints, noiseLevel } from '../../src/history/index.js';
import { seededRandom } from '../../src/lib/random.js';
import { gaussian } from './synthetic.js';

/** A series at `level` with relative Gaussian noise and level multipliers from each shift on. */
function series(
  n: number,
  seed: number,
  noise: number,
  shifts: { at: number; factor: number }[] = [],
): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    let level = 0.1;
    for (const s of shifts) if (i >= s.at) level *= s.factor;
    return level * (1 + noise * gaussian(r));
  });
}

describe('detectChangePoints (E-Divisive means, permutation test)', () => {
  it('finds a single known shift at the right commit and sizes it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const noise of [0.01, 0.03]) {
        const xs = series(200, seed, noise, [{ at: 120, factor: 1.15 }]);
        const cps = detectChangePoints(xs, {}, seed);
        expect(
          cps.map((c) => c.index),
          `seed ${seed} noise ${noise}`,
        ).toHaveLength(1);
        expect(Math.abs(cps[0].index - 120)).toBeLessThanOrEqual(2);
        expect(cps[0].relative!).toBeGreaterThan(0.1);
        expect(cps[0].relative!).toBeLessThan(0.2);
        expect(cps[0].pValue).toBeLessThanOrEqual(DEFAULT_CHANGE_POINT_SETTINGS.pValue);
      }
    }
  });

  it('finds several shifts, up and down, in order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const xs = series(400, seed, 0.02, [
        { at: 100, factor: 1.3 },
        { at: 220, factor: 0.8 },
        { at: 330, factor: 1.25 },
      ]);
      const cps = detectChangePoints(xs, {}, seed);
      expect(cps.map((c) => c.index).length, `seed ${seed}`).toBe(3);
      for (const [i, at] of [100, 220, 330].entries())
        expect(Math.abs(cps[i].index - at)).toBeLessThanOrEqual(2);
      expect(cps.map((c) => Math.sign(c.delta))).toEqual([1, -1, 1]);
    }
  });

  it('finds shifts that cancel out over a segment (up, down, up) on a small frame', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const xs = series(500, seed, 0.02, [
        { at: 120, factor: 1.2 },
        { at: 260, factor: 0.85 },
        { at: 400, factor: 1.2 },
      ]).map((x) => x / 10); // a 1% frame: its middle split mixes two shifts and looks small
      const cps = detectChangePoints(xs, {}, seed);
      expect(cps.map((c) => c.index).length, `seed ${seed}`).toBe(3);
      for (const [i, at] of [120, 260, 400].entries())
        expect(Math.abs(cps[i].index - at)).toBeLessThanOrEqual(3);
    }
  });

  it('reports no change point on flat noisy series at the documented settings', () => {
    let tested = 0;
    const falses: string[] = [];
    for (const n of [30, 100, 500]) {
      for (const noise of [0.01, 0.05, 0.1, 0.3]) {
        for (let seed = 1; seed <= 25; seed++) {
          const r = seededRandom(seed * 31 + n);
          // Gaussian, log-normal and occasional outliers: the shapes profile shares take.
          const g = series(n, seed * 1000 + n, noise);
          const ln = Array.from({ length: n }, () => 0.1 * Math.exp(noise * gaussian(r)));
          const spiky = g.map((x) => (r() < 0.05 ? x * (1 + 4 * noise) : x));
          for (const [name, xs] of Object.entries({ g, ln, spiky })) {
            tested++;
            const cps = detectChangePoints(xs, {}, seed);
            if (cps.length)
              falses.push(`${name} n=${n} noise=${noise} seed=${seed}: ${cps.map((c) => c.index)}`);
          }
        }
      }
    }
    expect(tested).toBe(900);
    expect(falses).toEqual([]);
  });

  it('ignores shifts below the effect floor even when they are statistically clear', () => {
    const xs = series(300, 5, 0.001, [{ at: 150, factor: 1.02 }]);
    expect(detectChangePoints(xs, {}, 1)).toEqual([]);
    expect(detectChangePoints(xs, { minRelativeChange: 0.01 }, 1).map((c) => c.index)).toEqual([150]);
  });

  it('is deterministic for a seed and handles degenerate input', () => {
    const xs = series(300, 9, 0.05, [{ at: 200, factor: 1.2 }]);
    expect(detectChangePoints(xs, {}, 3)).toEqual(detectChangePoints(xs, {}, 3));
    expect(detectChangePoints([], {})).toEqual([]);
    expect(detectChangePoints([1, 2, 3], {})).toEqual([]);
    expect(detectChangePoints(new Array(100).fill(0.2), {})).toEqual([]);
    expect(detectChangePoints(new Array(100).fill(0), {})).toEqual([]);
  });

  it('respects the minimum segment length', () => {
    // A shift 3 commits from the end: with 5-commit segments it can only be placed at 95.
    const xs = series(100, 4, 0.01, [{ at: 97, factor: 2 }]);
    expect(detectChangePoints(xs, {}, 1).map((c) => c.index)).toEqual([95]);
    expect(detectChangePoints(xs, { minSegment: 3 }, 1).map((c) => c.index)).toEqual([97]);
  });

  it('estimates noise from consecutive differences, unaffected by a level shift', () => {
    const flat = series(400, 2, 0.05);
    const shifted = series(400, 2, 0.05, [{ at: 200, factor: 1.5 }]);
    expect(noiseLevel(flat)).toBeGreaterThan(0.004);
    expect(noiseLevel(flat)).toBeLessThan(0.006);
    expect(noiseLevel(shifted) / noiseLevel(flat)).toBeLessThan(1.3);
  });
});
