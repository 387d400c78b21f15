// Runs a workload N times (after W warm-ups) under a sampler, each run in its own process group
// with its own output file, timeout and exit-status check, and writes DIR/run-<i>.<ext> plus
// DIR/runs.json. Two workloads (base, head) can be interleaved A B A B so drift hits both.
//
// Files are staged in DIR/.flamediff-partial-<pid>/ and moved into DIR only when every run
// succeeded, so a failed or interrupted recording never leaves a partial set behind.
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NoSamplesError, UserError } from '../errors.js';
import { fsReason, mkdirError } from '../lib/fs-errors.js';
import type { Profile } from '../profile/profile.js';
import { machineInfo } from './machine.js';
import { type GroupRunResult, runGroup, TAIL_LINES } from './process-group.js';
import { hasGnuTime, pollProc, type ResourceUsage, readTimerFile, timerPrefix } from './resource-timer.js';
import { RUNS_FILE, readRunSet } from './run-set.js';
import { type RunContext, type Sampler, type SamplerInfo, type SamplerPlan, sampleCount } from './sampler.js';
import { samplerByName } from './samplers/index.js';
import type {
  InterleavedOptions,
  MachineInfo,
  ProgressEvent,
  RecordOptions,
  RecordResult,
  RunRecord,
  RunSet,
} from './types.js';

/** A run failed: names the run, its exit status and the last lines of its stderr. */
export class RunFailedError extends UserError {
  constructor(
    readonly run: string,
    readonly reason: string,
    readonly stderrTail: string[],
  ) {
    const tail = stderrTail.length
      ? `\n  last ${stderrTail.length === 1 ? 'line' : `${stderrTail.length} lines`} of stderr:\n${stderrTail.map((l) => `    ${l}`).join('\n')}`
      : '\n  (no stderr output)';
    super(`${run} failed: ${reason}${tail}`);
    this.name = 'RunFailedError';
  }
}

/** Ctrl-C / SIGTERM while recording: everything was stopped and nothing was kept. */
export class InterruptedError extends UserError {
  override readonly exitCode = 130;
  readonly run: string;
  constructor(run: string, kept?: string) {
    super(
      `interrupted during ${run}; the workload and the sampler were stopped, ${kept ?? 'no runs were kept'}`,
    );
    this.name = 'InterruptedError';
    this.run = run;
  }
}

interface SideSpec {
  label: string;
  command: string[];
  cwd: string;
  env: Record<string, string>;
  outDir: string;
}

interface SideState extends SideSpec {
  info: SamplerInfo;
  stage: string;
  records: RunRecord[];
  profiles: Profile[];
  files: string[];
}

interface Common {
  sampler: Sampler;
  runs: number;
  warmup: number;
  rateHz: number | null;
  timeoutSeconds: number | null;
  samplerOptions: Record<string, boolean | string>;
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
  onEvent?: (e: ProgressEvent) => void;
  warn: (message: string) => void;
  resourceSource: 'gnu-time' | 'proc' | 'none';
  sequence: number;
}

export async function recordRuns(
  opts: RecordOptions & { onEvent?: (e: ProgressEvent) => void },
): Promise<RecordResult> {
  const side: SideSpec = {
    label: 'run',
    command: opts.command,
    cwd: path.resolve(opts.cwd ?? process.cwd()),
    env: opts.env ?? {},
    outDir: path.resolve(opts.outDir),
  };
  const [result] = await recordSides([side], opts);
  return result;
}

export async function recordRunsInterleaved(
  opts: InterleavedOptions & { onEvent?: (e: ProgressEvent) => void },
): Promise<{ base: RecordResult; head: RecordResult }> {
  const mk = (label: string, s: InterleavedOptions['base']): SideSpec => ({
    label,
    command: s.command,
    cwd: path.resolve(s.cwd ?? process.cwd()),
    env: s.env ?? {},
    outDir: path.resolve(s.outDir),
  });
  const base = mk('base', opts.base);
  const head = mk('head', opts.head);
  if (base.outDir === head.outDir) throw new UserError('base and head need different output directories');
  const [b, h] = await recordSides([base, head], opts);
  return { base: b, head: h };
}

