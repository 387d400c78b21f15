// Issue 14 item 7: every store file a job will rewrite is read and checked before the workload
// runs, so a corrupt or newer-schema file costs no measuring time and changes nothing. Also the
// pipeline's `stillCurrent` question (item 1): false stores no pull request report.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, type FlamediffOptions } from '../../src/config/options.js';
import { type CheckContext, type CheckDeps, runCheck } from '../../src/pipeline/check.js';
import type { RecordOptions } from '../../src/sample/index.js';
import { checkStore, DirStore } from '../../src/store/index.js';
import { fakeRecord } from '../pipeline/fake-recorder.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const SHA = 'a'.repeat(40);

function world(files: Record<string, string>): { dir: string; store: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-checked-'));
  roots.push(dir);
  const store = path.join(dir, 'store');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(store, name)), { recursive: true });
    writeFileSync(path.join(store, name), text);
  }
  return { dir, store };
}

function options(store: string): FlamediffOptions {
  return {
    ...defaultOptions(),
    command: ['fake-workload'],
    sampler: 'command',
    runs: 5,
    store: 'dir',
    storeDir: store,
  };
}

function deps(calls: RecordOptions[]): CheckDeps {
  return {
    record: fakeRecord(calls),
    recordInterleaved: async () => {
      throw new Error('not used');
    },
  };
}

const push = (dir: string): CheckContext => ({ headSha: SHA, headRef: 'main', isBaseBranch: true, cwd: dir });

describe('store files are checked before the workload runs', () => {
  it('a newer-schema profiles/<branch>/index.json stops a baseline recording before measuring', async () => {
    const w = world({ 'profiles/main/index.json': '{"schema": 2, "branch": "main", "baselines": []}\n' });
    const calls: RecordOptions[] = [];
    await expect(runCheck(options(w.store), push(w.dir), deps(calls))).rejects.toThrow(
      /profiles\/main\/index\.json: written by a newer flamediff \(schema 2; this version reads schema 1\)/,
    );
    expect(calls).toHaveLength(0);
    // Nothing was changed: the file is as it was.
    expect(readFileSync(path.join(w.store, 'profiles/main/index.json'), 'utf8')).toContain('"schema": 2');
  });

  it('a corrupt profiles/<branch>/index.json stops it too, naming the file', async () => {
    const w = world({ 'profiles/main/index.json': '{"schema": 1, "baselines": [' });
    const calls: RecordOptions[] = [];
    await expect(runCheck(options(w.store), push(w.dir), deps(calls))).rejects.toThrow(
      /profiles\/main\/index\.json: not valid JSON .*expected a baseline index/,
    );
    expect(calls).toHaveLength(0);
  });

  it('checkStore with a plan reads each file the job will rewrite', async () => {
    const w = world({
      'history/main.json': '{"schema": 1, "branch": "main", "entries": []}\n',
      'pulls/index.json': '{"schema": 9, "pulls": []}\n',
      'profiles/main/index.json': '{"schema": 1, "branch": "main", "baselines": "none"}\n',
    });
    const store = new DirStore(w.store);
    await checkStore(store); // the store as a whole is fine
    await checkStore(store, { branch: 'main' });
    await expect(checkStore(store, { branch: 'main', pulls: true })).rejects.toThrow(
      /pulls\/index\.json: written by a newer flamediff \(schema 9/,
    );
    await expect(checkStore(store, { branch: 'main', baseline: true })).rejects.toThrow(
      /profiles\/main\/index\.json: expected "baselines"/,
    );
  });
});

describe("the pipeline's stillCurrent question", () => {
  it('false: the pull request report is not stored; true: it is', async () => {
    const w = world({});
    await runCheck(options(w.store), push(w.dir), deps([]));
    const head = 'b'.repeat(40);
    const ctx = (answer: boolean): CheckContext => ({
      headSha: head,
      headRef: 'feature',
      isBaseBranch: false,
      cwd: w.dir,
      pullNumber: 7,
      baselineSha: SHA,
      stillCurrent: async () => answer,
    });
    const stale = await runCheck(options(w.store), ctx(false), deps([]));
    expect(stale.verdict).not.toBe('none');
    expect(stale.stored).toEqual([]);
    expect(await new DirStore(w.store).list('pulls')).toEqual([]);
    const current = await runCheck(options(w.store), ctx(true), deps([]));
    expect(current.stored).toContain(`pulls/7/${head}/report.json`);
  });
});
