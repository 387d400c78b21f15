// The data the dashboard page draws, computed at build time so the browser only plots: shares as
// integer parts per million, change points and creeps already found, links already resolved.
import { analyzeHistory, type CommitChange, type TrendReport } from '../history/analyze.js';
import type { TrendSettings } from '../history/settings.js';
import type { HistoryFile } from '../history/types.js';

export interface DashboardOptions {
  /** https://github.com/owner/repo: commit and PR links. */
  repoUrl?: string;
  /** Interactive flamegraph of a baseline commit (relative or http(s) URL), or null. */
  flamegraphUrl?: (sha: string) => string | null;
  /** Diff of a pull request, or null. Defaults to `${repoUrl}/pull/N/files`. */
  pullUrl?: (n: number) => string | null;
  /** Trend settings (defaults: docs/trends.md). */
  settings?: Partial<TrendSettings>;
  /** Frames charted on load (default 8). */
  topFrames?: number;
}

export interface DashboardChange {
  /** Entry index of the first commit after the shift. */
  e: number;
  before: number;
  after: number;
  relative: number | null;
  p: number;
}

export interface DashboardFrame {
  key: string;
  /** Entry index of v[0]. */
  start: number;
  /** Inclusive share per entry, parts per million. */
  v: number[];
  latest: number;
  changes: DashboardChange[];
  creep: { from: number; to: number; relative: number; start: number; end: number } | null;
}

export interface DashboardData {
  version: 1;
  branch: string;
  totalMeasure: string;
  commits: {
    sha: string[];
    date: string[];
    total: number[];
    pull: (number | null)[];
    flame: (string | null)[];
    pullUrl: (string | null)[];
    commitUrl: (string | null)[];
  };
  totalChanges: DashboardChange[];
  frames: DashboardFrame[];
  /** Indexes into frames of the ones charted on load. */
  top: number[];
}

/** Only http(s) URLs and scheme-less relative paths may become links (no javascript:, data:). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//')) return null;
  return u;
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

function changes(cps: CommitChange[]): DashboardChange[] {
  return cps.map((c) => ({
    e: c.entry,
    before: round(c.before),
    after: round(c.after),
    relative: c.relative === null ? null : round(c.relative, 4),
    p: c.pValue,
  }));
}

/** Frames with news (creep, a recent change point) first, then the biggest by latest share. */
function pickTop(report: TrendReport, n: number): number[] {
  const recent = report.commits.length - 50;
  const score = (i: number) => {
    const f = report.frames[i];
    if (f.creep) return 2;
    return f.changePoints.some((c) => c.entry >= recent) ? 1 : 0;
  };
  return report.frames
    .map((_, i) => i)
    .sort((a, b) => score(b) - score(a) || a - b)
    .slice(0, n);
}

export function dashboardData(h: HistoryFile, opts: DashboardOptions = {}): DashboardData {
  const report = analyzeHistory(h, { settings: opts.settings });
  const repo = opts.repoUrl?.replace(/\/+$/, '');
  const pullUrl = opts.pullUrl ?? ((n: number) => (repo ? `${repo}/pull/${n}/files` : null));
  const c = report.commits;
  return {
    version: 1,
    branch: h.branch,
    totalMeasure: report.totalMeasure,
    commits: {
      sha: c.map((x) => x.sha),
      date: c.map((x) => x.date),
      total: c.map((x) => round(x.total)),
      pull: c.map((x) => x.pull),
      flame: c.map((x) => safeUrl(opts.flamegraphUrl?.(x.sha))),
      pullUrl: c.map((x) => (x.pull === null ? null : safeUrl(pullUrl(x.pull)))),
      commitUrl: c.map((x) => (repo ? safeUrl(`${repo}/commit/${x.sha}`) : null)),
    },
    totalChanges: changes(report.total.changePoints),
    frames: report.frames.map((f) => ({
      key: f.key,
      start: f.start,
      v: f.values.map((x) => Math.round(x * 1e6)),
      latest: f.latest,
      changes: changes(f.changePoints),
      creep: f.creep && {
        from: f.start + f.creep.from,
        to: f.start + f.creep.to,
        relative: round(f.creep.relative, 4),
        start: round(f.creep.start),
        end: round(f.creep.end),
      },
    })),
    top: pickTop(report, opts.topFrames ?? 8),
  };
}

/**
 * JSON that is safe inside a <script> element or a .js file: no `<` (so no `</script>` or
 * `<!--`), and no U+2028/2029 (line terminators in older JavaScript).
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
