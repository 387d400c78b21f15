// Turns a failed GitHub API call into one line: what was attempted, the endpoint, GitHub's
// status and message, and what the user can do about it.
import { UserError } from '../errors.js';

/**
 * A request that got no usable answer: it timed out, was cut off by the client's signal, or its
 * JSON body does not parse. Named `AbortError` on purpose: @octokit/request passes such an error
 * through unchanged and the retry plugin does not retry it, so a hung or garbled API costs one
 * timeout, not four. The message names the endpoint and never quotes the body.
 */
export class ApiFaultError extends UserError {
  override name = 'AbortError';
  constructor(
    readonly endpoint: string,
    readonly fault: 'timeout' | 'cut-off' | 'invalid-json',
    message: string,
  ) {
    super(message);
  }
}

interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isRequestError(err: unknown): err is RequestErrorLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { status?: unknown }).status === 'number' &&
    typeof (err as { request?: unknown }).request === 'object'
  );
}

/** Endpoint without query string or host, e.g. `POST /repos/o/r/issues/7/comments`. */
function endpoint(err: RequestErrorLike): string {
  const method = err.request?.method ?? '?';
  let path = err.request?.url ?? '?';
  try {
    path = new URL(path).pathname;
  } catch {}
  return `${method} ${path}`;
}

/** GitHub's own message, first line only (the library appends documentation URLs). */
function githubMessage(err: RequestErrorLike): string {
  const data = err.response?.data as { message?: unknown } | undefined;
  const m = typeof data?.message === 'string' ? data.message : err.message;
  return m.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*/, '');
}

export interface ErrorHints {
  /** The permission the call needs, e.g. 'pull-requests: write'. */
  permission?: string;
  /** The run is for a pull request from a fork (its token is read-only). */
  fork?: boolean;
}

function fix(err: RequestErrorLike, hints: ErrorHints): string {
  const perm = hints.permission ? `\`${hints.permission}\`` : 'the needed permission';
  switch (err.status) {
    case 401:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
      return 'the token is invalid or expired: check the github-token input (default ${{ github.token }}).';
    case 403:
      if (/rate limit/i.test(githubMessage(err)))
        return 'GitHub rate limit: retry later or use a token with a higher limit.';
      if (hints.fork) {
        return 'pull requests from forks get a read-only token: use the fork-safe two-workflow setup (docs/bot.md).';
      }
      return `the token lacks ${perm}: add it to the workflow's permissions: block (docs/action.md#permissions).`;
    case 404:
      return `not found, or the token cannot see it: check the repository and that the token has ${perm}.`;
    case 410:
      return 'the resource is gone (e.g. issues or comments disabled for the repository).';
    case 422:
      return 'GitHub rejected the request body (for a comment: too long or malformed); please report this as a flamediff bug.';
    default:
      if (err.status >= 500) return 'GitHub had a server error (retried already): re-run the job later.';
      return 'see the GitHub message above.';
  }
}

/** `what` is a short description, e.g. 'posting the PR comment'. */
export function describeApiError(what: string, err: unknown, hints: ErrorHints = {}): string {
  // No answer to quote (a timeout, a cut-off, a body that is not JSON): the fault's own sentence.
  if (err instanceof ApiFaultError) return `${what} failed: ${err.message}.`;
  if (!isRequestError(err)) return `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
  return `${what} failed: ${endpoint(err)} returned ${err.status} (${githubMessage(err)}). Fix: ${fix(err, hints)}`;
}
