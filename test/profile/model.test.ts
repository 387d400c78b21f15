import { describe, expect, it } from 'vitest';
import {
  atGranularity,
  filterProfile,
  frameTotals,
  mergeProfiles,
  Profile,
  parseFrameLabel,
  writeFolded,
} from '../../src/profile/index.js';

function sample(): Profile {
  const p = new Profile();
  p.addFrames(['main', 'a', 'b'], 3);
  p.addFrames(['main', 'a'], 2);
  p.addFrames(['main', 'a', 'a', 'a'], 1); // recursion
  p.addFrames(['main', 'a', 'b'], 4); // merges with the first stack
  return p;
}

describe('Profile', () => {
  it('merges identical stacks on insert and keeps distinct ones apart', () => {
    const p = sample();
    expect(p.stackCount).toBe(3);
    expect(p.totalWeight()).toBe(10);
  });

  it('counts a recursive frame once per sample in inclusive totals', () => {
    const p = sample();
    const t = frameTotals(p);
    const a = p.frames.find({ name: 'a' })!;
    const b = p.frames.find({ name: 'b' })!;
    expect(t.inclusive[a]).toBe(10);
    expect(t.self[a]).toBe(3);
    expect(t.inclusive[b]).toBe(7);
    expect(t.self[b]).toBe(7);
    expect(t.total).toBe(10);
  });

  it('writes canonical folded text, sorted frame by frame', () => {
    expect(writeFolded(sample())).toBe('main;a 2\nmain;a;a;a 1\nmain;a;b 7\n');
  });

  it('sorts labels by code unit: prefixes first, shared prefixes, equal labels, beyond the BMP', () => {
    // Enough labels that the sort partitions (not only the small-range insertion sort), with long
    // shared prefixes, labels that extend others, and astral characters (surrogate pairs sort
    // before U+E000..U+FFFF in code-unit order, after them in code-point order).
    const names = ['', 'a', 'ab', 'a\u0000', 'b', '\u{1F600}x', '\uFFFDx', '\uE000', 'é', 'e\u0301'];
    for (let i = 0; i < 300; i++) names.push(`__libc_start_main_r${(i * 37) % 101}`, `[unknown]_${i % 7}`);
    for (let i = 0; i < 20; i++) names.push(`\u{1F600}${i}`, `\uFFFD${i}`);
    const p = new Profile();
    names.forEach((name, i) => {
      p.addFrames(['root', { name, file: i % 5 === 0 ? 'same.c' : '' }], 1);
    });
    const lines = writeFolded(p).trimEnd().split('\n');
    const labels = lines.map((l) => l.slice('root;'.length, l.lastIndexOf(' ')));
    const expected = [...new Set(labels)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(labels).toEqual(expected);
    expect(labels.length).toBeGreaterThan(100);
  });

  it('holds a million distinct stacks in flat arrays', () => {
    const p = new Profile();
    const ids = [p.intern({ name: 'root' }), 0, 0];
    for (let i = 0; i < 1000; i++) ids[1] = p.intern({ name: `f${i}` });
    const f = Array.from({ length: 1000 }, (_, i) => p.frames.find({ name: `f${i}` })!);
    for (let i = 0; i < 1_000_000; i++) {
      ids[1] = f[i % 1000];
      ids[2] = f[Math.floor(i / 1000)];
      p.addStack(ids, 1);
    }
    expect(p.stackCount).toBe(1_000_000);
    expect(p.totalWeight()).toBe(1_000_000);
    p.addStack([ids[0], f[999], f[999]], 5);
    expect(p.stackCount).toBe(1_000_000);
  });

  it('function-level identity merges lines of one function', () => {
    const p = new Profile();
    p.addFrames([{ name: 'f', file: 'x.py', line: 1, kind: 'python' }], 1);
    p.addFrames([{ name: 'f', file: 'x.py', line: 2, kind: 'python' }], 2);
    const q = atGranularity(p, 'function');
    expect(q.stackCount).toBe(1);
    expect(writeFolded(q)).toBe('f (x.py) 3\n');
    expect(writeFolded(p)).toBe('f (x.py:1) 1\nf (x.py:2) 2\n');
  });

  it('filters idle stacks, threads and frames', () => {
    const p = new Profile();
    p.addFrames([{ name: 'thread 1', kind: 'thread' }, 'work'], 5);
    p.addFrames(
      [
        { name: 'thread 2', kind: 'thread' },
        { name: 'wait', kind: 'idle' },
      ],
      3,
    );
    p.addFrames([{ name: 'thread 2', kind: 'thread' }, 'other'], 2);
    expect(filterProfile(p, { dropIdle: true }).totalWeight()).toBe(7);
    expect(filterProfile(p, { thread: /2$/ }).totalWeight()).toBe(5);
    expect(writeFolded(filterProfile(p, { exclude: /^wait$/, stripThreads: true }))).toBe(
      'other 2\nwork 5\n',
    );
    expect(filterProfile(p, { include: /work/ }).totalWeight()).toBe(5);
  });

  it('merges profiles and refuses mixed units', () => {
    const merged = mergeProfiles([sample(), sample()]);
    expect(merged.totalWeight()).toBe(20);
    expect(merged.stackCount).toBe(3);
    expect(() => mergeProfiles([sample(), new Profile({ unit: 'bytes' })])).toThrow(/different units/);
  });

  it('parses labels back into frame fields', () => {
    expect(parseFrameLabel('do_sys_open_[k]')).toEqual({ name: 'do_sys_open', kind: 'kernel' });
    expect(parseFrameLabel('run (app/main.py:42)')).toEqual({
      name: 'run',
      file: 'app/main.py',
      line: 42,
      kind: 'python',
    });
    expect(parseFrameLabel('f (x.js)')).toEqual({ name: 'f', file: 'x.js', line: 0, kind: 'js' });
  });
});
