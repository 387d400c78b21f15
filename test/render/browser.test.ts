/// <reference lib="dom" />
// The SVG as a person uses it: real headless Chromium (Debian's /usr/bin/chromium) opens the
// files from a local HTTP server, clicks, searches, hovers, uses the keyboard and the URL.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiffSvg, renderFlameSvg } from '../../src/render/index.js';
import { readGolden } from '../support/golden.js';
import { comparison, FIXTURES, fixture, foldedProfile, frameResult } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const files: Record<string, string> = {};
let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  files['/py.svg'] = renderFlameSvg(foldedProfile(fixture('py.folded')), { title: 'py fixture' });
  // 1,000 frames of 0.3 px under `many`: drawn as merged strips, no element each at rest.
  const slivers = ['main;wide 3000'];
  for (let i = 0; i < 1000; i++) slivers.push(`main;many;s${i} 1`);
  files['/slivers.svg'] = renderFlameSvg(foldedProfile(slivers.join('\n')));
  files['/evil.svg'] = renderFlameSvg(foldedProfile(fixture('evil.folded')), {
    title: '"><image href=x onerror=alert(7)>',
  });
  const pruned = ['main;wide 1000000'];
  for (let i = 0; i < 5000; i++) pruned.push(`main;many;p${i} 1`);
  files['/pruned.svg'] = renderFlameSvg(foldedProfile(pruned.join('\n')));
  files['/long.svg'] = renderFlameSvg(foldedProfile(`main;${'x'.repeat(3000)}_tail 10\nmain;short 10`));
  const b = foldedProfile('main;work 30\nmain;io 30\nmain;idle 40\n');
  const h = foldedProfile('main;work 50\nmain;io 10\nmain;idle 40\n');
  files['/diff.svg'] = renderDiffSvg(
    b,
    h,
    comparison([frameResult('work', 'regressed', 0.3, 0.5), frameResult('io', 'improved', 0.3, 0.1)]),
  );
  server = createServer((req, res) => {
    const body = files[(req.url ?? '').split('?')[0]];
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks on its own; not a request from the SVG
      return;
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
  requests: string[];
}

async function open(url: string, answer?: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 500 } });
  const o: Opened = { page, errors: [], dialogs: [], requests: [] };
  page.on('pageerror', (e) => o.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') o.errors.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().endsWith('/favicon.ico')) o.requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    o.dialogs.push(`${d.type()}: ${d.message()}`);
    if (d.type() === 'prompt' && answer !== undefined) await d.accept(answer);
    else await d.dismiss();
  });
  await page.goto(base + url);
  await page.waitForSelector('svg[data-ready="1"]', { timeout: 15_000 });
  return o;
}

/** A frame's rect, found by its label (labels are the rect's next sibling; slivers have none). */
const frame = (page: Page, text: string) =>
  page
    .locator('#fd-frames > text', { hasText: text })
    .first()
    .locator('xpath=preceding-sibling::*[1][local-name()="rect"]');

/** The first drawn frame whose function name is `name` (labels may be truncated on screen). */
async function byName(page: Page, name: string) {
  const i = await page.evaluate((n) => {
    const d = JSON.parse(document.getElementById('fd-data')?.textContent ?? '{}');
    for (let k = 0; k < d.d.length / 7; k++) if (d.fr[d.d[k * 7]][0] === n) return k;
    return -1;
  }, name);
  expect(i).toBeGreaterThanOrEqual(0);
  // Every frame of the fixtures used here is wide enough to have its own rect, in data order.
  return page.locator('#fd-frames > rect').nth(i);
}

async function rectOf(page: Page, text: string): Promise<{ x: number; width: number; hidden: boolean }> {
  return frame(page, text).evaluate((r) => ({
    x: Number(r.getAttribute('x')),
    width: Number(r.getAttribute('width')),
    hidden: r.classList.contains('fd-hide'),
  }));
}

