import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import type { Io } from '../../src/commands/command.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import { buildModel, simulateSet } from '../support/simulate.js';

// Run sets written as folded files (one file per run) by the seeded simulator of bench/verdicts.
const dir = mkdtempSync(join(tmpdir(), 'flamediff-compare-'));
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

beforeAll(() => {
  const model = buildModel();
  const noise = { samples: 10_000, cv: 0.02, outlierRate: 0 };
  const write = (name: string, seed: number, effect = 0) => {
    mkdirSync(join(dir, name));
    simulateSet(model, noise, 5, seed, effect, model.targets['20%']).forEach((r, i) => {
      writeFileSync(join(dir, name, `run-${i + 1}.folded`), writeFolded(r.profile));
    });
  };
  write('base', 11);
  write('same', 12);
  write('slow', 13, 0.3);
  // A frame name that tries Markdown/HTML injection and a mention.
  mkdirSync(join(dir, 'evil'));
  mkdirSync(join(dir, 'evil-base'));
  for (let i = 0; i < 3; i++) {
    writeFileSync(
      join(dir, 'evil-base', `r${i}.folded`),
      `main;ok ${5000 + i}\nmain;@octocat <img src=x> [link](http://x) ${5000 - i}\n`,
    );
    writeFileSync(
      join(dir, 'evil', `r${i}.folded`),
      `main;ok ${5000 + i}\nmain;@octocat <img src=x> [link](http://x) ${9000 - i}\n`,
    );
  }
  writeFileSync(join(dir, 'broken.folded'), 'this line has no count\nnor this one\n');
});

describe('flamediff compare', () => {
  it('A/A directories: pass, exit 0, text report', async () => {
    const x = io();
    expect(await runCli(['compare', '--base', 'base', '--head', 'same', '--fail-on-regression'], x)).toBe(0);
    expect(x.out).toMatch(/^flamediff: PASS/);
    expect(x.err).toBe('');
  });

  it('regression: exit 1 (the default, as in check), 0 with --no-fail-on-regression; JSON written with --json', async () => {
    const x = io();
    expect(
      await runCli(
        ['compare', '--base', 'base', '--head', 'slow', '--fail-on-regression', '--json', 'out.json'],
        x,
      ),
    ).toBe(1);
    expect(x.out).toMatch(/^flamediff: FAIL/);
    expect(x.out).toMatch(/Regressed frames \(ranked\):\n.*\n +1 +hot20 /);
    expect(x.out).not.toMatch(/n\/a|unknown machine|Baseline: +on/);
    const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(report.schema).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.frames[0]).toMatchObject({ name: 'hot20', status: 'regressed', rank: 1 });
    expect(report.settings.alpha).toBe(0.01);
    const y = io();
    expect(await runCli(['compare', '--base', 'base', '--head', 'slow', '--no-fail-on-regression'], y)).toBe(
      0,
    );
    expect(await runCli(['compare', '--base', 'base', '--head', 'slow'], io())).toBe(1);
  });

  it('files as comma lists and repeated flags; json to stdout; settings flags', async () => {
    const x = io();
    const files = (d: string) => [1, 2, 3].map((i) => `${d}/run-${i}.folded`);
    const args = [
      'compare',
      '--base',
      files('base').join(','),
      '--head',
      files('slow')[0],
      '--head',
      files('slow')[1],
    ];
    expect(
      await runCli(
        [
          ...args,
          '--head',
          files('slow')[2],
          '--format',
          'json',
          '--alpha',
          '0.05',
          '--min-share',
          '0.01',
          '--no-fail-on-regression',
        ],
        x,
      ),
    ).toBe(0);
    const r = JSON.parse(x.out);
    expect(r.total.base.runs).toBe(3);
    expect(r.total.head.runs).toBe(3);
    expect(r.settings).toMatchObject({ alpha: 0.05, minShare: 0.01 });
  });

  it('markdown escapes untrusted frame names', async () => {
    const x = io();
    expect(
      await runCli(
        [
          'compare',
          '--base',
          'evil-base',
          '--head',
          'evil',
          '--format',
          'markdown',
          '--no-fail-on-regression',
        ],
        x,
      ),
    ).toBe(0);
    const prose = x.out.replace(/`[^`]*`/g, '');
    expect(prose).not.toMatch(/@octocat|<img|\]\(http/);
  });

  it('bad input: exit 2 with a one-line error naming the file', async () => {
    const cases: [string[], RegExp][] = [
      [['--base', 'nope', '--head', 'same'], /nope: cannot read/],
      [['--base', 'base', '--head', 'broken.folded'], /broken\.folded:1/],
      [['--base', 'base', '--head', 'same', '--alpha', 'x'], /--alpha 'x' is not valid/],
      [['--base', 'base', '--head', 'same', '--format', 'yaml'], /--format 'yaml'/],
      [['--base', 'base'], /--head is required/],
      [['--base', 'base', '--head', 'same', '--granularity', 'file'], /--granularity 'file'/],
    ];
    for (const [args, re] of cases) {
      const x = io();
      expect(await runCli(['compare', ...args], x), args.join(' ')).toBe(2);
      expect(x.err).toMatch(re);
      expect(x.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('flamediff compare --format markdown with hostile frame names', () => {
  it('prints names as code spans and breaks mentions and links in prose', async () => {
    const nasty = ['@org/team', '![x](http://e.com/a.png)', '<img src=x onerror=alert(1)>', 'org/repo#12'];
    mkdirSync(join(dir, 'hb'));
    mkdirSync(join(dir, 'hh'));
    for (let i = 0; i < 3; i++) {
      const lines = (nastyWeight: number) =>
        `${nasty.map((n, k) => `main;${n} ${nastyWeight + 10 * k + i}`).join('\n')}\nmain;ok ${5000 + i}\nmain;fine ${4000 + i}\n`;
      writeFileSync(join(dir, 'hb', `r${i}.folded`), lines(1000));
      writeFileSync(join(dir, 'hh', `r${i}.folded`), lines(2000));
    }
    const o = io();
    const code = await runCli(
      ['compare', '--base', 'hb', '--head', 'hh', '--format', 'markdown', '--no-fail-on-regression'],
      o,
    );
    expect(code, o.err).toBe(0);
    expect(o.out).toContain('`@org/team`');
    expect(o.out).toContain('`<img src=x onerror=alert(1)>`');
    // Outside code spans: no raw mention, image, tag or issue reference.
    const prose = o.out.replace(/`[^`]*`/g, '');
    expect(prose).not.toMatch(/@org|!\[|<img|repo#12/);
  });
});

describe('error prefix', () => {
  it('says "flamediff compare:" once, not "flamediff: flamediff compare:"', async () => {
    const x = io();
    expect(await runCli(['compare', '--base', 'base', '--head', 'same', '--alpha', 'x'], x)).toBe(2);
    expect(x.err).toMatch(/^flamediff compare: --alpha 'x' is not valid/);
  });
});
