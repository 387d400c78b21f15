import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { frameInfo, labelRanks } from '../../src/render/frame-info.js';
import { type FlameLayout, layoutFlame } from '../../src/render/layout.js';
import { buildCallTree, buildPrunedTree, type CallTree } from '../../src/render/tree.js';
import { fitText } from '../../src/render/truncate.js';
import { fixture, foldedProfile, rng } from './helpers.js';

function layout(p: Profile, minWidthPx = 0.1, order: 'alpha' | 'width' | 'input' = 'alpha', widthPx = 1180) {
  const tree = buildCallTree(p);
  return { tree, l: layoutFlame(tree, { widthPx, minWidthPx, order, rank: labelRanks(p) }) };
}

function names(p: Profile, t: CallTree, l: FlameLayout): string[] {
  const out: string[] = [];
  for (let i = 0; i < l.count; i++) {
    const f = t.frame[l.node[i]];
    out.push(`${'  '.repeat(l.depth[i])}${f < 0 ? 'all' : p.frame(f).name} ${l.x[i]}+${l.w[i]}`);
  }
  return out;
}

/**
 * flamegraph.pl's algorithm, ported line by line: sort the folded lines as strings, walk them
 * with flow() merging shared prefixes of consecutive stacks, then drop frames narrower than
 * minwidth. Returns the drawn frames as `func;depth;width` (a multiset) and the total.
 */
function flamegraphPl(
  text: string,
  minwidth: number,
  imagewidth = 1200,
): { frames: string[]; total: number } {
  const data: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (/^(.*)\s+?(\d+(?:\.\d*)?)$/.test(line)) data.push(line);
  }
  data.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const node = new Map<string, { stime: number; etime: number }>();
  const tmp = new Map<string, number>();
  let last: string[] = [];
  let time = 0;
  const flow = (a: string[], b: string[], t: number): void => {
    const lenA = a.length - 1;
    const lenB = b.length - 1;
    let i = 0;
    let lenSame = 0;
    for (; i <= lenA; i++) {
      if (i > lenB) break;
      if (a[i] !== b[i]) break;
    }
    lenSame = i;
    for (let x = lenA; x >= lenSame; x--) {
      const k = `${a[x]};${x}`;
      node.set(`${k};${t}`, { stime: tmp.get(k) as number, etime: t });
      tmp.delete(k);
    }
    for (let x = lenSame; x <= lenB; x++) tmp.set(`${b[x]};${x}`, t);
  };
  for (const line of data) {
    const m = /^(.*)\s+?(\d+(?:\.\d*)?)$/.exec(line) as RegExpExecArray;
    const stack = ['', ...m[1].split(';')];
    flow(last, stack, time);
    time += Number(m[2]);
    last = stack;
  }
  flow(last, [], time);
  const widthpertime = (imagewidth - 2 * 10) / time;
  const minwidthTime = minwidth / widthpertime;
  const frames: string[] = [];
  for (const [k, v] of node) {
    if (v.etime - v.stime < minwidthTime) continue;
    const parts = k.split(';');
    const depth = Number(parts[parts.length - 2]);
    const func = parts.slice(0, -2).join(';');
    frames.push(`${depth === 0 ? 'all' : func};${depth};${v.etime - v.stime}`);
  }
  return { frames: frames.sort(), total: time };
}

function ourFrames(text: string, minwidth: number): { frames: string[]; total: number } {
  const p = foldedProfile(text);
  const { tree, l } = layout(p, minwidth);
  const frames: string[] = [];
  for (let i = 0; i < l.count; i++) {
    const f = tree.frame[l.node[i]];
    frames.push(`${f < 0 ? 'all' : frameInfo(p.frame(f)).label};${l.depth[i]};${l.w[i]}`);
  }
  return { frames: frames.sort(), total: l.total };
}

function generated(seed: number, lines: number): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const depth = 1 + Math.floor(r() * 8);
    const frames: string[] = [];
    for (let d = 0; d < depth; d++) frames.push(`f${Math.floor(r() * (3 + d))}`);
    // Heavy-tailed weights so a minwidth really prunes something.
    out.push(`${frames.join(';')} ${1 + Math.floor(r() ** 6 * 500)}`);
  }
  return out.join('\n');
}

