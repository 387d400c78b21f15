// Node.js: V8's sampling profiler, switched on with NODE_OPTIONS so it works the same for
// `node script.js`, `npx tool`, `npm run bench` and any node child process the workload starts.
// Every node process writes its own .cpuprofile into the run's directory; the package manager's
// own processes (npm, npx, yarn, pnpm, corepack) are dropped and the rest merged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import { writeFolded } from '../../profile/folded-writer.js';
import type { Profile } from '../../profile/profile.js';
import { mergeProfiles } from '../../profile/transform.js';
import type { Collected, RunContext, Sampler, SamplerEnv, SamplerInfo, SamplerPlan } from '../sampler.js';
import { parseVersion, runTool } from '../tool.js';

const INSTALL = 'install Node.js 20 or later (https://nodejs.org/ or your package manager)';
const PROFILE_DIR = 'cpuprofiles';
const PRELOAD_NAME = 'flamediff-cpu-prof.cjs';
const checked = new Map<string, Promise<SamplerInfo>>();

export const nodeSampler: Sampler = {
  name: 'node',
  summary: 'node --cpu-prof (node, npx, npm scripts and child processes via NODE_OPTIONS)',
  defaultRateHz: null,
  install: INSTALL,
  check(env: SamplerEnv): Promise<SamplerInfo> {
    const key = env.env.PATH ?? '';
    let hit = checked.get(key);
    if (!hit) {
      hit = checkNode(env);
      checked.set(key, hit);
      hit.catch(() => checked.delete(key));
    }
    return hit;
  },
  plan(ctx: RunContext): SamplerPlan {
    const dir = path.join(ctx.workDir, PROFILE_DIR);
    mkdirSync(dir, { recursive: true });
    // V8's interval is in microseconds (default 1000); a rate in Hz maps onto it.
    const intervalUs = ctx.rateHz ? Math.max(1, Math.round(1e6 / ctx.rateHz)) : undefined;
    const flags = [`--cpu-prof`, `--cpu-prof-dir=${dir}`];
    if (intervalUs) flags.push(`--cpu-prof-interval=${intervalUs}`);
    const env: Record<string, string> = { FLAMEDIFF_CPU_PROF_DIR: dir };
    if (intervalUs) env.FLAMEDIFF_CPU_PROF_INTERVAL = String(intervalUs);
    // Node processes the command starts (npx, npm scripts, child processes) get the profiler
    // from NODE_OPTIONS: `--cpu-prof` itself where Node allows it there (not in Node 20), else
    // a preload that runs the same V8 profiler through node:inspector and writes a .cpuprofile
    // at exit.
    let extra: string[];
    if (ctx.info.details?.cpuProfInNodeOptions === 'true') {
      extra = flags.map(quoteNodeOption);
    } else {
      const preload = path.join(ctx.workDir, PRELOAD_NAME);
      writeFileSync(preload, PRELOAD);
      extra = [`--require=${quoteNodeOption(preload)}`];
    }
    env.NODE_OPTIONS = [ctx.env.NODE_OPTIONS?.trim(), ...extra].filter(Boolean).join(' ');
    // `node script.js`: the flags go on the command line, exactly as a user would type them.
    const argv = isNodeBinary(ctx.command[0])
      ? [ctx.command[0], ...flags, ...ctx.command.slice(1)]
      : [...ctx.command];
    return { argv, workloadIndex: 0, env, timer: 'inner' };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const dir = path.join(ctx.workDir, PROFILE_DIR);
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.cpuprofile')).sort();
    } catch {
      // No directory: no node process ran with our flags.
    }
    const parts: { bytes: Uint8Array; profile: Profile }[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      const bytes = await readFile(file);
      if (isPackageManagerProfile(bytes)) continue;
      parts.push({ bytes, profile: importProfile(file, bytes, { format: 'cpuprofile' }) });
    }
    if (parts.length === 0) {
      throw new UserError(
        names.length === 0
          ? 'no .cpuprofile was written: the command started no node process, or NODE_OPTIONS was overridden'
          : 'only the package manager (npm/npx/yarn/pnpm) was profiled; the command started no other node process',
      );
    }
    for (const p of parts) p.profile.meta.sampler = 'node';
    if (parts.length === 1) {
      return {
        profile: parts[0].profile,
        bytes: parts[0].bytes,
        ext: 'cpuprofile',
        format: 'cpuprofile',
        parts: 1,
      };
    }
    // Several node processes in one run (workers, child processes): one merged profile.
    const merged = mergeProfiles(parts.map((p) => p.profile));
    merged.meta.sampler = 'node';
    const bytes = new TextEncoder().encode(writeFolded(merged));
    return { profile: merged, bytes, ext: 'folded', format: 'folded', parts: parts.length };
  },
};

