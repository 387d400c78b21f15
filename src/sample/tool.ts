// Small helpers for asking a tool about itself (`perf --version`, `py-spy --version`, ...).
import { execFile } from 'node:child_process';

export interface ToolResult {
  /** null when the tool could not be started or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Spawn error code, e.g. 'ENOENT' when the tool is not installed. */
  error?: string;
}

/** Runs a tool to completion (default 15 s cap) and captures its output; never throws. */
export function runTool(
  argv: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(
      argv[0],
      argv.slice(1),
      {
        cwd: opts.cwd,
        env: opts.env,
        timeout: opts.timeoutMs ?? 15_000,
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (e && typeof e.code === 'string') {
          resolve({ code: null, stdout: stdout ?? '', stderr: stderr ?? '', error: e.code });
          return;
        }
        const code = e ? (typeof e.code === 'number' ? e.code : null) : 0;
        resolve({ code, stdout: stdout ?? '', stderr: stderr ?? '' });
      },
    );
  });
}

/** First `x.y[.z]` version number in a tool's output, or '' when there is none. */
export function parseVersion(text: string): string {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? m[0] : '';
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Last `n` non-empty lines of a tool's output, for error messages. */
export function lastLines(text: string, n = 20): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(-n);
}
