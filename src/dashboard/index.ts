// The static trends dashboard written to the data branch (GitHub Pages can serve it): index.html,
// the data as a script (so it also opens from file:// with no server), our script and styles, and
// uPlot bundled from node_modules: no CDN, works offline once loaded.
import { createHash } from 'node:crypto';
import uplotJs from 'uplot/dist/uPlot.iife.min.js?raw';
import uplotCss from 'uplot/dist/uPlot.min.css?raw';
import type { HistoryFile } from '../history/types.js';
import css from './assets/dashboard.css?raw';
import clientJs from './assets/dashboard.js?raw';
import { type DashboardOptions, dashboardData, scriptJson } from './data.js';

export type { DashboardData, DashboardOptions } from './data.js';
export { dashboardData, safeUrl, scriptJson } from './data.js';

const FILES = {
  uplotJs: 'uPlot.iife.min.js',
  uplotCss: 'uPlot.min.css',
  css: 'dashboard.css',
  js: 'dashboard.js',
  data: 'data.js',
};

// Frame names come from untrusted profiles: the page only ever sets them as textContent, and the
// policy forbids inline script and any script not shipped with the page.
const CSP_FILES =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'";

function page(head: string, body: string, csp: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>flamediff trends</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
<noscript>This dashboard needs JavaScript.</noscript>
<main id="app"></main>
${body}
</body>
</html>
`;
}

function dataScript(history: HistoryFile, opts: DashboardOptions): string {
  return `window.FLAMEDIFF_DATA = ${scriptJson(dashboardData(history, opts))};\n`;
}

/** Files of the dashboard site, by path relative to the site root. */
export function buildDashboard(
  history: HistoryFile,
  opts: DashboardOptions = {},
): Map<string, string | Uint8Array> {
  const head = [FILES.uplotCss, FILES.css].map((f) => `<link rel="stylesheet" href="${f}">`).join('\n');
  const body = [FILES.uplotJs, FILES.data, FILES.js].map((f) => `<script src="${f}"></script>`).join('\n');
  return new Map<string, string | Uint8Array>([
    ['index.html', page(head, body, CSP_FILES)],
    [FILES.data, dataScript(history, opts)],
    [FILES.js, clientJs],
    [FILES.css, css],
    [FILES.uplotJs, uplotJs],
    [FILES.uplotCss, uplotCss],
  ]);
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The same dashboard as one self-contained HTML file (`flamediff trends --format html`). */
export function buildDashboardPage(history: HistoryFile, opts: DashboardOptions = {}): string {
  const scripts = [uplotJs, dataScript(history, opts), clientJs].map((s) =>
    s.replace(/<\/script/gi, '<\\/script'),
  );
  const csp = `default-src 'none'; script-src ${scripts.map(sha256).join(' ')}; style-src 'unsafe-inline'; img-src data:`;
  const head = `<style>\n${uplotCss}\n${css}</style>`;
  const body = scripts.map((s) => `<script>${s}</script>`).join('\n');
  return page(head, body, csp);
}
