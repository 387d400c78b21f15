import { describe, expect, it } from 'vitest';
import { FrameBytesTable } from '../../src/formats/frame-bytes-table.js';

// getFrame() hashes while it scans for the `;` that ends a frame; set() and get() hash a range
// whose end is known. The two must give the same hash for the same bytes (whole words in two
// lanes, then the tail), or a frame set by one is never found by the other.
describe('FrameBytesTable.getFrame', () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_[]() .:/';

  it('finds every key set with set(), at any length and alignment, ended by `;` or the end', () => {
    const t = new FrameBytesTable();
    const key = (len: number) => alphabet.repeat(2).slice(0, len);
    for (let len = 0; len <= 40; len++) {
      const b = Buffer.from(key(len));
      t.set(b, 0, b.length, len % 2 === 0, len);
    }
    for (let pad = 0; pad < 4; pad++) {
      for (let len = 0; len <= 40; len++) {
        const root = len % 2 === 0;
        const head = '#'.repeat(pad);
        // Ended by `;` (with more frames after it) and by the end of the range.
        const withSemi = Buffer.from(`${head}${key(len)};next;frames`);
        expect(t.getFrame(withSemi, pad, withSemi.length, root)).toBe(len);
        expect(t.frameEnd).toBe(pad + len);
        const atEnd = Buffer.from(`${head}${key(len)} 12`);
        expect(t.getFrame(atEnd, pad, pad + len, root)).toBe(len);
        expect(t.frameEnd).toBe(pad + len);
        // The other root flag is another table.
        expect(t.getFrame(withSemi, pad, withSemi.length, !root)).toBe(-1);
      }
    }
  });

  it('does not find a key that differs in one byte, in a whole word or in the tail', () => {
    const t = new FrameBytesTable();
    const b = Buffer.from(alphabet.slice(0, 23)); // five whole words and a 3-byte tail
    t.set(b, 0, b.length, false, 7);
    for (let at = 0; at < b.length; at++) {
      const changed = Buffer.from(`${alphabet.slice(0, 23)};x`);
      changed[at] ^= 0x01;
      expect(t.getFrame(changed, 0, changed.length, false)).toBe(-1);
    }
    expect(t.getFrame(Buffer.from(`${alphabet.slice(0, 23)};x`), 0, 25, false)).toBe(7);
  });
});
