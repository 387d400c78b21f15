import { describe, expect, it } from 'vitest';
import { useWorker } from '../../src/lib/threads.js';

describe('useWorker', () => {
  it('is on only with FLAMEDIFF_THREADS=2', () => {
    expect(useWorker({ FLAMEDIFF_THREADS: '2' })).toBe(true);
    expect(useWorker({})).toBe(false);
    expect(useWorker({ FLAMEDIFF_THREADS: '1' })).toBe(false);
    expect(useWorker({ FLAMEDIFF_THREADS: 'yes' })).toBe(false);
  });
});
