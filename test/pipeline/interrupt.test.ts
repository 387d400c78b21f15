// Ctrl-C / SIGTERM delivered to a real `flamediff check` process while the workload (with a
// grandchild) runs: the workload is in its own session, so only flamediff can stop it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive, waitFor } from '../sample/helpers.js';
import { sh } from '../store/helpers/git-fixture.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('flamediff check interrupted', () => {
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the workload and its children on ${sig}, exits 130 and records nothing`, async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-check-int-'));
      dirs.push(dir);
      sh(dir, 'init', '--quiet', '-b', 'main');
      const pids = path.join(dir, 'pids');
      const cmd = path.join(dir, 'long.sh');
      await writeFile(cmd, `#!/bin/sh\nsleep 60 &\necho $$ $! > "${pids}"\nwait\n`);
      await chmod(cmd, 0o755);
      sh(dir, 'add', 'long.sh');
      sh(dir, 'commit', '--quiet', '-m', 'one');
      const cli = spawn(
        process.execPath,
        [
          '--import',
          pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href,
          '--import',
          pathToFileURL(path.join(ROOT, 'scripts/asset-hooks.mjs')).href,
          path.join(ROOT, 'src/cli.ts'),
          'check',
          '--sampler',
          'command',
          '--runs',
          '2',
          '--warmup',
          '0',
          '--',
          cmd,
        ],
        { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      cli.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<number | null>((r) => cli.once('exit', (code) => r(code)));
      expect(await waitFor(() => existsSync(pids), 30_000)).toBe(true);
      await waitFor(async () => (await readFile(pids, 'utf8')).trim().split(' ').length === 2);
      const [shell, sleeper] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
      expect(pidAlive(sleeper)).toBe(true);
      cli.kill(sig);
      const code = await exited;
      // Clean up even when the assertions below fail (the bug this guards against: orphans).
      const stopped = await waitFor(() => !pidAlive(shell) && !pidAlive(sleeper), 5000);
      if (!stopped) for (const p of [sleeper, shell]) process.kill(p, 'SIGKILL');
      expect(stopped).toBe(true);
      expect(code).toBe(130);
      expect(stderr).toMatch(/flamediff: interrupted during run 1 of 2/);
      expect(existsSync(path.join(dir, '.flamediff', 'profiles'))).toBe(false);
    });
  }
});
