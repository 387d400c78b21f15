import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collapseCommand } from '../../src/commands/collapse.js';
import type { Io } from '../../src/commands/command.js';
import { FrameBytesTable } from '../../src/formats/frame-bytes-table.js';
import { importProfileFile } from '../../src/formats/index.js';
import { STREAM_FILE_AT } from '../../src/formats/input.js';
import { importFoldedMerged } from '../../src/formats/merged-import.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import type { StackTable } from '../../src/profile/stack-table.js';
import { mergeProfiles } from '../../src/profile/transform.js';

const FIXTURES = new URL('../fixtures/formats/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'flamediff-merged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function columns(t: StackTable) {
  const { ids, offsets, weights, length } = t.columns();
  return {
    ids: Array.from(ids.subarray(0, offsets[length])),
    weights: Array.from(weights.subarray(0, length)),
  };
}

/** Folded text of `lines` distinct-ish stacks whose frames repeat across files. */
function folded(seed: number, lines: number): string {
  let out = '';
  for (let i = 0; i < lines; i++) {
    const k = (i * 7919 + seed * 104729) % 5000;
    out += `root;mod_${k % 13};fn ${k % 97} (file_${k % 5}.py:${k % 31});leaf_${k}_[k] ${1 + (k % 9)}\n`;
  }
  return out;
}

describe('importFoldedMerged', () => {
  it('gives what importing each file and merging the profiles gives, stack for stack', async () => {
    const files = [0, 1, 2].map((i) => {
      const path = join(dir, `part-${i}.folded`);
      writeFileSync(path, `${i === 1 ? 'not a stack\n' : ''}${folded(i, 3000)}`);
      return { path, shownName: `part-${i}.folded` };
    });
    // One file big enough to be streamed in pieces, as importProfileFile does.
    const big = join(dir, 'big.folded');
    let text = '';
    while (text.length < STREAM_FILE_AT + 1000) text += folded(text.length, 20000);
    writeFileSync(big, text);
    files.push({ path: big, shownName: 'big.folded' });
    const warnings: string[] = [];
    const merged = await importFoldedMerged(files, { onWarning: (m) => warnings.push(m) });
    const profiles = [];
    for (const f of files) profiles.push(await importProfileFile(f.path, {}, f.shownName));
    const expected = mergeProfiles(profiles);
    expect(merged).toBeDefined();
    if (merged === undefined) return;
    expect(merged.frames.names).toEqual(expected.frames.names);
    expect(merged.frames.kinds).toEqual(expected.frames.kinds);
    expect(columns(merged.stacks)).toEqual(columns(expected.stacks));
    expect(writeFolded(merged)).toBe(writeFolded(expected));
    expect(merged.meta.source).toBe('part-0.folded');
    expect(warnings).toEqual(['part-1.folded: ignored 1 line with invalid format (first at line 1)']);
  });

  it('leaves anything but plain folded files to the general path', async () => {
    const perf = { path: join(FIXTURES, 'busy.perf'), shownName: 'busy.perf' };
    const fold = { path: join(FIXTURES, 'edge-cases.folded'), shownName: 'edge-cases.folded' };
    expect(await importFoldedMerged([fold, perf])).toBeUndefined();
    expect(
      await importFoldedMerged([fold, { path: join(dir, 'missing'), shownName: 'missing' }]),
    ).toBeUndefined();
    expect(await importFoldedMerged([fold, fold])).toBeDefined();
  });

  it('backs `flamediff collapse` of several folded files, with the same output', async () => {
    writeFileSync(join(dir, 'a.folded'), folded(3, 500));
    writeFileSync(join(dir, 'b.folded'), folded(4, 500));
    const out: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: () => {}, isTTY: false, cwd: dir, env: {} };
    expect(await collapseCommand.run(['a.folded', 'b.folded', '-o', 'ab.out'], io)).toBe(0);
    expect(await collapseCommand.run(['a.folded', 'b.folded'], io)).toBe(0);
    const a = await importProfileFile(join(dir, 'a.folded'));
    const b = await importProfileFile(join(dir, 'b.folded'));
    const expected = writeFolded(mergeProfiles([a, b]));
    expect(out.join('')).toBe(expected);
    expect(readFileSync(join(dir, 'ab.out'), 'utf8')).toBe(expected);
  });
});

describe('FrameBytesTable', () => {
  it('finds keys by their bytes at any offset, four bytes at a time and in the tail', () => {
    const t = new FrameBytesTable();
    const base = Buffer.from('xx' + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3));
    const keys: [number, number][] = [];
    let id = 0;
    for (let len = 0; len < 40; len++) {
      keys.push([2, 2 + len]);
      t.set(base, 2, 2 + len, false, id++);
    }
    // The same bytes elsewhere (another alignment) find the same ids.
    const copy = Buffer.concat([Buffer.from('y'), base]);
    for (let len = 0; len < 40; len++) expect(t.get(copy, 3, 3 + len, false)).toBe(len);
    // One byte changed anywhere (whole words or tail) is another key; the root flag too.
    for (let len = 1; len < 40; len++) {
      for (let at = 0; at < len; at++) {
        const changed = Buffer.from(copy);
        changed[3 + at] ^= 0x20;
        expect(t.get(changed, 3, 3 + len, false)).toBe(-1);
      }
      expect(t.get(copy, 3, 3 + len, true)).toBe(-1);
    }
    // Long keys (longer than the word buffer) and many keys (rehash) still work.
    const long = Buffer.from('L'.repeat(1000));
    t.set(long, 0, 1000, true, 99);
    expect(t.get(Buffer.concat([Buffer.from('.'), long]), 1, 1001, true)).toBe(99);
    for (let i = 0; i < 20000; i++) {
      const k = Buffer.from(`frame_${i}`);
      t.set(k, 0, k.length, false, 1000 + i);
    }
    for (let i = 0; i < 20000; i += 7) {
      const k = Buffer.from(`frame_${i}`);
      expect(t.get(k, 0, k.length, false)).toBe(1000 + i);
    }
  });
});
