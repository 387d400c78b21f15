// Runs the git CLI. Output is kept as bytes (stored files are binary) and errors carry git's own
// message, so setup problems (no repository, no remote, no permission) read clearly.
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function git(
  cwd: string,
  args: readonly string[],
  opts: { input?: Uint8Array | string; env?: NodeJS.ProcessEnv } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(e));
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git and returns trimmed stdout; throws `what: <git's first error line>` on failure. */
export async function gitText(
  cwd: string,
  args: readonly string[],
  what: string,
  opts: { input?: Uint8Array | string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const r = await git(cwd, args, opts);
  if (r.code !== 0) throw new GitError(what, r);
  return r.stdout.toString('utf8').trim();
}

export class GitError extends Error {
  constructor(
    what: string,
    readonly result: GitResult,
  ) {
    super(`${what}: ${firstLine(result.stderr) || `git exited with status ${result.code}`}`);
  }
}

export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.replace(/^(fatal|error): /, '').trim())
      .find((l) => l !== '' && !l.startsWith('hint:')) ?? ''
  );
}
