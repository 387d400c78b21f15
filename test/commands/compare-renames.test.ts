// `flamediff compare` on two folders has no git history: a renamed function is matched by file,
// line range and self cost, compared as one frame, and the report says how it was matched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';

const dir = mkdtempSync(join(tmpdir(), 'flamediff-compare-renames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function side(name: string, score: string, line: number): void {
  mkdirSync(join(dir, name));
  for (let i = 0; i < 5; i++) {
    const j = ((i * 37) % 11) - 5;
    writeFileSync(
      join(dir, name, `run-${i + 1}.folded`),
      [
        `main (workload.mjs:11);tokenise (workload.mjs:1) ${6000 + j * 10}`,
        `main (workload.mjs:11);${score} (workload.mjs:${line}) ${500 - j * 7}`,
        `main (workload.mjs:11) ${3500 - j * 3}`,
        '',
      ].join('\n'),
    );
  }
}

it('matches a rename without git and says so', async () => {
  side('base', 'scoreTokens', 5);
  side('head', 'rankTokens', 6);
  let out = '';
  const code = await runCli(['compare', '--base', 'base', '--head', 'head', '--format', 'json'], {
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
    isTTY: false,
    cwd: dir,
    env: {},
  });
  expect(code).toBe(0);
  const r = JSON.parse(out);
  expect(r.verdict).toBe('pass');
  expect(r.renames).toEqual([
    {
      from: 'scoreTokens (workload.mjs)',
      to: 'rankTokens (workload.mjs)',
      how: 'renamed',
      source: 'profiles',
    },
  ]);
  expect(r.warnings.join('\n')).toContain(
    'Without git history, frames were matched by file, line range and self cost',
  );
});
