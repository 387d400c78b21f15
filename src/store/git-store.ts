// The git backend: a data branch (default flamediff-data) on a remote. It never touches the user's
// checkout: no worktree files, no index, no HEAD, no local branch change. Commits are built with
// plumbing (hash-object, a temporary index file, write-tree, commit-tree) from the fetched branch tip,
// then pushed without force. A rejected push means another job landed first: re-fetch, re-run the
// update on the new tip, push again. So two jobs writing at once both land.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { firstLine, GitError, git, gitText } from '../lib/git.js';
import { normalizePath, StagedTx, type Store, type StoreReader, type StoreTx } from './types.js';

const EMPTY_SHA = '0000000000000000000000000000000000000000';
const IDENTITY = {
  GIT_AUTHOR_NAME: 'flamediff',
  GIT_AUTHOR_EMAIL: 'flamediff@users.noreply.github.com',
  GIT_COMMITTER_NAME: 'flamediff',
  GIT_COMMITTER_EMAIL: 'flamediff@users.noreply.github.com',
};

export interface GitStoreOptions {
  /** A directory inside the user's repository (objects are fetched into it; nothing else changes). */
  repoDir: string;
  /** Remote name or URL. */
  remote: string;
  branch: string;
  /** Push attempts before giving up (default 8). */
  maxAttempts?: number;
  /** Called when a push was rejected and the update is re-applied (logs, tests). */
  onRetry?: (attempt: number) => void;
}

/** Reads one commit of the data branch (or nothing, before the first commit). */
class CommitReader implements StoreReader {
  constructor(
    private readonly repo: string,
    private readonly commit: string | null,
    private readonly branch: string,
  ) {}

  describe(p: string): string {
    return `${this.branch}:${p}`;
  }

  async read(p: string): Promise<Uint8Array | null> {
    if (!this.commit) return null;
    const r = await git(this.repo, ['cat-file', 'blob', `${this.commit}:${normalizePath(p)}`]);
    return r.code === 0 ? new Uint8Array(r.stdout) : null;
  }

  async list(prefix: string): Promise<string[]> {
    if (!this.commit) return [];
    const pre = prefix === '' ? '' : normalizePath(prefix);
    const args = ['ls-tree', '-r', '--name-only', '-z', this.commit];
    if (pre !== '') args.push('--', pre);
    const r = await git(this.repo, args);
    if (r.code !== 0) return [];
    return r.stdout
      .toString('utf8')
      .split('\0')
      .filter((x) => x !== '')
      .sort();
  }
}

