// runner-commands.ts speaks the runner's protocol without @actions/core (cold start): its bytes
// must be exactly what @actions/core writes for the same calls.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runnerIo } from '../../src/github/runner-commands.js';

function captureStdout(fn: () => void): string {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

const tricky = 'line 1\nline 2: 50% done, 100%25 \r ok';
const place = { file: 'src/a,b:c.ts', startLine: 12, title: 'regression #1 f: 10%' };

afterEach(() => {
  process.exitCode = undefined;
});

describe('runner protocol', () => {
  it('writes annotations, info, masks and failures byte for byte like @actions/core', () => {
    const mine = captureStdout(() => {
      const io = runnerIo({}, (s) => process.stdout.write(s));
      io.error(tricky, place);
      io.warning(tricky, { file: 'x.py', startLine: 3 });
      io.warning('plain');
      io.info(tricky);
      io.setSecret('ghs_abc%def');
      io.setFailed(tricky);
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    const theirs = captureStdout(() => {
      core.error(tricky, place);
      core.warning(tricky, { file: 'x.py', startLine: 3 });
      core.warning('plain');
      core.info(tricky);
      core.setSecret('ghs_abc%def');
      core.setFailed(tricky);
    });
    expect(mine).toBe(theirs);
  });

  it('reads inputs as the runner names them and writes outputs and the summary to their files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flamediff-runner-'));
    const out = path.join(dir, 'output');
    const sum = path.join(dir, 'summary');
    writeFileSync(out, '');
    writeFileSync(sum, '');
    const io = runnerIo({
      'INPUT_GITHUB-TOKEN': ' t0k ',
      INPUT_FAIL_ON: 'x',
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: sum,
    });
    expect(io.getInput('github-token')).toBe('t0k');
    expect(io.getInput('fail on')).toBe('x');
    expect(io.getInput('missing')).toBe('');
    io.setOutput('verdict', 'fail');
    io.setOutput('multi', 'a\nb');
    await io.writeSummary('## report\n');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(
      /^verdict<<(ghadelimiter_[0-9a-f-]+)\nfail\n\1\nmulti<<(ghadelimiter_[0-9a-f-]+)\na\nb\n\2\n$/,
    );
    expect(readFileSync(sum, 'utf8')).toBe('## report\n');
  });
});
