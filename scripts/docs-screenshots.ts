// Regenerates the pictures in docs/images/: the PR comment as GitHub renders it, the interactive
// differential flamegraph and the trends dashboard, each screenshotted in headless Chromium.
//
// Usage (renders Markdown with `marked`, which the project does not depend on):
//   npm install --no-save marked
//   node --import tsx --import ./scripts/asset-hooks.mjs scripts/docs-screenshots.ts
//
// The comment comes from a real check on the shipped Node example (baseline, then the injected
// regression), with the image links the action uses, so it is the comment the action posts. The
// dashboard draws the generated history the dashboard tests use (150 baselines, one shift, one
// creep, two wrapper frames).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import workload from '../examples/node/workload.mjs?raw';
import { defaultOptions } from '../src/config/options.js';
import { buildDashboardPage } from '../src/dashboard/index.js';
import { runCheck } from '../src/pipeline/check.js';
import { syntheticHistory } from '../test/history/synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const IMAGES = path.join(ROOT, 'docs/images');
const RAW = 'https://raw.githubusercontent.com/acme/app/flamediff-data';
const sha = (what: string) => createHash('sha1').update(`flamediff docs ${what}`).digest('hex');

/** GitHub's comment look, near enough for a picture: system font, tables, code, details. */
const GITHUB_CSS = `
body { margin: 0; background: #fff; }
.comment { box-sizing: border-box; width: 920px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; }
.head { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font: 14px -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #57606a; border-radius: 6px 6px 0 0; }
.head b { color: #24292f; }
.markdown-body { padding: 16px; font: 14px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #24292f; }
.markdown-body h2 { font-size: 1.5em; border-bottom: 1px solid #d8dee4; padding-bottom: .3em; margin: 0 0 16px; }
.markdown-body h3 { font-size: 1.25em; margin: 24px 0 16px; }
.markdown-body table { border-collapse: collapse; display: block; overflow: auto; margin-bottom: 16px; }
.markdown-body th, .markdown-body td { border: 1px solid #d0d7de; padding: 6px 13px; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body code { font: 85% "DejaVu Sans Mono", monospace; background: rgba(175,184,193,.2); padding: .2em .4em; border-radius: 6px; }
.markdown-body pre code { background: none; padding: 0; }
.markdown-body pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
.markdown-body img { max-width: 100%; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body details { margin-bottom: 16px; }
.markdown-body summary { cursor: pointer; }
`;

async function realComment(work: string, out: string): Promise<void> {
  await writeFile(path.join(work, 'workload.mjs'), workload);
  const opts = defaultOptions();
  opts.command = [process.execPath, 'workload.mjs'];
  opts.sampler = 'node';
  opts.runs = 5;
  opts.warmup = 0;
  opts.storeDir = path.join(work, '.flamediff');
  opts.env = { FLAMEDIFF_EXAMPLE_SCALE: '0.4' };
  opts.rateHz = 2000;
  // No git repository here, and the regression comes from the head's environment, which a
  // re-measured base would not share: the demo's way (src/commands/demo.ts).
  opts.confirm = 'never';
  const log = (line: string) => process.stderr.write(`${line}\n`);
  await runCheck(
    { ...opts, outDir: path.join(work, 'base-out') },
    { headSha: sha('base'), headRef: 'main', isBaseBranch: true, cwd: work, log },
  );
  await runCheck(
    { ...opts, outDir: out },
    {
      headSha: sha('head'),
      headRef: 'feature/faster-scoring',
      isBaseBranch: false,
      cwd: work,
      baselineSha: sha('base'),
      headEnv: { FLAMEDIFF_EXAMPLE_REGRESSION: '1' },
      log,
      // As the action links them for pull request 7 of acme/app (src/github/links.ts); the
      // browser below answers the picture's URL with the diff.png this check wrote.
      links: {
        imageUrl: `${RAW}/pulls/7/${sha('head')}/diff.png`,
        svgUrl: `https://github.com/acme/app/blob/flamediff-data/pulls/7/${sha('head')}/diff.svg`,
        sourceUrl: (file, line) =>
          `https://github.com/acme/app/blob/${sha('head')}/bench/${path.basename(file)}#L${line}`,
      },
    },
  );
}

async function main(): Promise<void> {
  // Not a dependency of the project: resolved at run time (FLAMEDIFF_MARKED: a path to it elsewhere).
  const spec = process.env.FLAMEDIFF_MARKED ?? 'marked';
  const { marked } = (await import(spec)) as { marked: { parse: (md: string) => string } };
  await mkdir(IMAGES, { recursive: true });
  const work = await mkdtemp(path.join(os.tmpdir(), 'flamediff-docs-'));
  const out = path.join(work, 'out');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'],
  });
  try {
    await realComment(work, out);
    if (process.env.KEEP_REPORT)
      await writeFile(process.env.KEEP_REPORT, await readFile(path.join(out, 'report.json')));
    const md = await readFile(path.join(out, 'comment.md'), 'utf8');
    const html = `<!doctype html><meta charset="utf-8"><style>${GITHUB_CSS}</style>
<div class="comment"><div class="head"><b>github-actions</b> bot commented</div>
<div class="markdown-body">${marked.parse(md)}</div></div>`;
    await writeFile(path.join(out, 'comment.html'), html);
    const page = await browser.newPage({ viewport: { width: 952, height: 600 }, deviceScaleFactor: 1 });
    await page.route(`${RAW}/**`, (r) =>
      r.fulfill({ path: path.join(out, 'diff.png'), contentType: 'image/png' }),
    );
    await page.goto(`file://${path.join(out, 'comment.html')}`);
    await page.waitForLoadState('load');
    const comment = await page.$('.comment');
    if (!comment) throw new Error('the rendered comment is missing');
    await comment.screenshot({ path: path.join(IMAGES, 'comment.png') });
    const svgText = await readFile(path.join(out, 'diff.svg'), 'utf8');
    const height = Number(/<svg\b[^>]*\sheight="([0-9.]+)"/.exec(svgText)?.[1] ?? 600);
    const svgPage = await browser.newPage({ viewport: { width: 1200, height }, deviceScaleFactor: 1 });
    await svgPage.goto(`file://${path.join(out, 'diff.svg')}`);
    await svgPage.waitForLoadState('load');
    await svgPage.screenshot({
      path: path.join(IMAGES, 'diff-svg.png'),
      clip: { x: 0, y: 0, width: 1200, height },
    });

    const history = syntheticHistory({
      commits: 150,
      frames: 40,
      noise: 0.01,
      shifts: [{ frame: 1, at: 70, factor: 1.3 }],
      creeps: [{ frame: 3, from: 140, perStep: 0.015 }],
      totalShifts: [{ at: 90, factor: 1.15 }],
      pullEvery: 3,
      wrappers: [{ of: 0, names: ['main', '<module>'] }],
    });
    await writeFile(path.join(work, 'dashboard.html'), buildDashboardPage(history));
    const dash = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    await dash.goto(`file://${path.join(work, 'dashboard.html')}`);
    await dash.waitForSelector('body[data-ready]');
    await dash.screenshot({ path: path.join(IMAGES, 'dashboard.png') });
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
  process.stdout.write(
    `wrote ${['comment.png', 'diff-svg.png', 'dashboard.png'].map((f) => `docs/images/${f}`).join(', ')}\n`,
  );
}

await main();
