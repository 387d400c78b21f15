// The mode decision: what the action does with the event that triggered it. One handler per event
// name; the bot (issue_comment, workflow_run) adds its own to a copy of the table (withBotHandlers).
import type { GitHubEvent } from './event.js';

export interface MeasureDecision {
  kind: 'baseline' | 'compare';
  /** Commit the report is about (the PR head, not the merge commit GitHub checks out). */
  headSha: string;
  headRef: string;
  baseBranch: string;
  pullNumber?: number;
  /** The PR comes from another repository: its token cannot comment or push. */
  fork: boolean;
  /** One line for the log saying what the action is about to do and why. */
  reason: string;
}

/** The event is not one the action measures: say why and stop (the step succeeds). */
export interface SkipDecision {
  kind: 'skip';
  reason: string;
  /** Log as a warning (a misconfiguration) rather than as information. */
  warn?: boolean;
}

/** An event handled entirely by its handler (bot commands): the dispatcher only calls `run`. */
export interface CustomDecision<Ctx = unknown> {
  kind: 'custom';
  reason: string;
  run(ctx: Ctx): Promise<void>;
}

export type ModeDecision = MeasureDecision | SkipDecision | CustomDecision;

/** `baseBranch` is the `base-branch` input when set, else null (use the repository's default). */
export type EventHandler = (event: GitHubEvent, baseBranch: string | null) => ModeDecision;

const BRANCH_PREFIX = 'refs/heads/';

function decidePush(event: GitHubEvent, configured: string | null): ModeDecision {
  const p = event.payload;
  const ref = p.ref ?? event.ref;
  if (p.deleted) return { kind: 'skip', reason: `push deleted ${ref}: nothing to measure.` };
  if (!ref.startsWith(BRANCH_PREFIX)) {
    return {
      kind: 'skip',
      reason: `push to ${ref} is not a branch push: flamediff records baselines from branches only.`,
    };
  }
  const branch = ref.slice(BRANCH_PREFIX.length);
  const base = configured ?? p.repository?.default_branch ?? 'main';
  if (branch !== base) {
    return {
      kind: 'skip',
      reason:
        `push to '${branch}', which is not the base branch '${base}': nothing to record. ` +
        `Baselines come from pushes to '${base}'; comparisons run on pull_request events.`,
    };
  }
  const headSha = p.after && !/^0+$/.test(p.after) ? p.after : event.sha;
  return {
    kind: 'baseline',
    headSha,
    headRef: branch,
    baseBranch: base,
    fork: false,
    reason: `push to the base branch '${base}': recording the baseline for ${headSha.slice(0, 12)}.`,
  };
}

function decidePullRequest(event: GitHubEvent): ModeDecision {
  const pr = event.payload.pull_request;
  if (!pr?.head?.sha || !pr.base?.ref) {
    return {
      kind: 'skip',
      warn: true,
      reason:
        'pull_request event without pull_request.head/base in its payload: cannot tell what to compare.',
    };
  }
  if (event.payload.action === 'closed') {
    return { kind: 'skip', reason: `pull request #${pr.number} was closed: nothing to compare.` };
  }
  const own = event.payload.repository?.full_name ?? `${event.owner}/${event.repo}`;
  const headRepo = pr.head.repo?.full_name;
  return {
    kind: 'compare',
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseBranch: pr.base.ref,
    pullNumber: pr.number,
    // A deleted fork has head.repo null: treat it as a fork too (its token is read-only as well).
    fork: headRepo !== own,
    reason: `pull request #${pr.number} (${pr.head.ref} -> ${pr.base.ref}): comparing ${pr.head.sha.slice(0, 12)} with the stored baseline.`,
  };
}

function decidePullRequestTarget(): ModeDecision {
  return {
    kind: 'skip',
    warn: true,
    reason:
      "pull_request_target runs with a write token; running the pull request's code there lets it steal the token. " +
      'flamediff does not measure on pull_request_target: use the fork-safe two-workflow setup (pull_request + workflow_run) from docs/bot.md.',
  };
}

/** Event name -> handler. Built once by the composition root (src/main.ts) and passed down. */
export type HandlerTable = ReadonlyMap<string, EventHandler>;

/** The action's own events; the bot adds its own to a copy (src/bot/action-hooks.ts). */
export function baseHandlers(): HandlerTable {
  return new Map<string, EventHandler>([
    ['push', decidePush],
    ['pull_request', (e) => decidePullRequest(e)],
    ['pull_request_target', () => decidePullRequestTarget()],
  ]);
}

export function decideMode(
  event: GitHubEvent,
  configuredBase: string | null,
  handlers: HandlerTable = baseHandlers(),
): ModeDecision {
  const handler = handlers.get(event.name);
  if (handler) return handler(event, configuredBase);
  return {
    kind: 'skip',
    reason:
      `the '${event.name}' event is not one flamediff acts on: it records baselines on push to the base branch ` +
      `and compares on pull_request (handled events: ${[...handlers.keys()].sort().join(', ')}). Nothing to do.`,
  };
}
