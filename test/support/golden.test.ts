import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLESS, expectGolden, goldenPath, readGolden } from './golden.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(BLESS)('golden files (without BLESS=1)', () => {
  it('fails when the golden file is missing, and does not create it', () => {
    const file = path.join(dir, 'missing.txt');
    expect(() => expectGolden(file, 'x\n')).toThrow(/missing golden file .*missing\.txt; run with BLESS=1/);
    expect(() => readGolden(file, 'x\n')).toThrow(/missing golden file/);
    expect(() => readFileSync(file)).toThrow();
  });

  it('passes on equal bytes and names the first differing line otherwise', () => {
    const file = path.join(dir, 'g.txt');
    writeFileSync(file, 'a\nb\nc\n');
    expectGolden(file, 'a\nb\nc\n');
    expectGolden(file, new TextEncoder().encode('a\nb\nc\n'));
    expect(() => expectGolden(file, 'a\nB\nc\n')).toThrow(
      /differs from the output at line 2:\n {2}golden: b\n {2}actual: B/,
    );
    expect(() => expectGolden(file, 'a\nb\n')).toThrow(/at line 3/);
    expect(() => expectGolden(file, new Uint8Array([1]))).toThrow(/1 vs 6 bytes; BLESS=1 to accept/);
    expect(readFileSync(file, 'utf8')).toBe('a\nb\nc\n');
  });

  it('resolves relative names under test/fixtures', () => {
    expect(goldenPath('render/py.svg')).toBe(path.resolve(import.meta.dirname, '../fixtures/render/py.svg'));
    expect(goldenPath(dir)).toBe(dir);
  });
});
