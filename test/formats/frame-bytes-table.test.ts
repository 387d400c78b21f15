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

// getLine() does the same with the `\n` that ends a line, eight bytes at a time.
describe('FrameBytesTable.getLine', () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_[]() .:/;';

  it('finds every key set with set(), at any length and alignment, ended by `\\n` or the end', () => {
    const t = new FrameBytesTable();
    const key = (len: number) => alphabet.repeat(8).slice(0, len);
    // Long keys too: longer than the words a fresh table holds.
    const lengths = [...Array.from({ length: 41 }, (_, len) => len), 255, 256, 257, 300];
    for (const len of lengths) {
      const b = Buffer.from(key(len));
      t.set(b, 0, b.length, len % 2 === 0, len);
    }
    for (let pad = 0; pad < 4; pad++) {
      for (const len of lengths) {
        const root = len % 2 === 0;
        const head = '\t'.repeat(pad);
        const withNewline = Buffer.from(`${head}${key(len)}\n\tnext line (x)\n`);
        expect(t.getLine(withNewline, pad, withNewline.length, root)).toBe(len);
        expect(t.frameEnd).toBe(pad + len);
        const atEnd = Buffer.from(`${head}${key(len)}\nzz`);
        expect(t.getLine(atEnd, pad, pad + len, root)).toBe(len);
        expect(t.frameEnd).toBe(pad + len);
        expect(t.getLine(withNewline, pad, withNewline.length, !root)).toBe(-1);
      }
    }
  });

  it('does not find a key that differs in one byte, or that a `\\n` cuts short', () => {
    const t = new FrameBytesTable();
    const text = alphabet.slice(0, 23);
    t.set(Buffer.from(text), 0, 23, false, 7);
    for (let at = 0; at < 23; at++) {
      const changed = Buffer.from(`${text}\nx`);
      changed[at] ^= 0x01;
      expect(t.getLine(changed, 0, changed.length, false)).toBe(-1);
      const cut = Buffer.from(`${text}\nx`);
      cut[at] = 10;
      expect(t.getLine(cut, 0, cut.length, false)).toBe(-1);
      expect(t.frameEnd).toBe(at);
    }
    expect(t.getLine(Buffer.from(`${text}\nx`), 0, 25, false)).toBe(7);
  });
});
