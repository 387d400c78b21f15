// `baseline: rerun` end to end with node --cpu-prof: the base commit runs from a temporary git
// worktree, interleaved with the head; frames of both checkouts match (paths are made relative to
// each checkout), the regression is ranked first, and the worktree is gone afterwards.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import { makeRemote, sh } from '../store/helpers/git-fixture.js';

const remote = makeRemote();
afterAll(() => rmSync(remote.root, { recursive: true, force: true }));

it('reruns the merge-base interleaved and flags the regression', async () => {
  const repo = remote.clone('rerun');
  copyFileSync(
    path.resolve(import.meta.dirname, '../../examples/node/workload.mjs'),
    path.join(repo, 'workload.mjs'),
  );
  // Interleaved runs compare time per frame, and this 2-vCPU VM changes speed up to 2x from one
  // run to the next (shares stay put): with 4 runs per side scoreTokens' 6x growth came out at
  // q = 7e-25 to 3e-2 against alpha 0.01 (a miss in 18 tries here, one in CI); with 6, q <= 2.4e-6 in 8.
  writeFileSync(
    path.join(repo, 'flamediff.yml'),
    'command: node workload.mjs\nsampler: node\nbaseline: rerun\nruns: 6\nwarmup: 0\nrate-hz: 2000\nenv: { FLAMEDIFF_EXAMPLE_SCALE: "0.6" }\n',
  );
  writeFileSync(path.join(repo, '.gitignore'), 'out/\n');
  sh(repo, 'add', '.');
  sh(repo, 'commit', '--quiet', '-m', 'workload');
  sh(repo, 'push', '--quiet', 'origin', 'main');
  const base = sh(repo, 'rev-parse', 'HEAD');
  sh(repo, 'checkout', '--quiet', '-b', 'slow');
  const src = readFileSync(path.join(repo, 'workload.mjs'), 'utf8');
  writeFileSync(
    path.join(repo, 'workload.mjs'),
    src.replace(/const REGRESSION = .*;/, 'const REGRESSION = true;'),
  );
  sh(repo, 'commit', '--quiet', '-am', 'slower');

  let out = '';
  let err = '';
  const code = await runCli(['check'], {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    cwd: repo,
    env: process.env,
  });
  expect(code, err + out).toBe(1);
  expect(err).toContain(`rerun: base ${base.slice(0, 7)} and head`);
  const report = JSON.parse(readFileSync(path.join(repo, 'out/report.json'), 'utf8'));
  const first = report.frames.find((f: { rank: number | null }) => f.rank === 1);
  expect(first.name).toMatch(/^scoreTokens?$/);
  expect(first.file).toBe('workload.mjs');
  expect(out).toContain('(interleaved here)');
  expect(sh(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
  expect(sh(repo, 'status', '--porcelain')).toBe('');
});
