import { describe, expect, it } from 'vitest';
import { writeFolded } from '../../src/profile/folded-writer.js';
import { Profile } from '../../src/profile/profile.js';

function sample(): Profile {
  const p = new Profile({ unit: 'nanoseconds', source: 'x.perf' });
  p.addFrames(['main', { name: 'work', file: 'a.c', line: 3, kind: 'native' }, 'leaf'], 5);
  p.addFrames(['main', 'other'], 2);
  p.addFrames(['main', { name: 'work', file: 'a.c', line: 3, kind: 'native' }, 'leaf'], 1);
  return p;
}

describe('Profile.toTransfer / fromTransfer (worker threads)', () => {
  it('gives the same frames, stacks, order and metadata after a structured clone', () => {
    const before = writeFolded(sample());
    const { data, transfer } = sample().toTransfer();
    const copy = Profile.fromTransfer(structuredClone(data, { transfer }));
    expect(writeFolded(copy)).toBe(before);
    expect(copy.meta).toEqual({ unit: 'nanoseconds', source: 'x.perf' });
    expect(copy.stackCount).toBe(2);
    expect([...copy.stacks.frames(0)]).toEqual([0, 1, 2]);
    expect(copy.frame(1)).toEqual({ name: 'work', file: 'a.c', line: 3, module: '', kind: 'native' });
  });

  it('keeps interning and merging stacks as the original would', () => {
    const { data } = sample().toTransfer();
    const copy = Profile.fromTransfer(structuredClone(data));
    const orig = sample();
    for (const p of [copy, orig]) {
      expect(p.intern({ name: 'work', file: 'a.c', line: 3, kind: 'native' })).toBe(1);
      expect(p.intern({ name: 'new' })).toBe(4);
      p.addFrames(['main', 'other'], 3); // an existing stack: its weight grows
      p.addFrames(['main', 'new'], 1);
    }
    expect(writeFolded(copy)).toBe(writeFolded(orig));
    expect(copy.stackCount).toBe(3);
    expect(copy.stacks.weight(1)).toBe(5);
  });
});