export class GitStore implements Store {
  readonly kind = 'git' as const;
  readonly location: string;
  private readonly ref = `refs/flamediff/tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  private tip: string | null | undefined;
  private tmpDir: string | null = null;

  private constructor(
    private readonly opts: GitStoreOptions,
    private readonly repo: string,
  ) {
    this.location = `${opts.remote} ${opts.branch}`;
  }

  /** Checks the repository and remote, and fetches the data branch. */
  static async open(opts: GitStoreOptions): Promise<GitStore> {
    const repo = path.resolve(opts.repoDir);
    const r = await git(repo, ['rev-parse', '--git-dir']).catch(() => null);
    if (r?.code !== 0) {
      throw new UserError(
        `${repo}: not a git repository (the git store needs one; use store: dir otherwise)`,
      );
    }
    const store = new GitStore(opts, repo);
    await store.fetch();
    return store;
  }

  describe(p: string): string {
    return `${this.opts.branch}:${p}`;
  }

  /** The fetched tip of the data branch (null: the branch does not exist yet). */
  get head(): string | null {
    return this.tip ?? null;
  }

  async read(p: string): Promise<Uint8Array | null> {
    return this.reader().read(p);
  }

  async list(prefix: string): Promise<string[]> {
    return this.reader().list(prefix);
  }

  async update(message: string, fn: (tx: StoreTx) => Promise<void>): Promise<string[]> {
    const attempts = this.opts.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await this.fetch();
      const tx = new StagedTx(this.reader());
      await fn(tx);
      if (tx.staging.empty) return [];
      const commit = await this.commit(tx, message, this.tip ?? null);
      const pushed = await this.push(commit);
      if (pushed) {
        this.tip = commit;
        return [...tx.staging.writes.keys()].sort();
      }
      if (attempt >= attempts) {
        throw new UserError(
          `${this.location}: push rejected ${attempts} times (other jobs keep writing); try again later`,
        );
      }
      this.opts.onRetry?.(attempt);
      // Jitter so two jobs that collided do not collide again in lockstep.
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200 * attempt));
    }
  }

  /**
   * Replaces the branch history with one commit holding the current files (see docs/store.md).
   * Uses a lease: if another job pushed meanwhile, nothing is replaced and false is returned.
   */
  async squash(message = 'flamediff: squash data branch history'): Promise<boolean> {
    await this.fetch();
    if (!this.tip) return false;
    const tree = await gitText(this.repo, ['rev-parse', `${this.tip}^{tree}`], 'squash');
    const commit = await gitText(this.repo, ['commit-tree', '--no-gpg-sign', tree, '-m', message], 'squash', {
      env: IDENTITY,
    });
    const r = await git(this.repo, [
      'push',
      '--quiet',
      '--no-verify',
      `--force-with-lease=refs/heads/${this.opts.branch}:${this.tip}`,
      this.opts.remote,
      `${commit}:refs/heads/${this.opts.branch}`,
    ]);
    if (r.code !== 0) return false;
    this.tip = commit;
    return true;
  }

  async close(): Promise<void> {
    await git(this.repo, ['update-ref', '-d', this.ref]);
    if (this.tmpDir) await rm(this.tmpDir, { recursive: true, force: true });
    this.tmpDir = null;
  }

  private reader(): CommitReader {
    return new CommitReader(this.repo, this.tip ?? null, this.opts.branch);
  }

  private async fetch(): Promise<void> {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      'fetch',
      '--quiet',
      '--no-tags',
      remote,
      `+refs/heads/${branch}:${this.ref}`,
    ]);
    if (r.code === 0) {
      this.tip = await gitText(this.repo, ['rev-parse', '--verify', `${this.ref}^{commit}`], 'fetch');
      return;
    }
    if (/couldn't find remote ref/i.test(r.stderr)) {
      this.tip = null;
      return;
    }
    throw new UserError(
      `git store: cannot fetch ${branch} from ${remote}: ${firstLine(r.stderr) || `git exited with ${r.code}`}`,
    );
  }

  private async commit(tx: StagedTx, message: string, parent: string | null): Promise<string> {
    this.tmpDir ??= await mkdtemp(path.join(os.tmpdir(), 'flamediff-git-'));
    const env = {
      ...IDENTITY,
      GIT_INDEX_FILE: path.join(this.tmpDir, `index-${randomBytes(4).toString('hex')}`),
    };
    const run = (args: string[], input?: string | Uint8Array) =>
      gitText(this.repo, args, 'git store', { env, input });
    await run(parent ? ['read-tree', parent] : ['read-tree', '--empty']);
    const lines: string[] = [];
    for (const p of tx.staging.removed) lines.push(`0 ${EMPTY_SHA}\t${p}`);
    for (const [p, data] of tx.staging.writes) {
      const blob = await run(['hash-object', '-w', '--stdin'], data);
      lines.push(`100644 ${blob}\t${p}`);
    }
    await run(['update-index', '-z', '--index-info'], lines.map((l) => `${l}\0`).join(''));
    const tree = await run(['write-tree']);
    const args = ['commit-tree', '--no-gpg-sign', tree, '-m', message];
    if (parent) args.push('-p', parent);
    const commit = await run(args);
    await rm(env.GIT_INDEX_FILE, { force: true });
    return commit;
  }

  /** Pushes without force; false when the remote moved on (rejected), throws on other failures. */
  private async push(commit: string): Promise<boolean> {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      'push',
      '--quiet',
      '--no-verify',
      '--porcelain',
      remote,
      `${commit}:refs/heads/${branch}`,
    ]);
    if (r.code === 0) return true;
    const text = `${r.stdout.toString('utf8')}\n${r.stderr}`;
    if (
      /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|\[remote rejected\].*(lock|already exists)/i.test(
        text,
      )
    ) {
      return false;
    }
    throw new UserError(
      `git store: cannot push ${branch} to ${remote}: ${firstLine(r.stderr) || firstLine(text)}`,
    );
  }
}

export { GitError };
