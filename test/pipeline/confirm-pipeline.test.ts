// Confirm before failing, through runCheck: a stored-baseline comparison that would fail re-measures
// the merge-base interleaved with the head (a real temporary git worktree; hand-built profiles
// instead of the workload), and fails only when that comparison shows the same regression.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, type FlamediffOptions } from '../../src/config/options.js';
import { type CheckContext, type CheckDeps, runCheck } from '../../src/pipeline/check.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';
import { fakeRecord, fakeResult } from './fake-recorder.js';

const remote = makeRemote();
afterAll(() => rmSync(remote.root, { recursive: true, force: true }));

const dir = remote.clone('confirm');
writeFileSync(path.join(dir, 'app.txt'), 'c2\n');
sh(dir, 'add', '.');
sh(dir, 'commit', '--quiet', '-m', 'c2');
sh(dir, 'push', '--quiet', 'origin', 'main');
const c2 = sh(dir, 'rev-parse', 'HEAD');
sh(dir, 'checkout', '--quiet', '-b', 'feature');
writeFileSync(path.join(dir, 'app.txt'), 'c3\n');
sh(dir, 'commit', '--quiet', '-am', 'c3');
const c3 = sh(dir, 'rev-parse', 'HEAD');

const options = (extra: Partial<FlamediffOptions> = {}): FlamediffOptions => ({
  ...defaultOptions(),
  command: ['fake-workload'],
  sampler: 'command',
  runs: 5,
  ...extra,
});
const ctx: CheckContext = { headSha: c3, headRef: 'feature', isBaseBranch: false, cwd: dir };

/** The head is slower (draw +150 samples) against the stored baseline; `interleavedSlow` for the re-measurement. */
function deps(interleavedSlow: number, seen: { base: string; file: string }[] = []): CheckDeps {
  return {
    record: async (o) => fakeResult(o.runs ?? 5, 150, o.command),
    recordInterleaved: async (o) => {
      const cwd = o.base.cwd ?? '';
      seen.push({ base: cwd, file: readFileSync(path.join(cwd, 'app.txt'), 'utf8') });
      return {
        base: fakeResult(5, 0, o.base.command),
        head: fakeResult(5, interleavedSlow, o.head.command),
      };
    },
  };
}

describe('confirm before failing', () => {
  it('records the baseline at the merge-base', async () => {
    const r = await runCheck(
      options(),
      { ...ctx, headSha: c2, headRef: 'main', isBaseBranch: true },
      {
        record: fakeRecord(),
        recordInterleaved: async () => {
          throw new Error('unused');
        },
      },
    );
    expect(r.mode).toBe('baseline');
  });

  it('confirm: never fails on the stored comparison alone', async () => {
    const seen: { base: string; file: string }[] = [];
    const r = await runCheck(options({ confirm: 'never' }), ctx, deps(0, seen));
    expect(r.verdict).toBe('fail');
    expect(seen).toEqual([]);
    expect(r.report?.confirmation).toBeUndefined();
  });

  it('auto: the interleaved re-measurement shows the same regression, so the check fails and says so', async () => {
    const seen: { base: string; file: string }[] = [];
    const r = await runCheck(options(), ctx, deps(150, seen));
    expect(seen).toHaveLength(1);
    expect(seen[0].file).toBe('c2\n');
    expect(r.verdict).toBe('fail');
    const json = JSON.parse(readFileSync(r.files.reportJson ?? '', 'utf8'));
    expect(json.confirmation).toMatchObject({
      mode: 'auto',
      outcome: 'confirmed',
      baseSha: c2,
      storedVerdict: 'fail',
    });
    expect(json.confirmation.confirmed).toContain('draw (draw.js)');
    expect(json.confirmation.seconds).toBeGreaterThanOrEqual(0);
    expect(r.commentMarkdown).toMatch(
      new RegExp(
        `\\*\\*Confirmed\\*\\* by the merge-base \`${c2.slice(0, 7)}\` re-measured interleaved with the head \\(5 \\+ 5 runs, [0-9.]+ s\\): \`draw \\(draw\\.js\\)\``,
      ),
    );
    expect(r.consoleText).toContain('Confirmed by the merge-base');
    expect(sh(dir, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('auto: the re-measurement does not show it, so the check passes and the stored change is inconclusive', async () => {
    const r = await runCheck(options(), ctx, deps(0));
    expect(r.verdict).toBe('pass');
    expect(r.regressions).toBe(0);
    expect(r.report?.confirmation?.outcome).toBe('not-confirmed');
    expect(r.report?.frames.find((f) => f.name === 'draw')?.status).toBe('inconclusive');
    expect(r.commentMarkdown).toContain('**Not confirmed** by the merge-base');
    expect(r.commentMarkdown.split('\n')[3]).toMatch(/^🟢 \*\*No gated regression\*\*/);
  });

  it('auto does not re-measure a passing comparison; always does', async () => {
    const seen: { base: string; file: string }[] = [];
    const pass: CheckDeps = { ...deps(0, seen), record: fakeRecord() };
    const a = await runCheck(options(), ctx, pass);
    expect(a.verdict).toBe('pass');
    expect(seen).toHaveLength(0);
    const b = await runCheck(options({ confirm: 'always' }), ctx, pass);
    expect(seen).toHaveLength(1);
    expect(b.verdict).toBe('pass');
    expect(b.report?.confirmation).toMatchObject({ mode: 'always', outcome: 'nothing-to-confirm' });
  });
});
