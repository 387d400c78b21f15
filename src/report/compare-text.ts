// Self-contained text and Markdown views of a ComparisonReport for `flamediff compare` (the PR
// comment with flamegraphs is view-model.ts + templates). Frame names are untrusted: in Markdown
// they are code spans and prose goes through mdText, as in the PR comment, so no mention, link,
// image or HTML can be injected.
import type { ComparisonReport, FrameResult } from '../stats/types.js';
import { mdCode, mdText } from './markdown.js';

const MAX_ROWS = 25;

function pct(x: number | null, digits = 2): string {
  return x === null || !Number.isFinite(x) ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
}

function signedPct(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return 'n/a';
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}%`;
}

function pp(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} pp`;
}

function seconds(x: number): string {
  return x >= 1 ? `${x.toFixed(3)} s` : `${(x * 1000).toFixed(2)} ms`;
}

function formatP(p: number | null): string {
  if (p === null || Number.isNaN(p)) return 'n/a';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

/** The change of a frame in its metric's units (share points or seconds). */
function change(f: FrameResult): string {
  return f.metric === 'inclusiveTime' || f.metric === 'selfTime'
    ? `${f.delta >= 0 ? '+' : '-'}${seconds(Math.abs(f.delta))}`
    : pp(f.delta);
}

function interval(f: FrameResult): string {
  const fmt = (x: number) =>
    f.metric === 'inclusiveTime' || f.metric === 'selfTime'
      ? `${x < 0 ? '-' : ''}${seconds(Math.abs(x))}`
      : pp(x);
  return `[${fmt(f.ci.lo)}, ${fmt(f.ci.hi)}]`;
}

function value(f: FrameResult, side: 'base' | 'head'): string {
  const v = f[side].mean;
  return f.metric === 'inclusiveTime' || f.metric === 'selfTime' ? seconds(v) : pct(v);
}

function shownFrames(r: ComparisonReport): FrameResult[] {
  return r.frames.filter((f) => f.status !== 'unchanged').slice(0, MAX_ROWS);
}

function totalLine(r: ComparisonReport): string {
  const t = r.total;
  const ci = t.ci
    ? ` (${Math.round(t.ci.level * 100)}% CI ${signedPct(t.ci.lo)} to ${signedPct(t.ci.hi)}, p=${formatP(t.pValue)})`
    : '';
  return `Total ${t.measure}: ${signedPct(t.change)}${ci}, ${t.status}; runs ${t.base.runs} base / ${t.head.runs} head, ${Math.round(t.base.samples)} / ${Math.round(t.head.samples)} samples per run`;
}

export function reportText(r: ComparisonReport): string {
  const lines = [`Verdict: ${r.verdict.toUpperCase()} - ${r.reason}`, totalLine(r), ''];
  const rows = shownFrames(r);
  if (rows.length === 0) lines.push('No frame changed beyond the noise and the effect floors.');
  for (const f of rows) {
    const tag = f.rank !== null ? `#${f.rank}` : f.explainedBy ? 'via' : '  ';
    lines.push(
      `${tag.padEnd(4)}${f.status.padEnd(13)}${change(f).padStart(12)}  ${value(f, 'base')} -> ${value(f, 'head')}  CI ${interval(f)}  q=${formatP(f.qValue)}  ${f.key}`,
    );
    if (f.rank !== null && f.path.length > 1) lines.push(`      path: ${f.path.join(' > ')}`);
    if (f.explainedBy) lines.push(`      explained by ${f.explainedBy}`);
  }
  lines.push('', `Compared: ${r.settings.metricNote ?? ''}`);
  if (r.dropped.length > 0 || (r.droppedCount ?? 0) > 0) {
    lines.push(
      `Dropped as inconsistent: ${r.droppedCount ?? r.dropped.length} frame(s); weight not in a kept frame: ${pct(r.droppedShare.base)} base, ${pct(r.droppedShare.head)} head`,
    );
  }
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

export function reportMarkdown(r: ComparisonReport): string {
  const icon = r.verdict === 'fail' ? ':x:' : ':white_check_mark:';
  const lines = [`### flamediff: ${icon} ${r.verdict}`, '', mdText(r.reason), '', mdText(totalLine(r)), ''];
  const rows = shownFrames(r);
  if (rows.length === 0) lines.push('No frame changed beyond the noise and the effect floors.');
  else {
    lines.push(
      '| rank | status | frame | base | head | change | CI | q |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const f of rows) {
      const rank = f.rank !== null ? `#${f.rank}` : f.explainedBy ? `via ${mdCode(f.explainedBy)}` : '';
      lines.push(
        `| ${rank} | ${f.status} | ${mdCode(f.key)} | ${value(f, 'base')} | ${value(f, 'head')} | ${change(f)} | ${interval(f)} | ${formatP(f.qValue)} |`,
      );
    }
  }
  lines.push('', mdText(`Compared: ${r.settings.metricNote ?? ''}`));
  for (const w of r.warnings) lines.push('', `> ${mdText(w)}`);
  return `${lines.join('\n')}\n`;
}
