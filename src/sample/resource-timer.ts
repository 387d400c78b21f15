// CPU time and peak RSS of a run, from the OS.
//
// On Linux the runner wraps the workload in GNU time (`/usr/bin/time -o FILE -f ...`): it reads
// the kernel's rusage of the waited-for child (wait4), so user+system CPU includes every
// descendant the workload waited for, and peak RSS (%M, KiB) is the largest single process's
// high-water mark. Where GNU time is missing (macOS, minimal containers), the runner polls
// /proc/<pid>/stat and /proc/<pid>/status of the group leader every 50 ms instead (less exact:
// it can miss the last moments of the run); elsewhere CPU and RSS are reported as 0 with
// `resourceSource: 'none'`.
import { readFile } from 'node:fs/promises';
import { runTool } from './tool.js';

/** Marker that starts GNU time's output line, so it can't be confused with other text. */
const MARK = 'FLAMEDIFF-RUSAGE';
const FORMAT = `${MARK} %e %U %S %M %x`;

export const GNU_TIME = '/usr/bin/time';

export interface ResourceUsage {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  /** The timed command's own exit status (the workload, when the timer wraps it). */
  exitCode: number | null;
  /** Signal number when the timed command was killed. */
  termSignal: number | null;
}

let gnuTime: Promise<boolean> | undefined;

/**
 * True when /usr/bin/time is GNU time (supports -o and -f with %M). Cached.
 * FLAMEDIFF_NO_GNU_TIME=1 forces the /proc fallback (for tests and for comparing the two).
 */
export function hasGnuTime(): Promise<boolean> {
  if (process.env.FLAMEDIFF_NO_GNU_TIME === '1') return Promise.resolve(false);
  gnuTime ??= runTool([GNU_TIME, '--version'], { timeoutMs: 5000 }).then(
    (r) => r.error === undefined && /GNU/i.test(r.stdout + r.stderr),
  );
  return gnuTime;
}

/** argv prefix that times the command that follows it into `outFile`. */
export function timerPrefix(outFile: string): string[] {
  return [GNU_TIME, '-o', outFile, '-f', FORMAT, '--'];
}

/** Parses GNU time's -o file; undefined when it is missing or has no result line (time was killed). */
export function parseTimerOutput(text: string): ResourceUsage | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${MARK} `));
  if (!line) return undefined;
  const [, e, u, s, m, x] = line.trim().split(/\s+/);
  const sig = /Command terminated by signal (\d+)/.exec(text);
  return {
    wallSeconds: Number(e),
    cpuSeconds: Number(u) + Number(s),
    peakRssBytes: Number(m) * 1024,
    exitCode: sig ? null : Number(x),
    termSignal: sig ? Number(sig[1]) : null,
  };
}

export async function readTimerFile(path: string): Promise<ResourceUsage | undefined> {
  try {
    return parseTimerOutput(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Fallback without GNU time: polls /proc for the leader's own + waited-for children's CPU
 * (utime+stime+cutime+cstime) and its VmHWM. Returns a stop() that gives the last reading.
 */
export function pollProc(
  pid: number,
  everyMs = 50,
): { stop(): { cpuSeconds: number; peakRssBytes: number } } {
  const ticks = 100; // USER_HZ is 100 on every Linux architecture Node supports
  let cpu = 0;
  let rss = 0;
  const read = async () => {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the `(comm)` field; comm may contain spaces and parentheses.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const t = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks;
      if (Number.isFinite(t)) cpu = Math.max(cpu, t);
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) rss = Math.max(rss, Number(hwm[1]) * 1024);
    } catch {
      // The process is gone (or this is not Linux): keep the last reading.
    }
  };
  void read();
  const timer = setInterval(() => void read(), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { cpuSeconds: cpu, peakRssBytes: rss };
    },
  };
}
