import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { useWorker } from '../../src/lib/threads.js';

describe('useWorker', () => {
  it('is on only with FLAMEDIFF_THREADS=2', () => {
    expect(useWorker({ FLAMEDIFF_THREADS: '2' })).toBe(true);
    expect(useWorker({})).toBe(false);
    expect(useWorker({ FLAMEDIFF_THREADS: '' })).toBe(false);
    expect(useWorker({ FLAMEDIFF_THREADS: '1' })).toBe(false);
  });

  it('rejects any other value in one line that quotes it and says what is expected', () => {
    expect(() => useWorker({ FLAMEDIFF_THREADS: 'yes' })).toThrow(UserError);
    expect(() => useWorker({ FLAMEDIFF_THREADS: '4' })).toThrow(
      "FLAMEDIFF_THREADS='4' is not valid; expected 1 (one thread, the default) or 2 (a worker thread too)",
    );
  });
});
