// CLI flags that override flamediff.yml. Each flag maps to one key of the shared table
// (schema.ts), so a flag accepts and rejects exactly what the file does.
import type { OptionSpec } from '../commands/command.js';
import { applySetting } from './load.js';
import type { FlamediffOptions } from './options.js';

/** Flag name -> config key. Flags not listed here (--config, --base-ref, ...) belong to commands. */
export const SETTING_FLAGS: Readonly<Record<string, string>> = {
  sampler: 'sampler',
  runs: 'runs',
  warmup: 'warmup',
  'rate-hz': 'rate-hz',
  timeout: 'timeout-seconds',
  'working-directory': 'working-directory',
  baseline: 'baseline',
  'base-branch': 'base-branch',
  store: 'store',
  'store-dir': 'store-dir',
  'data-branch': 'data-branch',
  remote: 'remote',
  retention: 'retention',
  'baseline-depth': 'baseline-depth',
  granularity: 'compare.granularity',
  alpha: 'compare.alpha',
  'gate-frame-share': 'compare.gate-frame-share',
  'gate-total': 'compare.gate-total',
};

export const SETTING_FLAG_SPEC: OptionSpec = {
  ...Object.fromEntries(Object.keys(SETTING_FLAGS).map((f) => [f, { type: 'string' as const }])),
  'fail-on-regression': { type: 'boolean' },
  'no-fail-on-regression': { type: 'boolean' },
};

/** Help lines for the setting flags (commands append them to their own help). */
export const SETTING_FLAGS_HELP = `Settings (override ${'flamediff.yml'}; see docs/configuration.md):
  --sampler NAME            perf, node, py-spy, austin, python, go, async-profiler, command
  --runs N                  measured runs per side (default 5)
  --warmup N                unmeasured warm-up runs (default 1)
  --rate-hz N               sampling rate (default: the sampler's)
  --timeout SECONDS         per-run time limit (default 600)
  --working-directory DIR   where the workload runs
  --baseline stored|rerun   stored baseline, or rerun the base commit interleaved here
  --base-branch NAME        branch whose commits are baselines (default main)
  --store dir|git           local directory or data branch (default dir)
  --store-dir DIR           dir store location (default .flamediff)
  --data-branch NAME        git store branch (default flamediff-data)
  --remote NAME             git store remote (default origin)
  --retention N             baselines kept (default 50)
  --baseline-depth N        first-parent commits searched for a baseline (default 20)
  --granularity G           function, line or module (default function)
  --alpha A                 false-discovery rate (default 0.01)
  --gate-frame-share S      fail when a frame grows by more than S of total (default 0.01)
  --gate-total R|off        fail when the total grows by more than R (default off)
  --[no-]fail-on-regression exit 1 on a gated regression (default on)
`;

/** Applies the parsed flag values to `opts`, quoting the flag in any error. */
export function applySettingFlags(opts: FlamediffOptions, values: Record<string, unknown>): void {
  for (const [flag, key] of Object.entries(SETTING_FLAGS)) {
    const v = values[flag];
    if (v !== undefined) applySetting(opts, key, v, `--${flag}`);
  }
  if (values['fail-on-regression']) opts.failOnRegression = true;
  if (values['no-fail-on-regression']) opts.failOnRegression = false;
}
