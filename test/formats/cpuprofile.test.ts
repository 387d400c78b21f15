import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { cpuprofileFormat } from '../../src/formats/cpuprofile.js';
import { importProfile } from '../../src/formats/index.js';
import type { ProfileInput } from '../../src/formats/types.js';
import { frameTotals, type Profile, writeFolded } from '../../src/profile/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/binary-formats');

function input(text: string, fileName = 'x.cpuprofile'): ProfileInput {
  const bytes = new TextEncoder().encode(text);
  return { fileName, bytes, text: () => text };
}

function importText(text: string, fileName = 'x.cpuprofile'): Profile {
  return cpuprofileFormat.import(input(text, fileName), {});
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

function inclusiveOf(p: Profile, name: string): number {
  const t = frameTotals(p);
  let sum = 0;
  for (let id = 0; id < p.frames.size; id++) if (p.frame(id).name === name) sum += t.inclusive[id];
  return sum;
}

const cf = (functionName: string, url = '', lineNumber = -1) => ({
  functionName,
  scriptId: '1',
  url,
  lineNumber,
  columnNumber: 0,
});

// Written to the format's grammar (Chrome DevTools protocol Profiler.Profile).
const CURRENT = {
  nodes: [
    { id: 1, callFrame: cf('(root)'), hitCount: 0, children: [2, 5, 6, 7] },
    { id: 2, callFrame: cf('main', 'file:///srv/app%20dir/main.js', 0), hitCount: 0, children: [3, 4] },
    { id: 3, callFrame: cf('', 'file:///srv/app%20dir/main.js', 9), hitCount: 2 },
    { id: 4, callFrame: cf('work', 'node:internal/x', 41), hitCount: 1 },
    { id: 5, callFrame: cf('(idle)'), hitCount: 1 },
    { id: 6, callFrame: cf('(garbage collector)'), hitCount: 1 },
    { id: 7, callFrame: cf('(program)'), hitCount: 0 },
  ],
  startTime: 1000,
  endTime: 6000,
  samples: [3, 3, 4, 5, 6],
  timeDeltas: [100, 1000, 1000, 1000, 1000],
};

const LEGACY = {
  head: {
    functionName: '(root)',
    url: '',
    lineNumber: -1,
    id: 1,
    hitCount: 0,
    children: [
      {
        functionName: 'main',
        url: 'file:///srv/app%20dir/main.js',
        lineNumber: 0,
        id: 2,
        hitCount: 0,
        children: [
          {
            functionName: '',
            url: 'file:///srv/app%20dir/main.js',
            lineNumber: 9,
            id: 3,
            hitCount: 2,
            children: [],
          },
          { functionName: 'work', url: 'node:internal/x', lineNumber: 41, id: 4, hitCount: 1, children: [] },
        ],
      },
      { functionName: '(idle)', url: '', lineNumber: -1, id: 5, hitCount: 1, children: [] },
      { functionName: '(garbage collector)', url: '', lineNumber: -1, id: 6, hitCount: 1, children: [] },
    ],
  },
  startTime: 0,
  endTime: 0,
  samples: [3, 3, 4, 5, 6],
  timestamps: [1000, 1100, 2100, 3100, 4100, 5100],
};

describe('cpuprofile importer', () => {
  it('turns nodes, samples and timeDeltas into weighted stacks in nanoseconds', () => {
    const p = importText(JSON.stringify(CURRENT));
    expect(p.meta.unit).toBe('nanoseconds');
    // Each sample lasts until the next; the last gets the median interval (1000 us).
    expect(writeFolded(p)).toBe(
      [
        '(garbage collector) 1000000',
        '(idle) 1000000',
        'main (/srv/app dir/main.js:1);(anonymous) (/srv/app dir/main.js:10) 2000000',
        'main (/srv/app dir/main.js:1);work (node:internal/x:42) 1000000',
        '',
      ].join('\n'),
    );
    expect(p.meta.intervalNs).toBe(1_000_000);
    expect(p.meta.durationNs).toBe(5_000_000);
    const kinds = Object.fromEntries(
      Array.from({ length: p.frames.size }, (_, i) => [p.frame(i).name, p.frame(i).kind]),
    );
    expect(kinds).toEqual({
      main: 'js',
      '(anonymous)': 'js',
      work: 'js',
      '(idle)': 'idle',
      '(garbage collector)': 'gc',
    });
  });

  it('reads the legacy head/timestamps form to the same stacks', () => {
    const legacy = importText(JSON.stringify(LEGACY));
    const current = importText(JSON.stringify(CURRENT));
    expect(writeFolded(legacy)).toBe(writeFolded(current));
    expect(legacy.meta.intervalNs).toBe(1_000_000);
  });

  it('falls back to sample counts without time deltas, and to hit counts without samples', () => {
    const noDeltas = importText(JSON.stringify({ ...CURRENT, timeDeltas: undefined }));
    expect(noDeltas.meta.unit).toBe('samples');
    expect(noDeltas.totalWeight()).toBe(5);
    const hits = importText(JSON.stringify({ nodes: CURRENT.nodes }));
    expect(hits.meta.unit).toBe('samples');
    expect(inclusiveOf(hits, 'main')).toBe(3);
  });

  it('imports a profile recorded here by node --cpu-prof (fixture)', () => {
    const file = join(FIXTURES, 'node-workload.cpuprofile');
    const p = importProfile(file, readFileSync(file));
    expect(p.meta.format).toBe('cpuprofile');
    const fib = p.frames.names.indexOf('fib');
    expect(fib).toBeGreaterThanOrEqual(0);
    expect(p.frame(fib)).toMatchObject({ kind: 'js', line: 2 });
    expect(p.frame(fib).file.endsWith('/workload.mjs')).toBe(true);
    expect(p.frame(fib).file.startsWith('file:')).toBe(false);
    // The workload ran for 200 ms: the sampled time must be close to the recorded duration.
    const total = p.totalWeight();
    expect(total).toBeGreaterThan(0.5 * p.meta.durationNs!);
    expect(total).toBeLessThan(1.5 * p.meta.durationNs!);
    expect(inclusiveOf(p, 'main')).toBeGreaterThan(0.5 * total);
  });

  it('imports a live node --cpu-prof run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamediff-cpuprof-'));
    execFileSync(process.execPath, [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      '--cpu-prof-name=run.cpuprofile',
      '--cpu-prof-interval=500',
      join(FIXTURES, 'workload.mjs'),
    ]);
    const file = join(dir, 'run.cpuprofile');
    const bytes = readFileSync(file);
    expect(cpuprofileFormat.is(input(bytes.toString('utf8'), 'renamed.json'))).toBe(true);
    const p = importProfile(file, bytes);
    expect(inclusiveOf(p, 'fib')).toBeGreaterThan(0);
    expect(inclusiveOf(p, 'sortNumbers')).toBeGreaterThan(0);
    expect(p.meta.intervalNs).toBeGreaterThan(100_000);
  });

  it('reads the CPU profile chunks of a Chrome performance trace recorded here by Chromium', () => {
    const file = join(FIXTURES, 'chrome-trace.json');
    const text = readFileSync(file, 'utf8');
    expect(cpuprofileFormat.is(input(text, 'trace.json'))).toBe(true);
    const p = importProfile(file, Buffer.from(text));
    expect(p.meta.format).toBe('cpuprofile');
    expect(p.meta.unit).toBe('nanoseconds');
    // The page ran fib() in a 300 ms busy loop.
    expect(inclusiveOf(p, 'busyLoop')).toBeGreaterThan(0.5 * p.totalWeight());
    expect(inclusiveOf(p, 'fib')).toBeGreaterThan(0);
    // The same events as a bare array (the older DevTools save format).
    const bareText = JSON.stringify(JSON.parse(text).traceEvents);
    expect(cpuprofileFormat.is(input(bareText, 'trace.json'))).toBe(true);
    const bare = cpuprofileFormat.import(input(bareText, 'trace.json'), {});
    expect(writeFolded(bare)).toBe(writeFolded(p));
  });

  it('builds trace profiles from chunks whose nodes name their parent', () => {
    const ev = (name: string, data: object) => ({
      name,
      ph: 'P',
      pid: 1,
      tid: 1,
      id: '0x1',
      ts: 0,
      args: { data },
    });
    const trace = [
      ev('Profile', { startTime: 0 }),
      ev('ProfileChunk', {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: cf('(root)') },
            { id: 2, callFrame: cf('main', 'https://x.test/app.js', 3), parent: 1 },
          ],
          samples: [2, 2],
        },
        timeDeltas: [10, 100],
      }),
      ev('ProfileChunk', {
        cpuProfile: {
          nodes: [{ id: 3, callFrame: cf('leaf', 'https://x.test/app.js', 9), parent: 2 }],
          samples: [3],
        },
        timeDeltas: [100],
      }),
    ];
    const p = importText(JSON.stringify({ traceEvents: trace }), 'trace.json');
    expect(writeFolded(p)).toBe(
      'main (https://x.test/app.js:4) 200000\nmain (https://x.test/app.js:4);leaf (https://x.test/app.js:10) 100000\n',
    );
    const none = errorOf(() =>
      importText(JSON.stringify({ traceEvents: [{ name: 'X', ph: 'X' }] }), 'trace.json'),
    );
    expect(none.message).toMatch(/^trace\.json: \$: no CPU profile in this trace/);
  });

  it('skips ProfileChunk events without args.data and merges two profiles of one trace', () => {
    const ev = (name: string, id: string, args: object) => ({
      name,
      ph: 'P',
      pid: 1,
      tid: 1,
      id,
      ts: 0,
      args,
    });
    const chunk = (id: string, fn: string) =>
      ev('ProfileChunk', id, {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: cf('(root)') },
              { id: 2, callFrame: cf(fn, 'https://x.test/app.js', 3), parent: 1 },
            ],
            samples: [2, 2],
          },
          timeDeltas: [10, 100],
        },
      });
    const trace = [
      ev('Profile', '0x1', { data: { startTime: 0 } }),
      chunk('0x1', 'main'),
      // Chrome 141 writes chunks like these (seen in speedscope's test data): no data, skipped.
      ev('ProfileChunk', '0x1', {}),
      ev('Profile', '0x2', {}),
      chunk('0x2', 'worker'),
    ];
    const p = importText(JSON.stringify({ traceEvents: trace }), 'trace.json');
    expect(writeFolded(p)).toBe(
      'main (https://x.test/app.js:4) 200000\nworker (https://x.test/app.js:4) 200000\n',
    );
  });

  it('sniffs V8 profiles by content and leaves other JSON alone', () => {
    expect(cpuprofileFormat.is(input(JSON.stringify(CURRENT)))).toBe(true);
    expect(cpuprofileFormat.is(input(JSON.stringify(LEGACY)))).toBe(true);
    expect(
      cpuprofileFormat.is(input('{"$schema":"https://www.speedscope.app/file-format-schema.json"}')),
    ).toBe(false);
    expect(cpuprofileFormat.is(input('main;work 1\n'))).toBe(false);
    expect(cpuprofileFormat.matchesName('a/b.cpuprofile')).toBe(true);
    expect(cpuprofileFormat.matchesName('a/b.json')).toBe(false);
  });

  it('rejects malformed input with one line naming the file and where', () => {
    const bad = errorOf(() => importText('{\n"nodes": [\n  {"id": 1,,}\n]}', 'bad.cpuprofile'));
    expect(bad).toBeInstanceOf(InputError);
    expect(bad.message).toMatch(
      /^bad\.cpuprofile:3: invalid JSON: .*\(expected a V8 \.cpuprofile object or a Chrome trace\)$/,
    );

    const unknown = errorOf(() => importText(JSON.stringify({ ...CURRENT, samples: [3, 99, 3, 3, 3] })));
    expect(unknown.message).toBe(
      'x.cpuprofile: $.samples[1]: unknown node id 99 (expected the id of a node)',
    );
    const deltas = errorOf(() => importText(JSON.stringify({ ...CURRENT, timeDeltas: [1, 2] })));
    expect(deltas.message).toBe(
      'x.cpuprofile: $.timeDeltas: 2 time deltas for 5 samples (expected one per sample)',
    );
    const frame = errorOf(() => importText(JSON.stringify({ nodes: [{ id: 1, callFrame: 'x' }] })));
    expect(frame.message).toBe(
      'x.cpuprofile: $.nodes[0].callFrame: found the string "x" (expected an object)',
    );
    const cycle = errorOf(() =>
      importText(
        JSON.stringify({
          nodes: [
            { id: 1, callFrame: cf('a'), children: [2] },
            { id: 2, callFrame: cf('b'), children: [1] },
          ],
          samples: [1],
        }),
      ),
    );
    expect(cycle.message).toMatch(/expected a tree/);
    for (const err of [bad, unknown, deltas, frame, cycle]) expect(err.message).not.toContain('\n');
  });

  it('says "no samples in FILE" for an empty profile', () => {
    const only = { nodes: [{ id: 1, callFrame: cf('(root)'), hitCount: 0 }], samples: [], timeDeltas: [] };
    expect(() => importText(JSON.stringify(only), 'empty.cpuprofile')).toThrow(
      /^no samples in empty\.cpuprofile$/,
    );
  });
});

describe('cpuprofile importer on malformed JSON structure (property)', () => {
  it('either imports or throws a one-line InputError, never anything else', () => {
    const paths: Array<(doc: Record<string, unknown>, v: unknown) => void> = [
      (d, v) => (d.nodes = v),
      (d, v) => (d.samples = v),
      (d, v) => (d.timeDeltas = v),
      (d, v) => (d.startTime = v),
      (d, v) => ((d.nodes as Array<Record<string, unknown>>)[1].callFrame = v),
      (d, v) => ((d.nodes as Array<Record<string, unknown>>)[1].children = v),
      (d, v) => ((d.nodes as Array<Record<string, unknown>>)[2].id = v),
      (d, v) => ((d.samples as unknown[])[0] = v),
      (d, v) => ((d.timeDeltas as unknown[])[0] = v),
      (d, v) =>
        (((d.nodes as Array<Record<string, unknown>>)[1].callFrame as Record<string, unknown>).url = v),
    ];
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (which, value) => {
        const doc = JSON.parse(JSON.stringify(CURRENT));
        paths[which](doc, value);
        try {
          importText(JSON.stringify(doc), 'fuzz.cpuprofile');
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.message).not.toContain('\n');
        }
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
