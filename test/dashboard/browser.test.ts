import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, buildDashboardPage } from '../../src/dashboard/index.js';
import { shaOf, syntheticHistory } from '../history/synthetic.js';
import { readGolden } from '../support/golden.js';
import { type StaticServer, serveFiles } from './static-server.js';

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/dashboard/dashboard.png');
/** Share of pixels allowed to differ (font hinting, anti-aliasing on another machine). */
const PIXEL_TOLERANCE = 0.02;
const EVIL = '<img src=x onerror="window.__pwned=1">';

const history = syntheticHistory({
  commits: 150,
  frames: 40,
  noise: 0.01,
  shifts: [{ frame: 1, at: 70, factor: 1.3 }],
  creeps: [{ frame: 3, from: 140, perStep: 0.015 }],
  totalShifts: [{ at: 90, factor: 1.15 }],
  pullEvery: 3,
  names: { 6: EVIL },
  // Callers that carry all of handler_0: one chart, not three.
  wrappers: [{ of: 0, names: ['main', '<module>'] }],
});
const flamePath = (sha: string) => `profiles/main/${sha}/flamegraph.svg`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const files = buildDashboard(history, {
    repoUrl: 'https://github.com/acme/app',
    flamegraphUrl: flamePath,
  });
  for (const e of history.entries)
    files.set(flamePath(e.sha), `<svg xmlns="http://www.w3.org/2000/svg"><title>${e.sha}</title></svg>`);
  files.set('single/index.html', buildDashboardPage(history, { flamegraphUrl: (s) => `../${flamePath(s)}` }));
  server = await serveFiles(files);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--font-render-hinting=none',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  foreign: string[];
}

async function open(url: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 15_000 });
  return { page, errors, foreign };
}

/** Pixels of a canvas that are drawn on (not transparent), and how many of them are change-marker red. */
function canvasInk(page: Page, selector: string) {
  return page.$eval(selector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) ink++;
      if (data[i + 3] > 200 && data[i] > 190 && data[i + 1] < 80 && data[i + 2] < 60) red++;
    }
    return { ink, red, width: canvas.width, height: canvas.height };
  });
}

