// `flamediff demo` from any directory, with only node: writes out/ and prints the console report.
// (Detection itself is covered by e2e.test.ts; this keeps the run short.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the baseline and the regression variant and writes the report files', async () => {
  let out = '';
  let err = '';
  const code = await runCli(['demo', '--runs', '2', '--scale', '0.1', '--out', 'demo-out'], {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    isTTY: false,
    cwd: dir,
    env: process.env,
  });
  expect(code, err).toBe(0);
  for (const f of [
    'comment.md',
    'summary.md',
    'report.json',
    'diff.svg',
    'diff.png',
    'flamegraph.svg',
    'baseline/flamegraph.svg',
  ]) {
    expect(existsSync(path.join(dir, 'demo-out', f)), f).toBe(true);
  }
  expect(out).toMatch(/^flamediff: (PASS|FAIL)/m);
  expect(out).toContain('Measured: 2 base + 2 head runs, sampler node');
  expect(err).toContain('step 2/2, the injected-regression variant');
  expect(
    readFileSync(path.join(dir, 'demo-out/comment.md'), 'utf8').startsWith('<!-- flamediff:comment -->'),
  ).toBe(true);
  // Nothing is left in the working directory but the output.
  expect(existsSync(path.join(dir, '.flamediff'))).toBe(false);
});
