// Publishing a result: log line, outputs and job summary first (so nothing later can hide the
// verdict), then annotations on the regressed lines, then the sticky comment.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult } from '../pipeline/types.js';
import type { ActionIo } from './action-io.js';
import { type LineFinder, pickAnnotations } from './annotations.js';
import { findDefinitionLine } from './definition-line.js';
import type { MeasureDecision } from './dispatch.js';
import type { ActionRunContext } from './run-action.js';
import type { SourceResolver } from './source-files.js';
import { postSticky } from './sticky-comment.js';
import { fitSummary } from './summary.js';

export function setOutputs(io: ActionIo, mode: string, result: CheckResult | null): void {
  io.setOutput('mode', mode);
  io.setOutput('verdict', result?.verdict ?? 'none');
  io.setOutput('regressions', String(result?.regressions ?? 0));
  io.setOutput('report-json', result?.files.reportJson ?? '');
  io.setOutput('total-change', result?.totalChange == null ? '' : String(result.totalChange));
}

function logVerdict(io: ActionIo, d: MeasureDecision, r: CheckResult): void {
  if (r.mode === 'baseline') {
    io.info(
      `flamediff: baseline recorded for ${d.headSha.slice(0, 12)} (${r.stored.length} files on the data branch).`,
    );
    return;
  }
  const total =
    r.totalChange == null ? 'n/a' : `${r.totalChange >= 0 ? '+' : ''}${(r.totalChange * 100).toFixed(1)}%`;
  io.info(`flamediff: verdict ${r.verdict}, ${r.regressions} ranked regression(s), total change ${total}.`);
  if (r.report?.reason) io.info(`flamediff: ${r.report.reason}`);
  if (r.baseline?.note) io.info(`flamediff: ${r.baseline.note}`);
}

/** The report's line, else (function granularity) the function's definition in the file. */
function lineFinder(root: string): LineFinder {
  const texts = new Map<string, string | null>();
  return (f, repoFile) => {
    if (f.line > 0) return f.line;
    if (!texts.has(repoFile)) {
      let text: string | null = null;
      try {
        text = readFileSync(path.join(root, repoFile), 'utf8');
      } catch {}
      texts.set(repoFile, text);
    }
    const text = texts.get(repoFile);
    return text ? findDefinitionLine(text, f.name) : null;
  };
}

function annotate(
  io: ActionIo,
  r: CheckResult,
  resolve: SourceResolver,
  failGate: boolean,
  root: string,
): void {
  if (!r.report) return;
  for (const a of pickAnnotations(r.report, resolve, failGate, lineFinder(root))) {
    const place = { file: a.file, startLine: a.line, title: a.title };
    if (a.level === 'error') io.error(a.message, place);
    else io.warning(a.message, place);
  }
}

/** The sticky comment of a comparison on a pull request (postSticky decides and reports). */
async function comment(ctx: ActionRunContext, d: MeasureDecision, r: CheckResult): Promise<string> {
  const { io } = ctx.deps;
  if (d.pullNumber === undefined || r.mode !== 'compare') return '';
  // A fork's token is read-only: the up-front warning said so; trying anyway only adds a 403.
  if (d.fork) return '';
  return postSticky(
    ctx.client,
    { owner: ctx.event.owner, repo: ctx.event.repo, issueNumber: d.pullNumber },
    r.commentMarkdown,
    {
      mode: ctx.inputs.settings.comment,
      verdict: r.verdict,
      log: (l) => io.info(l),
      warn: (l) => io.warning(l),
      fork: d.fork,
    },
  );
}

export async function publishResult(
  ctx: ActionRunContext,
  d: MeasureDecision,
  result: CheckResult,
  resolve: SourceResolver,
  /** Whether the pull request's head is still this job's commit (head-guard.ts); false writes nothing more. */
  stillCurrent?: () => Promise<boolean>,
): Promise<void> {
  const { io, env } = ctx.deps;
  const root = path.resolve(ctx.event.workspace);
  logVerdict(io, d, result);
  setOutputs(io, result.mode, result);
  const where = result.files.reportJson
    ? ` The full report is ${path.relative(root, result.files.reportJson)} in the job's workspace.`
    : '';
  try {
    await io.writeSummary(
      fitSummary(result.summaryMarkdown, `Summary truncated at GitHub's 1 MiB limit.${where}`),
    );
  } catch (err) {
    // A full or unwritable summary file must not turn a verdict into a crash.
    io.warning(`flamediff: cannot write the job summary (${(err as Error).message}).`);
  }
  if (env.GITHUB_ACTIONS === 'true' && !env.GITHUB_STEP_SUMMARY) {
    io.info('flamediff: GITHUB_STEP_SUMMARY is not set: no job summary.');
  }
  if (stillCurrent && !(await stillCurrent())) {
    io.setOutput('comment-url', '');
    return;
  }
  annotate(io, result, resolve, ctx.inputs.options.failOnRegression, root);
  io.setOutput('comment-url', await comment(ctx, d, result));
}
