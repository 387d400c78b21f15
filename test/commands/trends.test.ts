import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import { serializeHistory } from '../../src/history/index.js';
import { frameName, shaOf, syntheticHistory } from '../history/synthetic.js';

let dir: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['trends', ...argv], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    cwd: dir,
    env: {},
  });
  return { code, stdout, stderr };
}

const creeping = syntheticHistory({
  commits: 40,
  frames: 12,
  noise: 0.003,
  creeps: [{ frame: 2, from: 29, perStep: 0.012 }],
  shifts: [{ frame: 4, at: 20, factor: 1.3 }],
  totalShifts: [{ at: 25, factor: 1.2 }],
  names: { 5: 'evil\u001b[31m\nframe', 7: 'bidi\u202eevil\u2066x\u2028y\u200fz' },
  pullEvery: 4,
});
const calm = syntheticHistory({ commits: 30, frames: 6, noise: 0.003, seed: 2 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-trends-'));
  await mkdir(path.join(dir, '.flamediff/history'), { recursive: true });
  await mkdir(path.join(dir, 'other/history'), { recursive: true });
  await writeFile(path.join(dir, '.flamediff/history/main.json'), serializeHistory(creeping));
  await writeFile(
    path.join(dir, '.flamediff/history/release.json'),
    serializeHistory({ ...calm, branch: 'release' }),
  );
  await writeFile(path.join(dir, 'other/history/dev.json'), serializeHistory({ ...calm, branch: 'dev' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('flamediff trends', () => {
  it('prints series, change points and creeping frames as text', async () => {
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^flamediff trends: main, 40 baselines \(2026-01-01 \.\. 2026-01-29\), 12 frames\n/,
    );
    expect(r.stdout).toContain(`shift at ${shaOf(25).slice(0, 7)}: `);
    expect(r.stdout).toMatch(
      new RegExp(
        `[▁▂▃▄▅▆▇█]{20}  ${frameName(4).replace(/[.]/g, '\\.')}\\n +shift at ${shaOf(20).slice(0, 7)}: `,
      ),
    );
    expect(r.stdout).toContain('1 creeping frame(s):');
    expect(r.stdout).toContain('creeping: +');
    // Control characters from frame names never reach the terminal.
    expect(r.stdout).toContain('evil?[31m?frame');
    expect(r.stdout).not.toContain('\u001b');
    // Nor do bidi controls and line separators (they would reorder or break the terminal line).
    expect(r.stdout).toContain('bidi?evil?x?y?z');
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u2028\u2029]/);
  });

  it('refuses a --branch that would leave the store', async () => {
    for (const b of ['../../etc/passwd', '/abs', 'a//b', 'x/../main']) {
      const r = await cli('--branch', b);
      expect(r.code, b).toBe(2);
      expect(r.stderr).toContain(`branch '${b}' cannot be stored`);
    }
    expect((await cli('--branch', 'release')).code).toBe(0);
  });

  it('exits 1 with --fail-on-creep only when a frame creeps', async () => {
    expect((await cli('--fail-on-creep')).code).toBe(1);
    expect((await cli('--fail-on-creep', '--frame', 'handler_(4|1)$')).code).toBe(0);
    expect((await cli('--fail-on-creep', '--branch', 'release')).code).toBe(0);
  });

  it('writes JSON with the analysis', async () => {
    const r = await cli('--format', 'json', '--frame', 'handler_4$');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.branch).toBe('main');
    expect(j.frames.map((f: { key: string }) => f.key)).toEqual([frameName(4)]);
    expect(j.frames[0].changePoints.map((c: { sha: string }) => c.sha)).toEqual([shaOf(20)]);
    expect(j.frames[0].values).toHaveLength(40);
    expect(j.commits[0]).toEqual({
      sha: shaOf(0),
      date: '2026-01-01T00:00:00.000Z',
      total: expect.any(Number),
      pull: 100,
    });
    expect(j.total.changePoints.map((c: { entry: number }) => c.entry)).toEqual([25]);
  });

  it('writes the dashboard as one page or as a site', async () => {
    const page = await cli('--format', 'html');
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).not.toContain('<script src=');
    const site = await cli('--format', 'html', '--out', 'site', '--store-dir', 'other');
    expect(site.code).toBe(0);
    expect(site.stderr).toContain(path.join(dir, 'site', 'index.html'));
    expect((await readdir(path.join(dir, 'site'))).sort()).toEqual([
      'dashboard.css',
      'dashboard.js',
      'data.js',
      'index.html',
      'uPlot.iife.min.js',
      'uPlot.min.css',
    ]);
  });

  it('reads a history file given by path, and picks the only branch of a store', async () => {
    const r = await cli('--history', '.flamediff/history/release.json', '--top', '2');
    expect(r.stdout).toMatch(/^flamediff trends: release, 30 baselines/);
    expect(r.stdout).toContain('frames (2 of 6');
    expect((await cli('--store-dir', 'other')).stdout).toMatch(/^flamediff trends: dev, /);
  });

  it('says so when a branch has no baselines yet', async () => {
    await writeFile(
      path.join(dir, '.flamediff/history/empty.json'),
      serializeHistory({ ...calm, branch: 'empty', entries: [] }),
    );
    const r = await cli('--branch', 'empty', '--fail-on-creep');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'flamediff trends: empty, 0 baselines (none), 0 frames\nNo baselines recorded yet.\n',
    );
    await rm(path.join(dir, '.flamediff/history/empty.json'));
  });

  it('fails with one line and exit 2 on bad input, leaving a newer file untouched', async () => {
    const cases: [string[], RegExp][] = [
      [['--branch', 'nope'], /no history for branch 'nope' in the dir store .*; stored: main, release$/m],
      [
        ['--branch', 'mian'],
        /no history for branch 'mian' .*\(did you mean 'main'\?\); stored: main, release/,
      ],
      [['--store-dir', 'missing'], /missing\/history: no history recorded/],
      [
        ['--store', '.flamediff'],
        /--store '\.flamediff' is not valid \(expected dir or git; .*--store-dir DIR\)/,
      ],
      [['--history', 'nope.json'], /nope\.json: cannot read the history \(no such file or directory\)/],
      [['--frame', '('], /--frame '\(' is not a valid regular expression/],
      [['--format', 'xml'], /--format 'xml' is not valid; expected text, json or html/],
      [['--out', 'x'], /--out needs --format html/],
      [['--top=-1'], /--top '-1' is not valid/],
      [['--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const newer = path.join(dir, '.flamediff/history/future.json');
    const text = '{"schema":99,"branch":"future","entries":[]}\n';
    await writeFile(newer, text);
    const r = await cli('--branch', 'future');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${newer}: schema: 99 was written by a newer flamediff`);
    expect(await readFile(newer, 'utf8')).toBe(text);
    await writeFile(newer, '{"schema":2,\n"branch":');
    expect((await cli('--branch', 'future')).stderr).toMatch(/future\.json:2: not valid JSON/);
    await rm(newer);
  });
});

describe('flamediff trends --store git', () => {
  it('reads the history from the data branch of a real remote', async () => {
    const { makeRemote } = await import('../store/helpers/git-fixture.js');
    const { GitStore } = await import('../../src/store/git-store.js');
    const remote = makeRemote();
    try {
      const writer = remote.clone('writer');
      const store = await GitStore.open({ repoDir: writer, remote: 'origin', branch: 'flamediff-data' });
      await store.update('history', async (tx) => {
        tx.write('history/main.json', serializeHistory(calm));
      });
      await store.close();
      const reader = remote.clone('reader');
      let stdout = '';
      let stderr = '';
      const code = await runCli(['trends', '--store', 'git', '--branch', 'main'], {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        isTTY: false,
        cwd: reader,
        env: {},
      });
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/^flamediff trends: main, 30 baselines/);
    } finally {
      await rm(remote.root, { recursive: true, force: true });
    }
  });
});
