// Runs one workload (with its sampler) as its own process group, so a timeout, Ctrl-C or SIGTERM
// can stop the workload, the sampler and anything they spawned with one kill(-pgid).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

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
    // detached: the child leads a new process group (setsid), so kill(-pid) reaches every
    // descendant that did not start its own session.
    const child = spawn(opts.argv[0], opts.argv.slice(1), {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid ?? -1;
    if (pid > 0) opts.onSpawn?.(pid);
    const stop = () => {
      if (pid <= 0 || settled) return;
      killGroup(pid, 'SIGTERM');
      killTimer ??= setTimeout(() => killGroup(pid, 'SIGKILL'), grace);
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
      opts.signal?.removeEventListener('abort', onAbort);
      // The leader is gone; anything it left running in its group is an orphan: kill it.
      if (pid > 0) killGroup(pid, 'SIGKILL');
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
