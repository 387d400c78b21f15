// The report's view model: pure code from the comparison and the run facts to display-ready,
// already-escaped strings. Templates only arrange these strings; escaping happens here, once.

import type { FrameTrend } from '../history/types.js';
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { shortSha } from '../lib/sha.js';
import type { RenamePair } from '../stats/rename-match.js';
import type { ComparisonReport, FrameResult } from '../stats/types.js';
import { isImprovement, rankedRegressions } from '../stats/verdict.js';
import { age, count, pct, pp, ppInterval, qValue, seconds, signedPct } from './format.js';
import { confirmationText, headlineFacts, underGateNote } from './headline.js';
import { mdCode, mdFence, mdText, safeUrl } from './markdown.js';
import {
  type Detail,
  type FrameRow,
  type ReportInput,
  type ReportLinks,
  type ReportView,
  UNKNOWN_MACHINE,
} from './types.js';

export const FULL_DETAIL: Detail = {
  maxRegressions: 50,
  maxImprovements: 30,
  maxDropped: 30,
  textFlame: true,
};

export function buildView(input: ReportInput, detail: Detail = FULL_DETAIL): ReportView {
  const r = input.report;
  const links = input.links ?? {};
  const trends = new Map((input.trends ?? []).map((t) => [t.key, t]));
  // One definition of a regression and an improvement (stats/verdict.ts): ranked regressed or new.
  const regressed = r ? rankedRegressions(r.frames).sort(byRank) : [];
  const improved = r ? r.frames.filter(isImprovement).sort((a, b) => a.delta - b.delta) : [];
  const renamed = new Map((r?.renames ?? []).map((p) => [p.to, p]));
  const row = (f: FrameResult, i: number) => {
    const out = frameRow(withLine(f, input.frameLines), i, links, trends.get(f.key), input.rootDir);
    const p = renamed.get(f.key);
    if (p) out.name += ` (${renameNote(p)})`;
    return out;
  };
  return {
    marker: COMMENT_MARKER,
    status: r ? r.verdict : 'none',
    verdictLine: verdictLine(input),
    reason: r ? mdText(r.reason) : '',
    confirmation: r ? confirmationLine(r) : null,
    ciLevel: levelText(r ? 1 - r.settings.alpha : 0.99),
    regressions: regressed.slice(0, detail.maxRegressions).map(row),
    regressionsMore: Math.max(0, regressed.length - detail.maxRegressions),
    hasTrend: regressed.some((f) => (trends.get(f.key)?.sparkline ?? '') !== ''),
    hasCreep: regressed.slice(0, detail.maxRegressions).some((f) => Boolean(trends.get(f.key)?.creepNote)),
    improvements: improved.slice(0, detail.maxImprovements).map(row),
    improvementsMore: Math.max(0, improved.length - detail.maxImprovements),
    improvementCount: improved.length,
    image: r ? imageBlock(links, input.localFiles) : null,
    textFlame: detail.textFlame && input.textFlame ? textFlameBlock(input.textFlame) : null,
    textFlameOpen: Boolean(links.inlineTextFlamegraph),
    measured: measuredLines(input),
    baselineNote: input.baseline?.note ? mdText(input.baseline.note) : null,
    noise: r ? noiseBlock(r, detail.maxDropped) : null,
    warnings: [...underGateLines(r), ...(r?.warnings ?? []).map(mdText)],
    omitted: null,
    refactors: (r?.renames ?? []).map((p) =>
      p.how === 'moved to another caller'
        ? `${mdCode(p.to)}: ${renameNote(p)} (from the ${p.source})`
        : `${mdCode(p.from)} → ${mdCode(p.to)}: ${p.how} (from the ${p.source})`,
    ),
  };
}