async function recordSides(
  specs: SideSpec[],
  opts: Omit<RecordOptions, 'command' | 'cwd' | 'outDir' | 'env'> & { onEvent?: (e: ProgressEvent) => void },
): Promise<RecordResult[]> {
  const sampler = samplerByName(opts.sampler);
  const runs = opts.runs ?? 5;
  const warmup = opts.warmup ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new UserError(`runs must be an integer >= 1, got ${runs}`);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new UserError(`warmup must be an integer >= 0, got ${warmup}`);
  for (const s of specs) {
    if (s.command.length === 0) throw new UserError('no command to record; give it after `--`');
  }
  if (opts.rateHz != null && sampler.takesRate === false) {
    // Recording a rate that was never applied would make runs.json and the report claim it.
    throw new UserError(
      `the ${sampler.name} sampler cannot set a sampling rate (the workload's own profiler decides it); leave the rate out`,
    );
  }
  const rateHz = opts.rateHz ?? sampler.defaultRateHz;
  if (rateHz !== null && !(rateHz > 0))
    throw new UserError(`rate must be a positive number of Hz, got ${rateHz}`);
  const samplerOptions = opts.samplerOptions ?? {};
  // A misspelt switch (`dwraf`) would otherwise be ignored silently and measure something else.
  const known = sampler.optionNames ?? [];
  for (const key of Object.keys(samplerOptions)) {
    if (!known.includes(key)) {
      throw new UserError(
        `unknown sampler option '${key}' for ${sampler.name} (expected ${known.length > 0 ? `one of ${known.join(', ')}` : 'none: it has no options'})`,
      );
    }
  }
  // Everything that can be wrong with the sampler is reported before the first run.
  const states: SideState[] = [];
  for (const s of specs) {
    // Checked first: a missing cwd makes every spawn fail with ENOENT, which reads as "not installed".
    await checkDirectory(s.cwd, 'working directory of the workload');
    const env = { ...process.env, ...s.env };
    const info = await sampler.check({
      command: s.command,
      cwd: s.cwd,
      env,
      rateHz,
      options: samplerOptions,
    });
    states.push({ ...s, info, stage: '', records: [], profiles: [], files: [] });
  }
  const gnu = await hasGnuTime();
  const common: Common = {
    sampler,
    runs,
    warmup,
    rateHz,
    timeoutSeconds: opts.timeoutSeconds && opts.timeoutSeconds > 0 ? opts.timeoutSeconds : null,
    samplerOptions,
    signal: opts.signal,
    onProgress: opts.onProgress,
    onEvent: opts.onEvent,
    warn: onceEach(opts.onWarning ?? ((m) => opts.onProgress?.(`warning: ${m}`))),
    resourceSource: gnu ? 'gnu-time' : process.platform === 'linux' ? 'proc' : 'none',
    sequence: 0,
  };
  const version = states[0].info.version;
  common.onEvent?.({ type: 'ready', sampler: sampler.name, version, resourceSource: common.resourceSource });
  common.onProgress?.(
    `${sampler.name}${version ? ` ${version}` : ''}: ${warmup} warm-up + ${runs} run${runs === 1 ? '' : 's'}` +
      `${states.length > 1 ? ' per side, interleaved' : ''}; CPU/RSS from ${common.resourceSource}`,
  );
  const machine = machineInfo();
  try {
    for (const s of states) {
      await mkdir(s.outDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
        throw mkdirError(s.outDir, 'cannot create the output directory', err);
      });
      s.stage = await mkdtemp(path.join(s.outDir, `.flamediff-partial-${process.pid}-`));
    }
    for (let w = 1; w <= warmup; w++) for (const s of states) await runOnce(s, 'warmup', w, common);
    for (let i = 1; i <= runs; i++) for (const s of states) await runOnce(s, 'run', i, common);
    const loadAvgEnd = machineInfo().loadAvg;
    const results: RecordResult[] = [];
    for (const s of states) results.push(await commit(s, common, machine, loadAvgEnd));
    return results;
  } catch (err) {
    // `flamediff record` keeps the runs that finished before Ctrl-C (with their runs.json); an
    // interleaved recording keeps nothing, since half a pair compares with nothing.
    const s = states[0];
    if (err instanceof InterruptedError && opts.keepFinished && states.length === 1 && s.records.length > 0) {
      await commit(s, common, machine, machineInfo().loadAvg);
      const n = s.records.length;
      throw new InterruptedError(
        err.run,
        `the ${n} finished run${n === 1 ? '' : 's'} and runs.json were kept in ${s.outDir}`,
      );
    }
    throw err;
  } finally {
    for (const s of states) if (s.stage) await rm(s.stage, { recursive: true, force: true });
  }
}

