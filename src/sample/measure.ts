// measure(job) -> RunSets: the first of the pipeline's four stages. Runs the workload under the
// sampler (the head; with a base checkout, base and head interleaved A B A B) and returns the
// runs with their profiles' paths relative to their checkouts. Nothing here knows about stores,
// statistics or GitHub; a failed run set is an error, so it can never become a baseline.
import path from 'node:path';
import { UserError } from '../errors.js';
import { relativeToCheckout } from '../profile/relative-paths.js';
import { record, recordInterleaved } from './record.js';
import type {
  InterleavedOptions,
  RecordOptions,
  RecordResult,
  RunSets,
  RunSide,
  SamplerName,
} from './types.js';

/** The samplers, replaceable in tests that use hand-built profiles. */
export interface Recorder {
  record: (o: RecordOptions) => Promise<RecordResult>;
  recordInterleaved: (o: InterleavedOptions) => Promise<{ base: RecordResult; head: RecordResult }>;
}

export const REAL_RECORDER: Recorder = { record, recordInterleaved };

export interface MeasureJob {
  sampler: SamplerName;
  command: string[];
  runs: number;
  warmup: number;
  rateHz: number | null;
  timeoutSeconds: number;
  samplerOptions: Record<string, boolean | string>;
  /** Environment for both sides. */
  env: Record<string, string>;
  /** Extra environment for the head side only (the demo's injected regression). */
  headEnv?: Record<string, string>;
  /** What errors call the head's runs ('baseline' when recording one; default 'head'). */
  headLabel?: string;
  /** The head checkout (profile paths are made relative to it) and where the workload runs. */
  head: { root: string; workDir: string };
  /** A checkout of the base commit: base and head run interleaved. Absent: the head alone. */
  base?: { root: string; workDir: string };
  /** Scratch directory for run files. */
  tmp: string;
  log: (line: string) => void;
  signal?: AbortSignal;
  recorder?: Recorder;
}

export async function measure(job: MeasureJob): Promise<RunSets> {
  const recorder = job.recorder ?? REAL_RECORDER;
  const shared = {
    sampler: job.sampler,
    runs: job.runs,
    warmup: job.warmup,
    rateHz: job.rateHz ?? undefined,
    timeoutSeconds: job.timeoutSeconds,
    samplerOptions: job.samplerOptions,
    onProgress: job.log,
    signal: job.signal,
  };
  const headEnv = { ...job.env, ...job.headEnv };
  if (!job.base) {
    const rec = await recorder.record({
      ...shared,
      command: job.command,
      cwd: job.head.workDir,
      env: headEnv,
      outDir: path.join(job.tmp, 'head'),
    });
    return {
      head: runSide(rec, job.headLabel ?? 'head', job.runs, job.head.root),
      base: null,
      interleaved: false,
    };
  }
  const res = await recorder.recordInterleaved({
    ...shared,
    base: {
      command: job.command,
      cwd: job.base.workDir,
      env: { ...job.env },
      outDir: path.join(job.tmp, 'base'),
    },
    head: { command: job.command, cwd: job.head.workDir, env: headEnv, outDir: path.join(job.tmp, 'head') },
  });
  // Each side's paths relative to its own checkout, so the same file is the same frame.
  const base = runSide(res.base, 'base', job.runs, job.base.root);
  return { head: runSide(res.head, 'head', job.runs, job.head.root), base, interleaved: true };
}

/** A run set where any run failed is never used (and never becomes a baseline). */
function runSide(r: RecordResult, side: string, expected: number, root: string): RunSide {
  const bad = r.runSet.runs.find((x) => x.exitCode !== 0);
  if (bad) {
    throw new UserError(
      `the workload failed (${side} run ${bad.index} exited with status ${bad.exitCode}); nothing was recorded`,
    );
  }
  if (r.profiles.length !== expected || r.profiles.some((p) => !(p.totalWeight() > 0))) {
    throw new UserError(
      `the ${side} runs gave ${r.profiles.length} profiles with samples, expected ${expected}; nothing was recorded`,
    );
  }
  return fromRecord(r, root);
}

/** A recording as a run side (paths relative to `root` when given). */
export function fromRecord(r: RecordResult, root?: string): RunSide {
  const rs = r.runSet;
  return {
    runs: r.profiles.map((p, i) => ({
      profile: root ? relativeToCheckout(p, root) : p,
      wallSeconds: rs.runs[i]?.wallSeconds,
      cpuSeconds: rs.runs[i]?.cpuSeconds,
      peakRssBytes: rs.runs[i]?.peakRssBytes ?? null,
    })),
    sampler: rs.sampler,
    samplerVersion: rs.samplerVersion,
    command: rs.command,
    rateHz: rs.rateHz,
    machine: rs.machine,
  };
}
