// What the runner records per run (written to runs.json by `flamediff record`), and the run sets
// `measure` hands to `analyse`.
import type { Profile } from '../profile/profile.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  kernel: string;
  platform: string;
  arch: string;
  /** 1/5/15-minute load averages at the start of the run set. */
  loadAvg: [number, number, number];
  hostname: string;
}

export interface RunRecord {
  /** 1-based run number within its side. */
  index: number;
  /** 'base' | 'head' for interleaved runs, 'run' otherwise. */
  side: string;
  /** Path to the run's profile file, relative to runs.json. */
  file: string;
  format: string;
  wallSeconds: number;
  /** User + system CPU seconds of the workload and its children (from the OS). */
  cpuSeconds: number;
  /** Peak resident set size in bytes (max over the process tree as the OS reports it). */
  peakRssBytes: number;
  samples: number;
  exitCode: number;
  sampler: string;
  samplerVersion: string;
  startedAt: string;
  /** Order of this run among all recorded runs of the invocation (interleaved: A1=1, B1=2, ...). */
  sequence?: number;
  /** Where cpuSeconds/peakRssBytes came from: GNU time (wait4 rusage), /proc polling, or none. */
  resourceSource?: 'gnu-time' | 'proc' | 'none';
  /** 'workload' when only the workload was timed; 'workload+sampler' when the sampler spawns it. */
  resourceScope?: 'workload' | 'workload+sampler';
  /** Raw output files merged into this run's profile (several node processes); 1 otherwise. */
  parts?: number;
  /** The run's stdout+stderr, relative to runs.json. */
  log?: string;
  /** Seconds spent reading/parsing the sampler's output after the workload exited. */
  collectSeconds?: number;
  /** Seconds from spawn to exit of the whole process group (sampler start-up/shutdown included). */
  processSeconds?: number;
  /** Seconds the runner spent on this run in all (spawn, wait, parse, files). */
  runnerSeconds?: number;
}

export interface RunSet {
  schema: 1;
  sampler: string;
  samplerVersion: string;
  command: string[];
  cwd: string;
  rateHz: number | null;
  warmup: number;
  machine: MachineInfo;
  runs: RunRecord[];
  /** 'base' | 'head' for interleaved recordings, 'run' otherwise. */
  side?: string;
  timeoutSeconds?: number | null;
  samplerOptions?: Record<string, boolean | string>;
  /** Load averages when the last run finished (compare with machine.loadAvg at the start). */
  loadAvgEnd?: [number, number, number];
}

/** One measured run as the later stages use it: the profile and what the runner timed. */
export interface MeasuredRun {
  profile: Profile;
  wallSeconds?: number;
  cpuSeconds?: number;
  peakRssBytes?: number | null;
}

/**
 * One side of a comparison (base or head): its runs and how they were measured. `machine` and
 * `samplerVersion` are null/'' when the runs came from elsewhere and did not say (artifacts).
 */
export interface RunSide {
  runs: MeasuredRun[];
  sampler: string;
  samplerVersion: string;
  command: string[];
  rateHz: number | null;
  machine: MachineInfo | null;
}

/** What `measure` hands to `analyse`: the head, and the base when it was measured here too. */
export interface RunSets {
  head: RunSide;
  /** null: no baseline (a baseline recording, or none stored). */
  base: RunSide | null;
  /** True when base and head ran alternately in one session on this machine. */
  interleaved: boolean;
}

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
  signal?: AbortSignal;
  /** Warnings about the recording, each said once (default: a `warning: ` progress line). */
  onWarning?: (message: string) => void;
  /** On interruption keep the runs that finished (and their runs.json) instead of nothing. */
  keepFinished?: boolean;
}

export interface RecordResult {
  runSet: RunSet;
  profiles: Profile[];
}

export interface InterleavedOptions extends Omit<RecordOptions, 'command' | 'cwd' | 'outDir' | 'env'> {
  base: { command: string[]; cwd?: string; env?: Record<string, string>; outDir: string };
  head: { command: string[]; cwd?: string; env?: Record<string, string>; outDir: string };
}

/** Structured progress for UIs that redraw (the CLI's TTY ticker); lines go to onProgress. */
export type ProgressEvent =
  | { type: 'ready'; sampler: string; version: string; resourceSource: string }
  | { type: 'start'; phase: 'warmup' | 'run'; index: number; total: number; side: string }
  | {
      type: 'done';
      phase: 'warmup' | 'run';
      index: number;
      total: number;
      side: string;
      wallSeconds: number;
      samples: number | null;
    };
