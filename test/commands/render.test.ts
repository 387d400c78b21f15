import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/command.js';
import { expandDiffBase, renderCommand } from '../../src/commands/render.js';
import { UserError } from '../../src/errors.js';
import { fixture, rng } from '../render/helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-render-cmd-'));
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
    cwd: dir,
    env: {},
  };
  return o;
}

/** One run of a toy program: `work` grows from 30% to 50% in head, with run-to-run noise. */
function run(file: string, workShare: number, seed: number): string {
  const r = rng(seed);
  const n = (x: number) => Math.round(x * (0.97 + 0.06 * r()));
  const work = n(1000 * workShare);
  const text = `main;work;inner ${work}\nmain;io ${n(300)}\nmain;parse ${n(1000 - 300 - 1000 * workShare)}\n`;
  writeFileSync(path.join(dir, file), text);
  return file;
}

describe('flamediff render', () => {
  writeFileSync(path.join(dir, 'py.folded'), fixture('py.folded'));

  it('expands --diff-base FILES... up to the next option', () => {
    expect(expandDiffBase(['h1', '--diff-base', 'b1', 'b2', '-o', 'x'])).toEqual([
      'h1',
      '--diff-base',
      'b1',
      '--diff-base',
      'b2',
      '-o',
      'x',
    ]);
  });

  it('writes an SVG, a PNG and text', async () => {
    const o = io();
    expect(await renderCommand.run(['py.folded', '-o', 'out.svg', '--title', 'T', '--inverted'], o)).toBe(0);
    const svg = readFileSync(path.join(dir, 'out.svg'), 'utf8');
    expect(svg).toContain('<title>T</title>');
    expect(svg).toContain('app.py:main');
    expect(await renderCommand.run(['py.folded', '-o', 'out.png', '--minwidth', '2'], o)).toBe(0);
    expect(readFileSync(path.join(dir, 'out.png')).subarray(1, 4).toString()).toBe('PNG');
    const t = io();
    expect(await renderCommand.run(['py.folded', '--format', 'text', '--budget', '500'], t)).toBe(0);
    expect(t.out).toContain('MainThread');
    expect(t.out.length).toBeLessThanOrEqual(500);
  });

  it('merges several files', async () => {
    const o = io();
    expect(await renderCommand.run(['py.folded', 'py.folded', '--format', 'text'], o)).toBe(0);
    expect(o.out).toContain('1968 samples');
  });

  it("takes the directory `record` writes (its runs.json) as that directory's runs", async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'runs'));
    writeFileSync(path.join(dir, 'runs', 'run-1.folded'), readFileSync(path.join(dir, 'py.folded')));
    writeFileSync(path.join(dir, 'runs', 'run-2.folded'), readFileSync(path.join(dir, 'py.folded')));
    writeFileSync(path.join(dir, 'runs', 'notes.txt.folded'), 'main;not-listed 99999\n');
    writeFileSync(
      path.join(dir, 'runs', 'runs.json'),
      JSON.stringify({ runs: [{ file: 'run-1.folded' }, { file: 'run-2.folded' }] }),
    );
    const o = io();
    expect(await renderCommand.run(['runs', '--format', 'text'], o), o.err).toBe(0);
    // The two listed runs merged (984 samples each), nothing else in the directory.
    expect(o.out).toContain('1968 samples');
    expect(o.out).not.toContain('not-listed');
  });

  it('refuses an output extension it will not write, and a --format that contradicts it', async () => {
    for (const [args, re] of [
      [['py.folded', '-o', 'out.jpg'], /cannot write out\.jpg: \.jpg is not a format render writes/],
      [['py.folded', '-o', 'out.svg', '--format', 'png'], /--format png does not match out\.svg/],
    ] as const) {
      await expect(renderCommand.run([...args], io())).rejects.toThrow(re);
    }
  });

  it('draws a differential graph from runs on both sides', async () => {
    const base = [
      run('b1.folded', 0.3, 1),
      run('b2.folded', 0.3, 2),
      run('b3.folded', 0.3, 3),
      run('b4.folded', 0.3, 4),
    ];
    const head = [
      run('h1.folded', 0.5, 5),
      run('h2.folded', 0.5, 6),
      run('h3.folded', 0.5, 7),
      run('h4.folded', 0.5, 8),
    ];
    const o = io();
    expect(await renderCommand.run([...head, '--diff-base', ...base, '-o', 'diff.svg'], o)).toBe(0);
    const svg = readFileSync(path.join(dir, 'diff.svg'), 'utf8');
    expect(svg).toContain('Runs: base 4, head 4');
    // `work` grew by 20 points in every run: it must be drawn red.
    const m = /<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><text [^>]*>work</.exec(svg);
    expect(m).not.toBeNull();
    const fill = (m as RegExpExecArray)[1];
    expect(Number.parseInt(fill.slice(1, 3), 16)).toBeGreaterThan(
      Number.parseInt(fill.slice(5, 7), 16) + 100,
    );
    const t = io();
    expect(await renderCommand.run([...head, '--diff-base', ...base, '--format', 'text'], t)).toBe(0);
    expect(t.out).toMatch(/work\s+▲ \+\d+\.\d\dpp/);
  });

  it('draws the "no samples" picture for an empty profile, but will not compare one', async () => {
    writeFileSync(path.join(dir, 'empty.folded'), '');
    writeFileSync(path.join(dir, 'zero.folded'), 'main;a 0\n');
    for (const f of ['empty.folded', 'zero.folded']) {
      const x = io();
      expect(await renderCommand.run([f, '-o', 'empty.svg'], x)).toBe(0);
      expect(x.err).toMatch(new RegExp(`no samples in .*${f.replace('.', '\\.')}`));
      expect(readFileSync(path.join(dir, 'empty.svg'), 'utf8')).toContain('No samples');
    }
    const base = run('nonempty.folded', 0.3, 99);
    await expect(
      renderCommand.run(['empty.folded', '--diff-base', base, '-o', 'd.svg'], io()),
    ).rejects.toThrow(/no samples in .*empty\.folded/);
  });

  it('rejects bad flags and inputs with one-line errors', async () => {
    await expect(renderCommand.run(['py.folded', '--format', 'gif'], io())).rejects.toThrow(
      /--format 'gif' is not valid; expected svg, png or text/,
    );
    await expect(renderCommand.run(['py.folded', '--format', 'png'], io())).rejects.toThrow(
      /PNG output needs -o/,
    );
    await expect(renderCommand.run(['py.folded', '--minwidth', 'x'], io())).rejects.toThrow(/--minwidth 'x'/);
    await expect(renderCommand.run(['py.folded', '--negate'], io())).rejects.toThrow(
      /--negate needs --diff-base/,
    );
    await expect(renderCommand.run(['py.folded', '--palette', 'nope'], io())).rejects.toThrow(
      /unknown palette 'nope'/,
    );
    await expect(renderCommand.run(['missing.folded'], io())).rejects.toThrow(/missing\.folded: cannot read/);
    await expect(renderCommand.run([], io())).rejects.toBeInstanceOf(UserError);
    // not parseArgs' "argument is ambiguous" for a missing list
    for (const argv of [
      ['py.folded', '--diff-base', '-o', 'x.svg'],
      ['py.folded', '--diff-base'],
    ]) {
      await expect(renderCommand.run(argv, io())).rejects.toThrow(
        /--diff-base needs one or more base profiles/,
      );
    }
  });
});
