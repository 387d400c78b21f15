import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, importProfile, importProfileFile, makeInput } from '../../src/formats/index.js';
import { fixture, text } from './helpers.js';

describe('format dispatcher', () => {
  it.each([
    ['busy.perf', 'perf-script'],
    ['busy.perf.gz', 'perf-script'],
    ['dd.perf', 'perf-script'],
    ['pyspy-raw.txt', 'py-spy'],
    ['pyflame.txt', 'pyflame'],
    ['pyflame-timestamps.txt', 'pyflame'],
    ['wall.austin', 'austin'],
    ['async-profiler.collapsed', 'async-profiler'],
    ['peak-memory.prof', 'memory'],
    ['cpython-sampling.txt', 'cpython'],
    ['sample.diff-folded', 'diff-folded'],
    ['edge-cases.folded', 'folded'],
  ])('detects %s as %s', (name, format) => {
    expect(detectFormat(makeInput(name, fixture(name)))?.name).toBe(format);
  });

  it.each([
    ['perf script text', 'out.txt', 'busy.perf', 'perf-script'],
    ['austin', 'profile.txt', 'wall.austin', 'austin'],
    ['pyflame', 'profile.txt', 'pyflame.txt', 'pyflame'],
    ['CPython sampling', 'profile.txt', 'cpython-sampling.txt', 'cpython'],
    ['Fil memory', 'profile.txt', 'peak-memory.prof', 'memory'],
    ['async-profiler', 'profile.txt', 'async-profiler.collapsed', 'async-profiler'],
  ])('sniffs %s from content alone', (_what, name, file, format) => {
    expect(detectFormat(makeInput(name, fixture(file)))?.name).toBe(format);
  });

  it('lets a generic .folded name still pick the specific folded dialect', () => {
    expect(detectFormat(makeInput('x.folded', fixture('wall.austin')))?.name).toBe('austin');
  });

  it('honours an explicit format', () => {
    const p = importProfile('weird.bin', text('a;b 1\n'), { format: 'folded' });
    expect(p.meta.format).toBe('folded');
    expect(() => importProfile('x', text('a 1\n'), { format: 'nope' as never })).toThrow(
      /unknown format 'nope'/,
    );
  });

  it('rejects binary data it cannot identify', () => {
    expect(() => importProfile('blob.dat', new Uint8Array([0, 1, 2, 3, 4, 0, 9]))).toThrow(
      /blob\.dat: not a profile format flamediff knows/,
    );
  });

  it('sets meta.source and meta.format', () => {
    const p = importProfile('dir/x.folded', text('a;b 1\n'));
    expect(p.meta.source).toBe('dir/x.folded');
    expect(p.meta.format).toBe('folded');
  });
});

describe('a misspelt --format on an empty file', () => {
  it('names the format, not the empty file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-fmt-'));
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '');
    await expect(importProfileFile(file, { format: 'nope' as never })).rejects.toThrow(
      /unknown format 'nope'/,
    );
    expect(() => importProfile('empty.txt', new Uint8Array(0), { format: 'nope' as never })).toThrow(
      /unknown format 'nope'/,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('text that only looks like folded stacks at first', () => {
  // A Go thread profile (`go.godoc.thread` in pprof's testdata): a header that parses as a stack
  // with a count, then `count @ 0xaddr ...` lines that are not stacks.
  const thread = [
    'threadcreate profile: total 7',
    '1 @ 0x44cb3 0x45045 0x45323 0x45534 0x47e9c',
    '1 @ 0x44cb3 0x45045 0x45323 0x45534 0x46716',
    '1 @ 0x44cb3 0x45045 0x45323 0x45547 0x46716',
    '',
  ].join('\n');

  it('is refused when the format was guessed and most lines are not stacks', () => {
    expect(() => importProfile('go.godoc.thread', new TextEncoder().encode(thread))).toThrow(
      "go.godoc.thread:2: 3 of 4 lines are not a folded stack (first: '1 @ 0x44cb3 0x45045 0x45323 0x45534 0x47e9c'; expected `frame;frame;... count`), so this is not that format; pass --format folded to read its valid lines anyway",
    );
  });

  it('is read, with a warning, when the name or --format says folded', () => {
    const warnings: string[] = [];
    const bytes = new TextEncoder().encode(thread);
    const named = importProfile('t.folded', bytes, { onWarning: (w) => warnings.push(w) });
    expect(named.stackCount).toBe(1);
    expect(importProfile('t.txt', bytes, { format: 'folded' }).stackCount).toBe(1);
    expect(warnings).toEqual(['t.folded: ignored 3 lines with invalid format (first at line 2)']);
  });

  it('a few bad lines among many stacks are still only a warning', () => {
    const text = `${Array.from({ length: 9 }, (_, i) => `main;f${i} ${i + 1}`).join('\n')}\nnot a stack\n`;
    const p = importProfile('x.txt', new TextEncoder().encode(text), { onWarning: () => {} });
    expect(p.stackCount).toBe(9);
  });
});
