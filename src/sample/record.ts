// Recording a run set: the runner behind `flamediff record` and `measure`.
import { recordRuns, recordRunsInterleaved } from './runner.js';
import type { InterleavedOptions, RecordOptions, RecordResult } from './types.js';

/** Runs the workload `runs` times after `warmup` warm-ups; writes run-<i>.<ext> and runs.json. */
export async function record(opts: RecordOptions): Promise<RecordResult> {
  return recordRuns(opts);
}

/** Runs base and head alternately (A B A B ...) so machine drift hits both sides equally. */
export async function recordInterleaved(
  opts: InterleavedOptions,
): Promise<{ base: RecordResult; head: RecordResult }> {
  return recordRunsInterleaved(opts);
}
