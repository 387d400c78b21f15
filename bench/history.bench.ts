// History and trends: change-point detection on a year of history (200 frames x 500 commits),
// the dashboard's load-to-first-chart time in headless Chromium for that history, and the history
// file's size per commit. Everything is generated (seeded) here; nothing needs the network.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
// The dashboard imports uPlot with `?raw`: `npm run bench` loads scripts/asset-hooks.mjs for that.
import { buildDashboard } from '../src/dashboard/index.js';
import { analyzeHistory, detectChangePoints, serializeHistory } from '../src/history/index.js';
import { frameSeries } from '../src/history/series.js';
import { seedFor } from '../src/lib/random.js';
import { serveFiles } from '../test/dashboard/static-server.js';
import { syntheticHistory } from '../test/history/synthetic.js';
import { median, writeSection } from './lib/results.js';

const COMMITS = 500;
const FRAMES = 200;
const DATA = path.resolve(import.meta.dirname, 'data', 'history');

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

/** A year of baselines: 2% noise, 20 frames that shift once, 5 that shift 3 times, 3 creeping. */
function generatedShifts(allShifting: boolean) {
  const shifts: { frame: number; at: number; factor: number }[] = [];
  for (let f = 0; f < FRAMES; f++) {
    if (allShifting)
      shifts.push(...[120, 260, 400].map((at, k) => ({ frame: f, at, factor: k === 1 ? 0.85 : 1.2 })));
    else if (f % 10 === 3)
      shifts.push({ frame: f, at: 100 + ((f * 37) % 300), factor: f % 20 === 3 ? 1.15 : 0.88 });
    else if (f % 40 === 7) shifts.push(...[150, 300, 420].map((at) => ({ frame: f, at, factor: 1.1 })));
  }
  return shifts;
}

const CREEPING = [5, 50, 150];

function yearOfHistory(allShifting = false) {
  const shifts = generatedShifts(allShifting);
  return syntheticHistory({
    commits: COMMITS,
    frames: FRAMES,
    noise: 0.02,
    seed: 7,
    shifts,
    creeps: CREEPING.map((frame) => ({ frame, from: COMMITS - 10, perStep: 0.012 })),
    totalShifts: [{ at: 250, factor: 1.1 }],
    pullEvery: 2,
    limits: { topK: FRAMES, maxFrames: FRAMES },
  });
}

/** Wall time and CPU time: the machine is shared, and CPU time shows the cost without the waiting. */
function detectionOnly(h: ReturnType<typeof yearOfHistory>): { ms: number; cpu: number; found: number } {
  const series = frameSeries(h);
  let found = 0;
  const cpu0 = process.cpuUsage();
  const [ms] = time(() => {
    for (const s of series) found += detectChangePoints(s.values, {}, seedFor(1, s.key)).length;
  });
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, found };
}

async function dashboardLoad(files: Map<string, string | Uint8Array>, runs: number) {
  const server = await serveFiles(files);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const firstChart: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready]');
      const [chart, done] = await page.evaluate(() => [
        performance.getEntriesByName('flamediff:first-chart')[0].startTime,
        performance.now(),
      ]);
      firstChart.push(chart);
      ready.push(done);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { firstChart, ready };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

const [genMs, h] = time(() => yearOfHistory());
console.log(`generated ${COMMITS} x ${FRAMES} history in ${ms(genMs)}`);
const detect = [0, 1, 2].map(() => detectionOnly(h));
const analyze = [0, 1, 2].map(() => time(() => analyzeHistory(h)));
const report = analyze[0][1];
const worstH = yearOfHistory(true);
const worst = [0, 1, 2].map(() => detectionOnly(worstH));
console.log(
  `detection ${ms(median(detect.map((d) => d.ms)))}, worst case ${ms(median(worst.map((d) => d.ms)))}`,
);

const text = serializeHistory(h);
const gz = gzipSync(text).length;
const [buildMs, files] = time(() =>
  buildDashboard(h, { flamegraphUrl: (sha) => `profiles/main/${sha}/flamegraph.svg` }),
);
mkdirSync(DATA, { recursive: true });
writeFileSync(path.join(DATA, 'main.json'), text);
const dataJs = (files.get('data.js') as string).length;
const total = [...files.values()].reduce((s, f) => s + f.length, 0);
const load = await dashboardLoad(files, 5);
console.log(`first chart ${ms(median(load.firstChart))}`);

const creeping = report.creeping.length;
const framesWithChanges = report.frames.filter((f) => f.changePoints.length).length;
// Score against what was generated: a hit is within 3 commits of a generated shift of that frame;
// change points inside a creeping frame's ramp are counted apart (the ramp is a real rise).
const keyIndex = (key: string) => Number(/handler_(\d+)$/.exec(key)![1]);
let hits = 0;
let inRamp = 0;
let spurious = 0;
for (const f of report.frames) {
  const i = keyIndex(f.key);
  for (const c of f.changePoints) {
    if (generatedShifts(false).some((g) => g.frame === i && Math.abs(g.at - c.entry) <= 3)) hits++;
    else if (CREEPING.includes(i) && c.entry >= COMMITS - 15) inRamp++;
    else spurious++;
  }
}
writeSection(
  'history',
  'History and trends (change points, dashboard, history size)',
  'npm run bench history',
  `
Generated history: ${COMMITS} baselines x ${FRAMES} frames (seeded; 2% noise; 20 frames shift once, 5 shift three
times, 3 creep over the last 10 baselines, the total shifts once). Targets: detection <= 1 s, first chart <= 1.5 s.

| measurement | result |
|---|---:|
| change-point detection, ${FRAMES} frames x ${COMMITS} commits (median of 3; wall / CPU) | ${ms(median(detect.map((d) => d.ms)))} / ${ms(median(detect.map((d) => d.cpu)))} |
| same, worst case: every frame has 3 real shifts (median of 3; wall / CPU) | ${ms(median(worst.map((d) => d.ms)))} / ${ms(median(worst.map((d) => d.cpu)))} |
| full analysis (change points + creep + sparklines, frames and total; median of 3) | ${ms(median(analyze.map((a) => a[0])))} |
| change points found: frames with any / total | ${framesWithChanges} / ${detect[0].found} |
| of which at a generated shift (+-3 commits; 35 generated) / in a creeping ramp / elsewhere | ${hits} / ${inRamp} / ${spurious} |
| worst case: change points found (600 generated) | ${worst[0].found} |
| creeping frames found | ${creeping} (${report.creeping.length === 3 ? 'the 3 generated' : 'expected 3'}) |
| dashboard build (analysis + files) | ${ms(buildMs)} |
| dashboard load to first chart in Chromium (fresh context, median of 5; min-max) | ${ms(median(load.firstChart))} (${ms(Math.min(...load.firstChart))}-${ms(Math.max(...load.firstChart))}) |
| dashboard load to all charts and tables ready (median of 5) | ${ms(median(load.ready))} |
| dashboard size: data.js / all files | ${kb(dataJs)} / ${kb(total)} |
| history file (${FRAMES} frames tracked) | ${kb(text.length)}: ${(text.length / COMMITS / 1024).toFixed(2)} KiB per commit |
| history file gzipped (as git stores it) | ${kb(gz)}: ${(gz / COMMITS / 1024).toFixed(2)} KiB per commit |
| generating the history (500 x appendHistory) | ${ms(genMs)} |

With the default top-K of 50 frames per entry a real history tracks fewer frames than this (frames enter when they
reach an entry's top 50), so the file is smaller; 200 tracked frames is the size of the target case.
`,
);
console.log('wrote bench/RESULTS.md section history');
