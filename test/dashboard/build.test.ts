import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDashboard, buildDashboardPage, dashboardData, safeUrl } from '../../src/dashboard/index.js';
import { emptyHistory } from '../../src/history/index.js';
import { shaOf, syntheticHistory } from '../history/synthetic.js';

const EVIL = '</script><script>alert(1)</script>\u2028<!--';
const h = syntheticHistory({
  commits: 60,
  frames: 20,
  noise: 0.01,
  shifts: [{ frame: 2, at: 30, factor: 1.4 }],
  pullEvery: 5,
  names: { 4: EVIL },
});

describe('buildDashboard', () => {
  it('writes index.html, the data and the bundled uPlot, referencing only its own files', () => {
    const files = buildDashboard(h, { repoUrl: 'https://github.com/acme/app/' });
    expect([...files.keys()].sort()).toEqual([
      'dashboard.css',
      'dashboard.js',
      'data.js',
      'index.html',
      'uPlot.iife.min.js',
      'uPlot.min.css',
    ]);
    const html = files.get('index.html') as string;
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(refs).toEqual([
      'dashboard.css',
      'dashboard.js',
      'data.js',
      'data:,',
      'uPlot.iife.min.js',
      'uPlot.min.css',
    ]);
    expect(html).toContain("script-src 'self'");
    expect(files.get('uPlot.iife.min.js')).toMatch(/^\/\*! https:\/\/github\.com\/leeoniya\/uPlot/);
    expect((files.get('uPlot.min.css') as string).length).toBeGreaterThan(1000);
  });

  it('embeds untrusted frame names as inert script data', () => {
    const data = buildDashboard(h).get('data.js') as string;
    expect(data).not.toMatch(/[<>&\u2028]/);
    const parsed = JSON.parse(data.replace(/^window\.FLAMEDIFF_DATA = /, '').replace(/;\n$/, ''));
    expect(parsed.frames.map((f: { key: string }) => f.key)).toContain(EVIL);
  });

  it('resolves links and refuses script URLs', () => {
    const d = dashboardData(h, {
      repoUrl: 'https://github.com/acme/app',
      flamegraphUrl: (sha) => (sha === shaOf(1) ? 'javascript:alert(1)' : `runs/${sha}/flame.svg`),
    });
    expect(d.commits.flame[0]).toBe(`runs/${shaOf(0)}/flame.svg`);
    expect(d.commits.flame[1]).toBeNull();
    expect(d.commits.pullUrl[0]).toBe('https://github.com/acme/app/pull/100/files');
    expect(d.commits.pullUrl[1]).toBeNull();
    expect(d.commits.commitUrl[2]).toBe(`https://github.com/acme/app/commit/${shaOf(2)}`);
    const custom = dashboardData(h, { pullUrl: (n) => `https://example.test/pr/${n}` });
    expect(custom.commits.pullUrl[5]).toBe('https://example.test/pr/105');
    expect(custom.commits.commitUrl[0]).toBeNull();
    for (const bad of ['javascript:x', ' JAVASCRIPT:x', 'data:text/html,x', '//evil.test/x', 'vbscript:x'])
      expect(safeUrl(bad), bad).toBeNull();
    for (const ok of ['https://x.test/a', 'http://x.test', 'a/b.svg', '../a.svg', '/abs/a.svg', 'a.svg#f'])
      expect(safeUrl(ok), ok).toBe(ok);
  });

  it('carries change points and puts frames with news first', () => {
    const d = dashboardData(h);
    const shifted = d.frames.findIndex((f) => f.key === 'src/app/module_2.py:handler_2');
    expect(d.frames[shifted].changes.map((c) => c.e)).toEqual([30]);
    expect(d.top[0]).toBe(shifted);
    expect(d.top).toHaveLength(8);
    expect(d.frames[0].v).toHaveLength(60);
    expect(d.frames[0].v.every((x) => Number.isInteger(x))).toBe(true);
  });

  it('is byte-for-byte deterministic', () => {
    const a = buildDashboard(h, { repoUrl: 'https://github.com/acme/app' });
    const b = buildDashboard(
      syntheticHistory({
        commits: 60,
        frames: 20,
        noise: 0.01,
        shifts: [{ frame: 2, at: 30, factor: 1.4 }],
        pullEvery: 5,
        names: { 4: EVIL },
      }),
      { repoUrl: 'https://github.com/acme/app' },
    );
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  it('builds for an empty history', () => {
    const files = buildDashboard(emptyHistory('main'));
    expect(files.get('data.js')).toContain('"sha":[]');
  });
});

describe('buildDashboardPage', () => {
  it('inlines everything and allows exactly its own scripts by hash', () => {
    const page = buildDashboardPage(h);
    expect(page).not.toMatch(/<script src=|<link rel="stylesheet"/);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(3);
    const csp = /script-src ([^;]+);/.exec(page)![1];
    const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect(csp).toBe(hashes.join(' '));
    expect(page).toContain("default-src 'none'");
  });
});
