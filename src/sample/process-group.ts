// Runs one workload (with its sampler) as its own process group, so a timeout, Ctrl-C or SIGTERM
// can stop the workload, the sampler and anything they spawned with one kill(-pgid).
//
// A descendant that starts its own session (`setsid`, a daemon) leaves the group, and kill(-pgid)
// misses it. Those are found two ways on Linux: every process of the run inherits a marker variable
// (FLAMEDIFF_GROUP=<token>, seen in /proc/<pid>/environ), and the session ids of the run's
// descendants are sampled once a second (for one that cleared its environment). They are killed
// with the group; one that cannot be killed is named in the result, for a warning.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface GroupRunOptions {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Full stdout+stderr of the run goes here (for later reading); optional. */
  logPath?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Grace period between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Called with each chunk of the run's stderr/stdout (e.g. to pass it through). */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Called once the process is started (e.g. to watch /proc/<pid>). */
  onSpawn?: (pid: number) => void;
}

export interface GroupRunResult {
  pid: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Could not start (e.g. ENOENT): the spawn error code. */
  spawnError?: string;
  wallSeconds: number;
  /** Last lines of stderr (up to TAIL_LINES). */
  stderrTail: string[];
  /**
   * Processes of the run that had left its process group (own session) and were still running when
   * it ended: `pid (name) killed`, or `pid (name) not killed (<errno>)` when one survives.
   */
  escaped: string[];
}

/** The environment variable every process of a run inherits (its value is the run's token). */
export const GROUP_MARKER = 'FLAMEDIFF_GROUP';

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  pgrp: number;
  session: number;
}

/** /proc/<pid>/stat's first fields; null when the process is gone or this is not Linux. */
export function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may itself hold spaces or parentheses: split after the last ')'.
    const close = text.lastIndexOf(')');
    const f = text.slice(close + 2).split(' ');
    return {
      pid,
      comm: text.slice(text.indexOf('(') + 1, close),
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      session: Number(f[3]),
    };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return [];
  }
}

/** Every live descendant of `root` (children, their children, ...), by the ppid links in /proc. */
export function descendants(root: number): ProcStat[] {
  const stats = allPids()
    .map(procStat)
    .filter((x): x is ProcStat => x !== null);
  const children = new Map<number, ProcStat[]>();
  for (const st of stats) children.set(st.ppid, [...(children.get(st.ppid) ?? []), st]);
  const out: ProcStat[] = [];
  const todo = [root];
  while (todo.length > 0) {
    for (const c of children.get(todo.pop() as number) ?? []) {
      out.push(c);
      todo.push(c.pid);
    }
  }
  return out;
}

function hasMarker(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`).includes(marker);
  } catch {
    return false;
  }
}

/**
 * Processes outside group `pgid` that belong to the run: they carry its marker, or they are in
 * one of the sessions its descendants were seen to start.
 */
function strays(pgid: number, marker: string, sessions: ReadonlySet<number>): ProcStat[] {
  const out: ProcStat[] = [];
  for (const pid of allPids()) {
    if (pid === process.pid) continue;
    const st = procStat(pid);
    if (!st || st.pgrp === pgid) continue;
    if (sessions.has(st.session) || hasMarker(pid, marker)) out.push(st);
  }
  return out;
}

function killStrays(found: ProcStat[], sig: NodeJS.Signals): string[] {
  return found.map((st) => {
    const name = `${st.pid} (${st.comm.replace(/[^\x20-\x7e]/g, '?')})`;
    try {
      process.kill(st.pid, sig);
      return `${name} killed`;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return code === 'ESRCH' ? `${name} gone` : `${name} not killed (${code ?? String(err)})`;
    }
  });
}

export const TAIL_LINES = 20;

/** Keeps the last N lines of a stream without holding the whole output in memory. */
export class LineTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max = TAIL_LINES) {}
  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const l of parts) {
      this.lines.push(l);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }
  get(): string[] {
    const all = this.partial ? [...this.lines, this.partial] : [...this.lines];
    return all.slice(-this.max);
  }
}

/** Sends `sig` to the whole process group; a group that is already gone is fine. */
export function killGroup(pgid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive (signal 0 probes without killing). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function runGroup(opts: GroupRunOptions): Promise<GroupRunResult> {
  const started = process.hrtime.bigint();
  const grace = opts.killGraceMs ?? 2000;
  const tail = new LineTail();
  const log = opts.logPath ? createWriteStream(opts.logPath) : undefined;
  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const marker = `${GROUP_MARKER}=${token}\0`;
    // detached: the child leads a new process group (setsid), so kill(-pid) reaches every
    // descendant that did not start its own session.
    const child = spawn(opts.argv[0], opts.argv.slice(1), {
      cwd: opts.cwd,
      env: { ...opts.env, [GROUP_MARKER]: token },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid ?? -1;
    if (pid > 0) opts.onSpawn?.(pid);
    // Sessions started by descendants (their own session id differs from the run's, which is pid).
    const sessions = new Set<number>();
    const watchSessions = () => {
      for (const d of descendants(pid)) if (d.session !== pid) sessions.add(d.session);
    };
    const sessionTimer =
      pid > 0 && process.platform === 'linux' ? setInterval(watchSessions, 1000) : undefined;
    sessionTimer?.unref();
    const stop = () => {
      if (pid <= 0 || settled) return;
      killGroup(pid, 'SIGTERM');
      killStrays(strays(pid, marker, sessions), 'SIGTERM');
      killTimer ??= setTimeout(() => {
        killGroup(pid, 'SIGKILL');
        killStrays(strays(pid, marker, sessions), 'SIGKILL');
      }, grace);
    };
    const timer =
      opts.timeoutMs && opts.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            stop();
          }, opts.timeoutMs)
        : undefined;
    const onAbort = () => {
      aborted = true;
      stop();
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      log?.write(c);
      opts.onOutput?.(c, 'stdout');
    });
    child.stderr.on('data', (c: string) => {
      tail.push(c);
      log?.write(c);
      opts.onOutput?.(c, 'stderr');
    });

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      if (sessionTimer) clearInterval(sessionTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      // The leader is gone; anything it left running in its group is an orphan: kill it, and the
      // run's processes that left the group for their own session.
      if (pid > 0) killGroup(pid, 'SIGKILL');
      const escaped =
        pid > 0 && process.platform === 'linux' ? killStrays(strays(pid, marker, sessions), 'SIGKILL') : [];
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const done = () =>
        resolve({
          pid,
          exitCode,
          signal,
          timedOut,
          aborted,
          spawnError,
          wallSeconds,
          stderrTail: tail.get(),
          escaped,
        });
      // Pipes may still be held by a killed grandchild for a moment; don't wait on them forever.
      const closeWait = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, 500);
      let pending = 2;
      const onClosed = () => {
        if (--pending > 0) return;
        clearTimeout(closeWait);
        if (log) log.end(done);
        else done();
      };
      if (child.stdout.closed) onClosed();
      else child.stdout.once('close', onClosed);
      if (child.stderr.closed) onClosed();
      else child.stderr.once('close', onClosed);
    };
    child.once('error', (err: NodeJS.ErrnoException) => finish(null, null, err.code ?? err.message));
    child.once('exit', (code, sig) => finish(code, sig));
  });
}
