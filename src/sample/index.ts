// Contract of the sampling stage (issue 3 replaces the bodies; keep the signatures).
import type { Profile } from '../profile/profile.js';
import type { RunSet } from './types.js';

export type * from './types.js';

export type SamplerName =
  | 'py-spy'
  | 'austin'
  | 'python'
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

export async function record(_opts: RecordOptions): Promise<RecordResult> {
  throw new Error('record: not implemented yet');
}

/** Runs base and head alternately (A B A B ...) so machine drift hits both sides equally. */
export async function recordInterleaved(
  _opts: InterleavedOptions,
): Promise<{ base: RecordResult; head: RecordResult }> {
  throw new Error('recordInterleaved: not implemented yet');
}
