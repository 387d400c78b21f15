// present(analysis, facts) -> {comment, summary, console, markdown}: the pipeline's third stage.
// One renderer for every caller: the PR comment, the job summary, the console report and the
// Markdown of `flamediff compare --format markdown` all come from the same view model.

import { machineText } from '../analyse/facts.js';
import type { Analysis } from '../analyse/types.js';
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { shortSha } from '../lib/sha.js';
import { renderConsole } from './console.js';
import { seconds } from './format.js';
import { mdCode, mdText, stripControl } from './markdown.js';
import { renderBaselineSummary, renderComment, renderSummary } from './render.js';
import type { ReportInput, ReportLinks } from './types.js';

/** What only the caller knows: which commits these are, where links point, what it writes. */
export interface PresentFacts {
  /** 'baseline': the runs were recorded as a baseline; 'compare': a head was compared (or had no base). */
  mode: 'baseline' | 'compare';
  /** The head commit ('' when there is none, e.g. `compare` on two folders). */
  headSha: string;
  headRef: string;
  /** The baseline compared with; sha '' when none was found (the note says why). */
  baseline: { sha: string; branch: string; note: string | null; commitDate?: string | null } | null;
  headDate?: string | null;
  links?: ReportLinks;
  /** Repository root: frame files under it are shown (and linked) relative to it. */
  rootDir?: string;
  /** Picture files written locally (shown when there are no URLs). */
  localFiles?: { diffSvg?: string; diffPng?: string };
  /** Every file the caller writes, listed at the end of the console report. */
  written?: string[];
  /** Where a baseline was stored (console line of a baseline recording). */
  store?: { kind: string; location: string };
}

export interface Presentation {
  /** The sticky PR comment: starts with the marker, under GitHub's 65,536-character limit. */
  comment: string;
  /** The job summary. */
  summary: string;
  /** The plain-text console report (control characters replaced). */
  console: string;
  /** The comment's Markdown without the sticky-comment marker (`compare --format markdown`). */
  markdown: string;
}

export function present(analysis: Analysis, facts: PresentFacts): Presentation {
  return facts.mode === 'baseline' ? presentBaseline(analysis, facts) : presentComparison(analysis, facts);
}

/** The view model's input: the analysis plus the facts. */
export function reportInput(a: Analysis, facts: PresentFacts): ReportInput {
  const head = a.runSets.head;
  return {
    report: a.report,
    headSha: facts.headSha,
    headRef: facts.headRef,
    baseline: facts.baseline,
    headDate: facts.headDate ?? null,
    measured: {
      runsBase: a.base?.runs ?? 0,
      runsHead: a.head.runs,
      sampler: head.sampler,
      samplerVersion: head.samplerVersion,
      machine: machineText(head.machine),
      rerun: a.runSets.interleaved,
      rateHz: head.rateHz,
    },
    links: facts.links,
    rootDir: facts.rootDir,
    frameLines: a.frameLines,
    textFlame: a.pictures.textFlame,
    trends: a.trends,
    localFiles: facts.localFiles,
  };
}

function presentComparison(a: Analysis, facts: PresentFacts): Presentation {
  const input = reportInput(a, facts);
  const comment = renderComment(input);
  const label = facts.headSha ? `${facts.headRef} @ ${shortSha(facts.headSha)}` : facts.headRef;
  return {
    comment,
    summary: renderSummary(input, mdText(label)),
    console: renderConsole(input, facts.written ?? []),
    markdown: withoutMarker(comment),
  };
}

function withoutMarker(comment: string): string {
  return comment.startsWith(COMMENT_MARKER)
    ? comment.slice(COMMENT_MARKER.length).replace(/^\n/, '')
    : comment;
}

function presentBaseline(a: Analysis, facts: PresentFacts): Presentation {
  const side = a.runSets.head;
  const branch = facts.baseline?.branch ?? facts.headRef;
  const sha = shortSha(facts.headSha);
  const t = a.head.totals;
  const n = a.head.runs;
  const perRun =
    t.profileSeconds !== null ? `${seconds(t.profileSeconds)} profiled` : `${Math.round(t.samples)} samples`;
  const top = a.head.top.slice(0, 10);
  const lines = [
    `Recorded baseline ${mdCode(sha)} for ${mdCode(branch)}: ${n} run${n === 1 ? '' : 's'} with ${mdCode(side.sampler)}, ${perRun} per run (mean).`,
    '',
    'Top frames (inclusive share):',
    '',
    ...top.map((f) => `- ${mdCode(f.key)}: ${(f.share * 100).toFixed(1)}%`),
  ];
  const summary = renderBaselineSummary(mdText(facts.headRef), lines.join('\n'));
  const where = facts.store ? `, ${facts.store.kind} store ${facts.store.location}` : '';
  const console = [
    `flamediff: recorded baseline ${sha} for ${branch} (${n} run${n === 1 ? '' : 's'}${where})`,
    'Top frames:',
    ...top.map((f) => `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${stripControl(f.key)}`),
    ...(facts.written?.length ? [`Wrote: ${facts.written.join(', ')}`] : []),
    '',
  ].join('\n');
  return { comment: '', summary, console, markdown: lines.join('\n') };
}
