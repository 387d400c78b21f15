// Whether a command hands part of its input to a worker thread: only with FLAMEDIFF_THREADS=2.
// Threads never change the output (the results are put together in the order one thread gives),
// but on the 2-core machine of bench/RESULTS.md (anchors) they did not pay: with one thread, V8's
// own garbage collector and compiler threads already keep the second core about a fifth busy, and
// a worker starts its own Node environment, loads and compiles the parser again, and meets most of
// the same distinct frames. Measured 2026-12-03 13:07 UTC, Node 24, 6 alternated runs each:
// differential render 300k + 300k, one thread 0.96 s median (1.2 s CPU), base on a worker 0.96 s
// (1.45 s CPU); `perf script` collapse of 100 MB, see src/commands/collapse.ts. Where more cores are
// free (a dedicated runner) they may help: FLAMEDIFF_THREADS=2 turns them on.

import { UserError } from '../errors.js';

/** Whether to use a worker thread; any other value than 1 or 2 (or none) is an error. */
export function useWorker(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.FLAMEDIFF_THREADS;
  if (v === undefined || v === '' || v === '1') return false;
  if (v === '2') return true;
  throw new UserError(
    `FLAMEDIFF_THREADS='${v}' is not valid; expected 1 (one thread, the default) or 2 (a worker thread too)`,
  );
}
