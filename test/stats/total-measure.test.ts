// The total is compared in CPU seconds when the runner measured them, else in profile time
// (samples at the fixed interval), never in wall time: wall time counts waiting and follows the
// machine's load, so a loaded runner's wall time must not move the total.
import { describe, expect, it } from 'vitest';
import { compareRuns, type RunInput } from '../../src/stats/index.js';
import { handProfile } from '../store/helpers/profiles.js';

const runs = (n: number, wall: (i: number) => number, cpu?: (i: number) => number): RunInput[] =>
  Array.from({ length: n }, (_, i) => ({
    profile: handProfile(i + 1),
    wallSeconds: wall(i),
    cpuSeconds: cpu?.(i),
  }));

describe('total measure', () => {
  it('uses CPU seconds when both sides have them, even when wall seconds are known', () => {
    // Wall time doubled (a loaded machine), CPU time did not move.
    const base = runs(
      5,
      (i) => 1 + i * 0.01,
      (i) => 0.9 + ((i * 3) % 5) * 0.002,
    );
    const head = runs(
      5,
      (i) => 2 + i * 0.01,
      (i) => 0.9 + ((i * 2) % 5) * 0.002,
    );
    const r = compareRuns(base, head);
    expect(r.total.measure).toBe('cpuSeconds');
    expect(r.total.status).not.toBe('regressed');
    expect(r.total.head.wallSeconds).toBeGreaterThan(1.9);
  });

  it('without CPU seconds: profile time, not wall time', () => {
    const r = compareRuns(
      runs(5, () => 1),
      runs(5, () => 3),
    );
    expect(r.total.measure).toBe('profileSeconds');
    expect(Math.abs(r.total.change ?? 1)).toBeLessThan(0.05);
  });
});
