// Renders the report view with the Handlebars templates. The view holds escaped Markdown already,
// so templates are compiled with noEscape (HTML-escaping would mangle Markdown, and would not
// stop mentions or links anyway).
import Handlebars from 'handlebars';
import commentTpl from '../../templates/comment.md.hbs?raw';
import bodyTpl from '../../templates/report-body.md.hbs?raw';
import summaryTpl from '../../templates/summary.md.hbs?raw';
import type { Detail, ReportInput, ReportView } from './types.js';
import { buildView, FULL_DETAIL } from './view-model.js';

/** GitHub refuses comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

const hbs = Handlebars.create();
hbs.registerPartial('body', bodyTpl);
const compiled = {
  comment: hbs.compile(commentTpl, { noEscape: true, strict: false }),
  summary: hbs.compile(summaryTpl, { noEscape: true, strict: false }),
};

/**
 * The order in which detail is dropped when the comment is too long. Each step keeps everything
 * the previous one kept, minus what it names; the comment says what was left out.
 */
export const SHRINK_STEPS: readonly { what: string; detail: Detail }[] = [
  { what: '', detail: FULL_DETAIL },
  { what: 'the text flamegraph', detail: { ...FULL_DETAIL, textFlame: false } },
  {
    what: 'the text flamegraph; improvements and noise lists beyond 10',
    detail: { maxRegressions: 50, maxImprovements: 10, maxDropped: 10, textFlame: false },
  },
  {
    what: 'the text flamegraph; the improvements and noise lists',
    detail: { maxRegressions: 50, maxImprovements: 0, maxDropped: 0, textFlame: false },
  },
  {
    what: 'the text flamegraph; the improvements and noise lists; regressions beyond 20',
    detail: { maxRegressions: 20, maxImprovements: 0, maxDropped: 0, textFlame: false },
  },
  {
    what: 'the text flamegraph; the improvements and noise lists; regressions beyond 5',
    detail: { maxRegressions: 5, maxImprovements: 0, maxDropped: 0, textFlame: false },
  },
];

function omittedNote(what: string): string {
  return `Left out to stay under GitHub's ${COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${what}. The full report is in report.json and the job summary.`;
}

/** The PR comment: starts with the sticky-comment marker, always under COMMENT_LIMIT characters. */
export function renderComment(input: ReportInput, limit = COMMENT_LIMIT): string {
  for (const step of SHRINK_STEPS) {
    const view = capWarnings(buildView(input, step.detail));
    if (step.what) view.omitted = omittedNote(step.what);
    const text = compiled.comment(view);
    if (text.length <= limit) return text;
  }
  // Last resort (e.g. thousands of warnings): cut at a line boundary and say so.
  const last = SHRINK_STEPS[SHRINK_STEPS.length - 1];
  const view = capWarnings(buildView(input, last.detail));
  const note = `\n\n<sub>${omittedNote(`${last.what}; everything after this point`)}</sub>\n`;
  const text = compiled.comment(view);
  const cut = text.lastIndexOf('\n', limit - note.length - 1);
  return text.slice(0, Math.max(0, cut)) + note;
}

function capWarnings(view: ReportView): ReportView {
  if (view.warnings.length > 20)
    view.warnings = [...view.warnings.slice(0, 20), `…and ${view.warnings.length - 20} more warnings`];
  return view;
}

/** The job summary (GitHub's limit there is 1 MiB: full detail). */
export function renderSummary(input: ReportInput, headLabel = ''): string {
  return compiled.summary({ ...capWarnings(buildView(input)), headLabel, baselineRecorded: null });
}

/** Job summary for a run that recorded a baseline. `lines` are escaped Markdown. */
export function renderBaselineSummary(headLabel: string, recorded: string): string {
  return compiled.summary({ headLabel, baselineRecorded: recorded });
}
