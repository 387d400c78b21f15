import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProfiles, Profile, writeFolded } from '../../src/profile/index.js';
import { StackTable } from '../../src/profile/stack-table.js';

// The bulk paths of the stack table (addLater's batched merging, copyFrom, the leaf-local
// probing) must give exactly what one add() per stack gives: same indices, order and weights.

function columnsOf(t: StackTable): { stacks: number[][]; weights: number[] } {
  const { ids, offsets, weights, length } = t.columns();
  const stacks: number[][] = [];
  for (let i = 0; i < length; i++) stacks.push(Array.from(ids.subarray(offsets[i], offsets[i + 1])));
  return { stacks, weights: Array.from(weights.subarray(0, length)) };
}

function viaAdd(stacks: number[][], weights: number[]): StackTable {
  const t = new StackTable();
  stacks.forEach((s, i) => {
    t.add(s, weights[i]);
  });
  return t;
}

function viaAddLater(stacks: number[][], weights: number[]): StackTable {
  const t = new StackTable();
  stacks.forEach((s, i) => {
    t.addLater(Int32Array.from(s), weights[i], 0, s.length);
  });
  return t;
}

describe('StackTable bulk loading', () => {
  it('addLater gives the same table as add, duplicates within and across batches included', () => {
    // 5000 stacks over 1000 distinct ones: duplicates land in the same and in later batches.
    const stacks: number[][] = [];
    const weights: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const k = (i * 7919) % 1000;
      stacks.push([0, 1 + (k % 7), 10 + (k % 100), 200 + k].slice(0, 1 + (k % 4)));
      weights.push(1 + (i % 5) / 4);
    }
    const later = viaAddLater(stacks, weights);
    expect(columnsOf(later)).toEqual(columnsOf(viaAdd(stacks, weights)));
    // An add() after pending stacks sees them (returns the merged index).
    const t = new StackTable();
    t.addLater(Int32Array.from([1, 2]), 1, 0, 2);
    t.addLater(Int32Array.from([1, 3]), 1, 0, 2);
    expect(t.add([1, 3], 2)).toBe(1);
    expect(t.length).toBe(2);
    expect(t.weight(1)).toBe(3);
  });

  it('addLater equals add for any sequence of stacks (property)', () => {
    const stack = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stack, fc.integer({ min: 1, max: 9 })), { maxLength: 3000 }),
        (entries) => {
          const stacks = entries.map((e) => e[0]);
          const weights = entries.map((e) => e[1]);
          expect(columnsOf(viaAddLater(stacks, weights))).toEqual(columnsOf(viaAdd(stacks, weights)));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });

  it('keeps many leaves of one parent apart and findable (a flat profile)', () => {
    // All stacks share their parent: their probes start in one small window of the table.
    const t = new StackTable();
    const n = 100_000;
    for (let i = 0; i < n; i++) t.addLater(Int32Array.from([0, 1, 2 + i]), 1, 0, 3);
    for (let i = 0; i < n; i += 997) expect(t.add([0, 1, 2 + i], 1)).toBe(i);
    expect(t.length).toBe(n);
    expect(t.weight(997)).toBe(2);
  });

  it('copyFrom copies stacks, weights and lookups', () => {
    const a = viaAdd(
      [
        [1, 2],
        [1, 3],
        [4, 5, 6],
      ],
      [1, 2, 3],
    );
    const b = new StackTable();
    b.copyFrom(a);
    expect(columnsOf(b)).toEqual(columnsOf(a));
    expect(b.add([1, 3], 5)).toBe(1);
    expect(b.weight(1)).toBe(7);
    expect(a.weight(1)).toBe(2); // the source is not shared
  });
});

describe('mergeProfiles', () => {
  function profile(stacks: string[][], weights: number[]): Profile {
    const p = new Profile({ source: 'x' });
    stacks.forEach((s, i) => {
      p.addFrames(s, weights[i]);
    });
    return p;
  }

  it('gives the same stacks, order and weights as adding every stack in turn', () => {
    const p1 = profile(
      [
        ['main', 'a'],
        ['main', 'b'],
      ],
      [1, 2],
    );
    const p2 = profile([['main', 'c'], ['main', 'a'], ['other']], [4, 8, 16]);
    const merged = mergeProfiles([p1, p2, p1]);
    const expected = new Profile();
    for (const p of [p1, p2, p1])
      p.forEachStack((ids, w) => {
        expected.addFrames(
          Array.from(ids, (id) => p.frame(id)),
          w,
        );
      });
    expect(columnsOf(merged.stacks)).toEqual(columnsOf(expected.stacks));
    expect(writeFolded(merged)).toBe('main;a 10\nmain;b 4\nmain;c 4\nother 16\n');
  });

  it('drops zero weights as adding does, also from the first profile', () => {
    const p = profile([['a'], ['b']], [1, 2]);
    p.stacks.setWeight(0, 0);
    const merged = mergeProfiles([p]);
    expect(merged.stackCount).toBe(1);
    expect(writeFolded(merged)).toBe('b 2\n');
  });
});
