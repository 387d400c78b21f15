import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importProfile } from '../../src/formats/index.js';
import { decodeText, makeInput } from '../../src/formats/input.js';
import { foldedMap, text } from './helpers.js';

const SIMPLE = 'a;b;c 1\na;b;c 1\na;b;d 4\na;b;c 3\na;b 5';
const EXPECTED = new Map([
  ['a;b', 5],
  ['a;b;c', 5],
  ['a;b;d', 4],
]);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

describe('input decoding', () => {
  it.each([
    ['plain', text(SIMPLE)],
    ['CRLF', text(SIMPLE.replace(/\n/g, '\r\n'))],
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...text(SIMPLE)])],
    ['UTF-16 LE with BOM and CRLF', utf16(SIMPLE.replace(/\n/g, '\r\n'), false)],
    ['UTF-16 BE with BOM', utf16(SIMPLE, true)],
    ['gzip', new Uint8Array(gzipSync(text(SIMPLE)))],
    ['gzip of UTF-16 LE', new Uint8Array(gzipSync(utf16(SIMPLE, false)))],
    ['trailing blanks and blank lines', text(`${SIMPLE.replace(/\n/g, '  \n')}\n\n\t\n`)],
  ])('reads %s folded text', (_name, bytes) => {
    expect(foldedMap(importProfile('x.txt', bytes))).toEqual(EXPECTED);
  });

  it('replaces invalid UTF-8 bytes instead of failing', () => {
    const bytes = new Uint8Array([...text('main;caf'), 0xe9, ...text(';leaf 3\n')]);
    const p = importProfile('latin1.folded', bytes);
    expect([...foldedMap(p).keys()]).toEqual(['main;caf\ufffd;leaf']);
  });

  it('handles a 1 MB line', () => {
    const frames = Array.from({ length: 90_000 }, (_, i) => `frame_${i}_abc`);
    const line = `${frames.join(';')} 7\n`;
    expect(line.length).toBeGreaterThan(1_000_000);
    const p = importProfile('tall.folded', text(`${line}a;b 1\n`));
    expect(p.stackCount).toBe(2);
    expect(p.stacks.depth(0)).toBe(90_000);
    expect(p.totalWeight()).toBe(8);
  });

  it('rejects binary data with the byte offset', () => {
    const bytes = new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x02]);
    expect(() => decodeText('blob.bin', bytes)).toThrow(InputError);
    expect(() => decodeText('blob.bin', bytes)).toThrow(
      'blob.bin: byte 2: binary data (expected a text profile)',
    );
  });

  it('reports corrupt gzip with the file name', () => {
    const gz = gzipSync(text(SIMPLE));
    expect(() => makeInput('cut.folded.gz', gz.subarray(0, 12))).toThrow(
      /cut\.folded\.gz: byte 0: corrupt gzip data/,
    );
  });

  it('says "no samples in FILE" for empty input', () => {
    expect(() => importProfile('empty.txt', new Uint8Array())).toThrow('no samples in empty.txt');
    expect(() => importProfile('blank.folded', text('\n \n# only a comment\n'))).toThrow(
      'no samples in blank.folded',
    );
  });
});

describe('large inputs are read in pieces', () => {
  it('streams a >16 MB file (BOM, CRLF, non-ASCII, a 1.4 MB line) in pieces', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { importProfileFile } = await import('../../src/formats/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'flamediff-big-'));
    try {
      const lines: string[] = [];
      const distinct = new Set<string>();
      let total = 0;
      const pad = 'x'.repeat(60);
      for (let i = 0; lines.length < 200_000; i++) {
        const w = 1 + (i % 5);
        total += w;
        const stack = `root;caf\u00e9_${i % 977}_${pad};mid_${i % 31};leaf_${i % 7919}`;
        distinct.add(stack);
        lines.push(`${stack} ${w}`);
      }
      const long = `${Array.from({ length: 20_000 }, (_, i) => `deep_${i}_${pad}`).join(';')} 3`;
      total += 3;
      const content = `\ufeff${lines.slice(0, 100_000).join('\r\n')}\r\n${long}\r\n${lines.slice(100_000).join('\r\n')}\r\n`;
      const path = join(dir, 'big.folded');
      writeFileSync(path, content);
      expect(Buffer.byteLength(content)).toBeGreaterThan(16 << 20);
      const streamed = await importProfileFile(path);
      expect(streamed.totalWeight()).toBe(total);
      expect(streamed.stackCount).toBe(distinct.size + 1);
      expect(streamed.frames.names.includes('root')).toBe(true);
      expect(streamed.frames.names.includes('\ufeffroot')).toBe(false);
      expect(streamed.frames.names.includes(`caf\u00e9_5_${pad}`)).toBe(true);
      expect(streamed.frames.names.includes(`deep_19999_${pad}`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('folded files from 4 MB are streamed', () => {
  it('gives the profile and the error lines of reading the whole file', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { importProfileFile } = await import('../../src/formats/index.js');
    const { STREAM_FILE_AT, STREAM_FOLDED_AT } = await import('../../src/formats/input.js');
    const dir = mkdtempSync(join(tmpdir(), 'flamediff-mid-'));
    try {
      const lines: string[] = [];
      for (let i = 0; lines.length < 60_000; i++)
        lines.push(`main;work_${i % 97};${'f'.repeat(40)}_${i % 1013};leaf_${i} ${1 + (i % 3)}`);
      const path = join(dir, 'mid.folded');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const size = readFileSync(path).length;
      expect(size).toBeGreaterThan(STREAM_FOLDED_AT);
      expect(size).toBeLessThan(STREAM_FILE_AT);
      const streamed = await importProfileFile(path);
      const whole = importProfile(path, readFileSync(path));
      expect(streamed.frames.names).toEqual(whole.frames.names);
      const a = streamed.stacks.columns();
      const b = whole.stacks.columns();
      expect(a.length).toBe(60_000);
      expect(Array.from(a.ids.subarray(0, a.offsets[a.length]))).toEqual(
        Array.from(b.ids.subarray(0, b.offsets[b.length])),
      );
      expect(Array.from(a.weights.subarray(0, a.length))).toEqual(
        Array.from(b.weights.subarray(0, b.length)),
      );
      // A bad line far past the first piece is named by its line in the file.
      writeFileSync(path, `${lines.join('\n')}\nmain;oops\n${lines.join('\n')}\n`);
      const warnings: string[] = [];
      await importProfileFile(path, { onWarning: (w) => warnings.push(w) });
      expect(warnings).toEqual([`${path}: ignored 1 line with invalid format (first at line 60001)`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
