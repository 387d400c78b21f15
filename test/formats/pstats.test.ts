import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importProfile } from '../../src/formats/index.js';
import { MarshalReader } from '../../src/formats/marshal.js';
import { PSTATS_DERIVED, pstatsFormat } from '../../src/formats/pstats.js';
import type { ProfileInput } from '../../src/formats/types.js';
import { frameTotals, type Profile, writeFolded } from '../../src/profile/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/binary-formats');

// A minimal marshal writer (Python's marshal grammar: 'u' str, 'i' int32, 'g' float64,
// '(' tuple, '{' dict ... '0'), enough to write pstats dumps with exact numbers.
class Dict {
  constructor(readonly entries: Array<[unknown, unknown]>) {}
}
function marshal(v: unknown): number[] {
  if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    return [0x75, ...int32(b.length), ...b];
  }
  if (typeof v === 'number' && Number.isInteger(v)) return [0x69, ...int32(v)];
  if (typeof v === 'number') {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    return [0x67, ...b];
  }
  if (Array.isArray(v)) return [0x28, ...int32(v.length), ...v.flatMap(marshal)];
  if (v instanceof Dict)
    return [0x7b, ...v.entries.flatMap(([k, x]) => [...marshal(k), ...marshal(x)]), 0x30];
  throw new Error(`cannot marshal ${String(v)}`);
}
function int32(n: number): number[] {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return [...b];
}

type Key = [string, number, string];
const K = (name: string): Key => ['app.py', name.charCodeAt(0), name];
/** stats: name -> [tottime, cumtime, {caller: [tottime, cumtime]}] */
function pstatsBytes(stats: Record<string, [number, number, Record<string, [number, number]>]>): Uint8Array {
  const entries: Array<[unknown, unknown]> = Object.entries(stats).map(([name, [tt, ct, callers]]) => [
    K(name),
    [1, 1, tt, ct, new Dict(Object.entries(callers).map(([c, [ett, ect]]) => [K(c), [1, 1, ett, ect]]))],
  ]);
  return Uint8Array.from(marshal(new Dict(entries)));
}

function input(bytes: Uint8Array, fileName = 'x.pstats'): ProfileInput {
  return { fileName, bytes, text: () => new TextDecoder().decode(bytes) };
}
const load = (bytes: Uint8Array, fileName = 'x.pstats'): Profile =>
  pstatsFormat.import(input(bytes, fileName), {});

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

function folded(p: Profile): string {
  // Times are in seconds in the test data: print them back in seconds, names only.
  const lines = writeFolded(p, { files: false }).trim().split('\n');
  return lines.map((l) => l.replace(/ ([\d.]+)$/, (_, w) => ` ${Number(w) / 1e9}`)).join('\n');
}

