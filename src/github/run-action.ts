// One action run: inputs -> mode decision -> history -> runCheck -> outputs, summary, annotations,
// sticky comment -> gate. Everything outside this process (runner, API, git, pipeline) comes in
// through `deps`, so tests can replace any part.
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { trackedFiles } from '../lib/git.js';
import type { CheckContext, CheckResult } from '../pipeline/types.js';
import type { ActionIo } from './action-io.js';
import { describeApiError } from './api-error.js';
import { decideMode, type HandlerTable, type MeasureDecision } from './dispatch.js';
import { type GitHubEvent, readGitHubEvent } from './event.js';
import { baseRef, ensureMergeBase, pushCheck } from './git-history.js';
import { headGuard } from './head-guard.js';
import { type ActionInputs, readActionInputs, requireWorkload } from './inputs.js';
import { buildReportLinks, pagesUrlFor, type RepoSite } from './links.js';
import { type ClientOptions, DEFAULT_API_TIMEOUT_MS, type GitHubClient } from './octokit.js';
import { publishResult, setOutputs } from './publish.js';
import { createSourceResolver } from './source-files.js';

export interface ActionDeps {
  io: ActionIo;
  env: Record<string, string | undefined>;
  runCheck: (opts: FlamediffOptions, ctx: CheckContext) => Promise<CheckResult>;
  createClient: (o: ClientOptions) => GitHubClient | Promise<GitHubClient>;
  installSampler: (
    sampler: FlamediffOptions['sampler'],
    log: (l: string) => void,
    warn: (l: string) => void,
  ) => Promise<void>;
  /** Event name -> handler (src/main.ts: the action's own plus the bot's). */
  handlers?: HandlerTable;
  /**
   * Aborted when the job is cancelled (SIGTERM/SIGINT, see main.ts): the workload is stopped, API
   * requests are cut off, and the step fails with one line saying what was (not) recorded.
   */
  signal?: AbortSignal;
}

/** Time the reporting phase (head check, comment, annotations) may spend on the API in all. */
export const DEFAULT_REPORT_BUDGET_MS = 120_000;

/** What a custom event handler (the bot's) gets to work with. */
export interface ActionRunContext {
  deps: ActionDeps;
  event: GitHubEvent;
  inputs: ActionInputs;
  client: GitHubClient;
  /**
   * Starts the reporting phase's time budget (once; later calls do nothing). When it runs out,
   * API requests in flight are cut off and later ones skipped, each with a warning naming it.
   */
  startReporting?: () => void;
}

/**
 * The job was cancelled: one line saying what was and was not recorded. `stored` is null when the
 * run was a bot handler's, which does not say how far it got.
 */
export class CancelledError extends UserError {
  constructor(signal: AbortSignal, stored: boolean | null) {
    const why = signal.reason instanceof Error ? signal.reason.message : 'cancelled';
    super(
      stored === null
        ? `flamediff: cancelled (${why}): the job was stopped; what it had not yet stored or posted was skipped.`
        : stored
          ? `flamediff: cancelled (${why}) after the results were stored on the data branch; what was not yet reported to the pull request was skipped.`
          : `flamediff: cancelled (${why}): the workload was stopped and its temporary files and refs removed; nothing was recorded.`,
    );
    this.name = 'CancelledError';
  }
}

