import { describe, expect, it } from 'vitest';
import { FrameTable } from '../../src/profile/frame-table.js';

describe('FrameTable.addNew', () => {
  it('appends without the key index, and intern()/find() afterwards still find every frame', () => {
    const t = new FrameTable();
    expect(t.intern({ name: 'main', kind: 'native' })).toBe(0);
    expect(t.addNew({ name: 'work', kind: 'native' })).toBe(1);
    expect(t.addNew({ name: 'app', kind: 'process' })).toBe(2);
    expect(t.get(1)).toEqual({ name: 'work', file: '', line: 0, module: '', kind: 'native' });
    // The index dropped by addNew() is built again, with the frames added since.
    expect(t.find({ name: 'work', kind: 'native' })).toBe(1);
    expect(t.intern({ name: 'app', kind: 'process' })).toBe(2);
    expect(t.intern({ name: 'main', kind: 'native' })).toBe(0);
    expect(t.intern({ name: 'new', file: 'a.c', line: 3 })).toBe(3);
    expect(t.addNew({ name: 'later' })).toBe(4);
    expect(t.find({ name: 'later' })).toBe(4);
    expect(t.size).toBe(5);
  });
});