function byRank(a: FrameResult, b: FrameResult): number {
  return (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.delta - a.delta || (a.key < b.key ? -1 : 1);
}

function verdictLine(input: ReportInput): string {
  const r = input.report;
  if (!r) {
    return input.baseline?.sha
      ? `⚪ **No comparison**: baseline ${mdCode(shortSha(input.baseline.sha))} could not be compared.`
      : '⚪ **No baseline to compare with** yet: this run was measured, nothing was gated.';
  }
  const h = headlineFacts(r);
  const total = h.total;
  let culprit = '';
  if (h.culprit && h.change) {
    const f = withLine(h.culprit, input.frameLines);
    const file = relativeFile(f.file, input.rootDir);
    const loc = file ? ` (${mdCode(`${file}${f.line > 0 ? `:${f.line}` : ''}`, 80)})` : '';
    const more = h.more > 0 ? `; ${h.more} more ranked frame${h.more === 1 ? '' : 's'}` : '';
    culprit = `${mdCode(f.name)}${loc}: ${h.change}${r.verdict === 'fail' ? '' : ', below the gates'}${more}; `;
  }
  if (r.verdict === 'fail') return `🔴 **Performance regression**: ${culprit}${total}.`;
  const none = culprit ? '' : 'no frame changed beyond the noise and the effect floors; ';
  return `🟢 **No gated regression**: ${culprit}${none}${total}.`;
}

/** One escaped sentence on the confirmation of a stored-baseline verdict (confirmationText's words). */
function confirmationLine(r: ComparisonReport): string | null {
  return confirmationText(r, (k) => mdCode(k), mdText);
}

/** 'renamed from `parse (a.js)`', 'moved from `a.js`', 'moved from caller `a (x.js)` to `b (x.js)`'. */
function renameNote(p: RenamePair): string {
  if (p.how === 'moved to another caller')
    return `moved from caller ${mdCode(p.fromCaller ?? '')} to ${mdCode(p.toCaller ?? '')}`;
  return `${p.how === 'moved' ? 'moved' : 'renamed'} from ${mdCode(p.from)}`;
}

/** 0.99 -> "99%", 0.995 -> "99.5%". */
export function levelText(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

function withLine(f: FrameResult, lines: ReadonlyMap<string, number> | undefined): FrameResult {
  const line = f.line > 0 ? f.line : (lines?.get(f.key) ?? 0);
  return line === f.line ? f : { ...f, line };
}

/** `file` relative to `root` when it lies under it (also for file:// URLs), else unchanged. */
export function relativeFile(file: string, root: string | undefined): string {
  if (!root) return file;
  const plain = file.startsWith('file://') ? decodeURIComponent(file.slice('file://'.length)) : file;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return plain.startsWith(prefix) ? plain.slice(prefix.length) : file;
}

function frameRow(
  f: FrameResult,
  i: number,
  links: ReportLinks,
  trend: FrameTrend | undefined,
  root?: string,
): FrameRow {
  const file = relativeFile(f.file, root);
  const loc = file ? `${file}${f.line > 0 ? `:${f.line}` : ''}` : '';
  const url = loc && links.sourceUrl ? safeUrl(links.sourceUrl(file, f.line)) : null;
  const locCode = loc ? mdCode(loc, 80) : '';
  return {
    rank: String(f.rank ?? i + 1),
    name: mdCode(f.name),
    location: url ? `[${locCode}](${url})` : locCode,
    before: pct(f.base.mean),
    after: pct(f.head.mean),
    timeBefore: seconds(f.base.timeSeconds),
    timeAfter: seconds(f.head.timeSeconds),
    change: pp(f.delta),
    interval: ppInterval(f.ci),
    q: qValue(f.qValue),
    trend: trend?.sparkline ? mdCode(trend.sparkline, 40) : '',
    creep: trend?.creepNote ? mdText(trend.creepNote) : null,
  };
}

function imageBlock(links: ReportLinks, local: ReportInput['localFiles']): { markdown: string } | null {
  const img = safeUrl(links.imageUrl);
  const svg = safeUrl(links.svgUrl);
  if (img) {
    const pic = `![Differential flamegraph: red grew, blue shrank](${img})`;
    return { markdown: svg ? `[${pic}](${svg})\n\n[Open the interactive SVG](${svg})` : pic };
  }
  if (svg) return { markdown: `[Open the interactive differential flamegraph (SVG)](${svg})` };
  if (local?.diffSvg || local?.diffPng) {
    const files = [local.diffSvg, local.diffPng].filter((x): x is string => Boolean(x)).map((f) => mdCode(f));
    return { markdown: `Differential flamegraph written to ${files.join(' and ')} (red grew, blue shrank).` };
  }
  return null;
}

/** The text flamegraph goes into a fence it cannot break out of (its own fence, if any, is removed). */
function textFlameBlock(text: string): string {
  const m = /^\s*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n\1\s*$/.exec(text);
  return mdFence(m ? m[2] : text);
}

/** Detected but not failing: "`f`: +1.0 pp, under the 1.0 pp gate". */
function underGateLines(r: ComparisonReport | null): string[] {
  if (!r?.summary) return [];
  const note = underGateNote(r);
  return (r.summary.underGate ?? []).map(
    (u) => `${mdCode(u.key)}: ${pp(u.delta)}, under the ${pp(u.gate).replace('+', '')} gate (${note}).`,
  );
}

function measuredLines(input: ReportInput): string[] {
  const m = input.measured;
  const r = input.report;
  const s = r?.settings;
  const lines: string[] = [];
  lines.push(
    `${m.runsBase} base and ${m.runsHead} head runs${m.rerun ? ', interleaved on this machine (baseline: rerun)' : ''}`,
  );
  if (r) lines.push(`${count(r.total.base.samples)} → ${count(r.total.head.samples)} samples per run (mean)`);
  const bs = r?.betweenSessions;
  if (bs?.applied) {
    const w = bs.widened.map((f) => mdCode(f.key)).join(', ');
    lines.push(mdText(bs.note) + (w ? ` Widened: ${w}.` : ''));
  }
  const facts = [
    m.sampler
      ? `sampler ${mdCode(m.sampler + (m.samplerVersion ? ` ${m.samplerVersion}` : ''))}${m.rateHz ? ` at ${m.rateHz} Hz` : ''}`
      : '',
    m.machine !== UNKNOWN_MACHINE ? `machine ${mdCode(m.machine, 120)}` : '',
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join('; '));
  const b = input.baseline;
  if (b?.sha) {
    const a = age(b.commitDate ?? null, input.headDate ?? null);
    lines.push(
      `baseline ${mdCode(shortSha(b.sha))} on ${mdCode(b.branch)}${a ? ` (${a} older than the head)` : ''}`,
    );
  }
  if (s) {
    lines.push(
      `${mdText((s.test ?? 'per-frame test across runs').replace(/\.$/, ''))}; false-discovery rate ${s.alpha}; effect floors ${pp(s.minEffect)} and ${signedPct(s.minRelEffect, 0)} of the frame; ${s.granularity} granularity`,
    );
    lines.push(
      `gates: a ranked frame growing by more than ${pp(s.gateFrameShare)} of total${s.gateTotal !== null ? `, or the total growing by more than ${signedPct(s.gateTotal)}` : ''}`,
    );
    if (s.metricNote) lines.push(mdText(s.metricNote));
  }
  if (r && r.total.base.wallSeconds !== null && r.total.head.wallSeconds !== null) {
    lines.push(
      `wall time per run ${seconds(r.total.base.wallSeconds)} → ${seconds(r.total.head.wallSeconds)} (for reference: the total is not compared in wall time, which counts waiting and follows the machine's load)`,
    );
  }
  return lines;
}

function noiseBlock(r: ComparisonReport, max: number): ReportView['noise'] {
  const s = r.settings;
  // `dropped` lists at most a few hundred; droppedCount is how many there were.
  const n = Math.max(r.droppedCount ?? 0, r.dropped.length);
  // droppedShare also counts frames under min-share in every run (never hotspots, so not in the
  // list): say so, or "0 frames dropped: 100% of samples" reads as a contradiction.
  const summary =
    `${n} frame${n === 1 ? '' : 's'} dropped as inconsistent (under ${pct(s.minShare)} of samples in more than ${pct(1 - s.quorum, 0)} of runs); ` +
    `samples whose leaf frame was not tested (dropped, or under ${pct(s.minShare)} in every run): ${pct(r.droppedShare.base)} of base and ${pct(r.droppedShare.head)} of head.`;
  const frames = [...r.dropped]
    .sort((a, b) => b.maxShare - a.maxShare || (a.key < b.key ? -1 : 1))
    .slice(0, max)
    .map((d) => `${mdCode(d.name)} (max ${pct(d.maxShare)}, in ${pct(d.presence, 0)} of runs)`);
  return { summary, frames, more: Math.max(0, n - frames.length) };
}
