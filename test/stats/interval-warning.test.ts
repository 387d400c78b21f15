import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/index.js';
import { compareRuns, type RunInput } from '../../src/stats/index.js';

function run(intervalNs: number, work: number): RunInput {
  const p = new Profile({ unit: 'nanoseconds', intervalNs });
  p.addFrames(['main', 'work'], work * intervalNs);
  p.addFrames(['main', 'other'], 1000 * intervalNs);
  return { profile: p };
}

const warnings = (base: number[], head: number[]) =>
  compareRuns(
    base.map((i) => run(i, 1000)),
    head.map((i) => run(i, 1000)),
  ).warnings.filter((w) => /differ in/.test(w));

describe('sampling interval warning', () => {
  it('tolerates the run-to-run jitter of measured intervals (V8 reports what it measured)', () => {
    expect(warnings([587_000, 594_000, 601_000], [598_000, 583_000, 580_000])).toEqual([]);
  });

  it('warns when the sides sampled at clearly different rates', () => {
    expect(warnings([500_000, 500_000, 500_000], [1_000_000, 1_000_000, 1_000_000])).toEqual([
      'Base and head profiles differ in sampling interval (median 500 us vs 1000 us); shares stay comparable, times may not.',
    ]);
  });
});
