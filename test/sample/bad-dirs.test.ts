// A working directory that does not exist, a file where the output directory should be, a misspelt
// sampler switch: a one-line UserError before any run (not "node is not on PATH", not a stack trace,
// not a switch silently ignored).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { record } from '../../src/sample/index.js';
import { tempDir } from './helpers.js';

describe('record: bad directories', () => {
  it('a missing working directory is named as such, not as a missing sampler', async () => {
    const dir = await tempDir();
    const cwd = path.join(dir, 'nope');
    const err = await record({
      sampler: 'node',
      command: ['node', '-e', '1'],
      cwd,
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${cwd}: does not exist (expected the working directory of the workload)`);
  });

  it('an output directory that is a file', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFile(out, 'mine');
    const err = await record({
      sampler: 'command',
      command: ['sh', '-c', 'printf "main 1\\n" > "$FLAMEDIFF_PROFILE_OUT"'],
      cwd: dir,
      runs: 1,
      warmup: 0,
      outDir: out,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(`${out}: cannot create the output directory (a file is in the way)`);
  });

  it('a sampler switch the sampler does not know', async () => {
    const dir = await tempDir();
    const opts = { command: ['true'], cwd: dir, runs: 1, warmup: 0, outDir: path.join(dir, 'out') };
    await expect(record({ ...opts, sampler: 'perf', samplerOptions: { dwraf: true } })).rejects.toThrow(
      "unknown sampler option 'dwraf' for perf (expected one of dwarf, event, perf)",
    );
    await expect(record({ ...opts, sampler: 'command', samplerOptions: { x: '1' } })).rejects.toThrow(
      "unknown sampler option 'x' for command (expected none: it has no options)",
    );
  });

  it('a rate for a sampler that cannot apply one (go, command) is an error, not a number in runs.json', async () => {
    const dir = await tempDir();
    const opts = {
      command: ['true'],
      cwd: dir,
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
      rateHz: 500,
    };
    await expect(record({ ...opts, sampler: 'command' })).rejects.toThrow(
      "the command sampler cannot set a sampling rate (the workload's own profiler decides it); leave the rate out",
    );
    await expect(record({ ...opts, sampler: 'go' })).rejects.toThrow(
      'the go sampler cannot set a sampling rate',
    );
  });
});
