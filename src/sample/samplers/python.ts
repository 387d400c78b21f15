// CPython 3.15+'s own sampling profiler: `python -m profiling.sampling run ... script.py`.
// The workload must start with a Python interpreter (python, python3, python3.15, a venv's
// python); the interpreter's version decides whether the module exists, and its `--help`
// decides the rate flag (the CLI gained `--sampling-rate` in 3.15; 3.14 had `--interval`).
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import type { Collected, RunContext, Sampler, SamplerEnv, SamplerInfo, SamplerPlan } from '../sampler.js';
import { compareVersions, runTool } from '../tool.js';
import { readOutput } from './py-spy.js';

const INSTALL = 'install CPython 3.15 or later (e.g. `uv python install 3.15` or actions/setup-python)';
const MIN_VERSION = '3.15.0';
const OUT = 'collapsed.txt';

export const pythonSampler: Sampler = {
  name: 'python',
  summary: 'CPython 3.15+ python -m profiling.sampling (no extra install)',
  defaultRateHz: null,
  install: INSTALL,
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    const py = env.command[0];
    if (!py || !isPythonInterpreter(py)) {
      throw new UserError(
        `the python sampler needs the command to start with a Python interpreter (e.g. \`python bench.py\`), got '${py ?? ''}'`,
      );
    }
    const v = await runTool([py, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      env: env.env,
      cwd: env.cwd,
    });
    if (v.error === 'ENOENT') throw new UserError(`${py} is not installed; ${INSTALL}`);
    const version = v.stdout.trim();
    if (v.code !== 0 || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new UserError(`cannot run ${py} to read its version (${v.stderr.trim() || `exit ${v.code}`})`);
    }
    if (compareVersions(version, MIN_VERSION) < 0) {
      throw new UserError(
        `${py} is Python ${version}; the python sampler needs 3.15+ (profiling.sampling); ${INSTALL}, or use --sampler py-spy`,
      );
    }
    const help = await runTool([py, '-m', 'profiling.sampling', 'run', '--help'], {
      env: env.env,
      cwd: env.cwd,
    });
    return { version, details: { rateFlag: rateFlagFromHelp(help.stdout + help.stderr) } };
  },
  plan(ctx: RunContext): SamplerPlan {
    const [py, ...rest] = ctx.command;
    const rateFlag = ctx.info.details?.rateFlag ?? '--sampling-rate';
    const args = pythonSamplingArgs(rateFlag, ctx.rateHz, path.join(ctx.workDir, OUT));
    const argv = [py, ...args];
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: 'outer' };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const file = path.join(ctx.workDir, OUT);
    const bytes = await readOutput(file, 'python -m profiling.sampling');
    const profile = importProfile(file, bytes, { format: 'cpython' });
    profile.meta.sampler = 'python';
    return { profile, bytes, ext: 'collapsed.txt', format: 'cpython', parts: 1 };
  },
};

export function isPythonInterpreter(argv0: string): boolean {
  return /^(?:python|pypy)(?:\d+(?:\.\d+)?t?)?(?:\.exe)?$/i.test(path.basename(argv0));
}

/** Which rate flag this interpreter's profiling.sampling accepts. */
export function rateFlagFromHelp(help: string): string {
  if (help.includes('--sampling-rate')) return '--sampling-rate';
  if (help.includes('--interval')) return '--interval';
  return '--sampling-rate';
}

/** `-m profiling.sampling run` arguments before the script (or `-m module`) and its arguments. */
export function pythonSamplingArgs(rateFlag: string, rateHz: number | null, out: string): string[] {
  const args = ['-m', 'profiling.sampling', 'run'];
  if (rateHz) {
    // --interval is in microseconds; --sampling-rate takes Hz.
    args.push(
      rateFlag,
      rateFlag === '--interval' ? String(Math.max(1, Math.round(1e6 / rateHz))) : String(rateHz),
    );
  }
  args.push('--collapsed', '-o', out);
  return args;
}
