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
  /** How far the share moved, parts per million: a creep's rise or the largest shift, else 0. */
  moved: number;
  /**
   * Frames with this frame's share at every baseline (wrappers that carry all of it, or what it
   * carries all of): charted once, under this frame, and named on its card. Only on charted frames.
   */
  same: string[];
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
  /** Every frame's index, ranked: creeping first, then by how far the share moved, then by share. */
  order: number[];
  /** Indexes into frames of the ones charted on load: the first of `order`, one per same series. */
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

/** How far a frame's share moved (fraction of the total): a creep's rise or its largest shift. */
function moved(f: TrendReport['frames'][number]): number {
  let m = f.creep ? Math.abs(f.creep.end - f.creep.start) : 0;
  for (const c of f.changePoints) m = Math.max(m, Math.abs(c.after - c.before));
  return m;
}

/** Creeping frames first, then the frames whose share moved most, then the biggest by share. */
function ranked(report: TrendReport): number[] {
  const m = report.frames.map(moved);
  return report.frames
    .map((_, i) => i)
    .sort((a, b) => {
      const fa = report.frames[a];
      const fb = report.frames[b];
      return (
        Number(fb.creep !== null) - Number(fa.creep !== null) || m[b] - m[a] || fb.latest - fa.latest || a - b
      );
    });
}

/** Shares this close (0.1 pp) at every baseline are one series drawn twice. */
const SAME_SERIES = 1e-3;

function sameSeries(a: TrendReport['frames'][number], b: TrendReport['frames'][number]): boolean {
  if (a.start !== b.start || a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (Number.isNaN(x) !== Number.isNaN(y) || Math.abs(x - y) > SAME_SERIES) return false;
  }
  return true;
}

/** The first `n` of `order`, skipping frames with the same series as one already picked. */
function pickTop(
  report: TrendReport,
  order: number[],
  n: number,
): { top: number[]; same: Map<number, string[]> } {
  const top: number[] = [];
  const same = new Map<number, string[]>();
  for (const i of order) {
    if (top.length >= n) break;
    const twin = top.find((t) => sameSeries(report.frames[t], report.frames[i]));
    if (twin === undefined) {
      top.push(i);
      same.set(i, []);
    } else {
      same.get(twin)?.push(report.frames[i].key);
    }
  }
  return { top, same };
}

export function dashboardData(h: HistoryFile, opts: DashboardOptions = {}): DashboardData {
  const report = analyzeHistory(h, { settings: opts.settings });
  const repo = opts.repoUrl?.replace(/\/+$/, '');
  const pullUrl = opts.pullUrl ?? ((n: number) => (repo ? `${repo}/pull/${n}/files` : null));
  const c = report.commits;
  const order = ranked(report);
  const { top, same } = pickTop(report, order, opts.topFrames ?? 8);
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
    frames: report.frames.map((f, i) => ({
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
      moved: Math.round(moved(f) * 1e6),
      same: same.get(i) ?? [],
    })),
    order,
    top,
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