describe('pstats importer', () => {
  it('follows caller edges with their own times', () => {
    const bytes = pstatsBytes({
      main: [1, 10, {}],
      a: [2, 4, { main: [2, 4] }],
      b: [1, 5, { main: [1, 5] }],
      c: [6, 6, { a: [2, 2], b: [4, 4] }],
    });
    const p = load(bytes);
    expect(folded(p)).toBe(['main 1', 'main;a 2', 'main;a;c 2', 'main;b 1', 'main;b;c 4'].join('\n'));
    expect(p.meta).toMatchObject({ unit: 'nanoseconds', derived: PSTATS_DERIVED, sampler: 'cProfile' });
    expect(p.totalWeight()).toBe(10e9);
  });

  it('shares out a callee of a function reached in several contexts by that context’s time', () => {
    const p = load(
      pstatsBytes({
        main: [0, 8, {}],
        a: [1, 4, { main: [1, 4] }],
        b: [3, 4, { main: [3, 4] }],
        d: [2, 4, { a: [1.5, 3], b: [0.5, 1] }],
        e: [2, 2, { d: [2, 2] }],
      }),
    );
    expect(folded(p)).toBe(
      ['main;a 1', 'main;a;d 1.5', 'main;a;d;e 1.5', 'main;b 3', 'main;b;d 0.5', 'main;b;d;e 0.5'].join('\n'),
    );
    expect(p.totalWeight()).toBeCloseTo(8e9, -1);
  });

  it('does not loop on recursion and conserves the time', () => {
    const p = load(
      pstatsBytes({
        main: [0, 4, {}],
        f: [3, 4, { main: [1, 4], f: [2, 3] }],
        g: [1, 1, { f: [1, 1] }],
      }),
    );
    const t = frameTotals(p);
    expect(p.totalWeight()).toBeCloseTo(4e9, -1);
    const f = p.frames.names.indexOf('f');
    expect(t.inclusive[f]).toBeCloseTo(4e9, -1);
    expect(writeFolded(p, { files: false })).toContain('main;f;f');
  });

  it('imports a dump recorded here by python3 -m cProfile', () => {
    const file = join(FIXTURES, 'cprofile-workload.pstats');
    const bytes = readFileSync(file);
    expect(pstatsFormat.is(input(bytes))).toBe(true);
    const p = importProfile('renamed.prof', bytes);
    expect(p.meta.format).toBe('pstats');
    expect(p.meta.derived).toBe(PSTATS_DERIVED);
    // Time is conserved: the stacks add up to the dump's total tottime.
    expect(Math.abs(p.totalWeight() - p.meta.durationNs!)).toBeLessThan(0.01 * p.meta.durationNs!);
    const helper = p.frame(p.frames.names.indexOf('shared_helper'));
    expect(helper).toMatchObject({ file: 'workload.py', line: 17, kind: 'python' });
    const text = writeFolded(p, { files: false });
    const weightOf = (suffix: string) =>
      text
        .split('\n')
        .filter((l) => l.replace(/ [\d.]+$/, '').endsWith(suffix))
        .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    // right() calls shared_helper with 3x the work of left().
    expect(weightOf('main;right;shared_helper')).toBeGreaterThan(3 * weightOf('main;left;shared_helper'));
    const exec = p.frame(p.frames.names.indexOf('<built-in method builtins.exec>'));
    expect(exec).toMatchObject({ file: '', kind: 'native' });
  });

  it('sniffs marshal dicts keyed by (file, line, func) only', () => {
    expect(pstatsFormat.is(input(pstatsBytes({ main: [1, 1, {}] })))).toBe(true);
    for (const text of ['{"a": 1}', 'main;a 1\n', '{}', '']) {
      expect(pstatsFormat.is(input(new TextEncoder().encode(text)))).toBe(false);
    }
    expect(pstatsFormat.is(input(Uint8Array.from([0x7b, 0x30])))).toBe(true);
    expect(pstatsFormat.matchesName('out.pstats')).toBe(true);
  });

  it('rejects malformed dumps with the byte offset', () => {
    const good = pstatsBytes({ main: [1, 1, {}] });
    const cut = errorOf(() => load(good.subarray(0, good.length - 3), 'cut.pstats'));
    expect(cut).toBeInstanceOf(InputError);
    expect(cut.message).toMatch(/^cut\.pstats: byte \d+: truncated data: .*not a pstats file$/);
    const code = errorOf(() =>
      load(readFileSync(join(FIXTURES, 'profile-workload.pstats')), 'profile-workload.pstats'),
    );
    expect(code.message).toMatch(
      /^profile-workload\.pstats: byte \d+: code object \(expected plain data; record with cProfile/,
    );
    const notDict = errorOf(() => load(Uint8Array.from(marshal([1, 2])), 'list.pstats'));
    expect(notDict.message).toBe(
      'list.pstats: byte 0: top-level object is not a dict (expected a pstats dump)',
    );
    const badEntry = errorOf(() =>
      load(Uint8Array.from(marshal(new Dict([[K('main'), [1, 2]]]))), 'e.pstats'),
    );
    expect(badEntry.message).toBe(
      'e.pstats: byte 1: bad stats entry (expected (cc, nc, tottime, cumtime, callers))',
    );
    const trailing = errorOf(() => load(Uint8Array.from([...good, 0x4e]), 't.pstats'));
    expect(trailing.message).toMatch(/1 bytes after the end of the data/);
  });

  it('says "no samples in FILE" for an empty dump', () => {
    expect(() => load(Uint8Array.from([0x7b, 0x30]), 'empty.pstats')).toThrow(
      /^no samples in empty\.pstats$/,
    );
  });

  it('reads marshal back-references, small tuples, short strings and longs', () => {
    // {(‘a’,): 'a' ref, 2**40} with FLAG_REF on the string, 'r' back-reference, 'l' long.
    const bytes = Uint8Array.from([
      0x7b, 0x29, 0x01, 0xda, 0x01, 0x61, 0x28, 0x02, 0x00, 0x00, 0x00, 0x72, 0x00, 0x00, 0x00, 0x00, 0x6c,
      0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x30,
    ]);
    const v = new MarshalReader(bytes).readAll();
    expect(v).toEqual({ kind: 'dict', entries: [{ key: ['a'], value: ['a', 2 ** 36], offset: 1 }] });
  });
});

describe('pstats importer on a dense call graph', () => {
  it('stays finite and conserves time when paths explode', () => {
    // 60 functions, each called by every earlier one: 2^59 distinct paths.
    const stats: Record<string, [number, number, Record<string, [number, number]>]> = {};
    const names = Array.from({ length: 60 }, (_, i) => `f${String(i).padStart(2, '0')}`);
    names.forEach((n, i) => {
      const callers: Record<string, [number, number]> = {};
      for (let j = 0; j < i; j++) callers[names[j]] = [0.01, 0.01 * (60 - i)];
      stats[n] = [0.01 * i || 1, 1, callers];
    });
    const entries: Array<[unknown, unknown]> = Object.entries(stats).map(([name, [tt, ct, callers]]) => [
      [`${name}.py`, 1, name],
      [
        1,
        1,
        tt,
        ct + 100,
        new Dict(
          Object.entries(callers).map(([c, [ett, ect]]) => [
            [`${c}.py`, 1, c],
            [1, 1, ett, ect],
          ]),
        ),
      ],
    ]);
    const p = load(Uint8Array.from(marshal(new Dict(entries))));
    expect(p.stackCount).toBeGreaterThan(100);
    expect(p.stackCount).toBeLessThan(210_000);
    expect(p.totalWeight()).toBeCloseTo(101e9, -7);
  });
});

describe('pstats importer on corrupted input (property)', () => {
  it('either imports or throws a one-line InputError, never anything else', () => {
    const raw = new Uint8Array(readFileSync(join(FIXTURES, 'cprofile-workload.pstats')));
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(raw.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(raw.length),
        (edits, cut) => {
          const bytes = raw.slice(0, Math.max(1, cut));
          for (const e of edits) if (e.at < bytes.length) bytes[e.at] = e.byte;
          try {
            load(bytes, 'fuzz.pstats');
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            expect(err.message).not.toContain('\n');
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
