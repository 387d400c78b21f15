// Real git repositories for store tests: a bare repository standing in for the remote and user
// clones of it, each with one commit on main.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

export function makeRemote(): { root: string; bare: string; clone: (name: string) => string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'flamediff-store-test-'));
  const bare = path.join(root, 'remote.git');
  sh(root, 'init', '--quiet', '--bare', '-b', 'main', bare);
  const seed = path.join(root, 'seed');
  sh(root, 'init', '--quiet', '-b', 'main', seed);
  writeFileSync(path.join(seed, 'app.txt'), 'hello\n');
  sh(seed, 'add', 'app.txt');
  sh(seed, 'commit', '--quiet', '-m', 'initial');
  sh(seed, 'remote', 'add', 'origin', bare);
  sh(seed, 'push', '--quiet', 'origin', 'main');
  return {
    root,
    bare,
    clone(name: string) {
      const dir = path.join(root, name);
      sh(root, 'clone', '--quiet', bare, dir);
      return dir;
    },
  };
}
