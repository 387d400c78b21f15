// The run's GitHub context, read from the runner's environment variables and the event payload
// file (GITHUB_EVENT_PATH). Read from an env object, not the process, so tests can pass their own.
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';

/** The parts of a webhook payload the action reads (GitHub sends many more). */
export interface EventPayload {
  ref?: string;
  after?: string;
  deleted?: boolean;
  action?: string;
  number?: number;
  repository?: {
    full_name?: string;
    private?: boolean;
    default_branch?: string;
    html_url?: string;
  };
  pull_request?: {
    number: number;
    html_url?: string;
    head: { sha: string; ref: string; repo?: { full_name?: string } | null };
    base: { sha: string; ref: string; repo?: { full_name?: string } | null };
  };
  [key: string]: unknown;
}

export interface GitHubEvent {
  /** GITHUB_EVENT_NAME: 'push', 'pull_request', ... */
  name: string;
  payload: EventPayload;
  owner: string;
  repo: string;
  /** GITHUB_SHA: the commit checked out (the merge commit for pull_request). */
  sha: string;
  /** GITHUB_REF, e.g. refs/heads/main or refs/pull/7/merge. */
  ref: string;
  serverUrl: string;
  apiUrl: string;
  /** GITHUB_WORKSPACE: the repository root on the runner. */
  workspace: string;
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) {
    throw new UserError(
      `${name} is not set (expected to run inside GitHub Actions, which sets it for every step)`,
    );
  }
  return v;
}

function readPayload(path: string | undefined): EventPayload {
  // Some events (e.g. a local run with no event) have no payload file: an empty payload is fine.
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fsError(path, 'cannot read the event payload', err);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v as EventPayload;
  } catch (err) {
    throw new UserError(
      `${path}: the event payload is not valid JSON (${(err as Error).message}; expected GitHub's webhook payload object)`,
    );
  }
}

export function readGitHubEvent(env: Env): GitHubEvent {
  const name = required(env, 'GITHUB_EVENT_NAME');
  const full = required(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = full.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new UserError(`GITHUB_REPOSITORY: '${full}' is not valid (expected owner/repo)`);
  }
  return {
    name,
    payload: readPayload(env.GITHUB_EVENT_PATH),
    owner,
    repo,
    sha: required(env, 'GITHUB_SHA'),
    ref: env.GITHUB_REF ?? '',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}
