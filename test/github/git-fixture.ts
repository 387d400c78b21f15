// A real repository the way a GitHub runner sees it: a bare repository stands in for GitHub
// (with the refs/pull/<n>/merge ref GitHub maintains), and the workspace is made exactly as
// actions/checkout makes it by default: one commit deep, detached at the commit under test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ENV = {
  GIT_AUTHOR_NAME: 'Codertocat',
  GIT_AUTHOR_EMAIL: 'codertocat@example.com',
  GIT_COMMITTER_NAME: 'Codertocat',
  GIT_COMMITTER_EMAIL: 'codertocat@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...ENV } }).trim();
}

export interface Remote {
  dir: string;
  bare: string;
  /** file:// URL: git honours --depth only for non-local transports. */
  url: string;
  /** A scratch clone for making commits. */
  work: string;
}

export function makeRemote(files: Record<string, string>): Remote {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-action-git-'));
  const bare = path.join(dir, 'remote.git');
  git(dir, 'init', '--quiet', '--bare', '-b', 'main', bare);
  const work = path.join(dir, 'work');
  git(dir, 'init', '--quiet', '-b', 'main', work);
  git(work, 'remote', 'add', 'origin', bare);
  commitFiles(work, files, 'initial');
  git(work, 'push', '--quiet', 'origin', 'main');
  return { dir, bare, url: `file://${bare}`, work };
}

export function commitFiles(work: string, files: Record<string, string>, message: string): string {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, f)), { recursive: true });
    writeFileSync(path.join(work, f), text);
    git(work, 'add', f);
  }
  git(work, 'commit', '--quiet', '--allow-empty', '-m', message);
  return git(work, 'rev-parse', 'HEAD');
}

/** Pushes `branch` and GitHub's test-merge commit as refs/pull/<n>/merge; returns both shas. */
export function openPullRequest(
  r: Remote,
  n: number,
  branch: string,
  base = 'main',
): { head: string; merge: string } {
  const head = git(r.work, 'rev-parse', branch);
  git(r.work, 'push', '--quiet', '--force', 'origin', `${branch}:refs/heads/${branch}`);
  git(r.work, 'checkout', '--quiet', '--detach', base);
  git(r.work, 'merge', '--quiet', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
  const merge = git(r.work, 'rev-parse', 'HEAD');
  git(r.work, 'push', '--quiet', '--force', 'origin', `${merge}:refs/pull/${n}/merge`);
  git(r.work, 'checkout', '--quiet', branch);
  return { head, merge };
}

/**
 * actions/checkout with its defaults (fetch-depth: 1) into a fresh `name` directory: like every
 * GitHub job, which starts on a new runner at the same /home/runner/work/<repo>/<repo> path.
 * `ref` is e.g. refs/pull/2/merge or refs/heads/main.
 */
export function checkout(r: Remote, name: string, sha: string, ref: string): string {
  const ws = path.join(r.dir, name);
  rmSync(ws, { recursive: true, force: true });
  git(r.dir, 'init', '--quiet', ws);
  git(ws, 'remote', 'add', 'origin', r.url);
  const local = ref.startsWith('refs/heads/')
    ? `refs/remotes/origin/${ref.slice(11)}`
    : `refs/remotes/${ref.slice(5).replace(/^pull\//, 'pull/')}`;
  git(
    ws,
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--no-tags',
    '--prune',
    '--depth=1',
    'origin',
    `+${sha}:${local}`,
  );
  git(ws, 'checkout', '--quiet', '--force', '--detach', local);
  return ws;
}
