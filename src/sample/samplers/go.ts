// Go: a pprof CPU profile the command writes itself, e.g. `go test -cpuprofile` (added for you
// when the command is `go test` without one) or a program calling pprof.StartCPUProfile on the
// path in $FLAMEDIFF_PROFILE_OUT.
import { UserError } from '../../errors.js';
import type { Collected, RunContext, Sampler, SamplerEnv, SamplerInfo, SamplerPlan } from '../sampler.js';
import { parseVersion, runTool } from '../tool.js';
import { collectSelfWritten, selfWrittenPlan } from './command.js';

const OUT = 'cpu.pprof';
const INSTALL = 'install Go from https://go.dev/dl/ (or actions/setup-go)';

export const goSampler: Sampler = {
  name: 'go',
  summary: 'a pprof CPU profile the command writes (go test -cpuprofile, pprof.StartCPUProfile)',
  takesRate: false,
  defaultRateHz: null,
  install: INSTALL,
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    if (env.command[0] !== 'go') return { version: '' };
    const v = await runTool(['go', 'version'], { env: env.env, cwd: env.cwd });
    if (v.error === 'ENOENT') throw new UserError(`go is not installed; ${INSTALL}`);
    return { version: parseVersion(v.stdout) };
  },
  plan(ctx: RunContext): SamplerPlan {
    return selfWrittenPlan({ ...ctx, command: goTestArgs(ctx.command) }, OUT);
  },
  collect: (ctx: RunContext): Promise<Collected> => collectSelfWritten(ctx, OUT, 'the Go command', 'pprof'),
};

/** `go test ...` without a -cpuprofile gets `-cpuprofile {profile}` (before any -args). */
export function goTestArgs(argv: string[]): string[] {
  if (argv[0] !== 'go' || argv[1] !== 'test') return argv;
  if (argv.some((a) => a.includes('{profile}') || /^--?(?:test\.)?cpuprofile(?:=|$)/.test(a))) return argv;
  const at = argv.indexOf('-args');
  const flag = '-cpuprofile={profile}';
  return at === -1 ? [...argv, flag] : [...argv.slice(0, at), flag, ...argv.slice(at)];
}