describe('call tree', () => {
  it('merges stacks by shared prefix and sums inclusive and self weight', () => {
    const p = foldedProfile('a;b;c 1\na;b;c 1\na;b;d 4\na;b;c 3\na;b 5\ne 2\n');
    const t = buildCallTree(p);
    expect(t.size).toBe(6); // all, a, b, c, d, e
    expect(t.total[0]).toBe(16);
    const byName = (n: string) => {
      for (let i = 1; i < t.size; i++) if (p.frame(t.frame[i]).name === n) return i;
      return -1;
    };
    expect(t.total[byName('b')]).toBe(14);
    expect(t.self[byName('b')]).toBe(5);
    expect(t.total[byName('c')]).toBe(5);
    expect(t.maxDepth).toBe(3);
  });

  it('keeps recursion as separate nodes per depth', () => {
    const p = foldedProfile('a;a 1\na;a;a 2\n');
    const t = buildCallTree(p);
    expect(t.size).toBe(4);
    expect(Array.from(t.depth)).toEqual([0, 1, 2, 3]);
  });

  it('handles stacks in any order (no shared prefix with the previous stack)', () => {
    const p = foldedProfile('x;y 1\na;b 1\nx;z 1\na;b;c 1\nx;y 2\n');
    const t = buildCallTree(p);
    expect(t.size).toBe(7);
    expect(t.total[0]).toBe(6);
  });
});

describe('layout', () => {
  it('orders siblings alphabetically, by width, or in input order', () => {
    const p = foldedProfile('m;zeta 5\nm;alpha 1\nm;mid 3\n');
    const alpha = layout(p, 0, 'alpha');
    expect(names(p, alpha.tree, alpha.l).slice(2)).toEqual(['    alpha 0+1', '    mid 1+3', '    zeta 4+5']);
    const width = layout(p, 0, 'width');
    expect(names(p, width.tree, width.l).slice(2)).toEqual(['    zeta 0+5', '    mid 5+3', '    alpha 8+1']);
    const input = layout(p, 0, 'input');
    expect(names(p, input.tree, input.l).slice(2)).toEqual(['    zeta 0+5', '    alpha 5+1', '    mid 6+3']);
  });

  it('prunes frames narrower than minwidth and keeps their weight in the parent', () => {
    const lines = ['root;big 10000'];
    for (let i = 0; i < 50; i++) lines.push(`root;tiny${i};deeper 1`);
    const p = foldedProfile(lines.join('\n'));
    const { tree, l } = layout(p, 1);
    const drawn = names(p, tree, l);
    expect(drawn).toEqual(['all 0+10050', '  root 0+10050', '    big 0+10000']);
    expect(l.prunedWeight[1]).toBe(50);
    expect(l.prunedCount[1]).toBe(50);
    expect(l.total).toBe(10050);
  });

  it('stops at maxDepth and reports the cut weight', () => {
    const p = foldedProfile('a;b;c;d 3\na;b 1\n');
    const tree = buildCallTree(p);
    const l = layoutFlame(tree, {
      widthPx: 1180,
      minWidthPx: 0,
      order: 'alpha',
      rank: labelRanks(p),
      maxDepth: 2,
    });
    expect(l.count).toBe(3);
    expect(l.maxDepth).toBe(2);
    expect(l.prunedWeight[2]).toBe(3);
  });

  it('lays out a 5,000-deep stack without recursion limits', () => {
    const p = new Profile();
    const ids: number[] = [];
    for (let d = 0; d < 5000; d++) ids.push(p.intern({ name: `f${d}` }));
    p.addStack(ids, 1);
    const { l } = layout(p);
    expect(l.count).toBe(5001);
    expect(l.maxDepth).toBe(5000);
  });
});

describe('flamegraph.pl semantics', () => {
  const cases: [string, string][] = [
    ['simple', 'a;b;c 1\na;b;c 1\na;b;d 4\na;b;c 3\na;b 5\n'],
    ['recursion', 'a;a 1\nb;b 1\na;b 1\na;b;a;b 1\na;b;a;c 1\n'],
    ['py fixture', fixture('py.folded')],
    ['mixed fixture', fixture('mixed.folded')],
    ['generated 2k lines', generated(7, 2000)],
  ];
  for (const [name, text] of cases) {
    for (const minwidth of [0, 0.1, 2]) {
      it(`${name}: same total and same frames at minwidth ${minwidth}`, () => {
        const ref = flamegraphPl(text, minwidth);
        const ours = ourFrames(text, minwidth);
        expect(ours.total).toBe(ref.total);
        expect(ours.frames).toEqual(ref.frames);
      });
    }
  }

  it('the generated profile really exercises pruning', () => {
    const text = generated(7, 2000);
    expect(flamegraphPl(text, 2).frames.length).toBeLessThan(flamegraphPl(text, 0).frames.length / 2);
  });

  const shared = path.resolve(import.meta.dirname, '../../../shared/reference/formats/stackcollapse');
  const files = existsSync(shared)
    ? readdirSync(shared).filter((f) => f.endsWith('.txt') && !f.includes('utf16'))
    : [];
  it.skipIf(files.length === 0)('matches on ../shared/reference stackcollapse files (optional)', () => {
    for (const f of files) {
      const text = readFileSync(path.join(shared, f), 'utf8');
      for (const minwidth of [0, 0.1]) {
        expect(ourFrames(text, minwidth), f).toEqual(flamegraphPl(text, minwidth));
      }
    }
  });
});

