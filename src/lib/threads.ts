import os from 'node:os';

// Whether a command hands part of its input to a worker thread. FLAMEDIFF_THREADS=1 keeps
// everything on one thread and =2 always uses the worker; otherwise the worker is used when the
// process may run on two or more cores and the input is big enough for the second core to repay
// the thread's start-up (a worker loads its own copy of the parser and compiles it again).
// Threads never change the output: the results are put together in the order one thread gives.

/** Bytes of input below which a worker thread costs more than it saves. */
export const WORKER_MIN_BYTES = 16 << 20;

export function useWorker(
  env: Readonly<Record<string, string | undefined>>,
  inputBytes: number,
  cores: number = os.availableParallelism(),
): boolean {
  const forced = env.FLAMEDIFF_THREADS;
  if (forced === '1') return false;
  if (forced === '2') return true;
  return cores >= 2 && inputBytes >= WORKER_MIN_BYTES;
}
