// The plain-text console report: what `flamediff check` and `flamediff demo` print. Names are
// printed as text, with control characters replaced (a frame name must not drive the terminal).
import { shortSha } from '../lib/sha.js';
import type { FrameResult } from '../stats/types.js';
import { isImprovement, rankedRegressions } from '../stats/verdict.js';
import { pct, pp, ppInterval, qValue, seconds, signedPct } from './format.js';
import { confirmationText, headlineFacts, underGateNote } from './headline.js';
import { stripControl } from './markdown.js';
import type { ReportInput } from './types.js';
import { UNKNOWN_MACHINE } from './types.js';
import { levelText, relativeFile } from './view-model.js';

const MAX_ROWS = 15;

export function renderConsole(input: ReportInput, files: string[] = []): string {
  const r = input.report;
  const out: string[] = [];
  out.push(headline(input));
  if (r?.reason) out.push(`  ${clean(r.reason)}`);
  const confirmed = r ? confirmationText(r, clean, clean, (s) => s) : null;
  if (confirmed) out.push(`  ${confirmed}`);
  if (input.baseline?.note) out.push(`  note: ${clean(input.baseline.note)}`);
  if (r) {
    const reg = rankedRegressions(r.frames);
    const imp = r.frames.filter(isImprovement).sort((a, b) => a.delta - b.delta);
    if (reg.length)
      out.push(
        '',
        'Regressed frames (ranked):',
        ...table(reg.slice(0, MAX_ROWS), true, input.rootDir, input.frameLines),
      );
    if (reg.length > MAX_ROWS) out.push(`  ...and ${reg.length - MAX_ROWS} more`);
    if (imp.length)
      out.push(
        '',
        `Improved frames (${imp.length}):`,
        ...table(imp.slice(0, 5), false, input.rootDir, input.frameLines),
      );
    if (imp.length > 5) out.push(`  ...and ${imp.length - 5} more`);
    // droppedCount: the list holds at most a few hundred of them.
    const dropped = Math.max(r.droppedCount ?? 0, r.dropped.length);
    if (dropped > 0) {
      out.push(
        '',
        `Dropped as noise: ${dropped} frames (${pct(r.droppedShare.base)} of base, ${pct(r.droppedShare.head)} of head samples)`,
      );
    }
    for (const u of r.summary?.underGate ?? [])
      out.push(
        `warning: ${clean(u.key)}: ${pp(u.delta)}, under the ${pp(u.gate).replace('+', '')} gate (${underGateNote(r)})`,
      );
    for (const p of r.renames ?? []) {
      const how =
        p.how === 'moved to another caller'
          ? `moved from caller ${clean(p.fromCaller ?? '')} to ${clean(p.toCaller ?? '')}`
          : p.how;
      out.push(`compared as one frame: ${clean(p.from)} -> ${clean(p.to)} (${how}, from the ${p.source})`);
    }
    for (const w of r.warnings) out.push(`warning: ${clean(w)}`);
  }
  out.push('', ...measured(input));
  if (files.length) out.push('', 'Wrote:', ...files.map((f) => `  ${f}`));
  return `${out.join('\n')}\n`;
}

function headline(input: ReportInput): string {
  const r = input.report;
  if (!r) return 'flamediff: no baseline to compare with (nothing gated)';
  const h = headlineFacts(r, '->');
  let culprit = '';
  if (h.culprit && h.change) {
    const f = h.culprit;
    const line = f.line > 0 ? f.line : (input.frameLines?.get(f.key) ?? 0);
    const file = relativeFile(f.file, input.rootDir);
    const loc = file ? ` (${clean(file)}${line > 0 ? `:${line}` : ''})` : '';
    const more = h.more > 0 ? `; ${h.more} more ranked frame${h.more === 1 ? '' : 's'}` : '';
    culprit = `${clean(f.name)}${loc}: ${h.change}${r.verdict === 'fail' ? '' : ', below the gates'}${more}; `;
  }
  return `flamediff: ${r.verdict === 'fail' ? 'FAIL, performance regression' : 'PASS'}: ${culprit}${h.total}`;
}

function table(
  frames: FrameResult[],
  ranked: boolean,
  root?: string,
  lines?: ReadonlyMap<string, number>,
): string[] {
  const line = (f: FrameResult) => (f.line > 0 ? f.line : (lines?.get(f.key) ?? 0));
  const rows = frames.map((f) => [
    ranked ? String(f.rank) : '-',
    truncate(clean(f.name), 48),
    truncate(clean(f.file ? `${relativeFile(f.file, root)}${line(f) > 0 ? `:${line(f)}` : ''}` : ''), 40),
    `${pct(f.base.mean)} -> ${pct(f.head.mean)}`,
    `${seconds(f.base.timeSeconds)} -> ${seconds(f.head.timeSeconds)}`,
    `${pp(f.delta)} ${ppInterval(f.ci)}`,
    qValue(f.qValue),
  ]);
  const level = frames.length ? levelText(frames[0].ci.level) : '99%';
  const head = ['#', 'frame', 'location', 'share', 'time', `change [${level} CI]`, 'q'];
  // Columns nothing filled (no times, no locations) are left out rather than shown as "n/a".
  const empty = (c: number) => rows.every((r) => r[c] === '' || r[c] === 'n/a -> n/a');
  const keep = head.map((_, c) => !empty(c));
  const all = [head, ...rows].map((r) => r.filter((_, c) => keep[c]));
  const widths = all[0].map((_, c) => Math.max(...all.map((row) => row[c].length)));
  return all.map(
    (row) =>
      `  ${row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd()}`,
  );
}

function measured(input: ReportInput): string[] {
  const m = input.measured;
  const sampler = m.sampler
    ? `, sampler ${clean(`${m.sampler} ${m.samplerVersion}`.trim())}${m.rateHz ? ` at ${m.rateHz} Hz` : ''}`
    : '';
  const lines = [
    `Measured: ${m.runsBase} base + ${m.runsHead} head runs${m.rerun ? ' (interleaved here)' : ''}${sampler}`,
  ];
  // Runs read from files say nothing of their machine: no line rather than "unknown machine".
  if (m.machine !== UNKNOWN_MACHINE) lines.push(`Machine: ${clean(m.machine)}`);
  if (input.baseline?.sha)
    lines.push(`Baseline: ${shortSha(input.baseline.sha)} on ${clean(input.baseline.branch)}`);
  const s = input.report?.settings;
  if (s) {
    lines.push(
      `Test: ${clean((s.test ?? 'per-frame test').split(/[:;]/)[0])}, FDR ${s.alpha}, gate: frame +${(s.gateFrameShare * 100).toFixed(1)} pp${s.gateTotal !== null ? `, total ${signedPct(s.gateTotal)}` : ''}`,
    );
  }
  return lines;
}

function clean(s: string): string {
  return stripControl(s).replace(/[\r\n\t]+/g, ' ');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
