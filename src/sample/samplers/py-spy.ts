// py-spy: `py-spy record --format raw` spawns the Python workload itself and samples it from
// outside (no code changes, low overhead). Raw output is folded stacks, read by src/formats.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import {
  type Collected,
  optionFlag,
  type RunContext,
  type Sampler,
  type SamplerEnv,
  type SamplerInfo,
  type SamplerPlan,
} from '../sampler.js';
import { parseVersion, runTool } from '../tool.js';
import { ptraceAdvice } from './attach.js';

const INSTALL =
  '`pip install py-spy` (in the action: set the input `install-sampler: true`); see https://github.com/benfred/py-spy';
const OUT = 'py-spy.txt';

/** py-spy switches flamediff passes through (`--sampler-opt native`, ...). */
export const PY_SPY_FLAGS = ['native', 'gil', 'idle', 'subprocesses', 'threads', 'nonblocking'] as const;

export const pySpySampler: Sampler = {
  name: 'py-spy',
  summary: 'py-spy record --format raw (Python, sampled from outside the process)',
  optionNames: PY_SPY_FLAGS,
  defaultRateHz: 100,
  install: INSTALL,
  autoInstall: ['python3', '-m', 'pip', 'install', 'py-spy'],
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    const v = await runTool(['py-spy', '--version'], { env: env.env, cwd: env.cwd });
    if (v.error === 'ENOENT') throw new UserError(`py-spy is not installed; install it with ${INSTALL}`);
    const version = parseVersion(v.stdout + v.stderr);
    if (v.code !== 0 || !version) {
      throw new UserError(
        `\`py-spy --version\` failed (${v.stderr.trim() || `exit ${v.code}`}); reinstall with ${INSTALL}`,
      );
    }
    return { version };
  },
  plan(ctx: RunContext): SamplerPlan {
    const argv = ['py-spy', ...pySpyArgs(ctx.rateHz ?? 100, path.join(ctx.workDir, OUT), ctx.options), '--'];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: 'outer' };
  },
  explainFailure: (tail) => ptraceAdvice('py-spy', tail),
  async collect(ctx: RunContext): Promise<Collected> {
    const file = path.join(ctx.workDir, OUT);
    const bytes = await readOutput(file, 'py-spy');
    const profile = importProfile(file, bytes, { format: 'py-spy' });
    profile.meta.sampler = 'py-spy';
    profile.meta.intervalNs ??= Math.round(1e9 / (ctx.rateHz ?? 100));
    return { profile, bytes, ext: 'pyspy.txt', format: 'py-spy', parts: 1 };
  },
};

/** `record` arguments (without the workload): exported for tests of the command line. */
export function pySpyArgs(rateHz: number, out: string, options: Record<string, boolean | string>): string[] {
  const args = ['record', '--format', 'raw', '--rate', String(Math.round(rateHz)), '--output', out];
  for (const f of PY_SPY_FLAGS) if (optionFlag(options, f)) args.push(`--${f}`);
  return args;
}

export async function readOutput(file: string, sampler: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch {
    throw new UserError(`${sampler} wrote no output file (${file})`);
  }
}
