// The worker threads as users run them: from the bundle in dist/ (under vitest the TypeScript
// sources cannot start a worker, so test/formats only covers the one-thread fallback).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { importProfileFile } from '../../src/formats/index.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import { Profile, type ProfileTransfer } from '../../src/profile/profile.js';
import { REPO_ROOT } from './node-binaries.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'flamediff-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** A folded file of `n` distinct stacks; `shift` changes some weights (a head against a base). */
function folded(name: string, n: number, shift: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = 1 + ((i * 7919) % 97) + (i % 10 === 0 ? shift : 0);
    lines.push(`main;mod${i % 13};fn${i % 211};leaf${i} ${w}`);
  }
  const file = path.join(tmp, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('dist/import-worker.js', () => {
  it('imports a profile on a worker thread and sends back what importProfileFile gives', async () => {
    const file = folded('one.folded', 2000, 0);
    const reply = await new Promise<{ ok: boolean; data?: ProfileTransfer; warnings?: string[] }>(
      (resolve, reject) => {
        const w = new Worker(path.join(REPO_ROOT, 'dist', 'import-worker.js'), {
          workerData: { path: file, shownName: file, opts: {} },
        });
        w.once('message', (m) => {
          resolve(m);
          void w.terminate();
        });
        w.once('error', reject);
      },
    );
    expect(reply.ok).toBe(true);
    const got = Profile.fromTransfer(reply.data as ProfileTransfer);
    expect(writeFolded(got)).toBe(writeFolded(await importProfileFile(file)));
  });
});

describe('flamediff render --diff-base with and without the worker', () => {
  it('draws the same bytes', () => {
    const base = folded('base.folded', 5000, 0);
    const head = folded('head.folded', 5000, 400);
    const draw = (threads: string) => {
      const out = path.join(tmp, `diff-${threads}.svg`);
      const r = spawnSync(process.execPath, [CLI, 'render', head, '--diff-base', base, '-o', out], {
        env: { ...process.env, FLAMEDIFF_THREADS: threads },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    };
    const one = draw('1');
    expect(one.toString('utf8')).toContain('<svg');
    expect(draw('2').equals(one)).toBe(true);
  });
});
