// The one interface every sampler implements. The runner owns processes, timing and files; a
// sampler only says how to wrap the workload, whether it can run here, and how to read what it
// wrote (always through src/formats, never with a parser of its own).
import type { FormatName } from '../formats/types.js';
import type { Profile } from '../profile/profile.js';

export interface SamplerEnv {
  /** The workload, argv form. */
  command: string[];
  cwd: string;
  /** The environment the workload will run with. */
  env: NodeJS.ProcessEnv;
  rateHz: number | null;
  options: Record<string, boolean | string>;
}

/** What `check` learnt about the installed sampler; passed back to plan/collect. */
export interface SamplerInfo {
  version: string;
  /** Sampler-specific facts (e.g. the python interpreter, the agent library path). */
  details?: Record<string, string>;
}

export interface RunContext extends SamplerEnv {
  info: SamplerInfo;
  /** Private temporary directory of this run; the sampler writes its raw output here. */
  workDir: string;
  /** Aborts post-processing (e.g. `perf script`) on Ctrl-C / SIGTERM. */
  signal?: AbortSignal;
}

export interface SamplerPlan {
  /** What to spawn: sampler argv followed by the workload argv. */
  argv: string[];
  /** Where the workload's argv starts inside `argv` (the runner inserts its timer there). */
  workloadIndex: number;
  /** Variables to add to the run's environment. */
  env?: Record<string, string>;
  /**
   * 'inner': the timer wraps only the workload (CPU/RSS are the workload's);
   * 'outer': the sampler itself spawns the interpreter it profiles, so the timer must wrap the
   * sampler too (CPU/RSS include the sampler's own).
   */
  timer: 'inner' | 'outer';
}

/** A run's profile, ready to be written as DIR/run-<i>.<ext>. */
export interface Collected {
  profile: Profile;
  /** Bytes of the run file (the sampler's own output, or folded text for merged outputs). */
  bytes: Uint8Array;
  ext: string;
  format: FormatName;
  /** How many raw output files were merged (node child processes); 1 otherwise. */
  parts: number;
  /** Sample count when the sampler knows it better than the profile's weights say. */
  samples?: number;
  /** Something the user should know about this profile (shown once per recording). */
  warning?: string;
}

export interface Sampler {
  name: string;
  summary: string;
  /** False when the workload's own profiler sets the rate (go, command): a rate is then an error. */
  takesRate?: boolean;
  /** Sampler switches it understands (`--sampler-opt` / `sampler-options`); others are errors. */
  optionNames?: readonly string[];
  /** Rate used when the user gives none; null means the sampler's own default. */
  defaultRateHz: number | null;
  /** How to install it, for error messages and docs. */
  install: string;
  /** A command that installs it unattended (the action's `install-sampler: true`), if there is one. */
  autoInstall?: string[];
  /** Checks the sampler is installed, new enough and permitted; throws a UserError with the fix. */
  check(env: SamplerEnv): Promise<SamplerInfo>;
  plan(ctx: RunContext): SamplerPlan;
  /**
   * Why a failed run failed, in words with the fix, when the sampler's stderr says so (e.g.
   * ptrace denied); appended to the run's error. Undefined when the stderr tells nothing known.
   */
  explainFailure?(stderrTail: string[], exitCode: number | null): string | undefined;
  /**
   * True when a failed run failed only because the sampler lost a start-up race with the
   * workload (it attaches while the workload starts, and a busy machine can let a short workload
   * end first): the runner then runs it again, up to START_ATTEMPTS times in all. A real failure
   * fails every time, so the retries cost time but hide nothing.
   */
  lostStartupRace?(exitCode: number | null, stderrTail: string[]): boolean;
  /** Locates and parses the output of a successful run; throws a UserError when there is none. */
  collect(ctx: RunContext): Promise<Collected>;
}

/** Number of samples a profile holds, whatever unit its weights are in. */
export function sampleCount(p: Profile): number {
  const total = p.totalWeight();
  const interval = p.meta.intervalNs;
  switch (p.meta.unit) {
    case 'samples':
    case 'count':
      return Math.round(total);
    case 'nanoseconds':
      return interval ? Math.round(total / interval) : p.stackCount;
    case 'microseconds':
      return interval ? Math.round((total * 1000) / interval) : p.stackCount;
    default:
      return p.stackCount;
  }
}

/** Replaces `{profile}` in the workload's argv with the run's output path. */
export function substituteProfilePath(argv: string[], path: string): { argv: string[]; used: boolean } {
  let used = false;
  const out = argv.map((a) => {
    if (!a.includes('{profile}')) return a;
    used = true;
    return a.split('{profile}').join(path);
  });
  return { argv: out, used };
}

export function optionString(opts: Record<string, boolean | string>, key: string): string | undefined {
  const v = opts[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function optionFlag(opts: Record<string, boolean | string>, key: string): boolean {
  const v = opts[key];
  return v === true || v === 'true' || v === '1' || v === 'yes';
}
