import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_SETTINGS } from '../../src/stats/index.js';
import {
  loadBaseline,
  type NewBaseline,
  readBaselineIndex,
  readHistory,
  writeBaseline,
} from '../../src/store/baselines.js';
import { DirStore } from '../../src/store/dir-store.js';
import { GitStore } from '../../src/store/git-store.js';
import { layout } from '../../src/store/layout.js';
import { writePullReport } from '../../src/store/pulls.js';
import type { Store } from '../../src/store/types.js';
import { makeRemote, sh } from './helpers/git-fixture.js';
import { handProfile } from './helpers/profiles.js';

const run = promisify(execFile);
const tmpRoots: string[] = [];
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'flamediff-dir-store-'));
  tmpRoots.push(d);
  return d;
}

function baseline(sha: string, retention = 50, slow = 0): NewBaseline {
  const profiles = [1, 2, 3].map((i) => ({
    profile: handProfile(i, slow),
    wallSeconds: 1 + i / 10,
    cpuSeconds: 1,
    peakRssBytes: 1000,
  }));
  return {
    branch: 'main',
    sha,
    runs: {
      recordedAt: `2026-01-01T00:00:0${sha.length % 10}Z`,
      sampler: 'test',
      samplerVersion: '1',
      command: ['x'],
      rateHz: 100,
      machine: null,
    },
    profiles,
    summary: {
      recordedAt: '2026-01-01T00:00:00Z',
      commitDate: null,
      runs: 3,
      sampler: 'test',
      machine: null,
      totals: { samples: 650, wallSeconds: 1.2, cpuSeconds: 1, profileSeconds: 6.5 },
      droppedShare: 0,
      topFrames: [{ key: 'main (app.js)', share: 1, selfShare: 0.07 }],
      settings: DEFAULT_COMPARE_SETTINGS,
    },
    flameSvg: '<svg/>',
    historyEntry: { sha, date: '2026-01-01T00:00:00Z', total: 1.2, totalMeasure: 'wallSeconds', frames: [] },
    retention,
  };
}

