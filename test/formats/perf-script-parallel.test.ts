import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import {
  collapsePart,
  collapsePerfFileParallel,
  type PartRunner,
} from '../../src/formats/perf-script-parallel.js';
import type { PerfCollapseOptions } from '../../src/formats/types.js';
import { writeFolded } from '../../src/profile/folded-writer.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'formats');
const dir = mkdtempSync(join(tmpdir(), 'fd-perf-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The part collapsed in this thread (vitest cannot start a worker on a .ts entry). */
const inThread: PartRunner = async (job) => collapsePart(job);

/** One pass over the file, as `flamediff collapse` does without threads. */
function sequential(path: string, options: PerfCollapseOptions): { folded: string; warnings: string[] } {
  const warnings: string[] = [];
  const p = importProfile(path, readFileSync(path), { perf: options, onWarning: (m) => warnings.push(m) });
  return { folded: writeFolded(p), warnings };
}

async function parallel(path: string, options: PerfCollapseOptions, runPart = inThread) {
  const warnings: string[] = [];
  const p = await collapsePerfFileParallel(
    path,
    path,
    options,
    { onWarning: (m) => warnings.push(m) },
    runPart,
    0,
  );
  return p === undefined ? undefined : { folded: writeFolded(p), warnings, meta: p.meta };
}

/** The shipped perf fixtures one after another, `copies` times (two-events.perf filters the rest). */
function concat(name: string, files: string[], copies: number): string {
  const path = join(dir, name);
  let text = '';
  for (let i = 0; i < copies; i++)
    for (const f of files) text += `${readFileSync(join(FIXTURES, f), 'utf8').trimEnd()}\n\n`;
  writeFileSync(path, text);
  return path;
}

describe('perf script collapse on two threads', () => {
  const mixed = concat('mixed.perf', ['two-events.perf', 'busy.perf', 'dd.perf'], 3);
  const cpuClock = concat('cpu-clock.perf', ['busy.perf', 'dd.perf'], 4);

  for (const [name, options] of [
    ['default options', {}],
    ['--all', { all: true }],
    ['--pid --tid --addrs', { pid: true, tid: true, addrs: true }],
    ['--event-filter cpu-clock', { eventFilter: 'cpu-clock' }],
  ] as const) {
    it(`gives the bytes and the warning of one pass (${name})`, async () => {
      for (const path of [mixed, cpuClock]) {
        const par = await parallel(path, options);
        const seq = sequential(path, options);
        expect(par).toBeDefined();
        expect(par?.folded).toBe(seq.folded);
        expect(par?.warnings).toEqual(seq.warnings);
        const one = importProfile(path, readFileSync(path), { perf: options });
        expect(par?.meta.unit).toBe(one.meta.unit);
        expect(par?.meta.extra).toEqual(one.meta.extra);
      }
    });
  }

  it('filters by the first event of the file in the second part too', async () => {
    const par = await parallel(mixed, {});
    expect(par?.warnings.length).toBe(1);
    expect(par?.folded).toBe(sequential(mixed, {}).folded);
    expect(sequential(mixed, {}).warnings[0]).toMatch(/Filtering for events of type/);
  });

  it('collapses the second part itself when the worker fails', async () => {
    const failing: PartRunner = async () => {
      throw new Error('no worker');
    };
    const par = await parallel(cpuClock, {}, failing);
    expect(par?.folded).toBe(sequential(cpuClock, {}).folded);
  });

  it('cuts the file at a blank line: both parts hold whole samples', async () => {
    const jobs: { start: number; end: number }[] = [];
    const spy: PartRunner = async (job) => {
      jobs.push(job);
      return collapsePart(job);
    };
    await parallel(cpuClock, {}, spy);
    expect(jobs).toHaveLength(1);
    const text = readFileSync(cpuClock);
    expect(text.subarray(jobs[0].start - 2, jobs[0].start).toString()).toBe('\n\n');
    expect(jobs[0].end).toBe(statSync(cpuClock).size);
  });

  it('leaves small files, and files without an event in their head, to one pass', async () => {
    const path = join(dir, 'small.perf');
    writeFileSync(path, readFileSync(join(FIXTURES, 'busy.perf')));
    expect(await collapsePerfFileParallel(path, path, {}, {}, inThread)).toBeUndefined();
    const noEvent = join(dir, 'no-event.perf');
    writeFileSync(noEvent, 'prog 12 \n\tabc main (/bin/prog)\n\nprog 12 \n\tabc main (/bin/prog)\n\n');
    expect(await collapsePerfFileParallel(noEvent, noEvent, {}, {}, inThread, 0)).toBeUndefined();
  });
});
