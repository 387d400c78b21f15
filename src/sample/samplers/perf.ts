// Linux perf: `perf record -F R -g` around the workload, then `perf script`, collapsed by our own
// perf-script importer (src/formats). Works for any native program; frame pointers
// (-fno-omit-frame-pointer) give whole stacks, `--sampler-opt dwarf` unwinds without them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { importProfile } from '../../formats/index.js';
import { runGroup } from '../process-group.js';
import {
  type Collected,
  optionFlag,
  optionString,
  type RunContext,
  type Sampler,
  type SamplerEnv,
  type SamplerInfo,
  type SamplerPlan,
} from '../sampler.js';
import { lastLines, parseVersion, runTool } from '../tool.js';
import { interpreterFramesWarning } from './interpreter-frames.js';

const INSTALL =
  'install perf: `sudo apt-get install linux-perf` (Debian) or `sudo apt-get install linux-tools-common linux-tools-$(uname -r)` (Ubuntu)';

const DATA = 'perf.data';
/**
 * Start-up savers: no BPF program events (synthesizing them for every BPF program on the host
 * cost ~0.9 s per run on the development machine), no build-id collection or cache (perf script
 * runs right away on the same machine and reads the binaries themselves). perf < 5.1 lacks
 * --no-bpf-event: the check's probe falls back to plain `perf record` there.
 */
export const FAST_START = ['--no-bpf-event', '--no-buildid', '--no-buildid-cache'];
const checked = new Map<string, Promise<SamplerInfo>>();
const SCRIPT = 'perf-script.txt';

export const perfSampler: Sampler = {
  name: 'perf',
  summary: 'Linux perf record -g + perf script (native code, any language with frame pointers)',
  optionNames: ['dwarf', 'event', 'perf'],
  defaultRateHz: 999,
  install: INSTALL,
  check(env: SamplerEnv): Promise<SamplerInfo> {
    // The probe costs a perf start-up (~0.1-1 s); its answer does not change within a process.
    const key = `${perfBinary(env.options)}\0${env.env.PATH ?? ''}`;
    let hit = checked.get(key);
    if (!hit) {
      hit = checkPerf(env);
      checked.set(key, hit);
      hit.catch(() => checked.delete(key));
    }
    return hit;
  },
  plan(ctx: RunContext): SamplerPlan {
    const callGraph = optionFlag(ctx.options, 'dwarf') ? ['--call-graph', 'dwarf'] : ['-g'];
    const event = optionString(ctx.options, 'event');
    const fast = ctx.info.details?.fastStart === 'true' ? FAST_START : [];
    const argv = [
      perfBinary(ctx.options),
      'record',
      '-q',
      ...fast,
      '-F',
      String(ctx.rateHz ?? 999),
      ...callGraph,
      ...(event ? ['-e', event] : []),
      '-o',
      path.join(ctx.workDir, DATA),
      '--',
    ];
    return { argv: [...argv, ...ctx.command], workloadIndex: argv.length, timer: 'inner' };
  },
  async collect(ctx: RunContext): Promise<Collected> {
    const data = path.join(ctx.workDir, DATA);
    const out = path.join(ctx.workDir, SCRIPT);
    // perf script writes to a file we name (not a pipe), so big outputs never sit in memory twice.
    const r = await runGroup({
      // --header keeps the event's frequency, so the run file says its own interval.
      argv: ['sh', '-c', 'exec "$0" script --header -i "$1" > "$2"', perfBinary(ctx.options), data, out],
      cwd: ctx.cwd,
      env: ctx.env,
      timeoutMs: 300_000,
      signal: ctx.signal,
    });
    if (r.exitCode !== 0) {
      throw new UserError(
        `perf script failed (exit ${r.exitCode ?? r.signal}): ${r.stderrTail.slice(-5).join(' | ') || 'no message'}`,
      );
    }
    const bytes = await readFile(out);
    const profile = importProfile(out, bytes, { format: 'perf-script' });
    profile.meta.sampler = 'perf';
    if (profile.meta.unit === 'nanoseconds')
      profile.meta.intervalNs ??= Math.round(1e9 / (ctx.rateHz ?? 999));
    const warning = interpreterFramesWarning(ctx.command, profile);
    return {
      profile,
      bytes,
      ext: 'perf',
      format: 'perf-script',
      parts: 1,
      samples: countPerfSamples(bytes),
      warning,
    };
  },
};