describe('pruned tree', () => {
  it('draws exactly what the full tree draws (positions, widths, pruned weight)', () => {
    for (const seed of [1, 2, 3]) {
      const p = foldedProfile(generated(seed, 1500));
      const full = buildCallTree(p);
      const total = full.total[0];
      for (const [minWidthPx, maxDepth] of [
        [0, undefined],
        [0.1, undefined],
        [3, undefined],
        [0.5, 3],
      ] as const) {
        const o = { widthPx: 1180, minWidthPx, order: 'alpha' as const, rank: labelRanks(p), maxDepth };
        const pruned = buildPrunedTree(p, (minWidthPx * total) / 1180, maxDepth);
        const a = layoutFlame(full, o);
        const b = layoutFlame(pruned, o);
        expect(names(p, pruned, b)).toEqual(names(p, full, a));
        expect(Array.from(b.prunedWeight)).toEqual(Array.from(a.prunedWeight));
        expect(Array.from(b.prunedCount)).toEqual(Array.from(a.prunedCount));
        expect(b.maxDepth).toBe(a.maxDepth);
        for (let i = 0; i < a.count; i++) expect(pruned.self[b.node[i]]).toBe(full.self[a.node[i]]);
      }
    }
  });

  it('draws what the full tree draws when a level holds more pairs than the table starts with', () => {
    // 70,000 pairs at depth 3 grow the pair table that every level shares; the level after it
    // (under the one heavy a_0) must start from an empty table again.
    const lines: string[] = [];
    for (let i = 0; i < 70_000; i++)
      lines.push(`r;b_${i % 7};a_${i};c_${i % 3} ${i === 0 ? 10_000_000 : 1 + (i % 5) * 400}`);
    const p = foldedProfile(lines.join('\n'));
    const full = buildCallTree(p);
    for (const minWidthPx of [0, 0.1]) {
      const o = { widthPx: 1180, minWidthPx, order: 'alpha' as const, rank: labelRanks(p) };
      const pruned = buildPrunedTree(p, (minWidthPx * full.total[0]) / 1180);
      const a = layoutFlame(full, o);
      const b = layoutFlame(pruned, o);
      expect(b.count).toBeGreaterThan(minWidthPx === 0 ? 140_000 : 4);
      expect(names(p, pruned, b)).toEqual(names(p, full, a));
      expect(Array.from(b.prunedWeight)).toEqual(Array.from(a.prunedWeight));
    }
  });

  it('keeps input order among siblings (flamechart)', () => {
    const p = foldedProfile('m;z 5\nm;a 1\nm;k 3\n');
    const o = { widthPx: 1180, minWidthPx: 0, order: 'input' as const, rank: labelRanks(p) };
    const t = buildPrunedTree(p, 0);
    expect(names(p, t, layoutFlame(t, o)).slice(2)).toEqual(['    z 0+5', '    a 5+1', '    k 6+3']);
  });
});

describe('label fitting', () => {
  it('keeps the informative end, marks the cut, drops labels below 3 characters', () => {
    const label = '/venv/lib/python3.11/site-packages/requests/api.py:get';
    expect(fitText(label, 2000)).toBe(label);
    const cut = fitText(label, 100);
    expect(cut.startsWith('\u2026')).toBe(true);
    expect(label.endsWith(cut.slice(1))).toBe(true);
    expect(cut.length).toBe(Math.floor((100 - 6) / 7.08));
    expect(fitText(label, 6 + 7.08 * 3)).toBe('\u2026et');
    expect(fitText(label, 6 + 7.08 * 2.9)).toBe('');
  });

  it('never starts on half of a surrogate pair', () => {
    const s = `x${'\u{1F525}'.repeat(10)}`;
    const cut = fitText(s, 6 + 7.08 * 6);
    expect(/^\u2026[\udc00-\udfff]/.test(cut)).toBe(false);
  });
});
