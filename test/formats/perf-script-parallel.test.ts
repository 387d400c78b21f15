import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import {
  collapsePart,
  collapsePerfFileParallel,
  type PartJob,
  type PartRunner,
} from '../../src/formats/perf-script-parallel.js';
import type { PerfCollapseOptions } from '../../src/formats/types.js';
import { writeFolded } from '../../src/profile/folded-writer.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'formats');
const dir = mkdtempSync(join(tmpdir(), 'fd-perf-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker run in this thread (vitest cannot start a worker on a .ts entry) that takes its
 * pieces at once, before this thread takes any: at most `pieces` of them, from the back.
 */
function workerTaking(pieces: number, jobs: PartJob[] = []): PartRunner {
  return (job) => {
    jobs.push(job);
    const r = collapsePart(job, pieces);
    return { result: Promise.resolve(r), stop: () => {} };
  };
}

/** A worker that starts after this thread has taken every piece: it must be stopped, not awaited. */
let lateStops = 0;
const lateWorker: PartRunner = (job) => {
  let stopped = false;
  const result = new Promise<ReturnType<typeof collapsePart>>((resolve, reject) =>
    setImmediate(() => (stopped ? reject(new Error('stopped')) : resolve(collapsePart(job)))),
  );
  return {
    result,
    stop: () => {
      stopped = true;
      lateStops++;
    },
  };
};

/** One pass over the file, as `flamediff collapse` does without threads. */
function sequential(path: string, options: PerfCollapseOptions) {
  const warnings: string[] = [];
  const p = importProfile(path, readFileSync(path), { perf: options, onWarning: (m) => warnings.push(m) });
  return { folded: writeFolded(p), warnings, meta: p.meta };
}

const PIECE = 3000; // bytes: the small test files are cut into many pieces

async function parallel(path: string, options: PerfCollapseOptions, runPart: PartRunner) {
  const warnings: string[] = [];
  const p = await collapsePerfFileParallel(
    path,
    path,
    options,
    { onWarning: (m) => warnings.push(m) },
    runPart,
    0,
    PIECE,
  );
  return p === undefined ? undefined : { folded: writeFolded(p), warnings, meta: p.meta };
}

/** The shipped perf fixtures one after another, `copies` times (two-events.perf filters the rest). */
function concat(name: string, files: string[], copies: number, between = ''): string {
  const path = join(dir, name);
  let text = '';
  for (let i = 0; i < copies; i++)
    for (const f of files) text += `${between}${readFileSync(join(FIXTURES, f), 'utf8').trimEnd()}\n\n`;
  writeFileSync(path, text);
  return path;
}

describe('perf script collapse on two threads', () => {
  const mixed = concat('mixed.perf', ['two-events.perf', 'busy.perf', 'dd.perf'], 3);
  const cpuClock = concat('cpu-clock.perf', ['busy.perf', 'dd.perf'], 4);
  // task-clock samples only after the first third: their warning comes from the worker's part.
  const lateEvent = concat('late-event.perf', ['busy.perf', 'dd.perf', 'two-events.perf'], 2);
  // `perf script --header` output concatenated: the last header's command and frequency win.
  const headers = concat('headers.perf', ['busy.perf', 'dd.perf'], 3, '');
  let n = 0;
  writeFileSync(
    headers,
    readFileSync(headers, 'utf8').replace(/^(\S.*cpu-clock:\s*\n)/gm, (line) =>
      n++ % 150 === 0
        ? `# cmdline : perf record -F ${99 + n}\n# event : name = cpu-clock, { sample_period, sample_freq } = ${99 + n}, freq = 1, x = 0\n${line}`
        : line,
    ),
  );
  const files = { mixed, cpuClock, lateEvent, headers };

  for (const [name, options] of [
    ['default options', {}],
    ['--all', { all: true }],
    ['--pid --tid --addrs', { pid: true, tid: true, addrs: true }],
    ['--event-filter cpu-clock', { eventFilter: 'cpu-clock' }],
  ] as const) {
    it(`gives the bytes, warning and metadata of one pass wherever the threads meet (${name})`, async () => {
      for (const [file, path] of Object.entries(files)) {
        const seq = sequential(path, options);
        const stops = lateStops;
        for (const runPart of [workerTaking(1), workerTaking(4), workerTaking(1000), lateWorker]) {
          const par = await parallel(path, options, runPart);
          expect(par, file).toBeDefined();
          expect(par?.folded, file).toBe(seq.folded);
          expect(par?.warnings, file).toEqual(seq.warnings);
          expect(par?.meta, file).toEqual({ ...seq.meta, source: undefined }); // the caller names it
        }
        expect(lateStops, 'the late worker is stopped, not waited for').toBe(stops + 1);
      }
    });
  }

  it('takes the filter warning from the worker part when the other event comes late', async () => {
    const seq = sequential(lateEvent, {});
    expect(seq.warnings).toEqual(['Filtering for events of type: task-clock']);
    const jobs: PartJob[] = [];
    const par = await parallel(lateEvent, {}, workerTaking(1000, jobs));
    expect(par?.warnings).toEqual(seq.warnings);
    expect(jobs[0].bounds.length).toBeGreaterThan(10);
  });

  it('has headers all through the headers file (the metadata compared above is the last one)', () => {
    const cmdlines = readFileSync(headers, 'utf8').match(/^# cmdline : .*$/gm) ?? [];
    expect(cmdlines.length).toBeGreaterThan(2);
    const seq = sequential(headers, {});
    expect(seq.meta.command).toBe(cmdlines[cmdlines.length - 1].slice('# cmdline : '.length));
    expect(seq.meta.intervalNs).toBe(Math.round(1e9 / Number(/-F (\d+)/.exec(seq.meta.command ?? '')?.[1])));
  });

  it('collapses the worker part itself when the worker fails', async () => {
    const failing: PartRunner = (job) => {
      collapsePart(job, 3); // takes its pieces, then dies
      return { result: Promise.reject(new Error('no worker')), stop: () => {} };
    };
    const par = await parallel(cpuClock, {}, failing);
    expect(par?.folded).toBe(sequential(cpuClock, {}).folded);
  });

  it('cuts the file at blank lines: every piece holds whole samples', async () => {
    const jobs: PartJob[] = [];
    await parallel(cpuClock, {}, workerTaking(2, jobs));
    const { bounds } = jobs[0];
    const text = readFileSync(cpuClock);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(text.length);
    for (let k = 1; k + 1 < bounds.length; k++) {
      expect(bounds[k]).toBeGreaterThan(bounds[k - 1]);
      expect(text.subarray(bounds[k] - 2, bounds[k]).toString()).toBe('\n\n');
    }
  });

  it('leaves small files, and files without an event in their head, to one pass', async () => {
    const path = join(dir, 'small.perf');
    writeFileSync(path, readFileSync(join(FIXTURES, 'busy.perf')));
    expect(await collapsePerfFileParallel(path, path, {}, {}, workerTaking(1))).toBeUndefined();
    const noEvent = join(dir, 'no-event.perf');
    writeFileSync(
      noEvent,
      'prog 12 \n\tabc main (/bin/prog)\n\nprog 12 \n\tabc main (/bin/prog)\n\n'.repeat(500),
    );
    expect(await collapsePerfFileParallel(noEvent, noEvent, {}, {}, workerTaking(1), 0, 100)).toBeUndefined();
  });
});