describe.skipIf(!existsSync(CHROMIUM))('SVG in Chromium', () => {
  it('click zooms into a frame; Reset Zoom restores; the URL keeps the zoom', async () => {
    const { page, errors, requests } = await open('/py.svg');
    const before = await rectOf(page, 'compute_totals');
    expect(before.width).toBeLessThan(400);
    await frame(page, 'compute_totals').click();
    const after = await rectOf(page, 'compute_totals');
    expect(after).toEqual({ x: 10, width: 1180, hidden: false });
    expect((await rectOf(page, 'handle_request')).hidden).toBe(true);
    // ancestors stay visible (faded) at full width
    expect(await frame(page, 'app.py:<module>').evaluate((g) => g.classList.contains('fd-parent'))).toBe(
      true,
    );
    // a child widened by the same factor
    const listcomp = await rectOf(page, '<listcomp>');
    expect(listcomp.width).toBeCloseTo((1180 * 200) / 285, 1);
    expect(page.url()).toMatch(/\?x=[\d.]+&y=\d+/);
    // the URL names the frame by its original rect position, as flamegraph.pl does
    expect(new URL(page.url()).searchParams.get('x')).toBe(String(before.x));
    await expect.poll(() => page.locator('#fd-unzoom').isVisible()).toBe(true);
    await page.locator('#fd-unzoom').click();
    expect(await rectOf(page, 'compute_totals')).toEqual({ ...before, hidden: false });
    expect(page.url()).not.toContain('x=');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${base}/py.svg`))).toEqual([]);
    await page.close();
  });

  it('Ctrl-F searches by regex, highlights matches and counts each sample once', async () => {
    const { page, errors } = await open('/py.svg', 'render');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.locator('#fd-matched').textContent()).toBe('Matched: 30.5%'); // 300 of 984, nested match once
    const highlighted = await page.locator('#fd-frames rect[fill="#e600e6"]').count();
    expect(highlighted).toBe(2);
    expect(page.url()).toContain('s=render');
    expect(await page.locator('#fd-search').textContent()).toBe('Reset Search');
    await page.locator('#fd-search').click();
    expect(await page.locator('#fd-frames rect[fill="#e600e6"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the case toggle makes the search ignore case', async () => {
    const { page } = await open('/py.svg', 'RENDER');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.locator('#fd-matched').textContent()).toBe('Matched: 0.0%');
    await page.locator('#fd-case').click();
    await expect.poll(() => page.locator('#fd-matched').textContent()).toBe('Matched: 30.5%');
    expect(page.url()).toContain('i=1');
    await page.close();
  });

  it('restores zoom and search from ?x=&y=&s=', async () => {
    const { page } = await open('/py.svg');
    await frame(page, 'compute_totals').click();
    const q = new URL(page.url()).search;
    await page.close();
    const again = await open(`/py.svg${q}&s=sum_row`);
    expect((await rectOf(again.page, 'compute_totals')).width).toBe(1180);
    await expect.poll(() => again.page.locator('#fd-matched').textContent()).toBe('Matched: 28.1%'); // 80 of 285
    await again.page.close();
  });

  it('hover shows a tooltip with name, file:line, samples and share', async () => {
    const { page } = await open('/py.svg');
    await (await byName(page, 'sendall')).hover();
    await expect.poll(() => page.locator('#fd-tip').getAttribute('visibility')).toBe('visible');
    const lines = await page.locator('#fd-tip text').allTextContents();
    expect(lines[0]).toBe('sendall');
    expect(lines[1]).toBe('at /usr/lib/python3.11/socket.py:720');
    expect(lines[2]).toBe('90 samples (9.15% of all)');
    expect(lines[3]).toBe('self: 90 samples (9.15%)');
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('#fd-tip').getAttribute('visibility')).toBe('hidden');
    await page.close();
  });

  it('a very long name: the tooltip stays inside the picture and keeps the end of the name', async () => {
    const { page } = await open('/long.svg');
    await (await byName(page, `${'x'.repeat(3000)}_tail`)).hover();
    await expect.poll(() => page.locator('#fd-tip').getAttribute('visibility')).toBe('visible');
    const name = await page.locator('#fd-tip text').first().textContent();
    expect(name).toMatch(/^\u2026x+_tail$/);
    const box = await page.locator('#fd-tip').boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1200);
    expect(await page.locator('#fd-details').textContent()).toMatch(/_tail \(10 samples, 50\.00%\)$/);
    const details = await page.locator('#fd-details').boundingBox();
    expect((details?.x ?? 0) + (details?.width ?? 0)).toBeLessThanOrEqual(1200);
    await page.close();
  });

  it('states the weight and count of callees too narrow to draw, with thousands separators', async () => {
    const { page } = await open('/pruned.svg');
    await (await byName(page, 'many')).hover({ force: true });
    await expect.poll(() => page.locator('#fd-tip').getAttribute('visibility')).toBe('visible');
    expect(await page.locator('#fd-tip text').allTextContents()).toContain(
      '+ 5,000 samples in 5,000 callees too narrow to draw',
    );
    await page.close();
  });

  it('keyboard: arrows move the selection, Enter zooms, Escape resets', async () => {
    const { page } = await open('/py.svg');
    await page.locator('#fd-frames').focus();
    await page.keyboard.press('ArrowUp'); // selects the root first
    await page.keyboard.press('ArrowUp'); // flame: up is the first child
    const sel = () => page.locator('#fd-frames > rect.fd-sel + text').textContent();
    expect(await sel()).toBe('MainThread');
    await page.keyboard.press('ArrowRight');
    expect(await sel()).toBe('worker-1');
    await page.keyboard.press('Enter');
    expect((await rectOf(page, 'worker-1')).width).toBe(1180);
    expect(await page.locator('#fd-tip').getAttribute('visibility')).toBe('visible');
    await page.keyboard.press('Escape');
    expect((await rectOf(page, 'worker-1')).width).toBeLessThan(400);
    await page.close();
  });

  it('frames under 1 px: strips at rest, real frames on hover, zoom and search', async () => {
    const { page, errors } = await open('/slivers.svg');
    const counts = () =>
      page.evaluate(() => ({
        strips: document.querySelectorAll('#fd-strips rect').length,
        rects: document.querySelectorAll('#fd-frames > rect').length,
      }));
    const visibleRects = () =>
      page.evaluate(
        () =>
          Array.from(document.querySelectorAll('#fd-frames > rect')).filter(
            (e) => !e.classList.contains('fd-hide'),
          ).length,
      );
    const atRest = await counts();
    expect(atRest.rects).toBe(4); // all, main, many, wide
    expect(atRest.strips).toBeGreaterThan(250);
    expect(atRest.strips).toBeLessThan(400); // ~295 px of slivers, at most 1 px a strip
    // hovering a strip names the sliver under the pointer
    await page.locator('#fd-strips rect').nth(100).hover({ force: true }); // neighbours overlap by a rounding error
    await expect.poll(() => page.locator('#fd-tip').getAttribute('visibility')).toBe('visible');
    const lines = await page.locator('#fd-tip text').allTextContents();
    expect(lines[0]).toMatch(/^s\d+$/);
    expect(lines[1]).toBe('1 sample (0.03% of all)');
    // search highlights slivers too (s1, s10-s19, s100-s199)
    await page.evaluate(() =>
      (document.documentElement as unknown as { fdSearch: (s: string) => void }).fdSearch('^s1'),
    );
    expect(await page.locator('#fd-frames rect[fill="#e600e6"]').count()).toBe(111);
    await expect.poll(() => page.locator('#fd-matched').textContent()).toBe('Matched: 2.8%');
    await page.evaluate(() =>
      (document.documentElement as unknown as { fdSearch: (s: string) => void }).fdSearch(''),
    );
    // a cleared search puts the matched slivers back into the strips
    expect((await counts()).strips).toBe(atRest.strips);
    expect(await visibleRects()).toBe(4);
    // the keyboard selects a sliver (its own rect); moving on puts it back into the strips
    await page.locator('#fd-frames').focus();
    for (const k of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight']) {
      await page.keyboard.press(k);
    }
    expect(await page.locator('#fd-tip text').first().textContent()).toMatch(/^s\d+$/);
    expect(await visibleRects()).toBe(5); // all, main, many, wide and the selected sliver
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#fd-tip text').first().textContent()).toBe('many');
    expect(await visibleRects()).toBe(4);
    expect((await counts()).strips).toBe(atRest.strips);
    // zooming into `many` widens every sliver to 1.18 px: each gets its own rect
    await frame(page, 'many').click();
    const zoomed = await counts();
    expect(zoomed.rects).toBe(4 + 1000 - 111 + 111);
    expect(zoomed.strips).toBe(0);
    const w = await page.evaluate(() => {
      const r = Array.from(document.querySelectorAll('#fd-frames > rect')).filter(
        (e) => !e.classList.contains('fd-hide'),
      );
      return r.map((e) => Number(e.getAttribute('width'))).sort((a, b) => a - b)[0];
    });
    expect(w).toBeCloseTo(1.18, 2);
    await page.locator('#fd-unzoom').click();
    expect((await counts()).strips).toBe(atRest.strips);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hostile frame names render as text and run nothing', async () => {
    const { page, errors, dialogs, requests } = await open('/evil.svg');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${base}/evil.svg`))).toEqual([]);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('image, img, foreignObject, iframe').length,
      svgs: document.querySelectorAll('svg').length,
      texts: Array.from(document.querySelectorAll('#fd-frames text')).map((t) => t.textContent),
      title: document.querySelector('#fd-title')?.textContent,
    }));
    expect(dom).toMatchObject({ scripts: 2, images: 0, svgs: 1 });
    expect(dom.texts).toContain('</script><script>alert(1)</script>');
    expect(dom.title).toBe('"><image href=x onerror=alert(7)>');
    await frame(page, 'alert(1)').hover();
    expect(await page.locator('#fd-tip text').first().textContent()).toBe(
      '</script><script>alert(1)</script>',
    );
    // zooming re-renders labels through textContent too
    await frame(page, 'onerror=alert(2)').click();
    expect(await page.evaluate(() => document.querySelectorAll('image, script').length)).toBe(2);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('differential tooltips show before/after, change, CI and status', async () => {
    const { page, errors } = await open('/diff.svg');
    await frame(page, 'work').hover();
    const lines = await page.locator('#fd-tip text').allTextContents();
    expect(lines).toContain('before 30.00% \u2192 after 50.00% (inclusive share, mean of 5 vs 5 runs)');
    expect(lines).toContain('change +20.00 pp (+66.7%), 95% CI [+19.00 pp, +21.00 pp]');
    expect(lines).toContain('status: regressed, q = 0.0040');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('looks like the golden screenshot (small pixel tolerance)', async () => {
    const { page } = await open('/py.svg');
    await page.setViewportSize({ width: 1200, height: 270 });
    const shot = await page.screenshot({ type: 'png' });
    const expected = readGolden(path.join(FIXTURES, 'browser-py.png'), shot);
    // Decode both PNGs in a blank HTML page and count pixels that differ noticeably.
    const cmp = await browser.newPage();
    const diff = await cmp.evaluate(
      async ([a, b]) => {
        const load = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height);
        };
        const x = await load(a);
        const y = await load(b);
        if (x.width !== y.width || x.height !== y.height) return { size: false, bad: -1, total: 0 };
        let bad = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          const d = Math.max(
            Math.abs(x.data[i] - y.data[i]),
            Math.abs(x.data[i + 1] - y.data[i + 1]),
            Math.abs(x.data[i + 2] - y.data[i + 2]),
          );
          if (d > 40) bad++;
        }
        return { size: true, bad, total: x.width * x.height };
      },
      [shot.toString('base64'), expected.toString('base64')],
    );
    expect(diff.size).toBe(true);
    expect(diff.bad / diff.total).toBeLessThan(0.005);
    await cmp.close();
    await page.close();
  });
});