describe('dashboard in Chromium', () => {
  it('draws the total and the top frames with change points, with no errors and no outside requests', async () => {
    const { page, errors, foreign } = await open(server.url);
    const total = await canvasInk(page, '#chart-total canvas');
    expect(total.width).toBeGreaterThan(500);
    expect(total.ink).toBeGreaterThan(2000);
    expect(total.red).toBeGreaterThan(50); // the change point at commit 90 is marked
    const cards = await page.$$eval('#frame-charts .frame-card', (els) => els.length);
    expect(cards).toBe(8);
    const shifted = await page.$$eval('#frame-charts .frame-card', (els) =>
      els.map((e) => [e.querySelector('h3')!.textContent, e.querySelector('.changes')!.textContent]),
    );
    const card = shifted.find(([key]) => key === 'src/app/module_1.py:handler_1')!;
    expect(card[1]).toMatch(new RegExp(`^shift at ${shaOf(70).slice(0, 7)} \\+(29|30)\\.\\d%$`));
    expect(await page.textContent('#summary')).toBe(
      '150 baselines from 2026-01-01 to 2026-04-19 · 42 frames · 1 creeping',
    );
    expect(await page.textContent('.badge.creep')).toMatch(/^creeping \+\d+\.\d% since [0-9a-f]{7}$/);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('ranks the creeping frame first, charts a wrapper series once, labels commits, starts at zero', async () => {
    const { page, errors } = await open(server.url);
    const keys = await page.$$eval('#frame-charts .frame-card h3', (hs) => hs.map((h) => h.textContent));
    expect(keys[0]).toBe('src/app/module_3.py:handler_3'); // the creeping frame
    expect(keys[1]).toBe('src/app/module_1.py:handler_1'); // the +30% shift
    const wrapped = ['src/app/module_0.py:handler_0', 'main', '<module>'];
    expect(keys.filter((k) => wrapped.includes(k as string))).toHaveLength(1);
    const charted = keys.find((k) => wrapped.includes(k as string)) as string;
    const same = await page.$eval(`#frame-charts .frame-card[data-frame] .same`, (e) => e.textContent);
    expect(
      same
        ?.replace(/^same share: /, '')
        .split(', ')
        .sort(),
    ).toEqual(wrapped.filter((k) => k !== charted).sort());
    // The x-axis names commits (short sha over the date), the y-axes start at zero.
    const ticks = (await page.getAttribute('#chart-total', 'data-x-ticks'))!.split(' | ');
    expect(ticks.length).toBeGreaterThan(4);
    for (const t of ticks) expect(t).toMatch(/^[0-9a-f]{7}\n2026-\d\d-\d\d$/);
    expect(ticks).toContain(`${shaOf(0).slice(0, 7)}\n2026-01-01`);
    const yMins = await page.$$eval('.chart[data-y-min]', (cs) =>
      cs.map((c) => (c as HTMLElement).dataset.yMin),
    );
    expect(yMins.length).toBe(9);
    expect(new Set(yMins)).toEqual(new Set(['0']));
    // The frame table lists frames in the same order, with how far each moved.
    const rows = await page.$$eval('#frame-table tbody tr', (trs) =>
      trs.slice(0, 2).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows[0][0]).toBe(keys[0]);
    expect(rows[0][2]).toMatch(/^\d+\.\d\d pp$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile frame names as text only', async () => {
    const { page, errors } = await open(server.url);
    const cells = await page.$$eval('#frame-table td.frame-key', (tds) => tds.map((t) => t.textContent));
    expect(cells).toContain(EVIL);
    expect(await page.$$eval('main img', (imgs) => imgs.length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the flamegraph of a commit from the commit list and from a click on the chart', async () => {
    const { page, errors } = await open(server.url);
    const sha = shaOf(42);
    await page.click(`#commit-42 a.flame`);
    await page.waitForURL(`**/${flamePath(sha)}`);
    expect(await page.title()).toBe(sha);
    await page.goBack();
    await page.waitForSelector('body[data-ready]');
    // The bare SVG page asked for a favicon the test server does not have: not the dashboard's error.
    errors.length = 0;
    // Clicking the plot selects the commit under the cursor; its detail links to the flamegraph.
    const box = (await page.$('#chart-total .u-over'))!;
    await box.scrollIntoViewIfNeeded();
    const b = (await box.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    const href = await page.getAttribute('#commit-detail a.flame', 'href');
    const idx = Number(await page.$eval('tr.selected', (tr) => tr.id.replace('commit-', '')));
    expect(idx).toBeGreaterThan(60);
    expect(idx).toBeLessThan(90);
    expect(href).toBe(flamePath(shaOf(idx)));
    const pull = await page.$('#commit-detail a.pull');
    expect(pull && (await pull.getAttribute('href'))).toBe(
      idx % 3 === 0 ? `https://github.com/acme/app/pull/${100 + idx}/files` : null,
    );
    await page.click('#commit-detail a.flame');
    await page.waitForURL(`**/${flamePath(shaOf(idx))}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('charts any frame picked from the table', async () => {
    const { page, errors } = await open(server.url);
    await page.fill('#frame-filter', 'handler_33');
    const visible = await page.$$eval('#frame-table tbody tr:not([hidden])', (trs) => trs.length);
    expect(visible).toBe(1);
    await page.click('#frame-table tbody tr:not([hidden])');
    expect(await page.textContent('#picked-frame h3')).toBe('src/app/module_16.py:handler_33');
    expect((await canvasInk(page, '#picked-frame canvas')).ink).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works as one self-contained page under its own content security policy', async () => {
    const { page, errors, foreign } = await open(`${server.url}single/index.html`);
    expect((await canvasInk(page, '#chart-total canvas')).ink).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(server.requests.filter((r) => r.startsWith('single/') && r !== 'single/index.html')).toEqual([]);
    await page.close();
  });

  it('matches the golden screenshot within the pixel tolerance', async () => {
    const { page } = await open(server.url);
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1100, height: 900 } });
    const golden = readGolden(GOLDEN, shot);
    // Decode both PNGs in the browser and compare pixels there: no image library needed.
    const diff = await page.evaluate(
      async ([a, b]) => {
        const load = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, c.width, c.height);
        };
        const [x, y] = await Promise.all([load(a), load(b)]);
        if (x.width !== y.width || x.height !== y.height) return { size: false, ratio: 1 };
        let differing = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          const d = Math.max(
            Math.abs(x.data[i] - y.data[i]),
            Math.abs(x.data[i + 1] - y.data[i + 1]),
            Math.abs(x.data[i + 2] - y.data[i + 2]),
          );
          if (d > 48) differing++;
        }
        return { size: true, ratio: differing / (x.width * y.height) };
      },
      [shot.toString('base64'), golden.toString('base64')],
    );
    expect(diff.size).toBe(true);
    expect(diff.ratio).toBeLessThanOrEqual(PIXEL_TOLERANCE);
    await page.close();
  });
});