/**
 * Samples in `perf script` text: each sample starts with an unindented header line, its stack
 * lines are indented. Counted here because weights are event periods (ns, cycles), not samples.
 */
export function countPerfSamples(bytes: Uint8Array): number {
  let n = 0;
  let lineStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (lineStart && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x23) n++;
    lineStart = b === 0x0a;
  }
  return n;
}

function perfBinary(opts: Record<string, boolean | string>): string {
  return optionString(opts, 'perf') ?? 'perf';
}

async function checkPerf(env: SamplerEnv): Promise<SamplerInfo> {
  const bin = perfBinary(env.options);
  const v = await runTool([bin, '--version'], { env: env.env });
  if (v.error === 'ENOENT') throw new UserError(`perf is not installed; ${INSTALL}`);
  const version = parseVersion(v.stdout);
  if (v.code !== 0 || !version) {
    // Debian/Ubuntu's /usr/bin/perf is a wrapper that needs the tools of the running kernel.
    const why = lastLines(v.stderr + v.stdout, 3).join(' | ');
    throw new UserError(`perf does not run here (${why || `exit ${v.code}`}); ${INSTALL}`);
  }
  // A 1-sample probe tells us more than any reading of sysctls: containers and seccomp can
  // forbid perf_event_open whatever perf_event_paranoid says.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-perf-probe-'));
  try {
    const event = optionString(env.options, 'event');
    const probeWith = (extra: string[]) =>
      runTool(
        [
          bin,
          'record',
          '-q',
          ...extra,
          '-F',
          '99',
          '-g',
          ...(event ? ['-e', event] : []),
          '-o',
          path.join(dir, DATA),
          '--',
          'true',
        ],
        { env: env.env, cwd: dir, timeoutMs: 20_000 },
      );
    let fastStart = true;
    let probe = await probeWith(FAST_START);
    if (probe.code !== 0 && /unknown option/i.test(probe.stderr)) {
      fastStart = false;
      probe = await probeWith([]);
    }
    if (probe.code !== 0) throw new UserError(await permissionAdvice(probe.stderr + probe.stdout));
    return { version, details: { fastStart: String(fastStart) } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Explains a failed perf probe with the fix that applies to this machine. */
export async function permissionAdvice(output: string, paranoidOverride?: number): Promise<string> {
  const paranoid = paranoidOverride ?? (await readParanoid());
  const root = process.getuid?.() === 0;
  const detail = lastLines(output, 3).join(' | ') || 'no message';
  const fixes: string[] = [];
  if (!root && paranoid !== undefined && paranoid > 1) {
    fixes.push(
      `kernel.perf_event_paranoid is ${paranoid}; allow user-space profiling with \`sudo sysctl kernel.perf_event_paranoid=1\``,
    );
  }
  if (/permission|not permitted|EACCES|EPERM|perf_event_open|No permission/i.test(output)) {
    fixes.push(
      root
        ? 'perf_event_open is blocked even for root: in Docker run with `--cap-add PERFMON` (or `--privileged`) and a seccomp profile that allows perf_event_open'
        : 'or run flamediff as root / give perf CAP_PERFMON (`sudo setcap cap_perfmon+ep $(readlink -f $(command -v perf))`)',
    );
  }
  if (fixes.length === 0) fixes.push('check that `perf record -- true` works on this machine');
  return `perf cannot record here (${detail}); ${fixes.join('; ')}`;
}

async function readParanoid(): Promise<number | undefined> {
  try {
    const n = Number((await readFile('/proc/sys/kernel/perf_event_paranoid', 'utf8')).trim());
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}