async function storeContract(store: Store) {
  await store.update('one', async (tx) => {
    await writeBaseline(tx, baseline('aaa111'));
  });
  const loaded = await loadBaseline(store, 'main', 'aaa111');
  expect(loaded?.inputs).toHaveLength(3);
  expect(loaded?.inputs[0].profile.totalWeight()).toBe(handProfile(1).totalWeight());
  expect(loaded?.inputs[0].profile.meta.intervalNs).toBe(10_000_000);
  expect(loaded?.inputs[1].wallSeconds).toBeCloseTo(1.2);
  expect(await loadBaseline(store, 'main', 'bbb222')).toBeNull();
  expect(await store.list('profiles/main/aaa111')).toEqual([
    'profiles/main/aaa111/flamegraph.svg',
    'profiles/main/aaa111/run-1.folded.gz',
    'profiles/main/aaa111/run-2.folded.gz',
    'profiles/main/aaa111/run-3.folded.gz',
    'profiles/main/aaa111/runs.json',
    'profiles/main/aaa111/summary.json',
  ]);
  expect((await readHistory(store, 'main')).entries.map((e) => e.sha)).toEqual(['aaa111']);
  // A failing update writes nothing.
  await expect(
    store.update('fails', async (tx) => {
      tx.write('junk.txt', 'x');
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await store.read('junk.txt')).toBeNull();
}

describe('dir store', () => {
  it('round-trips a baseline and writes nothing when an update fails', async () => {
    await storeContract(new DirStore(path.join(tmp(), '.flamediff')));
  });

  it('keeps the last K baselines and all history', async () => {
    const store = new DirStore(tmp());
    for (const sha of ['c1c1', 'c2c2', 'c3c3', 'c4c4', 'c5c5']) {
      await store.update(sha, (tx) => writeBaseline(tx, baseline(sha, 3)));
    }
    expect((await readBaselineIndex(store, 'main')).baselines.map((b) => b.sha)).toEqual([
      'c3c3',
      'c4c4',
      'c5c5',
    ]);
    expect(await store.list('profiles/main/c1c1')).toEqual([]);
    expect(await store.list('profiles/main/c2c2')).toEqual([]);
    expect((await store.list('profiles/main/c3c3')).length).toBe(6);
    expect((await readHistory(store, 'main')).entries.map((e) => e.sha)).toEqual([
      'c1c1',
      'c2c2',
      'c3c3',
      'c4c4',
      'c5c5',
    ]);
    expect(existsSync(path.join(store.root, 'profiles/main/c1c1'))).toBe(false);
  });

  it('names the file of a truncated or corrupt run profile', async () => {
    const store = new DirStore(tmp());
    await store.update('b', (tx) => writeBaseline(tx, baseline('ab12')));
    const file = path.join(store.root, 'profiles/main/ab12/run-2.folded.gz');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 9));
    await expect(loadBaseline(store, 'main', 'ab12')).rejects.toThrow(`${file}: corrupt or truncated`);
    // Without a checksum the gzip layer still catches it.
    const runsPath = path.join(store.root, 'profiles/main/ab12/runs.json');
    const runs = JSON.parse(readFileSync(runsPath, 'utf8'));
    for (const r of runs.runs) delete r.sha256;
    writeFileSync(runsPath, JSON.stringify(runs));
    await expect(loadBaseline(store, 'main', 'ab12')).rejects.toThrow(
      `${file}: corrupt or truncated gzip data`,
    );
  });

  it('refuses an unparsable history and overwrites nothing', async () => {
    const store = new DirStore(tmp());
    await store.update('b', (tx) => writeBaseline(tx, baseline('ab12')));
    const hist = path.join(store.root, layout.history('main'));
    writeFileSync(hist, '{"schema":1,"branch":"main","entries":[{"sha":');
    const before = await snapshot(store);
    await expect(store.update('b2', (tx) => writeBaseline(tx, baseline('cd34')))).rejects.toThrow(hist);
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses a store written by a newer schema and overwrites nothing', async () => {
    const store = new DirStore(tmp());
    await store.update('b', (tx) => writeBaseline(tx, baseline('ab12')));
    writeFileSync(path.join(store.root, 'store.json'), '{"schema":2}\n');
    const before = await snapshot(store);
    await expect(store.update('b2', (tx) => writeBaseline(tx, baseline('cd34')))).rejects.toThrow(
      `${path.join(store.root, 'store.json')}: written by a newer flamediff (schema 2`,
    );
    expect(await snapshot(store)).toEqual(before);
    // A newer runs.json is refused on read too.
    const runsPath = path.join(store.root, 'profiles/main/ab12/runs.json');
    writeFileSync(runsPath, readFileSync(runsPath, 'utf8').replace('"schema": 1', '"schema": 7'));
    await expect(loadBaseline(store, 'main', 'ab12')).rejects.toThrow(
      `${runsPath}: written by a newer flamediff (schema 7`,
    );
  });

  it('keeps one commit per pull request and the last K pull requests', async () => {
    const store = new DirStore(tmp());
    // Acceptances (bot) of a pruned pull request go with it; others stay.
    await store.update('acc', async (tx) => {
      tx.write('acceptances/1.json', '[]');
      tx.write('acceptances/3.json', '[]');
    });
    for (const [n, sha] of [
      [1, 'a1'],
      [1, 'a2'],
      [2, 'b1'],
      [3, 'c1'],
    ] as const) {
      await store.update('pr', (tx) =>
        writePullReport(tx, n, sha, { 'comment.md': `pr ${n} ${sha}` }, 2, `t${sha}`),
      );
    }
    expect(await store.list('pulls')).toEqual([
      'pulls/2/b1/comment.md',
      'pulls/3/c1/comment.md',
      'pulls/index.json',
    ]);
    expect(await store.list('acceptances')).toEqual(['acceptances/3.json']);
  });

  it('takes over a lock left by a killed job on this machine at once', async () => {
    const root = tmp();
    const store = new DirStore(root);
    await store.update('first', async (tx) => tx.write('a.txt', 'a'));
    // A lock whose holder is gone (a pid that cannot exist), as a SIGKILLed job leaves it.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(root, '.lock'));
    writeFileSync(path.join(root, '.lock', 'owner'), `2147483646 ${os.hostname()}\n`);
    await store.update('second', async (tx) => tx.write('b.txt', 'b'));
    expect(Buffer.from((await store.read('b.txt')) ?? []).toString()).toBe('b');
    expect(existsSync(path.join(root, '.lock'))).toBe(false);
  });

  it('rejects branch names that would leave their folder', async () => {
    const { layout } = await import('../../src/store/layout.js');
    expect(layout.history('feature/x')).toBe('history/feature/x.json');
    for (const b of ['../x', 'a/../../b', '/abs', 'a//b', 'a\\b'])
      expect(() => layout.branchDir(b), b).toThrow(`branch '${b}' cannot be stored`);
  });

  it('rejects path escapes in commit ids', async () => {
    const store = new DirStore(tmp());
    await expect(store.update('x', (tx) => writeBaseline(tx, baseline('../evil')))).rejects.toThrow(
      "commit '../evil' cannot be stored",
    );
  });
});

