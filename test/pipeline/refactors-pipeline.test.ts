// Refactors through runCheck: the PR renames a function (a real git repository; profiles built to
// match each commit's code instead of running it). The stored baseline has `scoreTokens`, the head
// `rankTokens` at the same cost: the check passes and the comment says what was matched. Without
// the commit in the clone, the profiles are matched alone and the report says so.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, type FlamediffOptions } from '../../src/config/options.js';
import { type CheckContext, type CheckDeps, runCheck } from '../../src/pipeline/check.js';
import { Profile } from '../../src/profile/profile.js';
import type { RecordResult } from '../../src/sample/index.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';
import { fakeResult } from './fake-recorder.js';

const remote = makeRemote();
afterAll(() => rmSync(remote.root, { recursive: true, force: true }));

const SRC = `function tokenise(t) {\n  return t.split(' ');\n}\n\nfunction scoreTokens(ts) {\n  let s = 0;\n  for (const t of ts) s += t.length;\n  return s;\n}\n\nfunction main() {\n  return scoreTokens(tokenise('a b'));\n}\n`;

const dir = remote.clone('refactors');
writeFileSync(path.join(dir, 'workload.mjs'), SRC);
sh(dir, 'add', '.');
sh(dir, 'commit', '--quiet', '-m', 'workload');
sh(dir, 'push', '--quiet', 'origin', 'main');
const base = sh(dir, 'rev-parse', 'HEAD');
sh(dir, 'checkout', '--quiet', '-b', 'rename');
writeFileSync(path.join(dir, 'workload.mjs'), SRC.replaceAll('scoreTokens', 'rankTokens'));
sh(dir, 'commit', '--quiet', '-am', 'rename');
const head = sh(dir, 'rev-parse', 'HEAD');

/** Five runs of main -> tokenise (60%) and main -> `score` (`share`), 10k samples, small jitter. */
function recorded(score: string, share: number): RecordResult {
  const r = fakeResult(5, 0, ['node', 'workload.mjs']);
  r.profiles = r.profiles.map((_, i) => {
    const p = new Profile({ unit: 'samples', intervalNs: 1_000_000, sampler: 'test' });
    const main = { name: 'main', file: 'workload.mjs', line: 11, kind: 'js' as const };
    const j = ((i * 37) % 11) - 5;
    p.addFrames([main, { name: 'tokenise', file: 'workload.mjs', line: 1, kind: 'js' }], 6000 + j * 10);
    p.addFrames([main, { name: score, file: 'workload.mjs', line: 5, kind: 'js' }], share * 10000 - j * 7);
    p.addFrames([main], 4000 - share * 10000);
    return p;
  });
  return r;
}

const options = (): FlamediffOptions => ({
  ...defaultOptions(),
  command: ['node', 'workload.mjs'],
  sampler: 'command',
  runs: 5,
  confirm: 'never',
});
const deps = (rec: RecordResult): CheckDeps => ({
  record: async () => rec,
  recordInterleaved: async () => {
    throw new Error('unused');
  },
});
const ctx: CheckContext = { headSha: head, headRef: 'rename', isBaseBranch: false, cwd: dir };

describe('refactors in the check', () => {
  it('a pure rename passes; the comment names the pair and where it came from', async () => {
    await runCheck(
      options(),
      { ...ctx, headSha: base, headRef: 'main', isBaseBranch: true },
      deps(recorded('scoreTokens', 0.05)),
    );
    const r = await runCheck(options(), ctx, deps(recorded('rankTokens', 0.05)));
    expect(r.verdict).toBe('pass');
    expect(r.report?.renames).toEqual([
      {
        from: 'scoreTokens (workload.mjs)',
        to: 'rankTokens (workload.mjs)',
        how: 'renamed',
        source: 'git diff',
      },
    ]);
    expect(r.report?.frames.some((f) => f.status === 'new' || f.status === 'gone')).toBe(false);
    expect(r.commentMarkdown).toContain(
      '- `scoreTokens (workload.mjs)` → `rankTokens (workload.mjs)`: renamed (from the git diff)',
    );
  });

  it('a rename that grows: one regression under the new name, "renamed from" in its row', async () => {
    const r = await runCheck(options(), ctx, deps(recorded('rankTokens', 0.09)));
    expect(r.verdict).toBe('fail');
    const row = r.commentMarkdown.split('\n').find((l) => l.startsWith('| 1 |')) ?? '';
    expect(row).toContain('`rankTokens` (renamed from `scoreTokens (workload.mjs)`)');
    expect(r.commentMarkdown).not.toMatch(/\| `scoreTokens`/);
  });

  it('without the baseline commit in the clone: matched by the profiles, with a warning', async () => {
    // A baseline stored for a commit this clone does not have (another runner's shallow history).
    const missing = 'e'.repeat(40);
    await runCheck(
      options(),
      { ...ctx, headSha: missing, headRef: 'main', isBaseBranch: true },
      deps(recorded('scoreTokens', 0.05)),
    );
    const r = await runCheck(options(), { ...ctx, baselineSha: missing }, deps(recorded('rankTokens', 0.05)));
    expect(r.verdict).toBe('pass');
    expect(r.report?.renames?.[0]).toMatchObject({ to: 'rankTokens (workload.mjs)', source: 'profiles' });
    expect(r.report?.warnings.join('\n')).toMatch(
      /could not be read from the git diff \(commit eeeeeee is not in this clone .*\): frames were matched by file, line range and self cost instead/,
    );
  });
});
