// Contract of the configuration (issue 6 fills in fields, docs and validation; keep the names).
import type { SamplerName } from '../sample/index.js';
import type { CompareSettings } from '../stats/types.js';

/** Every setting of the main job, filled from flamediff.yml, CLI flags and action inputs. */
export interface FlamediffOptions {
  /** The workload, argv form (e.g. ['python', 'bench.py']). */
  command: string[];
  sampler: SamplerName;
  runs: number;
  warmup: number;
  rateHz: number | null;
  timeoutSeconds: number;
  workingDirectory: string;
  /** 'stored': compare with the stored baseline; 'rerun': run base and head interleaved here. */
  baseline: 'stored' | 'rerun';
  baseBranch: string;
  /** 'dir' (embedded default, a local directory) or 'git' (a data branch). */
  store: 'dir' | 'git';
  /** Directory of the dir store (default .flamediff). */
  storeDir: string;
  /** Data branch of the git store (default flamediff-data). */
  dataBranch: string;
  /** Where reports and pictures are written (default out/). */
  outDir: string;
  failOnRegression: boolean;
  compare: CompareSettings;
  /** Baselines kept before older run files are pruned (default 50). */
  retention: number;
  /** How many first-parent ancestors of the merge-base to search for a baseline. */
  baselineDepth: number;
  samplerOptions: Record<string, boolean | string>;
}
