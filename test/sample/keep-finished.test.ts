// `flamediff record` interrupted after some runs: the finished runs and their runs.json are kept,
// and the error says how many; an interleaved recording (half a pair) keeps nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { record } from '../../src/sample/record.js';
import { InterruptedError } from '../../src/sample/runner.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// A workload that writes a folded profile where the `command` sampler asks.
const WORKLOAD = ['sh', '-c', 'echo "main;work 50" > "$0"', '{profile}'];

describe('record interrupted', () => {
  it('keeps the finished runs and runs.json, and says how many', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'flamediff-keep-'));
    dirs.push(out);
    const ctl = new AbortController();
    let done = 0;
    const err = await record({
      sampler: 'command',
      command: WORKLOAD,
      runs: 5,
      warmup: 0,
      outDir: out,
      keepFinished: true,
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === 'done' && e.phase === 'run' && ++done === 2) ctl.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toMatch(/the 2 finished runs and runs\.json were kept in /);
    const runs = JSON.parse(readFileSync(path.join(out, 'runs.json'), 'utf8'));
    expect(runs.runs.map((r: { file: string }) => r.file)).toEqual(['run-1.folded', 'run-2.folded']);
    expect(existsSync(path.join(out, 'run-3.folded'))).toBe(false);
  });

  it('keeps nothing without keepFinished (the pipeline never stores part of a run set)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'flamediff-keep-'));
    dirs.push(out);
    const ctl = new AbortController();
    const err = await record({
      sampler: 'command',
      command: WORKLOAD,
      runs: 5,
      warmup: 0,
      outDir: out,
      signal: ctl.signal,
      onEvent: (e) => {
        if (e.type === 'done') ctl.abort();
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no runs were kept/);
    expect(existsSync(path.join(out, 'runs.json'))).toBe(false);
  });
});
