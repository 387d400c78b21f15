// `flamediff check` end to end with perf on the shipped native example (compiled here), in a real
// git repository with the git store on a local bare remote: baseline on main, then the regression
// variant flagged with checksum_pass ranked first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/native/workload.c');

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

describe('flamediff check with perf on the native example, git store', () => {
  const remote = makeRemote();
  afterAll(() => rmSync(remote.root, { recursive: true, force: true }));
  const repo = remote.clone('native');
  copyFileSync(EXAMPLE, path.join(repo, 'workload.c'));
  execFileSync('cc', ['-O1', '-g', '-fno-omit-frame-pointer', '-o', 'workload', 'workload.c'], { cwd: repo });
  writeFileSync(path.join(repo, '.gitignore'), 'workload\nout/\n');
  const config = (env: string) =>
    [
      'command: ./workload',
      'sampler: perf',
      'runs: 3',
      // The regression is injected by this file's env, which a re-measurement of the merge-base
      // would share: confirm before failing is tested in e2e.test.ts, where the code changes.
      'confirm: never',
      'warmup: 0',
      'store: git',
      'env:',
      '  FLAMEDIFF_EXAMPLE_SCALE: "0.5"',
      env,
      '',
    ].join('\n');
  writeFileSync(path.join(repo, 'flamediff.yml'), config(''));
  sh(repo, 'add', '.');
  sh(repo, 'commit', '--quiet', '-m', 'native workload');
  sh(repo, 'push', '--quiet', 'origin', 'main');
  const mainSha = sh(repo, 'rev-parse', 'HEAD');

  it('records a baseline on the data branch, then flags checksum_pass first', async () => {
    const base = await cli(repo, 'check');
    expect(base.code, base.err).toBe(0);
    expect(sh(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data')).toContain(
      `profiles/main/${mainSha}/run-3.folded.gz`,
    );

    sh(repo, 'checkout', '--quiet', '-b', 'slow');
    writeFileSync(path.join(repo, 'flamediff.yml'), config('  FLAMEDIFF_EXAMPLE_REGRESSION: "1"'));
    sh(repo, 'commit', '--quiet', '-am', 'slower checksums');
    const r = await cli(repo, 'check', '--pull', '3');
    expect(r.code, r.err + r.out).toBe(1);
    const report = JSON.parse(readFileSync(path.join(repo, 'out/report.json'), 'utf8'));
    expect(report.frames.find((f: { rank: number | null }) => f.rank === 1).name).toBe('checksum_pass');
    expect(sh(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data')).toContain(
      `pulls/3/${sh(repo, 'rev-parse', 'HEAD')}/comment.md`,
    );
    expect(sh(repo, 'status', '--porcelain')).toBe('');
  });
});