/** NODE_OPTIONS splits on spaces but honours double quotes. */
function quoteNodeOption(value: string): string {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

const PACKAGE_MANAGER_URL =
  /[\\/]node_modules[\\/](?:npm|corepack|pnpm|yarn|@yarnpkg)[\\/]|[\\/](?:npm|npx|pnpm|pnpx|yarn)(?:-cli)?\.c?js$|[\\/]bin[\\/](?:npm|npx|pnpm|yarn)$/;

/**
 * True for the profile of npm/npx/yarn/pnpm itself (not of the script it runs): every script URL
 * in it belongs to the package manager. A light scan of the callFrame URLs, not a parse.
 */
export function isPackageManagerProfile(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  const re = /"url"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  let userScripts = 0;
  let managerScripts = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[1];
    if (url === '' || url.startsWith('node:') || !/[\\/]/.test(url) || url.endsWith(PRELOAD_NAME)) continue;
    if (PACKAGE_MANAGER_URL.test(url)) managerScripts++;
    else userScripts++;
  }
  return managerScripts > 0 && userScripts === 0;
}

async function checkNode(env: SamplerEnv): Promise<SamplerInfo> {
  const v = await runTool(['node', '--version'], { env: env.env, cwd: env.cwd });
  if (v.error === 'ENOENT') throw new UserError(`node is not on PATH; ${INSTALL}`);
  const version = parseVersion(v.stdout);
  if (!version) throw new UserError(`\`node --version\` failed (${v.stderr.trim() || `exit ${v.code}`})`);
  return { version, details: { cpuProfInNodeOptions: String(await cpuProfAllowedInNodeOptions(env)) } };
}

export function isNodeBinary(argv0: string | undefined): boolean {
  return argv0 !== undefined && /^node(?:js)?(?:\.exe)?$/i.test(path.basename(argv0));
}

/** Newer Node versions accept --cpu-prof in NODE_OPTIONS; Node 20 exits with status 9. */
async function cpuProfAllowedInNodeOptions(env: SamplerEnv): Promise<boolean> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-node-probe-'));
  try {
    const r = await runTool(['node', '-e', '0'], {
      env: {
        ...env.env,
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${quoteNodeOption(dir)} --cpu-prof-interval=1000`,
      },
      cwd: env.cwd,
    });
    return r.code === 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Preload for node processes started by the command when Node refuses --cpu-prof in
 * NODE_OPTIONS: V8's CPU profiler through node:inspector, written at exit like --cpu-prof does
 * (the in-process inspector answers synchronously, so this works inside the 'exit' handler).
 * A process killed by a signal writes nothing, exactly like --cpu-prof.
 */
const PRELOAD = `'use strict';
(() => {
  if (process.execArgv.some((a) => a.startsWith('--cpu-prof'))) return;
  const dir = process.env.FLAMEDIFF_CPU_PROF_DIR;
  if (!dir) return;
  let inspector;
  try { inspector = require('node:inspector'); } catch { return; }
  const fs = require('node:fs');
  const path = require('node:path');
  const { threadId } = require('node:worker_threads');
  const session = new inspector.Session();
  try { session.connect(); } catch { return; }
  const interval = Number(process.env.FLAMEDIFF_CPU_PROF_INTERVAL || 0);
  session.post('Profiler.enable');
  if (interval > 0) session.post('Profiler.setSamplingInterval', { interval });
  session.post('Profiler.start');
  let seq = 0;
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (err || !res) return;
      const t = new Date().toISOString().replace(/[-:]/g, '').replace('T', '.').slice(0, 15);
      const name = 'CPU.' + t + '.' + process.pid + '.' + threadId + '.' + ++seq + '.cpuprofile';
      try { fs.writeFileSync(path.join(dir, name), JSON.stringify(res.profile)); } catch {}
    });
  });
})();
`;
