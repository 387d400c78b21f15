import { describe, expect, it } from 'vitest';
import { useWorker, WORKER_MIN_BYTES } from '../../src/lib/threads.js';

describe('useWorker', () => {
  it('uses a worker for a big input on two or more cores', () => {
    expect(useWorker({}, WORKER_MIN_BYTES, 2)).toBe(true);
    expect(useWorker({}, WORKER_MIN_BYTES, 8)).toBe(true);
  });

  it('stays on one thread for a small input or a single core', () => {
    expect(useWorker({}, WORKER_MIN_BYTES - 1, 2)).toBe(false);
    expect(useWorker({}, 10 * WORKER_MIN_BYTES, 1)).toBe(false);
  });

  it('obeys FLAMEDIFF_THREADS=1 and =2 whatever the input and cores', () => {
    expect(useWorker({ FLAMEDIFF_THREADS: '1' }, 10 * WORKER_MIN_BYTES, 8)).toBe(false);
    expect(useWorker({ FLAMEDIFF_THREADS: '2' }, 1, 1)).toBe(true);
  });
});
