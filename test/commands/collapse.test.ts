import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collapseCommand } from '../../src/commands/collapse.js';
import type { Io } from '../../src/commands/command.js';
import { convertCommand } from '../../src/commands/convert.js';
import { UserError } from '../../src/errors.js';

const FIXTURES = new URL('../fixtures/formats/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'flamediff-collapse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): Io & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (t: string) => {
      o.out += t;
    },
    stderr: (t: string) => {
      o.err += t;
    },
    isTTY: false,
    cwd: FIXTURES,
    env: {},
  };
  return o;
}

describe('flamediff collapse', () => {
  it('writes canonical folded text of perf script input to stdout', async () => {
    const x = io();
    expect(await collapseCommand.run(['busy.perf'], x)).toBe(0);
    const lines = x.out.trimEnd().split('\n');
    expect(lines).toContain(lines.find((l) => l.startsWith('busy;__libc_start_call_main;main;middle;leaf ')));
    expect([...lines].sort()).toEqual(lines);
  });

  it('passes the perf options through and writes -o OUT', async () => {
    const out = join(dir, 'dd.folded');
    const x = io();
    expect(await collapseCommand.run(['--kernel', '--addrs', 'dd.perf', '-o', out], x)).toBe(0);
    expect(x.out).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('do_syscall_64_[k]');
    expect(text).toContain('dd;[dd <5ba1>] ');
  });

  it('merges several files', async () => {
    writeFileSync(join(dir, 'a.folded'), 'x;y 1\nx;z 2\n');
    writeFileSync(join(dir, 'b.folded'), 'x;y 4\n');
    const x = io();
    x.cwd = dir;
    await collapseCommand.run(['a.folded', 'b.folded'], x);
    expect(x.out).toBe('x;y 5\nx;z 2\n');
  });

  it('refuses a bad FLAMEDIFF_THREADS in one line and keeps the old output', async () => {
    writeFileSync(join(dir, 'c.folded'), 'x;y 1\n');
    writeFileSync(join(dir, 'kept.folded'), 'old 1\n');
    const x = io();
    x.cwd = dir;
    x.env = { FLAMEDIFF_THREADS: 'many' };
    await expect(collapseCommand.run(['c.folded', 'c.folded', '-o', 'kept.folded'], x)).rejects.toThrow(
      /^FLAMEDIFF_THREADS='many' is not valid; expected 1 .* or 2 /,
    );
    expect(readFileSync(join(dir, 'kept.folded'), 'utf8')).toBe('old 1\n');
    x.env = { FLAMEDIFF_THREADS: '2' };
    await collapseCommand.run(['c.folded', 'c.folded'], x);
    expect(x.out).toBe('x;y 2\n');
  });

  it('reports ignored lines on stderr, bad input as a one-line UserError, and keeps old output', async () => {
    writeFileSync(join(dir, 'mixed.folded'), 'x;y 1\nnot a stack\n');
    writeFileSync(join(dir, 'bad.folded'), 'garbage\n');
    writeFileSync(join(dir, 'keep.folded'), 'old content\n');
    const x = io();
    x.cwd = dir;
    await collapseCommand.run(['mixed.folded'], x);
    expect(x.err).toBe(
      'flamediff: warning: mixed.folded: ignored 1 line with invalid format (first at line 2)\n',
    );
    const run = collapseCommand.run(['bad.folded', '-o', 'keep.folded'], x);
    await expect(run).rejects.toThrow(UserError);
    await expect(collapseCommand.run(['bad.folded'], x)).rejects.toThrow(
      "bad.folded:1: not a folded stack line: 'garbage'",
    );
    expect(readFileSync(join(dir, 'keep.folded'), 'utf8')).toBe('old content\n');
    await expect(collapseCommand.run([], x)).rejects.toThrow(/no input FILE/);
    await expect(collapseCommand.run(['--bogus', 'x'], x)).rejects.toThrow(/--bogus/);
    await expect(collapseCommand.run(['missing.perf'], x)).rejects.toThrow(
      'missing.perf: cannot read (no such file or directory)',
    );
  });

  it('reports an OUT it cannot write, and leaves no temp file behind', async () => {
    const x = io();
    x.cwd = dir;
    writeFileSync(join(dir, 'w.folded'), 'a;b 1\n');
    await expect(collapseCommand.run(['w.folded', '-o', 'no-such-dir/out.folded'], x)).rejects.toThrow(
      'no-such-dir/out.folded: cannot write (no such file or directory; is no-such-dir a writable directory?)',
    );
    expect(await collapseCommand.run(['w.folded', '-o', 'w.out'], x)).toBe(0);
    expect(readFileSync(join(dir, 'w.out'), 'utf8')).toBe('a;b 1\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to merge profiles with different units', async () => {
    await expect(collapseCommand.run(['busy.perf', 'pyspy-raw.txt'], io())).rejects.toThrow(
      /different units/,
    );
  });

  it('has help with examples', () => {
    expect(collapseCommand.help).toMatch(/Examples:/);
    expect(collapseCommand.help).toMatch(/--event-filter/);
  });
});

describe('flamediff convert', () => {
  it('converts to folded and to speedscope JSON', async () => {
    const x = io();
    await convertCommand.run(['pyspy-raw.txt', '--to', 'folded'], x);
    expect(x.out).toContain('compute (app.py:12) 57\n');
    const y = io();
    await convertCommand.run(['busy.perf', '--to', 'speedscope'], y);
    const json = JSON.parse(y.out);
    expect(json.$schema).toBe('https://www.speedscope.app/file-format-schema.json');
    expect(json.shared.frames.some((f: { name: string }) => f.name === 'leaf')).toBe(true);
  });

  it('validates --to and the number of inputs', async () => {
    await expect(convertCommand.run(['busy.perf'], io())).rejects.toThrow(/--to is required/);
    await expect(convertCommand.run(['busy.perf', '--to', 'svg'], io())).rejects.toThrow(
      /'svg' is not supported/,
    );
    await expect(convertCommand.run(['a', 'b', '--to', 'folded'], io())).rejects.toThrow(
      /exactly one input FILE/,
    );
  });
});
