// Setup problems a user can make (a file where a directory should be, a pulls index from a newer
// flamediff) stop the job with a one-line error before the workload runs, and change nothing stored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, type FlamediffOptions } from '../../src/config/options.js';
import { UserError } from '../../src/errors.js';
import { type CheckDeps, runCheck } from '../../src/pipeline/check.js';
import type { RecordOptions } from '../../src/sample/index.js';
import { DirStore } from '../../src/store/dir-store.js';
import { fakeRecord, MACHINE } from './fake-recorder.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'flamediff-bad-setup-'));
  roots.push(d);
  return d;
}

function options(extra: Partial<FlamediffOptions> = {}): FlamediffOptions {
  return { ...defaultOptions(), command: ['fake-workload'], sampler: 'command', runs: 5, ...extra };
}

const deps = (calls: RecordOptions[]): CheckDeps => ({
  record: fakeRecord(calls),
  recordInterleaved: async () => {
    throw new Error('not used');
  },
});

const ctx = (cwd: string, extra = {}) => ({
  headSha: 'abc0',
  headRef: 'feature',
  isBaseBranch: false,
  cwd,
  ...extra,
});

describe('bad setup stops the job before the workload runs', () => {
  it('an out-dir that is a file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'out'), 'mine');
    const calls: RecordOptions[] = [];
    const err = await runCheck(options(), ctx(dir), deps(calls)).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      `${path.join(dir, 'out')}: cannot create the output directory (a file is in the way)`,
    );
    expect(calls).toHaveLength(0);
    expect(readFileSync(path.join(dir, 'out'), 'utf8')).toBe('mine');
  });

  it('a store-dir that is a file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'store'), 'mine');
    const calls: RecordOptions[] = [];
    const err = await runCheck(
      options({ storeDir: 'store' }),
      ctx(dir, { isBaseBranch: true, headRef: 'main' }),
      deps(calls),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      `${path.join(dir, 'store')}: not a directory (expected the dir store, store-dir)`,
    );
    expect(calls).toHaveLength(0);
  });

  it('a pulls index from a newer flamediff, when the report is to be stored (--pull)', async () => {
    const dir = tempDir();
    const store = path.join(dir, '.flamediff');
    await new DirStore(store).update('x', async (tx) =>
      tx.write('pulls/index.json', '{"schema":4,"pulls":[]}'),
    );
    const calls: RecordOptions[] = [];
    await expect(runCheck(options(), ctx(dir, { pullNumber: 3 }), deps(calls))).rejects.toThrow(
      `${path.join(store, 'pulls/index.json')}: written by a newer flamediff (schema 4`,
    );
    expect(calls).toHaveLength(0);
    expect(readFileSync(path.join(store, 'pulls/index.json'), 'utf8')).toBe('{"schema":4,"pulls":[]}');
  });

  it('a baseline listed in the index whose files are gone is a damaged store, not "no baseline"', async () => {
    const dir = tempDir();
    const store = path.join(dir, '.flamediff');
    const calls: RecordOptions[] = [];
    await runCheck(options(), ctx(dir, { isBaseBranch: true, headRef: 'main' }), deps(calls));
    rmSync(path.join(store, 'profiles/main/abc0'), { recursive: true });
    const index = readFileSync(path.join(store, 'profiles/main/index.json'), 'utf8');
    await expect(runCheck(options(), ctx(dir, { baselineSha: 'abc0' }), deps(calls))).rejects.toThrow(
      `${path.join(store, 'profiles/main/abc0/runs.json')}: missing (the baseline is listed in profiles/main/index.json); the baseline is incomplete`,
    );
    expect(calls).toHaveLength(1);
    expect(readFileSync(path.join(store, 'profiles/main/index.json'), 'utf8')).toBe(index);
  });
});

describe('report warnings', () => {
  it('warns when the stored baseline ran on other hardware or with another sampler', async () => {
    const dir = tempDir();
    await runCheck(options(), ctx(dir, { isBaseBranch: true, headRef: 'main' }), deps([]));
    const elsewhere: CheckDeps = {
      ...deps([]),
      record: async (o) => {
        const r = await fakeRecord([])(o);
        r.runSet.machine = { ...MACHINE, cpuModel: 'Other CPU', cores: 64 };
        r.runSet.sampler = 'perf';
        return r;
      },
    };
    const res = await runCheck(options(), ctx(dir, { baselineSha: 'abc0', headSha: 'abc1' }), elsewhere);
    const w = `Baseline and head ran on different machines (cpuModel ${MACHINE.cpuModel} vs Other CPU; cores ${MACHINE.cores} vs 64)`;
    expect(res.report?.warnings.some((x) => x.startsWith(w))).toBe(true);
    expect(res.consoleText).toContain('different machines');
    expect(res.report?.warnings).toContain(
      'The baseline was recorded with fake and the head with perf: frames may not correspond; record a new baseline.',
    );
    const same = await runCheck(options(), ctx(dir, { headSha: 'abc1' }), deps([]));
    expect(same.baseline?.note).toBe(
      `${dir} is not a git repository, so there is no merge-base; compared with the latest stored baseline abc0 instead`,
    );
    expect(same.report?.warnings.some((x) => x.includes('different machines'))).toBe(false);
  });
});
