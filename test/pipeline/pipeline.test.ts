import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, type FlamediffOptions } from '../../src/config/options.js';
import { type CheckContext, type CheckDeps, runCheck } from '../../src/pipeline/check.js';
import type { RecordOptions } from '../../src/sample/index.js';
import { DirStore } from '../../src/store/dir-store.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';
import { fakeRecord, fakeResult } from './fake-recorder.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A repository with main: c1 - c2, and feature branching off c2 with c3. */
function repo(): { dir: string; c1: string; c2: string; c3: string } {
  const remote = makeRemote();
  roots.push(remote.root);
  const dir = remote.clone('work');
  const commit = (msg: string) => {
    writeFileSync(path.join(dir, 'app.txt'), `${msg}\n`);
    sh(dir, 'commit', '--quiet', '-am', msg);
    return sh(dir, 'rev-parse', 'HEAD');
  };
  const c1 = sh(dir, 'rev-parse', 'HEAD');
  const c2 = commit('c2');
  sh(dir, 'push', '--quiet', 'origin', 'main');
  sh(dir, 'checkout', '--quiet', '-b', 'feature');
  const c3 = commit('c3');
  return { dir, c1, c2, c3 };
}

// confirm: never here: the re-measurement before failing is tested in confirm-pipeline.test.ts.
function options(extra: Partial<FlamediffOptions> = {}): FlamediffOptions {
  return {
    ...defaultOptions(),
    command: ['fake-workload'],
    sampler: 'command',
    runs: 5,
    confirm: 'never',
    ...extra,
  };
}

const deps = (calls: RecordOptions[] = []): CheckDeps => ({
  record: fakeRecord(calls),
  recordInterleaved: async () => {
    throw new Error('not used');
  },
});