async function snapshot(store: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await store.list('')) out[f] = Buffer.from((await store.read(f)) ?? []).toString('base64');
  return out;
}

describe('git store (real git, local bare remote)', () => {
  const remote = makeRemote();
  tmpRoots.push(remote.root);

  it('writes the data branch without touching the checkout, and another clone reads it', async () => {
    const user = remote.clone('user');
    writeFileSync(path.join(user, 'app.txt'), 'local edit\n');
    const status = sh(user, 'status', '--porcelain');
    const head = sh(user, 'rev-parse', 'HEAD');
    const branches = sh(user, 'branch', '--list');
    const store = await GitStore.open({ repoDir: user, remote: 'origin', branch: 'flamediff-data' });
    await storeContract(store);
    await store.close();
    expect(sh(user, 'status', '--porcelain')).toBe(status);
    expect(sh(user, 'rev-parse', 'HEAD')).toBe(head);
    expect(sh(user, 'branch', '--list')).toBe(branches);
    expect(sh(user, 'for-each-ref', 'refs/flamediff')).toBe('');
    expect(sh(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data')).toContain(
      'profiles/main/aaa111/run-1.folded.gz',
    );

    const other = await GitStore.open({
      repoDir: remote.clone('reader'),
      remote: 'origin',
      branch: 'flamediff-data',
    });
    expect((await loadBaseline(other, 'main', 'aaa111'))?.inputs).toHaveLength(3);
    // Squash: one commit, same files.
    const files = await other.list('');
    expect(await other.squash()).toBe(true);
    expect(sh(remote.bare, 'rev-list', '--count', 'flamediff-data')).toBe('1');
    expect(sh(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data').split('\n')).toEqual(files);
    await other.close();
  });

  it('two processes pushing at once both land', async () => {
    const a = remote.clone('job-a');
    const b = remote.clone('job-b');
    const script = path.resolve(import.meta.dirname, 'helpers/concurrent-writer.ts');
    const child = (repo: string, tag: string) =>
      run(process.execPath, ['--import', 'tsx', script, repo, tag, '4'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
      });
    const outs = await Promise.all([child(a, 'A'), child(b, 'B')]);
    // Not asserted (timing-dependent), but visible when debugging: how often pushes collided.
    if (process.env.FLAMEDIFF_DEBUG) console.log(outs.map((o) => o.stdout).join(''));
    const shared = sh(remote.bare, 'show', 'flamediff-data:shared.txt').split('\n').sort();
    expect(shared).toEqual(['A-0', 'A-1', 'A-2', 'A-3', 'B-0', 'B-1', 'B-2', 'B-3']);
    const own = sh(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data', 'own').split('\n');
    expect(own).toHaveLength(8);
  });

  it('re-applies an update on the new tip when another job pushed first', async () => {
    const retries: number[] = [];
    const first = await GitStore.open({ repoDir: remote.clone('race-1'), remote: 'origin', branch: 'race' });
    const second = await GitStore.open({
      repoDir: remote.clone('race-2'),
      remote: 'origin',
      branch: 'race',
      onRetry: (n) => retries.push(n),
    });
    await first.update('first', async (tx) => tx.write('log.txt', 'first\n'));
    // `second` fetched before `first` pushed: its first push is rejected, then it re-reads log.txt.
    await second.update('second', async (tx) => {
      const prev = new TextDecoder().decode((await tx.read('log.txt')) ?? new Uint8Array());
      tx.write('log.txt', `${prev}second\n`);
    });
    expect(retries).toEqual([1]);
    expect(sh(remote.bare, 'show', 'race:log.txt')).toBe('first\nsecond');
    await first.close();
    await second.close();
  });

  it('explains a missing repository or remote', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-norepo-'));
    tmpRoots.push(dir);
    await expect(GitStore.open({ repoDir: dir, remote: 'origin', branch: 'flamediff-data' })).rejects.toThrow(
      'not a git repository',
    );
    const user = remote.clone('noremote');
    await expect(
      GitStore.open({ repoDir: user, remote: 'nosuch', branch: 'flamediff-data' }),
    ).rejects.toThrow('git store: cannot fetch flamediff-data from nosuch');
  });
});
