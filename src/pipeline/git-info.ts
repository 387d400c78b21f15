// Read-only questions about the user's repository (merge-base, ancestors, dates), plus the
// temporary worktree of `baseline: rerun`. Every answer is null when git cannot give it (not a
// repository, shallow clone), and the caller says so in the report.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { firstLine, git, gitOut as out } from '../lib/git.js';

export async function isGitRepo(cwd: string): Promise<boolean> {
  return (await out(cwd, ['rev-parse', '--git-dir'])) !== null;
}

export async function resolveCommit(cwd: string, ref: string): Promise<string | null> {
  if (ref.startsWith('-')) return null;
  return out(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/** Merge-base of `head` with the first of `baseRefs` that exists. */
export async function mergeBase(
  cwd: string,
  head: string,
  baseRefs: string[],
): Promise<{ sha: string; ref: string } | null> {
  const headSha = await resolveCommit(cwd, head);
  if (!headSha) return null;
  for (const ref of baseRefs) {
    const base = await resolveCommit(cwd, ref);
    if (!base) continue;
    const mb = await out(cwd, ['merge-base', headSha, base]);
    if (mb) return { sha: mb, ref };
  }
  return null;
}

/** `sha` and its first-parent ancestors, nearest first, at most `depth` commits. */
export async function firstParentAncestors(cwd: string, sha: string, depth: number): Promise<string[]> {
  const text = await out(cwd, ['rev-list', '--first-parent', `--max-count=${depth}`, sha]);
  return text ? text.split('\n').filter(Boolean) : [];
}

export async function commitDate(cwd: string, sha: string): Promise<string | null> {
  if (!/^[0-9a-f]{7,40}$/i.test(sha)) return null;
  return out(cwd, ['show', '-s', '--format=%cI', sha]);
}

/** Top of the working tree containing `cwd`, or null outside a repository. */
export async function repoRoot(cwd: string): Promise<string | null> {
  return out(cwd, ['rev-parse', '--show-toplevel']);
}

export async function currentHead(cwd: string): Promise<{ sha: string; ref: string } | null> {
  const sha = await resolveCommit(cwd, 'HEAD');
  if (!sha) return null;
  const ref = (await out(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'])) ?? sha;
  return { sha, ref };
}

/** Checks `sha` out into a temporary worktree; `dispose` removes it (and its metadata). */
export async function temporaryWorktree(
  cwd: string,
  sha: string,
): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'flamediff-base-'));
  const dir = path.join(parent, 'base');
  const r = await git(cwd, ['worktree', 'add', '--detach', '--quiet', dir, sha]);
  if (r.code !== 0) {
    await rm(parent, { recursive: true, force: true });
    throw new UserError(
      `baseline: rerun: cannot check out ${sha} into a temporary worktree: ${firstLine(r.stderr)}`,
    );
  }
  return {
    dir,
    dispose: async () => {
      await git(cwd, ['worktree', 'remove', '--force', dir]).catch(() => null);
      await rm(parent, { recursive: true, force: true });
      await git(cwd, ['worktree', 'prune']).catch(() => null);
    },
  };
}
