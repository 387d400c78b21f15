import { describe, expect, it } from 'vitest';
import { diffFolded, importDiffFolded, writeDiffFolded } from '../../src/formats/diff-folded.js';
import { importProfile } from '../../src/formats/index.js';
import { fixture, foldedMap, text } from './helpers.js';

const BEFORE = 'main;a 10\nmain;b 5\nmain;c;0x7f00ab 3\nmain;a 2.75\n';
const AFTER = 'main;a 8\nmain;d 12\nmain;c;0x55aa10 4\n';

const rows = (s: string) => s.trimEnd().split('\n').sort();

describe('diff-folded', () => {
  it('imports the after column by default, the before column on request', () => {
    const after = importProfile('sample.diff-folded', fixture('sample.diff-folded'));
    expect(after.meta.format).toBe('diff-folded');
    expect(foldedMap(after).get('main;render;layout')).toBe(31);
    expect(after.totalWeight()).toBe(95);
    const before = importProfile('sample.diff-folded', fixture('sample.diff-folded'), {
      sampleType: 'before',
    });
    expect(before.totalWeight()).toBe(75);
    const both = importDiffFolded('sample.diff-folded', fixture('sample.diff-folded'));
    expect(both.before.totalWeight()).toBe(75);
    expect(both.after.totalWeight()).toBe(95);
  });

  it('is sniffed from content', () => {
    const p = importProfile('diff.txt', text('a;b 1 2\na;c 3 4\n'));
    expect(p.meta.format).toBe('diff-folded');
  });

  it('writes difffolded output: default, truncated fractions, normalize, strip-hex', () => {
    expect(rows(diffFolded(text(BEFORE), text(AFTER)))).toEqual([
      'main;a 12 8',
      'main;b 5 0',
      'main;c;0x55aa10 0 4',
      'main;c;0x7f00ab 3 0',
      'main;d 0 12',
    ]);
    // totals 20 vs 24: int(c1 * 24 / 20)
    expect(rows(diffFolded(text(BEFORE), text(AFTER), { normalize: true }))).toContain('main;a 14 8');
    expect(rows(diffFolded(text(BEFORE), text(AFTER), { stripHex: true }))).toContain('main;c;0x... 3 4');
  });

  it('writes from two profiles and reads its own output back', () => {
    const before = importProfile('b.folded', text('x;y 3\nx;z 1\n'));
    const after = importProfile('a.folded', text('x;y 1\nx;w 2\n'));
    const out = writeDiffFolded(before, after);
    expect(out).toBe('x;w 0 2\nx;y 3 1\nx;z 1 0\n');
    const back = importDiffFolded('d.txt', text(out));
    expect(foldedMap(back.before)).toEqual(foldedMap(before));
    expect(foldedMap(back.after)).toEqual(foldedMap(after));
  });

  it('names the line of malformed input', () => {
    expect(() => importProfile('d.diff-folded', text('what is this\n'))).toThrow(
      'd.diff-folded:1: not a differential folded line (expected `frame;frame;... count_before count_after`)',
    );
  });
});
