// The bot inside the action: its event handlers, added to the action's handler table by
// src/main.ts, and the pipeline wrapped so the pull_request gate honours acceptances.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { describeApiError, isRequestError } from '../github/api-error.js';
import type { EventHandler, HandlerTable } from '../github/dispatch.js';
import type { GitHubEvent } from '../github/event.js';
import type { ActionRunContext } from '../github/run-action.js';
import { fitSummary } from '../github/summary.js';
import type { CheckContext } from '../pipeline/types.js';
import { type BotContext, DEFAULT_ACCEPT_LABEL } from './context.js';
import type { RunCheck } from './gate.js';

/** Baselines are recorded for the repository's default branch unless `base-branch` says otherwise. */
function withDefaultBase(ctx: ActionRunContext): ActionRunContext['inputs']['options'] {
  const { options, settings } = ctx.inputs;
  const repoDefault = ctx.event.payload.repository?.default_branch;
  if (settings.baseBranchSet || typeof repoDefault !== 'string' || repoDefault === '') return options;
  return { ...options, baseBranch: repoDefault };
}

/** The bot's view of an action run. The optional `accept-label` input overrides the label. */
export function botFromAction(ctx: ActionRunContext): BotContext {
  const { io } = ctx.deps;
  return {
    client: ctx.client,
    startReporting: ctx.startReporting,
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    payload: ctx.event.payload,
    options: withDefaultBase(ctx),
    cwd: path.resolve(ctx.event.workspace),
    serverUrl: ctx.event.serverUrl,
    acceptLabel: io.getInput('accept-label') || DEFAULT_ACCEPT_LABEL,
    comment: ctx.inputs.settings.comment,
    failOnRegression: ctx.inputs.options.failOnRegression,
    log: (l) => io.info(l),
    warn: (l) => io.warning(l),
    setOutput: (n, v) => io.setOutput(n, v),
    writeSummary: async (md) => {
      // Several shards' full reports can pass GitHub's 1 MiB (which then shows no summary at all);
      // and a summary that cannot be written must not turn a posted verdict into a crash.
      try {
        await io.writeSummary(
          fitSummary(
            md,
            "Summary truncated at GitHub's 1 MiB limit: the full reports are on the data branch.",
          ),
        );
      } catch (err) {
        io.warning(`flamediff: cannot write the job summary (${(err as Error).message}).`);
      }
    },
  };
}

/** An API failure the handlers did not expect becomes one line with the endpoint and the fix. */
async function apiErrorsAsLines<T>(what: string, permission: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isRequestError(err)) throw new UserError(`flamediff: ${describeApiError(what, err, { permission })}`);
    throw err;
  }
}

const issueComment: EventHandler = () => ({
  kind: 'custom',
  reason: 'issue_comment: reading /flamediff commands.',
  async run(ctx: ActionRunContext) {
    await apiErrorsAsLines('Handling the comment command', 'pull-requests: write', async () => {
      const { handleIssueComment } = await import('./issue-comment.js');
      await handleIssueComment(botFromAction(ctx));
    });
  },
});

const workflowRun: EventHandler = () => ({
  kind: 'custom',
  reason:
    'workflow_run: fork-safe report from the artifact of the finished run (no pull request code runs here).',
  async run(ctx: ActionRunContext) {
    const [{ handleWorkflowRun }, { runCheck }] = await Promise.all([
      import('./workflow-run.js'),
      import('../pipeline/check.js'),
    ]);
    const b = botFromAction(ctx);
    const outcome = await apiErrorsAsLines(
      'Reading the workflow run and its artifacts',
      'actions: read',
      () => handleWorkflowRun(b, { runCheck }),
    );
    if (outcome.kind === 'rejected') throw new UserError(`flamediff: rejected: ${outcome.reason}`);
    if (
      outcome.kind === 'compared' &&
      outcome.verdict === 'fail' &&
      !outcome.accepted &&
      b.failOnRegression
    ) {
      throw new UserError(
        `flamediff: performance regression in #${outcome.pull} (the commit status 'flamediff' on the pull request says so too)`,
      );
    }
  },
});

/**
 * pull_request `labeled` with the accept label accepts; other labels change nothing. Also wraps
 * pull_request_target, where only the label is handled: it needs the write token fork pull
 * requests do not get on pull_request, and it runs nothing from the pull request. Everything else
 * on pull_request_target keeps the dispatcher's warning (docs/bot.md).
 */
function pullRequest(measure: EventHandler): EventHandler {
  return (event, base) => {
    if (event.payload.action !== 'labeled' && event.payload.action !== 'unlabeled')
      return measure(event, base);
    const label = (event.payload.label as { name?: unknown } | undefined)?.name;
    return {
      kind: 'custom',
      reason: `pull_request ${event.payload.action} '${String(label).slice(0, 100)}'.`,
      async run(ctx: ActionRunContext) {
        const b = botFromAction(ctx);
        if (event.payload.action !== 'labeled' || label !== b.acceptLabel) {
          b.log(
            `flamediff: only adding the label '${b.acceptLabel}' means anything to flamediff: nothing to do.`,
          );
          return;
        }
        const { handleAcceptLabel } = await import('./label.js');
        await apiErrorsAsLines('Handling the accept label', 'pull-requests: write', async () => {
          await handleAcceptLabel(b);
        });
      },
    };
  };
}

/** `table` plus the bot's events (issue_comment, workflow_run, accept labels); `table` is unchanged. */
export function withBotHandlers(table: HandlerTable): HandlerTable {
  const out = new Map(table);
  out.set('issue_comment', issueComment);
  out.set('workflow_run', workflowRun);
  for (const name of ['pull_request', 'pull_request_target']) {
    const previous = table.get(name);
    if (previous) out.set(name, pullRequest(previous));
  }
  return out;
}

/** The pull request number of the action's event (GITHUB_EVENT_PATH), when it is a pull_request. */
export function eventPullNumber(env: Record<string, string | undefined>): number | undefined {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    const p = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as GitHubEvent['payload'];
    return typeof p.pull_request?.number === 'number' ? p.pull_request.number : undefined;
  } catch {
    return undefined;
  }
}

/** runCheck for the action: acceptances of the exact head commit turn a failing gate into a pass. */
export function gatedRunCheck(run: RunCheck, env: Record<string, string | undefined>): RunCheck {
  // The store code loads only when a comparison ran (skipped events and cold start stay light).
  return async (opts, ctx) => {
    const { withAcceptances } = await import('./gate.js');
    return withAcceptances(run, (c: CheckContext) => c.pullNumber ?? eventPullNumber(env))(opts, ctx);
  };
}
