// The sampling stage: run a workload N times under a real sampler (see docs/sampling.md).
import type { Profile } from '../profile/profile.js';
import { type ProgressEvent, recordRuns, recordRunsInterleaved } from './runner.js';
import type { RunSet } from './types.js';

export { withInterrupt } from './interrupt.js';
export { InterruptedError, type ProgressEvent, RunFailedError } from './runner.js';
export type { Sampler } from './sampler.js';
export { SAMPLERS, samplerByName } from './samplers/index.js';
export type * from './types.js';

export type SamplerName =
  | 'py-spy'
  | 'austin'
  | 'python'
  | 'fil'
  | 'memray'
  | 'perf'
  | 'node'
  | 'go'
  | 'async-profiler'
  | 'command';

export interface RecordOptions {
  sampler: SamplerName;
  /** The workload, argv form. */
  command: string[];
  cwd?: string;
  env?: Record<string, string>;
  runs?: number;
  warmup?: number;
  rateHz?: number;
  timeoutSeconds?: number;
  /** Directory for run-<i>.<ext> and runs.json. */
  outDir: string;
  /** Sampler-specific switches (py-spy --native/--gil/--idle/--subprocesses, perf dwarf). */
  samplerOptions?: Record<string, boolean | string>;
  /** Progress lines (TTY-aware formatting is the caller's). */
  onProgress?: (line: string) => void;
  /** Structured progress (run started/finished) for UIs that redraw a status line. */
  onEvent?: (event: ProgressEvent) => void;
  /** Warnings about the recording, each said once (default: a `warning: ` progress line). */
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
}

export interface RecordResult {
  runSet: RunSet;
  profiles: Profile[];
}

export interface InterleavedOptions extends Omit<RecordOptions, 'command' | 'cwd' | 'outDir' | 'env'> {
  base: { command: string[]; cwd?: string; env?: Record<string, string>; outDir: string };
  head: { command: string[]; cwd?: string; env?: Record<string, string>; outDir: string };
}

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
