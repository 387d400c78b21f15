// Runs the git CLI: the one place flamediff starts git. Output is kept as bytes (stored files are
// binary) and errors carry git's own message, so setup problems (no repository, no remote, no
// permission) read clearly.
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

/** True when git exits 0 (a question asked of the repository: is it one, does the ref exist). */
export async function gitOk(cwd: string, args: readonly string[]): Promise<boolean> {
  return (await git(cwd, args)).code === 0;
}

/** Trimmed stdout, or null when git fails or cannot be started (the caller says what is unknown). */
export async function gitOut(cwd: string, args: readonly string[]): Promise<string | null> {
  const r = await git(cwd, args).catch(() => null);
  return r && r.code === 0 ? r.stdout.toString('utf8').trim() : null;
}

/** Paths git tracks under cwd (`ls-files -z`); empty when cwd is not a repository. */
export async function trackedFiles(cwd: string): Promise<Set<string>> {
  const r = await git(cwd, ['ls-files', '-z']);
  if (r.code !== 0) return new Set();
  return new Set(r.stdout.toString('utf8').split('\0').filter(Boolean));
}

type GitOpts = { input?: Uint8Array | string; env?: NodeJS.ProcessEnv };

/**
 * The git operations flamediff uses, bound to one working directory (as actions/checkout's
 * GitCommandManager): callers that hold a repository pass this around instead of a path.
 */
export interface Git {
  readonly cwd: string;
  run(args: readonly string[], opts?: GitOpts): Promise<GitResult>;
  text(args: readonly string[], what: string, opts?: GitOpts): Promise<string>;
  ok(args: readonly string[]): Promise<boolean>;
  out(args: readonly string[]): Promise<string | null>;
  trackedFiles(): Promise<Set<string>>;
}

export function createGit(cwd: string): Git {
  return {
    cwd,
    run: (args, opts) => git(cwd, args, opts),
    text: (args, what, opts) => gitText(cwd, args, what, opts),
    ok: (args) => gitOk(cwd, args),
    out: (args) => gitOut(cwd, args),
    trackedFiles: () => trackedFiles(cwd),
  };
}
