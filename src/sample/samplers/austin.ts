// austin (>= 3): a frame stack sampler for CPython that spawns the workload itself. Version 3 is
// required: Debian's austin 1.0.1 cannot read the interpreter state of Python 3.11 and later.
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
import { compareVersions, parseVersion, runTool } from '../tool.js';
import { ptraceAdvice } from './attach.js';
import { readOutput } from './py-spy.js';

const INSTALL =
  '`pip install austin-dist` (austin 3.x binaries), `snap install austin --classic`, or a release from https://github.com/P403n1x87/austin/releases';
const MIN_VERSION = '3.0.0';
const OUT = 'austin.txt';

export const austinSampler: Sampler = {
  name: 'austin',
  summary: 'austin >= 3 (Python frame stack sampler)',
  optionNames: ['children', 'sleepless', 'memory', 'full'],
  defaultRateHz: null,
  install: INSTALL,
  autoInstall: ['python3', '-m', 'pip', 'install', 'austin-dist'],
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    const v = await runTool(['austin', '--version'], { env: env.env, cwd: env.cwd });
    if (v.error === 'ENOENT')
      throw new UserError(`austin is not installed; install austin >= 3 with ${INSTALL}`);
    return { version: checkAustinVersion(v.stdout + v.stderr) };
  },
  plan(ctx: RunContext): SamplerPlan {
    const argv = ['austin', ...austinArgs(ctx.rateHz, path.join(ctx.workDir, OUT), ctx.options)];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: 'outer' };
  },
  explainFailure: (tail, exitCode) => ptraceAdvice('austin', tail) ?? startupAdvice(exitCode, tail),
  lostStartupRace: (exitCode, tail) => startupFailure(exitCode, tail) !== undefined,
  async collect(ctx: RunContext): Promise<Collected> {
    const file = path.join(ctx.workDir, OUT);
    const bytes = await readOutput(file, 'austin');
    const profile = importProfile(file, bytes, { format: 'austin' });
    profile.meta.sampler = 'austin';
    return { profile, bytes, ext: 'austin', format: 'austin', parts: 1 };
  },
};

/**
 * austin's two start-up failures: 33 "Cannot launch the given command or it terminated too
 * quickly" and 32 "not a Python process" (no interpreter found in time). Both also happen to a
 * Python workload that austin attached to late on a busy machine (3 of 40 short runs beside a
 * parallel test pass here), so the runner retries them; a command that is not Python, or ends at
 * once, fails every attempt.
 */
function startupFailure(exitCode: number | null, tail: string[]): 'launch' | 'not-python' | undefined {
  const text = tail.join('\n');
  if (exitCode === 33 && /terminated too quickly|cannot launch/i.test(text)) return 'launch';
  if (exitCode === 32 && /not a\s+python\s+process/i.test(text)) return 'not-python';
  return undefined;
}

/** What to change when austin's start-up failure repeated on every attempt. */
function startupAdvice(exitCode: number | null, tail: string[]): string | undefined {
  const kind = startupFailure(exitCode, tail);
  if (kind === 'launch')
    return 'austin could not start the command, or it ended before austin attached (on every attempt): check the command, and give a workload shorter than a second more work';
  if (kind === 'not-python')
    return 'austin found no Python interpreter in the command (on every attempt): run python itself (`python3 script.py`), or set the sampler option `children` when Python runs in a child process';
  return undefined;
}

/** Version from `austin --version` output; throws when it is older than 3. */
export function checkAustinVersion(output: string): string {
  const version = parseVersion(output);
  if (!version)
    throw new UserError(`cannot tell austin's version from \`austin --version\` ("${output.trim()}")`);
  if (compareVersions(version, MIN_VERSION) < 0) {
    throw new UserError(
      `austin ${version} is too old (flamediff needs >= 3; Debian's 1.0.1 cannot read Python 3.11+); install a newer one with ${INSTALL}`,
    );
  }
  return version;
}

/** austin arguments before the workload: interval in microseconds, output file, options. */
export function austinArgs(
  rateHz: number | null,
  out: string,
  options: Record<string, boolean | string>,
): string[] {
  // austin gives up on a process that has not shown a Python runtime after --timeout (100 ms by
  // default): on a busy runner the interpreter can take longer to start, and the run then fails
  // with "not a Python process". Wait up to 5 s.
  const args: string[] = ['--timeout', '5000'];
  if (rateHz) args.push('--interval', String(Math.max(1, Math.round(1e6 / rateHz))));
  if (optionFlag(options, 'children')) args.push('--children');
  if (optionFlag(options, 'sleepless')) args.push('--sleepless');
  // Modes: wall time by default; `memory` samples allocations (bytes), `full` both (the profile's
  // weight is then time; `--sample-type memory` or `cpu` picks another metric when importing).
  if (optionFlag(options, 'memory') && optionFlag(options, 'full')) {
    throw new UserError("austin's `memory` and `full` options exclude each other; pick one");
  }
  if (optionFlag(options, 'memory')) args.push('--memory');
  if (optionFlag(options, 'full')) args.push('--full');
  args.push('--output', out);
  return args;
}