/** A positive integer of milliseconds from the environment (tests shorten the limits), else `fallback`. */
function envMs(env: ActionDeps['env'], name: string, fallback: number): number {
  const n = Number(env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The gate tripped: the step fails with the report's reason (main.ts turns this into setFailed). */
export class RegressionGateError extends UserError {
  constructor(reason: string) {
    super(`flamediff: performance regression: ${reason}`);
    this.name = 'RegressionGateError';
  }
}

async function isPrivate(
  event: GitHubEvent,
  client: GitHubClient,
  warn: (l: string) => void,
): Promise<boolean> {
  const known = event.payload.repository?.private;
  if (typeof known === 'boolean') return known;
  try {
    return (await client.rest.repos.get({ owner: event.owner, repo: event.repo })).data.private;
  } catch (err) {
    // Unknown visibility: the text flamegraph renders everywhere, a raw-URL image might not.
    warn(describeApiError('reading the repository visibility', err, { permission: 'contents: read' }));
    return true;
  }
}

/**
 * Whether the token can push the data branch. Recording a baseline is pointless without it (fail
 * before measuring); a comparison goes on without storing pictures (text flamegraph inline).
 */
async function checkPush(ctx: ActionRunContext, d: MeasureDecision, root: string): Promise<boolean> {
  const { remote, dataBranch } = ctx.inputs.options;
  const r = await pushCheck(root, remote);
  if (r.ok) return true;
  const fix =
    "give the token `contents: write` (the workflow's permissions: block, docs/action.md#permissions)";
  if (d.kind === 'baseline') {
    throw new UserError(`cannot push the data branch '${dataBranch}' to ${remote} (${r.error}): ${fix}`);
  }
  ctx.deps.io.warning(
    `flamediff: the token cannot push the data branch '${dataBranch}' to ${remote} (${r.error}): ` +
      `the comparison runs, but no pictures are stored and the comment shows the text flamegraph. Fix: ${fix}.`,
  );
  return false;
}

async function measure(
  ctx: ActionRunContext,
  d: MeasureDecision,
  progress: { stored: boolean | null },
): Promise<void> {
  const { io } = ctx.deps;
  const { options, settings } = ctx.inputs;
  const root = path.resolve(ctx.event.workspace);
  options.baseBranch = d.baseBranch;
  if (d.fork) {
    io.warning(
      'This pull request comes from a fork: its token is read-only, so flamediff cannot push pictures to the ' +
        `data branch or comment. The report is in the job summary. For comments on fork PRs use the fork-safe setup in docs/bot.md.`,
    );
  }
  if (settings.installSampler) await ctx.deps.installSampler(options.sampler, io.info, io.warning);
  const canPush = d.fork ? false : await checkPush(ctx, d, root);
  if (d.kind === 'compare') {
    await ensureMergeBase({
      root,
      remote: options.remote,
      baseBranch: d.baseBranch,
      head: d.headSha,
      commits: [...new Set([d.headSha, ctx.event.sha])],
      depth: options.baselineDepth,
      log: io.info,
      warn: io.warning,
    });
  }
  const resolve = createSourceResolver({
    root,
    workDir: path.resolve(root, options.workingDirectory),
    tracked: await trackedFiles(root),
  });
  const priv = await isPrivate(ctx.event, ctx.client, io.warning);
  const pagesUrl =
    d.kind === 'compare' && !priv && canPush
      ? await pagesUrlFor(ctx.client, ctx.event.owner, ctx.event.repo, options.dataBranch)
      : null;
  const site: RepoSite = {
    serverUrl: ctx.event.serverUrl,
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    dataBranch: options.dataBranch,
    headSha: d.headSha,
    private: priv,
    pagesUrl,
  };
  // A newer push makes this job's report stale: it then writes nothing to the pull request.
  const guard =
    d.kind === 'compare' && d.pullNumber !== undefined
      ? headGuard({
          client: ctx.client,
          owner: ctx.event.owner,
          repo: ctx.event.repo,
          pull: d.pullNumber,
          sha: d.headSha,
          log: io.info,
          warn: io.warning,
        })
      : null;
  const result = await ctx.deps.runCheck(options, {
    headSha: d.headSha,
    headRef: d.headRef,
    isBaseBranch: d.kind === 'baseline',
    // Without a pull number the pipeline stores no pictures: nothing to push when we cannot.
    pullNumber: canPush ? d.pullNumber : undefined,
    links: buildReportLinks(site, d.pullNumber, resolve, canPush),
    log: io.info,
    cwd: root,
    baseRef: d.kind === 'compare' ? baseRef(options.remote, d.baseBranch) : undefined,
    signal: ctx.deps.signal,
    stillCurrent: guard
      ? () => {
          ctx.startReporting?.();
          return guard.isCurrent();
        }
      : undefined,
  });
  progress.stored = result.stored.length > 0;
  ctx.startReporting?.();
  await publishResult(ctx, d, result, resolve, guard ? () => guard.isCurrent() : undefined);
  if (result.verdict === 'fail') {
    const reason = result.report?.reason ?? `${result.regressions} regression(s) passed the gates`;
    if (options.failOnRegression) throw new RegressionGateError(reason);
    io.warning(
      `flamediff: performance regression (fail-on-regression is off, so the step passes): ${reason}`,
    );
  }
}

export async function runAction(deps: ActionDeps): Promise<void> {
  const { io, env } = deps;
  // First of all, so no later log line can print it.
  const token = io.getInput('github-token');
  if (token) io.setSecret(token);
  const event = readGitHubEvent(env);
  const inputs = await readActionInputs((n) => io.getInput(n), event.workspace, { requireCommand: false });
  const decision = decideMode(
    event,
    inputs.settings.baseBranchSet ? inputs.options.baseBranch : null,
    deps.handlers,
  );
  if (decision.kind === 'baseline' || decision.kind === 'compare') requireWorkload(inputs.options);
  if (decision.kind === 'skip') {
    if (decision.warn) io.warning(`flamediff: ${decision.reason}`);
    else io.info(`flamediff: ${decision.reason}`);
    setOutputs(io, 'skip', null);
    io.setOutput('comment-url', '');
    return;
  }
  io.info(`flamediff: ${decision.reason}`);
  // Cut off by a cancelled job or by the reporting budget running out, with the reason as the message.
  const apiStop = new AbortController();
  const onCancel = () => apiStop.abort(new Error('the job was cancelled'));
  if (deps.signal?.aborted) onCancel();
  else deps.signal?.addEventListener('abort', onCancel, { once: true });
  const budgetMs = envMs(env, 'FLAMEDIFF_REPORT_BUDGET_MS', DEFAULT_REPORT_BUDGET_MS);
  let budget: NodeJS.Timeout | undefined;
  const startReporting = () => {
    budget ??= setTimeout(
      () =>
        apiStop.abort(
          new Error(
            `the reporting phase's ${budgetMs / 1000} s budget for GitHub API calls ran out (the verdict stands)`,
          ),
        ),
      budgetMs,
    );
  };
  const progress: { stored: boolean | null } = { stored: decision.kind === 'custom' ? null : false };
  try {
    const client = await deps.createClient({
      token: inputs.settings.token,
      baseUrl: event.apiUrl,
      warn: io.warning,
      timeoutMs: envMs(env, 'FLAMEDIFF_API_TIMEOUT_MS', DEFAULT_API_TIMEOUT_MS),
      signal: apiStop.signal,
    });
    const ctx: ActionRunContext = { deps, event, inputs, client, startReporting };
    if (decision.kind === 'custom') await decision.run(ctx);
    else await measure(ctx, decision, progress);
  } catch (err) {
    if (deps.signal?.aborted) throw new CancelledError(deps.signal, progress.stored);
    throw err;
  } finally {
    clearTimeout(budget);
    deps.signal?.removeEventListener('abort', onCancel);
  }
  if (deps.signal?.aborted) throw new CancelledError(deps.signal, progress.stored);
}
