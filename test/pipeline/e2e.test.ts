// `flamediff check` end to end with a real sampler (node --cpu-prof) on the shipped Node example,
// in a real git repository: baseline on main, the regression variant flagged with the right frame
// first, an A/A change passing, and a failing workload recording nothing.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/node/workload.mjs');

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    cwd,
    env: process.env,
  });
  return { code, out, err };
}

describe('flamediff check with node --cpu-prof on the example', () => {
  const remote = makeRemote();
  afterAll(() => rmSync(remote.root, { recursive: true, force: true }));
  const repo = remote.clone('app');
  copyFileSync(EXAMPLE, path.join(repo, 'workload.mjs'));
  writeFileSync(
    path.join(repo, 'flamediff.yml'),
    [
      'command: node workload.mjs',
      'sampler: node',
      'runs: 6',
      'warmup: 0',
      'rate-hz: 2000',
      'env:',
      '  FLAMEDIFF_EXAMPLE_SCALE: "0.8"',
      '',
    ].join('\n'),
  );
  sh(repo, 'add', '.');
  sh(repo, 'commit', '--quiet', '-m', 'add workload');
  sh(repo, 'push', '--quiet', 'origin', 'main');
  const mainSha = sh(repo, 'rev-parse', 'HEAD');

  it('records a baseline on main', async () => {
    const r = await cli(repo, 'check');
    expect(r.err).not.toContain('internal error');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`recorded baseline ${mainSha.slice(0, 7)} for main`);
    const dir = path.join(repo, `.flamediff/profiles/main/${mainSha}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'flamegraph.svg',
        'runs.json',
        'summary.json',
        'run-1.folded.gz',
        'run-6.folded.gz',
      ]),
    );
    expect(files.filter((f) => f.startsWith('run-'))).toHaveLength(6);
  });

  it('flags the injected regression with the scoring function ranked first (exit 1)', async () => {
    sh(repo, 'checkout', '--quiet', '-b', 'slow');
    const src = readFileSync(path.join(repo, 'workload.mjs'), 'utf8');
    writeFileSync(
      path.join(repo, 'workload.mjs'),
      src.replace(/const REGRESSION = .*;/, 'const REGRESSION = true;'),
    );
    sh(repo, 'commit', '--quiet', '-am', 'slower scoring');
    const r = await cli(repo, 'check', '--out', 'out-slow');
    expect(r.code, r.err + r.out).toBe(1);
    const report = JSON.parse(readFileSync(path.join(repo, 'out-slow/report.json'), 'utf8'));
    expect(report.verdict).toBe('fail');
    const first = report.frames.find((f: { rank: number | null }) => f.rank === 1);
    // The example's scoring function (named scoreToken or scoreTokens as the example evolves).
    expect(first.name).toMatch(/^scoreTokens?$/);
    const comment = readFileSync(path.join(repo, 'out-slow/comment.md'), 'utf8');
    expect(comment.startsWith('<!-- flamediff:comment -->')).toBe(true);
    expect(comment).toMatch(/\| 1 \| `scoreTokens?` \| `workload\.mjs:\d+` \|/);
    expect(existsSync(path.join(repo, 'out-slow/diff.png'))).toBe(true);
    expect(r.out).toMatch(/FAIL[\s\S]*1\s+scoreTokens?\s+workload\.mjs:\d+/);
    // confirm: auto (default) re-measured the merge-base interleaved with the head before failing.
    expect(report.confirmation).toMatchObject({ mode: 'auto', outcome: 'confirmed', baseSha: mainSha });
    expect(report.confirmation.confirmed).toContain(first.key);
    expect(comment).toMatch(/\*\*Confirmed\*\* by the merge-base `[0-9a-f]{7}` re-measured interleaved/);
    expect(sh(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  }, 240_000);

  it('passes an A/A change (exit 0)', async () => {
    sh(repo, 'checkout', '--quiet', '-b', 'same', mainSha);
    writeFileSync(path.join(repo, 'NOTES.md'), 'docs only\n');
    sh(repo, 'add', 'NOTES.md');
    sh(repo, 'commit', '--quiet', '-m', 'docs');
    const r = await cli(repo, 'check', '--out', 'out-same');
    expect(r.code, r.err + r.out).toBe(0);
    const report = JSON.parse(readFileSync(path.join(repo, 'out-same/report.json'), 'utf8'));
    expect(report.verdict).toBe('pass');
  });

  it('a failing workload exits 2 and records no baseline', async () => {
    sh(repo, 'checkout', '--quiet', 'main');
    writeFileSync(
      path.join(repo, 'flamediff.yml'),
      readFileSync(path.join(repo, 'flamediff.yml'), 'utf8').replace(
        'env:',
        'env:\n  FLAMEDIFF_EXAMPLE_FAIL: "1"',
      ),
    );
    sh(repo, 'commit', '--quiet', '-am', 'break it');
    const sha = sh(repo, 'rev-parse', 'HEAD');
    const r = await cli(repo, 'check');
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    expect(existsSync(path.join(repo, `.flamediff/profiles/main/${sha}`))).toBe(false);
    const index = JSON.parse(readFileSync(path.join(repo, '.flamediff/profiles/main/index.json'), 'utf8'));
    expect(index.baselines.map((b: { sha: string }) => b.sha)).toEqual([mainSha]);
  });

  it('bad configuration exits 2 with the file and line', async () => {
    writeFileSync(path.join(repo, 'bad.yml'), 'command: node workload.mjs\nrunz: 3\n');
    const r = await cli(repo, 'check', '--config', 'bad.yml');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(repo, 'bad.yml')}:2: unknown key 'runz' (did you mean 'runs'?)`);
  });
});