/** Calls `fn` once per distinct message. */
function onceEach(fn: (message: string) => void): (message: string) => void {
  const seen = new Set<string>();
  return (m) => {
    if (seen.has(m)) return;
    seen.add(m);
    fn(m);
  };
}

async function checkDirectory(dir: string, what: string): Promise<void> {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) {
    throw new UserError(`${dir}: ${st ? 'not a directory' : 'does not exist'} (expected the ${what})`);
  }
}

function runName(s: SideState, phase: 'warmup' | 'run', index: number, c: Common): string {
  const total = phase === 'warmup' ? c.warmup : c.runs;
  const what = phase === 'warmup' ? 'warm-up' : 'run';
  return `${what} ${index} of ${total}${s.label === 'run' ? '' : ` (${s.label})`}`;
}

async function runOnce(s: SideState, phase: 'warmup' | 'run', index: number, c: Common): Promise<void> {
  const name = runName(s, phase, index, c);
  if (c.signal?.aborted) throw new InterruptedError(name);
  const total = phase === 'warmup' ? c.warmup : c.runs;
  c.onEvent?.({ type: 'start', phase, index, total, side: s.label });
  const began = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-run-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...s.env,
      FLAMEDIFF_RUN: `${s.label}:${phase}:${index}`,
    };
    const ctx: RunContext = {
      command: s.command,
      cwd: s.cwd,
      env,
      rateHz: c.rateHz,
      options: c.samplerOptions,
      info: s.info,
      workDir,
      signal: c.signal,
    };
    const plan = c.sampler.plan(ctx);
    const timerFile = path.join(workDir, 'rusage.txt');
    let argv = plan.argv;
    if (c.resourceSource === 'gnu-time') {
      const at = plan.timer === 'inner' ? plan.workloadIndex : 0;
      argv = [...argv.slice(0, at), ...timerPrefix(timerFile), ...argv.slice(at)];
    }
    const logName = phase === 'run' ? `run-${index}.log` : `warmup-${index}.log`;
    const logPath = path.join(s.stage, logName);
    // Set by onSpawn (a callback, so TypeScript cannot see the assignment through a plain let).
    const probe: { poller?: ReturnType<typeof pollProc> } = {};
    let r: GroupRunResult;
    for (let attempt = 1; ; attempt++) {
      r = await runGroup({
        argv,
        cwd: s.cwd,
        env: { ...env, ...plan.env },
        logPath,
        timeoutMs: c.timeoutSeconds ? c.timeoutSeconds * 1000 : undefined,
        signal: c.signal,
        onSpawn: c.resourceSource === 'proc' ? (pid) => (probe.poller = pollProc(pid)) : undefined,
      });
      if (attempt >= START_ATTEMPTS || !lostStartupRace(r, c.sampler)) break;
      probe.poller?.stop();
      c.onProgress?.(
        `${name}: ${c.sampler.name} lost its start-up race with the workload (status ${r.exitCode}); ` +
          `running it again (attempt ${attempt + 1} of ${START_ATTEMPTS})`,
      );
    }
    const polled = probe.poller?.stop();
    if (r.escaped.length > 0) {
      c.onProgress?.(
        `${name}: the workload left ${r.escaped.length} process(es) running in a session of their own: ${r.escaped.join(', ')}`,
      );
    }
    const usage = c.resourceSource === 'gnu-time' ? await readTimerFile(timerFile) : undefined;
    checkExit(name, r, usage, plan, c);
    const collectStart = process.hrtime.bigint();
    if (phase === 'warmup') {
      // Warm-ups prime caches and JITs under the same sampler; their profiles are not kept.
      c.onEvent?.({
        type: 'done',
        phase,
        index,
        total,
        side: s.label,
        wallSeconds: r.wallSeconds,
        samples: null,
      });
      c.onProgress?.(`${name}: ${r.wallSeconds.toFixed(2)} s (not recorded)`);
      return;
    }
    let collected: Awaited<ReturnType<Sampler['collect']>>;
    try {
      collected = await c.sampler.collect(ctx);
    } catch (err) {
      if (c.signal?.aborted) throw new InterruptedError(name);
      if (err instanceof NoSamplesError)
        throw new RunFailedError(name, tooShort(r.wallSeconds, c), r.stderrTail);
      if (err instanceof UserError) throw new RunFailedError(name, err.message, r.stderrTail);
      throw err;
    }
    const samples = collected.samples ?? sampleCount(collected.profile);
    if (samples <= 0) throw new RunFailedError(name, tooShort(r.wallSeconds, c), r.stderrTail);
    if (collected.warning) c.warn(collected.warning);
    const collectSeconds = Number(process.hrtime.bigint() - collectStart) / 1e9;
    const file = `run-${index}.${collected.ext}`;
    await writeFile(path.join(s.stage, file), collected.bytes);
    s.files.push(file, logName);
    const runnerSeconds = Number(process.hrtime.bigint() - began) / 1e9;
    c.sequence++;
    const wallSeconds = usage && plan.timer === 'inner' ? usage.wallSeconds : r.wallSeconds;
    const record: RunRecord = {
      index,
      side: s.label,
      file,
      format: collected.format,
      wallSeconds: round(wallSeconds, 4),
      cpuSeconds: round(usage?.cpuSeconds ?? polled?.cpuSeconds ?? 0, 4),
      peakRssBytes: usage?.peakRssBytes ?? polled?.peakRssBytes ?? 0,
      samples,
      exitCode: 0,
      sampler: c.sampler.name,
      samplerVersion: s.info.version,
      startedAt,
      sequence: c.sequence,
      resourceSource: c.resourceSource,
      resourceScope: plan.timer === 'inner' ? 'workload' : 'workload+sampler',
      parts: collected.parts,
      log: logName,
      collectSeconds: round(collectSeconds, 4),
      processSeconds: round(r.wallSeconds, 4),
      runnerSeconds: round(runnerSeconds, 4),
    };
    s.records.push(record);
    s.profiles.push(collected.profile);
    c.onEvent?.({
      type: 'done',
      phase,
      index,
      total,
      side: s.label,
      wallSeconds: record.wallSeconds,
      samples,
    });
    c.onProgress?.(
      `${name}: ${record.wallSeconds.toFixed(2)} s wall, ${record.cpuSeconds.toFixed(2)} s CPU, ` +
        `${(record.peakRssBytes / 2 ** 20).toFixed(0)} MiB peak RSS, ${samples} samples` +
        ` (${runnerSeconds.toFixed(2)} s for the run with the sampler's start, stop and collection)`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Runs of a sampler that attaches while the workload starts (austin) are tried up to this many
 * times when the sampler says it lost that race: on a busy runner a short workload can end before
 * the sampler finds the interpreter, which says nothing about the code under test.
 */
export const START_ATTEMPTS = 3;

function lostStartupRace(r: GroupRunResult, sampler: Sampler): boolean {
  if (r.aborted || r.timedOut || r.spawnError || r.signal || r.exitCode === 0) return false;
  return sampler.lostStartupRace?.(r.exitCode, r.stderrTail.slice(-TAIL_LINES)) ?? false;
}

/** A run whose profile has no samples: how long it ran, and what to change. */
function tooShort(wallSeconds: number, c: Common): string {
  const rate = c.rateHz ? `${c.rateHz} Hz` : "the sampler's default rate";
  return `the profile has no samples: the workload ran ${wallSeconds.toFixed(2)} s, too short to sample at ${rate}; give it more work (a longer benchmark) or a higher --rate`;
}

/** Turns a finished process into a verdict; throws RunFailedError for anything but success. */
function checkExit(
  name: string,
  r: GroupRunResult,
  usage: ResourceUsage | undefined,
  plan: SamplerPlan,
  c: Common,
): void {
  const tail = r.stderrTail.slice(-TAIL_LINES);
  if (r.aborted) throw new InterruptedError(name);
  if (r.spawnError)
    throw new RunFailedError(
      name,
      `could not start '${plan.argv[0]}' (${fsReason({ code: r.spawnError })})`,
      tail,
    );
  if (r.timedOut) {
    throw new RunFailedError(name, `timed out after ${c.timeoutSeconds} s and was killed (--timeout)`, tail);
  }
  // With an inner timer, GNU time saw the workload's own status; check it first because it is
  // the more precise one (the sampler only relays it).
  if (usage && plan.timer === 'inner') {
    // GNU time could not exec the workload: the same failure as a spawn error without it.
    const cannot = tail.map((l) => /^\/usr\/bin\/time: cannot run (.*): (.*)$/.exec(l)).find(Boolean);
    if (usage.exitCode === 127 && cannot) {
      throw new RunFailedError(name, `could not start '${cannot[1]}' (${cannot[2]})`, tail);
    }
    if (usage.termSignal !== null) {
      throw new RunFailedError(
        name,
        `the workload was killed by signal ${signalName(usage.termSignal)}`,
        tail,
      );
    }
    if (usage.exitCode !== 0) {
      throw new RunFailedError(name, `the workload exited with status ${usage.exitCode}`, tail);
    }
  }
  // Otherwise the process group's leader is the workload itself, or a sampler that spawned it.
  const who =
    plan.workloadIndex === 0 && plan.timer === 'inner'
      ? 'the workload'
      : usage && plan.timer === 'inner'
        ? `the sampler (${c.sampler.name})`
        : `${c.sampler.name} (running the workload)`;
  const why = r.signal || r.exitCode !== 0 ? c.sampler.explainFailure?.(tail, r.exitCode) : undefined;
  const because = why ? `; ${why}` : '';
  if (r.signal)
    throw new RunFailedError(name, `${who} was killed by signal ${signalName(r.signal)}${because}`, tail);
  if (r.exitCode !== 0)
    throw new RunFailedError(name, `${who} exited with status ${r.exitCode}${because}`, tail);
}

/** `9 (SIGKILL)` from either a number or a name. */
function signalName(sig: number | string): string {
  const entries = Object.entries(os.constants.signals);
  const entry = entries.find(([k, v]) => v === sig || k === sig);
  return entry ? `${entry[1]} (${entry[0]})` : String(sig);
}

async function commit(s: SideState, c: Common, machine: MachineInfo, loadAvgEnd: MachineInfo['loadAvg']) {
  const runSet: RunSet = {
    schema: 1,
    sampler: c.sampler.name,
    samplerVersion: s.info.version,
    command: s.command,
    cwd: s.cwd,
    rateHz: c.rateHz,
    warmup: c.warmup,
    machine,
    runs: s.records,
    side: s.label,
    timeoutSeconds: c.timeoutSeconds,
    samplerOptions: c.samplerOptions,
    loadAvgEnd,
  };
  // Run files of an earlier recording in the same directory would be mistaken for this one's.
  for (const old of await previousRunFiles(s.outDir)) await rm(path.join(s.outDir, old), { force: true });
  for (const f of s.files) await rename(path.join(s.stage, f), path.join(s.outDir, f));
  await writeFile(path.join(s.outDir, RUNS_FILE), `${JSON.stringify(runSet, null, 2)}\n`);
  return { runSet, profiles: s.profiles };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * The files an earlier recording in `dir` listed in its runs.json (profiles and logs). Only
 * those are replaced: other files in the directory are the user's.
 */
export async function previousRunFiles(dir: string): Promise<string[]> {
  // An unreadable or malformed runs.json lists nothing to replace: the new one overwrites it.
  const old = await readRunSet(dir).catch(() => null);
  const names = (old?.runs ?? []).flatMap((r) => [r.file, r.log]);
  // Plain names only: a crafted runs.json must not point outside the directory.
  return names.filter((n): n is string => typeof n === 'string' && /^run-\d+\.[\w.-]+$/.test(n));
}