describe('runCheck with a dir store', () => {
  const r = repo();
  const ctx = (extra: Partial<CheckContext>): CheckContext => ({
    headSha: r.c3,
    headRef: 'feature',
    isBaseBranch: false,
    cwd: r.dir,
    ...extra,
  });

  it('with no baseline: measures, notes it, gates nothing', async () => {
    const res = await runCheck(options(), ctx({}), deps());
    expect(res.verdict).toBe('none');
    expect(res.baseline?.note).toContain('no baseline stored for main yet');
    expect(res.commentMarkdown).toContain('No baseline to compare with');
    expect(existsSync(path.join(r.dir, 'out/flamegraph.svg'))).toBe(true);
  });

  it('a failed workload never records a baseline', async () => {
    const opts = options({ env: { FAKE_EXIT: '3' } });
    await expect(
      runCheck(opts, ctx({ headSha: r.c1, headRef: 'main', isBaseBranch: true }), deps()),
    ).rejects.toThrow('the workload failed (baseline run 5 exited with status 3); nothing was recorded');
    expect(await new DirStore(path.join(r.dir, '.flamediff')).list('profiles')).toEqual([]);
  });

  it('records a baseline on the base branch, then compares: older-than-merge-base note, regression ranked first', async () => {
    const base = await runCheck(
      options(),
      ctx({ headSha: r.c1, headRef: 'main', isBaseBranch: true }),
      deps(),
    );
    expect(base.mode).toBe('baseline');
    expect(base.stored).toContain(`profiles/main/${r.c1}/run-5.folded.gz`);
    expect(base.stored).toContain('history/main.json');
    expect(base.stored).toEqual(
      expect.arrayContaining(['dashboard/main/index.html', 'dashboard/main/data.js']),
    );
    const data = readFileSync(path.join(r.dir, '.flamediff/dashboard/main/data.js'), 'utf8');
    expect(data).toContain(`../../profiles/main/${r.c1}/flamegraph.svg`);
    expect(base.summaryMarkdown).toContain('Recorded baseline');

    const res = await runCheck(options(), ctx({ links: {} }), {
      ...deps(),
      record: async (o) => fakeResult(o.runs ?? 5, 150, o.command),
    });
    expect(res.mode).toBe('compare');
    expect(res.baseline).toEqual({
      sha: r.c1,
      branch: 'main',
      note: `the baseline ${r.c1.slice(0, 7)} is 1 commit older than the merge-base ${r.c2.slice(0, 7)} (no baseline stored for the newer ones)`,
    });
    expect(res.verdict).toBe('fail');
    const first = res.report?.frames.find((f) => f.rank === 1);
    expect(first?.name).toBe('draw');
    expect(res.commentMarkdown).toContain('| 1 | `draw` |');
    expect(res.commentMarkdown).toContain('1 commit older than the merge\\-base');
    for (const f of ['reportJson', 'commentMd', 'summaryMd', 'diffSvg', 'diffPng', 'flameSvg'] as const) {
      expect(existsSync(res.files[f] ?? ''), f).toBe(true);
    }
    expect(
      readFileSync(res.files.diffPng ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(JSON.parse(readFileSync(res.files.reportJson ?? '', 'utf8')).schema).toBe(1);
    expect(res.consoleText).toMatch(/FAIL[\s\S]*1\s+draw/);

    // A/A: the same code again passes.
    const aa = await runCheck(options(), ctx({}), deps());
    expect(aa.verdict).toBe('pass');
    expect(aa.regressions).toBe(0);
  });

  it('a corrupt stored profile stops the job before the workload runs, naming the file', async () => {
    const file = path.join(r.dir, `.flamediff/profiles/main/${r.c1}/run-2.folded.gz`);
    const good = readFileSync(file);
    writeFileSync(file, good.subarray(0, 20));
    const calls: RecordOptions[] = [];
    await expect(runCheck(options(), ctx({}), deps(calls))).rejects.toThrow(`${file}: corrupt or truncated`);
    expect(calls).toHaveLength(0);
    expect(readFileSync(file)).toEqual(good.subarray(0, 20));
    writeFileSync(file, good);
  });

  it('an unparsable history stops the job before the workload runs, naming the file, and is kept', async () => {
    const file = path.join(r.dir, '.flamediff/history/main.json');
    const good = readFileSync(file);
    writeFileSync(file, '{"schema": 1, "entries": [');
    const calls: RecordOptions[] = [];
    await expect(runCheck(options(), ctx({}), deps(calls))).rejects.toThrow(file);
    await expect(
      runCheck(options(), ctx({ headSha: r.c2, headRef: 'main', isBaseBranch: true }), deps(calls)),
    ).rejects.toThrow(file);
    expect(calls).toHaveLength(0);
    expect(readFileSync(file, 'utf8')).toBe('{"schema": 1, "entries": [');
    writeFileSync(file, good);
  });

  it('no baseline within the depth is stated', async () => {
    const res = await runCheck(options({ baselineDepth: 1 }), ctx({}), deps());
    expect(res.verdict).toBe('none');
    expect(res.baseline?.note).toContain(
      `no stored baseline among the 1 first-parent ancestors of the merge-base ${r.c2.slice(0, 7)}`,
    );
  });
});

describe('runCheck with the git store', () => {
  it('stores baseline and pull report on the data branch; the checkout is untouched', async () => {
    const r = repo();
    const status = sh(r.dir, 'status', '--porcelain');
    const opts = options({ store: 'git', outDir: path.join(r.dir, '..', 'out') });
    await runCheck(opts, { headSha: r.c2, headRef: 'main', isBaseBranch: true, cwd: r.dir }, deps());
    const res = await runCheck(
      opts,
      { headSha: r.c3, headRef: 'feature', isBaseBranch: false, cwd: r.dir, pullNumber: 7 },
      deps(),
    );
    expect(res.baseline?.sha).toBe(r.c2);
    expect(res.baseline?.note).toBeNull();
    expect(res.stored).toEqual(
      expect.arrayContaining([`pulls/7/${r.c3}/comment.md`, `pulls/7/${r.c3}/diff.png`]),
    );
    const files = sh(r.dir, 'ls-tree', '-r', '--name-only', 'origin/flamediff-data').split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        `profiles/main/${r.c2}/summary.json`,
        `pulls/7/${r.c3}/report.json`,
        'history/main.json',
        'store.json',
      ]),
    );
    expect(sh(r.dir, 'status', '--porcelain')).toBe(status);
    expect(sh(r.dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('feature');
  });
});

describe('baseline: rerun', () => {
  it('runs the merge-base in a temporary worktree, interleaved with the head, then removes it', async () => {
    const r = repo();
    let seen: { base: string; head: string; baseFile: string } | null = null;
    const res = await runCheck(
      options({ baseline: 'rerun' }),
      { headSha: r.c3, headRef: 'feature', isBaseBranch: false, cwd: r.dir },
      {
        record: async () => {
          throw new Error('not used');
        },
        recordInterleaved: async (o) => {
          seen = {
            base: o.base.cwd ?? '',
            head: o.head.cwd ?? '',
            baseFile: readFileSync(path.join(o.base.cwd ?? '', 'app.txt'), 'utf8'),
          };
          return { base: fakeResult(5, 0, o.base.command), head: fakeResult(5, 150, o.head.command) };
        },
      },
    );
    expect(seen).not.toBeNull();
    const s = seen as unknown as { base: string; head: string; baseFile: string };
    expect(s.baseFile).toBe('c2\n');
    expect(s.head).toBe(r.dir);
    expect(existsSync(s.base)).toBe(false);
    expect(sh(r.dir, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(res.baseline?.sha).toBe(r.c2);
    expect(res.verdict).toBe('fail');
    expect(res.commentMarkdown).toContain('interleaved on this machine');
  });
});

describe('bad setup', () => {
  it('a store from a newer flamediff is refused before running anything', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-pipe-'));
    roots.push(dir);
    const store = path.join(dir, '.flamediff');
    await new DirStore(store).update('x', async (tx) => tx.write('store.json', '{"schema":3}'));
    const calls: RecordOptions[] = [];
    await expect(
      runCheck(options(), { headSha: 'abc0', headRef: 'x', isBaseBranch: true, cwd: dir }, deps(calls)),
    ).rejects.toThrow(`${path.join(store, 'store.json')}: written by a newer flamediff (schema 3`);
    expect(calls).toHaveLength(0);
  });
});
