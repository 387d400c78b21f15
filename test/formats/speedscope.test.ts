import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importProfile } from '../../src/formats/index.js';
import { speedscopeFormat } from '../../src/formats/speedscope.js';
import { exportToSpeedscope } from '../../src/formats/speedscope-export.js';
import type { ImportOptions, ProfileInput } from '../../src/formats/types.js';
import { FRAME_KINDS, type FrameInit, Profile, type Unit, writeFolded } from '../../src/profile/index.js';
import { expectGolden } from '../support/golden.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/binary-formats');

function input(text: string, fileName = 'x.speedscope.json'): ProfileInput {
  return { fileName, bytes: new TextEncoder().encode(text), text: () => text };
}

function load(text: string, opts: ImportOptions = {}, fileName = 'x.speedscope.json'): Profile {
  return speedscopeFormat.import(input(text, fileName), opts);
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

/** Profile content independent of frame ids and insertion order. */
function canonical(p: Profile): string[] {
  const out: string[] = [];
  p.forEachStack((ids, w) => {
    out.push(`${JSON.stringify(Array.from(ids, (id) => p.frame(id)))} ${w}`);
  });
  return out.sort();
}

const doc = (profiles: unknown[], frames = [{ name: 'A' }, { name: 'B' }]) =>
  JSON.stringify({
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    shared: { frames },
    profiles,
  });
const evented = (events: Array<[string, number, number]>) => ({
  type: 'evented',
  name: 'p1',
  unit: 'none',
  startValue: 0,
  endValue: 100,
  events: events.map(([type, frame, at]) => ({ type, frame, at })),
});

describe('speedscope importer', () => {
  it('merges evented and sampled profiles, converting units to nanoseconds', () => {
    const text = readFileSync(join(FIXTURES, 'evented.speedscope.json'), 'utf8');
    const p = load(text);
    expect(p.meta.unit).toBe('nanoseconds');
    expect(writeFolded(p)).toBe(
      [
        'main (app/main.py:1) 3000000',
        'main (app/main.py:1);load (app/load.py:7) 2500000',
        'main (app/main.py:1);load (app/load.py:7);do_syscall_64_[k] 500000',
        'main (app/main.py:1);parse 10000000',
        '',
      ].join('\n'),
    );
    const kinds = Array.from(
      { length: p.frames.size },
      (_, i) => `${p.frame(i).name}:${p.frame(i).kind}`,
    ).sort();
    expect(kinds).toEqual(['do_syscall_64:kernel', 'load:python', 'main:python', 'parse:other']);
    expect(p.meta.extra?.profiles).toBe('MainThread, worker');
  });

  it('selects one profile by name or index', () => {
    const text = readFileSync(join(FIXTURES, 'evented.speedscope.json'), 'utf8');
    expect(load(text, { sampleType: 'worker' }).totalWeight()).toBe(6_000_000);
    expect(load(text, { sampleType: '0' }).totalWeight()).toBe(10_000_000);
    expect(errorOf(() => load(text, { sampleType: 'nope' })).message).toBe(
      'x.speedscope.json: $.profiles: no profile named "nope" (expected a name or index: "MainThread", "worker")',
    );
  });

  it('rejects out-of-order, badly nested and unclosed events with one clear line', () => {
    const nested = errorOf(() =>
      load(
        doc([
          evented([
            ['O', 1, 2],
            ['O', 0, 2],
            ['C', 1, 4],
          ]),
        ]),
      ),
    );
    expect(nested).toBeInstanceOf(InputError);
    expect(nested.message).toBe(
      'x.speedscope.json: $.profiles[0].events[2]: frame 1 (B) closed while frame 0 (A) is still open inside it (expected properly nested events)',
    );
    const unclosed = errorOf(() => load(doc([evented([['O', 0, 0]])])));
    expect(unclosed.message).toBe(
      'x.speedscope.json: $.profiles[0].events: frame 0 (A) opened at 0 is never closed (expected a C event for every O event)',
    );
    const backwards = errorOf(() =>
      load(
        doc([
          evented([
            ['O', 0, 5],
            ['C', 0, 3],
          ]),
        ]),
      ),
    );
    expect(backwards.message).toBe(
      "x.speedscope.json: $.profiles[0].events[1].at: time 3 is before the previous event's 5 (expected events in time order)",
    );
    const index = errorOf(() =>
      load(doc([{ type: 'sampled', name: 's', unit: 'none', samples: [[0, 7]], weights: [1] }])),
    );
    expect(index.message).toBe(
      'x.speedscope.json: $.profiles[0].samples[0][1]: frame index 7 (expected an integer from 0 to 1)',
    );
    const unit = errorOf(() =>
      load(doc([{ type: 'sampled', name: 's', unit: 'furlongs', samples: [], weights: [] }])),
    );
    expect(unit.message).toMatch(/\$\.profiles\[0\]\.unit: unknown unit "furlongs"/);
    const mixed = errorOf(() =>
      load(
        doc([
          { type: 'sampled', name: 'a', unit: 'bytes', samples: [[0]], weights: [1] },
          { type: 'sampled', name: 'b', unit: 'seconds', samples: [[0]], weights: [1] },
        ]),
      ),
    );
    expect(mixed.message).toMatch(
      /\$\.profiles\[1\]\.unit: unit nanoseconds differs from the first profile's bytes/,
    );
    const json = errorOf(() => load('{\n  "shared": {,\n}', {}, 'broken.json'));
    expect(json.message).toMatch(/^broken\.json:2: invalid JSON: .*\(expected a speedscope JSON file\)$/);
    for (const e of [nested, unclosed, backwards, index, unit, mixed, json])
      expect(e.message).not.toContain('\n');
  });

  it('says "no samples in FILE" when nothing has weight', () => {
    expect(() =>
      load(doc([{ type: 'sampled', name: 's', unit: 'none', samples: [], weights: [] }]), {}, 'e.json'),
    ).toThrow(/^no samples in e\.json$/);
  });

  it('sniffs the $schema and leaves other JSON alone', () => {
    expect(speedscopeFormat.is(input(doc([])))).toBe(true);
    expect(speedscopeFormat.is(input('{"nodes":[{"id":1,"callFrame":{}}]}'))).toBe(false);
    expect(speedscopeFormat.is(input('main;a 1\n'))).toBe(false);
    expect(speedscopeFormat.matchesName('out/profile.speedscope.json')).toBe(true);
  });
});

describe('speedscope export', () => {
  function sample(): Profile {
    const p = new Profile({ unit: 'nanoseconds', intervalNs: 1_000_000, sampler: 'v8', source: 'run-1' });
    p.addFrames(
      [
        { name: 'main', file: 'app.js', line: 1, kind: 'js' },
        { name: 'work', file: 'app.js', line: 9, kind: 'js' },
      ],
      3000,
    );
    p.addFrames(
      [
        { name: 'main', file: 'app.js', line: 1, kind: 'js' },
        { name: '(garbage collector)', kind: 'gc' },
      ],
      500,
    );
    p.addFrames([{ name: 'memcpy', module: 'libc.so.6', kind: 'native' }], 250.5);
    return p;
  }

  it('writes speedscope JSON that speedscope and our importer read back', () => {
    const json = exportToSpeedscope(sample());
    const doc = JSON.parse(json);
    expect(doc.$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(doc.profiles[0]).toMatchObject({
      type: 'sampled',
      unit: 'nanoseconds',
      startValue: 0,
      endValue: 3750.5,
    });
    expect(doc.profiles[0].samples.length).toBe(doc.profiles[0].weights.length);
    const back = importProfile('back.speedscope.json', new TextEncoder().encode(json));
    expect(canonical(back)).toEqual(canonical(sample()));
    expect(back.meta).toMatchObject({ unit: 'nanoseconds', intervalNs: 1_000_000, sampler: 'v8' });
  });

  it('gives the same bytes whatever order the stacks were added in (golden file)', () => {
    const a = sample();
    const b = new Profile({ unit: 'nanoseconds', intervalNs: 1_000_000, sampler: 'v8', source: 'run-1' });
    b.addFrames([{ name: 'memcpy', module: 'libc.so.6', kind: 'native' }], 250.5);
    b.addFrames(
      [
        { name: 'main', file: 'app.js', line: 1, kind: 'js' },
        { name: '(garbage collector)', kind: 'gc' },
      ],
      500,
    );
    b.addFrames(
      [
        { name: 'main', file: 'app.js', line: 1, kind: 'js' },
        { name: 'work', file: 'app.js', line: 9, kind: 'js' },
      ],
      3000,
    );
    const json = exportToSpeedscope([a], 'golden');
    expect(exportToSpeedscope([b], 'golden')).toBe(json);
    expectGolden(join(FIXTURES, 'golden-export.speedscope.json'), json);
  });

  const UNITS: Unit[] = ['samples', 'nanoseconds', 'microseconds', 'bytes', 'count'];
  const frameArb: fc.Arbitrary<FrameInit> = fc.record({
    name: fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('a;b', 'f_[k]', 'x (y.py:3)', '(idle)', '🔥'),
    ),
    file: fc.constantFrom('', 'app.py', 'lib/x.js', 'main.go', 'weird;file'),
    line: fc.nat(500),
    module: fc.constantFrom('', 'libc.so.6'),
    kind: fc.constantFrom(...FRAME_KINDS),
  });
  const profileArb = fc
    .record({
      unit: fc.constantFrom(...UNITS),
      frames: fc.array(frameArb, { minLength: 1, maxLength: 8 }),
      stacks: fc.array(
        fc.record({
          path: fc.array(fc.nat(7), { minLength: 1, maxLength: 6 }),
          weight: fc.oneof(
            fc.integer({ min: 1, max: 1e9 }),
            fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
          ),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      intervalNs: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
    })
    .map(({ unit, frames, stacks, intervalNs }) => {
      const p = new Profile({ unit, intervalNs, sampler: 'prop' });
      for (const s of stacks)
        p.addFrames(
          s.path.map((i) => frames[i % frames.length]),
          s.weight,
        );
      return p;
    });

  it('import(export(p)) equals p (property)', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const back = load(exportToSpeedscope(p));
        expect(canonical(back)).toEqual(canonical(p));
        expect(back.meta.unit).toBe(p.meta.unit);
        expect(back.meta.intervalNs).toBe(p.meta.intervalNs);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('merges several exported profiles back into their sum', () => {
    const p = sample();
    const back = load(exportToSpeedscope([p, p]));
    expect(back.totalWeight()).toBe(2 * p.totalWeight());
    expect(JSON.parse(exportToSpeedscope([p, p])).shared.frames.length).toBe(p.frames.size);
  });
});

describe('speedscope importer on malformed JSON structure (property)', () => {
  it('either imports or throws a one-line InputError, never anything else', () => {
    const base = JSON.parse(readFileSync(join(FIXTURES, 'evented.speedscope.json'), 'utf8'));
    // biome-ignore lint/suspicious/noExplicitAny: the mutations reach into arbitrary JSON
    type Doc = Record<string, any>;
    const paths: Array<(d: Doc, v: unknown) => void> = [
      (d, v) => (d.shared = v),
      (d, v) => (d.shared.frames = v),
      (d, v) => (d.shared.frames[1] = v),
      (d, v) => (d.shared.frames[1].name = v),
      (d, v) => (d.shared.frames[1].line = v),
      (d, v) => (d.profiles = v),
      (d, v) => (d.profiles[0].events[2] = v),
      (d, v) => (d.profiles[0].events[2].at = v),
      (d, v) => (d.profiles[0].events[2].frame = v),
      (d, v) => (d.profiles[0].unit = v),
      (d, v) => (d.profiles[1].samples[0] = v),
      (d, v) => (d.profiles[1].weights = v),
      (d, v) => (d.profiles[1].flamediff = v),
    ];
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (which, value) => {
        const doc = structuredClone(base);
        paths[which](doc, value);
        try {
          load(JSON.stringify(doc), {}, 'fuzz.json');
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.message).not.toContain('\n');
        }
      }),
      { numRuns: 400, seed: 5 },
    );
  });
});
