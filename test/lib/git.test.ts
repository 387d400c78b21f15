import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit, GitError } from '../../src/lib/git.js';

describe('createGit', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-lib-git-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers questions about a directory that is not a repository with false, null and nothing', async () => {
    const g = createGit(dir);
    expect(await g.ok(['rev-parse', '--git-dir'])).toBe(false);
    expect(await g.out(['rev-parse', 'HEAD'])).toBeNull();
    expect(await g.trackedFiles()).toEqual(new Set());
    await expect(g.text(['rev-parse', 'HEAD'], 'resolve HEAD')).rejects.toThrow(GitError);
    await expect(g.text(['rev-parse', 'HEAD'], 'resolve HEAD')).rejects.toThrow(
      /^resolve HEAD: not a git repository/,
    );
  });

  it('runs git in its directory and lists tracked files', async () => {
    const g = createGit(dir);
    await g.text(['init', '--quiet'], 'init');
    await writeFile(path.join(dir, 'a.txt'), 'a');
    await writeFile(path.join(dir, 'untracked.txt'), 'b');
    await g.text(['add', 'a.txt'], 'add');
    expect(await g.ok(['rev-parse', '--git-dir'])).toBe(true);
    expect(await g.trackedFiles()).toEqual(new Set(['a.txt']));
    const r = await g.run(['hash-object', '--stdin'], { input: 'a' });
    expect(r.code).toBe(0);
    expect(r.stdout.toString('utf8').trim()).toBe('2e65efe2a145dda7ee51d1741299f848e5bf752e');
  });
});
