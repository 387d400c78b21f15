// `flamediff check` as a user runs it: from a subdirectory of the repository, with --head-sha.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import type { Io } from '../../src/commands/command.js';
import { sh } from '../store/helpers/git-fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function io(cwd: string) {
  const err: string[] = [];
  return {
    err,
    io: {
      stdout: () => {},
      stderr: (t: string) => err.push(t),
      isTTY: false,
      cwd,
      env: process.env,
    } satisfies Io,
  };
}

/** A repository whose flamediff.yml runs a workload that writes a fixed folded profile. */
function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-check-cmd-'));
  roots.push(dir);
  sh(dir, 'init', '--quiet', '-b', 'main');
  writeFileSync(path.join(dir, 'w.sh'), 'printf "main;a 50\\nmain;b 30\\n" > "$FLAMEDIFF_PROFILE_OUT"\n');
  writeFileSync(path.join(dir, 'flamediff.yml'), 'command: sh w.sh\nsampler: command\nruns: 2\nwarmup: 0\n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'keep.txt'), '');
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '--quiet', '-m', 'one');
  return dir;
}

describe('flamediff check', () => {
  it('from a subdirectory: flamediff.yml, the store and the workload are at the repository root', async () => {
    const dir = repo();
    const t = io(path.join(dir, 'sub'));
    expect(await runCli(['check'], t.io)).toBe(0);
    const sha = sh(dir, 'rev-parse', 'HEAD');
    expect(existsSync(path.join(dir, '.flamediff', 'profiles', 'main', sha, 'runs.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'flamegraph.svg'))).toBe(true);
    expect(existsSync(path.join(dir, 'sub', '.flamediff'))).toBe(false);
  });

  it('--out is relative to where it was typed', async () => {
    const dir = repo();
    expect(await runCli(['check', '--out', 'here'], io(path.join(dir, 'sub')).io)).toBe(0);
    expect(existsSync(path.join(dir, 'sub', 'here', 'flamegraph.svg'))).toBe(true);
  });

  it('--head-sha is resolved to the full commit id; an unknown one is an error that stores nothing', async () => {
    const dir = repo();
    const sha = sh(dir, 'rev-parse', 'HEAD');
    const bad = io(dir);
    expect(await runCli(['check', '--head-sha', 'deadbeef', '--head-ref', 'main'], bad.io)).toBe(2);
    expect(bad.err.join('')).toBe(
      `flamediff check: --head-sha 'deadbeef' is not a commit in ${dir} (expected a commit id or ref that exists here; fetch it first)\n`,
    );
    expect(existsSync(path.join(dir, '.flamediff'))).toBe(false);
    expect(await runCli(['check', '--head-sha', sha.slice(0, 7), '--head-ref', 'main'], io(dir).io)).toBe(0);
    expect(existsSync(path.join(dir, '.flamediff', 'profiles', 'main', sha, 'runs.json'))).toBe(true);
  });

  it('an unknown --base-ref is an error, not a silent fallback to the latest baseline', async () => {
    const dir = repo();
    const t = io(dir);
    expect(await runCli(['check', '--base-ref', 'origin/mian'], t.io)).toBe(2);
    expect(t.err.join('')).toBe(
      `flamediff check: --base-ref 'origin/mian' is not a commit or ref in ${dir} (expected e.g. origin/main; fetch it first)\n`,
    );
  });
});
