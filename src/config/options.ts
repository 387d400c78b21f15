// The configuration of the main job: one options object, filled (in this order, later wins) from
// DEFAULT_OPTIONS, a flamediff.yml in the repository, CLI flags or action inputs.
// Field-by-field documentation for users: docs/configuration.md.
import type { SamplerName } from '../sample/index.js';
import { DEFAULT_COMPARE_SETTINGS } from '../stats/index.js';
import type { CompareSettings } from '../stats/types.js';

/** Every setting of the main job, filled from flamediff.yml, CLI flags and action inputs. */
export interface FlamediffOptions {
  /** The workload, argv form (e.g. ['python', 'bench.py']). Required: there is no default. */
  command: string[];
  /** Which sampler runs the workload (see docs/sampling.md). */
  sampler: SamplerName;
  /** Measured runs per side. Statistics need at least 2; 5 is a good start, 10 on noisy runners. */
  runs: number;
  /** Unmeasured warm-up runs before the measured ones. */
  warmup: number;
  /** Sampling rate in Hz; null = the sampler's own default. */
  rateHz: number | null;
  /** A run that takes longer is killed and the job fails (exit 2). */
  timeoutSeconds: number;
  /** Directory the workload runs in (relative to the repository root). */
  workingDirectory: string;
  /** 'stored': compare with the stored baseline; 'rerun': run base and head interleaved here. */
  baseline: 'stored' | 'rerun';
  /**
   * With a stored baseline: re-measure the merge-base interleaved with the head before failing
   * ('auto': only when the verdict would fail; 'always'; 'never'). See docs/statistics.md.
   */
  confirm: 'auto' | 'always' | 'never';
  /** The branch whose commits are baselines; runs on it record, runs elsewhere compare. */
  baseBranch: string;
  /** 'dir' (embedded default, a local directory) or 'git' (a data branch). */
  store: 'dir' | 'git';
  /** Directory of the dir store (default .flamediff). */
  storeDir: string;
  /** Data branch of the git store (default flamediff-data). */
  dataBranch: string;
  /** Git remote the data branch is fetched from and pushed to (git store only). */
  remote: string;
  /** Where reports and pictures are written (default out/). */
  outDir: string;
  /** Exit 1 (fail the check) when a regression passes the gates; false = report only. */
  failOnRegression: boolean;
  /** Statistics: significance, noise floors, gates (see docs/statistics.md). */
  compare: CompareSettings;
  /** Baselines kept before older run files are pruned (default 50). */
  retention: number;
  /** How many first-parent ancestors of the merge-base to search for a baseline. */
  baselineDepth: number;
  /** Sampler-specific switches (py-spy native/gil/idle/subprocesses, perf dwarf). */
  samplerOptions: Record<string, boolean | string>;
  /** Extra environment variables for the workload. */
  env: Record<string, string>;
}

/** The defaults, documented in docs/configuration.md (keep the two in step). */
export const DEFAULT_OPTIONS: FlamediffOptions = {
  command: [],
  sampler: 'perf',
  runs: 5,
  warmup: 1,
  rateHz: null,
  timeoutSeconds: 600,
  workingDirectory: '.',
  baseline: 'stored',
  confirm: 'auto',
  baseBranch: 'main',
  store: 'dir',
  storeDir: '.flamediff',
  dataBranch: 'flamediff-data',
  remote: 'origin',
  outDir: 'out',
  failOnRegression: true,
  compare: { ...DEFAULT_COMPARE_SETTINGS },
  retention: 50,
  baselineDepth: 20,
  samplerOptions: {},
  env: {},
};

/** A fresh copy of the defaults (nested objects are not shared). */
export function defaultOptions(): FlamediffOptions {
  return {
    ...DEFAULT_OPTIONS,
    command: [],
    compare: { ...DEFAULT_OPTIONS.compare },
    samplerOptions: {},
    env: {},
  };
}
