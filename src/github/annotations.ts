// Ranked regressions become annotations on their source lines. GitHub shows at most 10 error and
// 10 warning annotations per step, so rank order decides which ones make it.
import type { ComparisonReport, FrameResult } from '../stats/types.js';
import type { SourceResolver } from './source-files.js';

/** GitHub's per-step limit for each annotation level. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: 'error' | 'warning';
  /** Repository-relative path. */
  file: string;
  line: number;
  title: string;
  message: string;
}

function amount(f: FrameResult, value: number): string {
  if (f.metric === 'inclusiveShare' || f.metric === 'selfShare') return `${(value * 100).toFixed(2)}%`;
  return `${value.toFixed(3)} s`;
}

function change(f: FrameResult, value: number): string {
  const sign = value >= 0 ? '+' : '-';
  const abs = Math.abs(value);
  if (f.metric === 'inclusiveShare' || f.metric === 'selfShare') return `${sign}${(abs * 100).toFixed(2)} pp`;
  return `${sign}${abs.toFixed(3)} s`;
}

/** Whether this frame alone trips the per-frame gate (so the annotation is an error). */
function tripsGate(report: ComparisonReport, f: FrameResult): boolean {
  if (report.verdict !== 'fail') return false;
  const own = f.ownDelta ?? f.delta;
  const share = f.metric === 'inclusiveShare' || f.metric === 'selfShare';
  return share ? own > report.settings.gateFrameShare : true;
}

function describe(f: FrameResult): string {
  const rel = f.relDelta === null ? '' : ` (${f.relDelta >= 0 ? '+' : ''}${(f.relDelta * 100).toFixed(0)}%)`;
  const metric = f.metric.replace(/([A-Z])/g, ' $1').toLowerCase();
  return (
    `${f.name}: ${metric} ${amount(f, f.base.mean)} -> ${amount(f, f.head.mean)}, ${change(f, f.delta)}${rel}; ` +
    `q = ${f.qValue.toPrecision(2)} over ${f.head.runs.length} runs.`
  );
}

/** The frame's line in `repoFile`; the default trusts the report (0 = unknown). */
export type LineFinder = (f: FrameResult, repoFile: string) => number | null;

const reportedLine: LineFinder = (f) => (f.line > 0 ? f.line : null);

/**
 * Annotations for the ranked regressions whose file is in the repository, most important first,
 * within GitHub's per-level limit. `failGate` false (report-only) makes every one a warning.
 */
export function pickAnnotations(
  report: ComparisonReport,
  resolve: SourceResolver,
  failGate: boolean,
  lineOf: LineFinder = reportedLine,
  perLevel = ANNOTATIONS_PER_LEVEL,
): Annotation[] {
  const ranked = report.frames.filter((f) => f.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const out: Annotation[] = [];
  const used = { error: 0, warning: 0 };
  const seen = new Set<string>();
  for (const f of ranked) {
    const file = resolve(f.file);
    if (!file) continue;
    const line = lineOf(f, file);
    if (!line) continue;
    const place = `${file}:${line}`;
    if (seen.has(place)) continue;
    const level = failGate && tripsGate(report, f) ? 'error' : 'warning';
    if (used[level] >= perLevel) continue;
    seen.add(place);
    used[level]++;
    out.push({
      level,
      file,
      line,
      title: `flamediff: regression #${f.rank} ${f.name}`.slice(0, 200),
      message: describe(f),
    });
  }
  return out;
}
