// Fil (filprofiler): a memory profiler for Python that records the peak of the workload's
// allocated memory and writes it as folded stacks weighted in bytes (`peak-memory.prof`, frames
// `file.py:LINE (function)`), read by src/formats/memory.ts. A run's profile is where the memory
// was at its peak, so regressions in peak memory get the same comparison as CPU time.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import type { Collected, RunContext, Sampler, SamplerEnv, SamplerInfo, SamplerPlan } from '../sampler.js';
import { readOutput } from './py-spy.js';
import { checkPythonTool, installHint, type PythonTool, toolInvocation } from './python-tool.js';

export const FIL: PythonTool = {
  label: 'Fil',
  module: 'filprofiler',
  script: 'fil-profile',
  pipPackage: 'filprofiler',
};
const OUT_DIR = 'fil-result';

export const filSampler: Sampler = {
  name: 'fil',
  summary: 'Fil (filprofiler): peak memory of a Python workload, in bytes',
  takesRate: false,
  defaultRateHz: null,
  install: installHint(FIL),
  autoInstall: ['python3', '-m', 'pip', 'install', 'filprofiler'],
  async check(env: SamplerEnv): Promise<SamplerInfo> {
    return { version: await checkPythonTool(FIL, env) };
  },
  plan(ctx: RunContext): SamplerPlan {
    const { tool, rest } = toolInvocation(FIL, ctx.command);
    const argv = [...tool, '-o', path.join(ctx.workDir, OUT_DIR), '--no-browser', 'run'];
    // Fil spawns nothing of its own: the interpreter it starts is the workload.
    return { argv: [...argv, ...rest], workloadIndex: argv.length, timer: 'outer' };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const file = await findPeakProfile(path.join(ctx.workDir, OUT_DIR));
    const bytes = await readOutput(file, 'Fil');
    const profile = importProfile(file, bytes, { format: 'memory' });
    profile.meta.sampler = 'fil';
    return { profile, bytes, ext: 'mem.folded', format: 'memory', parts: 1 };
  },
};

/** Fil writes `<out>/<timestamp>/peak-memory.prof` (one timestamped folder per run). */
async function findPeakProfile(outDir: string): Promise<string> {
  const runs = await readdir(outDir).catch(() => [] as string[]);
  for (const r of runs.sort().reverse()) {
    const names = await readdir(path.join(outDir, r)).catch(() => [] as string[]);
    if (names.includes('peak-memory.prof')) return path.join(outDir, r, 'peak-memory.prof');
  }
  throw new UserError(`Fil wrote no peak-memory.prof under ${outDir}`);
}
