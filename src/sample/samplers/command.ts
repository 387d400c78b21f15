// `command`: the workload profiles itself and writes a profile file of any format flamediff
// reads to the path in $FLAMEDIFF_PROFILE_OUT (or wherever `{profile}` appears in its argv).
import path from 'node:path';
import { UserError } from '../../errors.js';
import { FORMATS, importProfile } from '../../formats/index.js';
import type { FormatName } from '../../formats/types.js';
import {
  type Collected,
  type RunContext,
  type Sampler,
  type SamplerInfo,
  type SamplerPlan,
  substituteProfilePath,
} from '../sampler.js';
import { readOutput } from './py-spy.js';

export const PROFILE_OUT_ENV = 'FLAMEDIFF_PROFILE_OUT';
const OUT = 'profile.out';

export const commandSampler: Sampler = {
  name: 'command',
  summary: `the command writes any supported profile to $${PROFILE_OUT_ENV} (or to {profile} in its argv)`,
  takesRate: false,
  defaultRateHz: null,
  install: `nothing to install: make the command write a profile to the path in $${PROFILE_OUT_ENV}`,
  async check(): Promise<SamplerInfo> {
    return { version: '' };
  },
  plan: (ctx) => selfWrittenPlan(ctx, OUT),
  collect: (ctx) => collectSelfWritten(ctx, OUT, 'the command'),
};

/** The workload writes the profile itself: substitute `{profile}` and export the path. */
export function selfWrittenPlan(ctx: RunContext, fileName: string): SamplerPlan {
  const out = path.join(ctx.workDir, fileName);
  const { argv } = substituteProfilePath(ctx.command, out);
  return { argv, workloadIndex: 0, env: { [PROFILE_OUT_ENV]: out }, timer: 'inner' };
}

export async function collectSelfWritten(
  ctx: RunContext,
  fileName: string,
  who: string,
  format?: FormatName,
): Promise<Collected> {
  const file = path.join(ctx.workDir, fileName);
  let bytes: Uint8Array;
  try {
    bytes = await readOutput(file, who);
  } catch {
    throw new UserError(
      `${who} wrote no profile to $${PROFILE_OUT_ENV} (${file}); make it write one there, or put {profile} in its arguments`,
    );
  }
  const profile = importProfile(file, bytes, format ? { format } : {});
  const fmt = (profile.meta.format ?? format ?? 'folded') as FormatName;
  return { profile, bytes, ext: extensionFor(fmt), format: fmt, parts: 1 };
}

/** File extension a run file of each format gets (so other tools recognise it too). */
export function extensionFor(format: FormatName): string {
  const ext: Partial<Record<FormatName, string>> = {
    folded: 'folded',
    pprof: 'pb.gz',
    cpuprofile: 'cpuprofile',
    speedscope: 'speedscope.json',
    gecko: 'gecko.json',
    'perf-script': 'perf',
    pstats: 'pstats',
    austin: 'austin',
    'py-spy': 'pyspy.txt',
    cpython: 'collapsed.txt',
    'async-profiler': 'collapsed',
  };
  return ext[format] ?? (FORMATS.some((f) => f.name === format) ? `${format}.txt` : 'txt');
}
