// What a bot handler works with, whoever delivered the event: the action (GITHUB_EVENT_PATH) or
// `flamediff serve` (a signed webhook). Handlers never read process.env or the runner directly, so
// the same code serves both.
import type { FlamediffOptions } from '../config/options.js';
import type { GitHubClient } from '../github/octokit.js';

/** Label that accepts the head commit's performance changes, unless configured otherwise. */
export const DEFAULT_ACCEPT_LABEL = 'performance-regression-accepted';

export interface BotContext {
  client: GitHubClient;
  /** Starts the reporting phase's time budget for API calls (the action's; absent in `serve`). */
  startReporting?: () => void;
  owner: string;
  repo: string;
  /** The webhook payload (untrusted: only ids and logins from it are used, then re-checked via the API). */
  payload: Record<string, unknown>;
  /** Options of the trusted configuration (base checkout's flamediff.yml, inputs, serve flags). */
  options: FlamediffOptions;
  /** A git repository whose remote holds the data branch (the base checkout; serve: a scratch clone). */
  cwd: string;
  /** e.g. https://github.com */
  serverUrl: string;
  acceptLabel: string;
  /** Comment mode of the action (`never` also silences the bot's sticky comment updates). */
  comment: 'always' | 'on-regression' | 'never';
  /** Fail the step/hook when the combined verdict of a workflow_run comparison is `fail`. */
  failOnRegression: boolean;
  log(line: string): void;
  warn(line: string): void;
  /** Sets an action output (no-op for serve). */
  setOutput?(name: string, value: string): void;
  /** Appends to the job summary (no-op for serve). */
  writeSummary?(markdown: string): Promise<void>;
}

export function repoFullName(b: Pick<BotContext, 'owner' | 'repo'>): string {
  return `${b.owner}/${b.repo}`;
}
