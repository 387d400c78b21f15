import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/index.js';
import { renderTextFlame } from '../../src/render/index.js';

function header(unit: 'nanoseconds' | 'bytes' | 'samples', weight: number): string {
  const p = new Profile({ unit });
  p.addFrames(['main', 'work'], weight);
  return renderTextFlame(p, { style: 'plain' }).split('\n')[0];
}

describe('text flamegraph totals', () => {
  it('states totals in readable units', () => {
    expect(header('nanoseconds', 871_801_500)).toContain('100.0% = 872 ms');
    expect(header('nanoseconds', 2_500_000_000)).toContain('100.0% = 2.50 s');
    expect(header('bytes', 3 * 1024 * 1024)).toContain('100.0% = 3.0 MiB');
    expect(header('samples', 1234)).toContain('100.0% = 1234 samples');
  });
});
