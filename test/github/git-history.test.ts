// Shallow clones as actions/checkout makes them: the merge-base must be found by deepening.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureMergeBase, pushCheck } from '../../src/github/git-history.js';
import { checkout, commitFiles, git, makeRemote, openPullRequest } from './git-fixture.js';

function needs(root: string, head: string, depth: number, lines: string[]) {
  return {
    root,
    remote: 'origin',
    baseBranch: 'main',
    head,
    commits: [head],
    depth,
    log: (l: string) => lines.push(`info: ${l}`),
    warn: (l: string) => lines.push(`warn: ${l}`),
  };
}

describe('merge-base in a shallow clone', () => {
  it('deepens step by step until the fork point 30 commits back is reached', async () => {
    const r = makeRemote({ 'a.txt': '0\n' });
    const forkPoint = git(r.work, 'rev-parse', 'HEAD');
    git(r.work, 'checkout', '--quiet', '-b', 'feature');
    for (let i = 0; i < 30; i++) commitFiles(r.work, { 'f.txt': `${i}\n` }, `feature ${i}`);
    git(r.work, 'checkout', '--quiet', 'main');
    for (let i = 0; i < 30; i++) commitFiles(r.work, { 'm.txt': `${i}\n` }, `main ${i}`);
    git(r.work, 'push', '--quiet', 'origin', 'main');
    const { head, merge } = openPullRequest(r, 5, 'feature');
    const ws = checkout(r, 'ws', merge, 'refs/pull/5/merge');
    expect(git(ws, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const lines: string[] = [];
    // depth 2 -> fetches 3, then 12, then 48 commits: the third step reaches the fork point.
    expect(await ensureMergeBase(needs(ws, head, 2, lines))).toBe(forkPoint);
    expect(lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });

  it('warns (does not fail) when the base branch does not exist', async () => {
    const r = makeRemote({ 'a.txt': '0\n' });
    const sha = git(r.work, 'rev-parse', 'HEAD');
    const ws = checkout(r, 'ws', sha, 'refs/heads/main');
    const lines: string[] = [];
    const mb = await ensureMergeBase({ ...needs(ws, sha, 2, lines), baseBranch: 'develop' });
    expect(mb).toBeNull();
    expect(lines.at(-1)).toMatch(/^warn: No merge-base between [0-9a-f]{12} and 'develop' .*fetch-depth: 0/);
  });
});

describe('push check', () => {
  it('passes for a writable remote and fails, with git’s reason, for an unreachable push URL', async () => {
    const r = makeRemote({ 'a.txt': '0\n' });
    const sha = git(r.work, 'rev-parse', 'HEAD');
    const ws = checkout(r, 'ws', sha, 'refs/heads/main');
    expect(await pushCheck(ws, 'origin')).toEqual({ ok: true, error: '' });
    // The dry run changes nothing on the remote.
    expect(git(r.bare, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    git(ws, 'config', 'remote.origin.pushurl', path.join(ws, 'nowhere.git'));
    const denied = await pushCheck(ws, 'origin');
    expect(denied.ok).toBe(false);
    expect(denied.error).toMatch(/nowhere\.git/);
  });
});
