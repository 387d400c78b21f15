// The one flamediff comment on a pull request: found by its hidden marker among the comments the
// token's own identity wrote (all pages), edited in place, left alone when unchanged. Comments by
// anyone else are never touched, even when they quote the marker.
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { describeApiError } from './api-error.js';
import type { GitHubClient } from './octokit.js';

/** GitHub refuses comment bodies longer than this (422 "Body is too long"). */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Whether `body` is a sticky comment: the marker opens it (a reply merely quoting it is not one). */
export function startsWithMarker(body: string | null | undefined): boolean {
  return body?.trimStart().startsWith(COMMENT_MARKER) ?? false;
}

/**
 * The body as GitHub will accept it. The report is rendered under the limit, but what is added to
 * it afterwards (the acceptance block, several shards) can push it over: then it is cut at a line
 * boundary with a note, rather than refused with a 422 that leaves a stale report behind.
 */
export function fitComment(body: string, limit = GITHUB_COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  const note =
    "\n\n<sub>Cut to stay under GitHub's 65,536-character comment limit: the full report is in the job summary.</sub>\n";
  const cut = body.lastIndexOf('\n', limit - note.length - 1);
  return body.slice(0, Math.max(0, cut)) + note;
}

/** Login of the account behind the token; null when GitHub will not say (GITHUB_TOKEN, App tokens). */
export async function tokenIdentity(client: GitHubClient): Promise<string | null> {
  try {
    const { data } = await client.request('GET /user');
    return data.login;
  } catch {
    // Installation tokens (GITHUB_TOKEN included) get 403 "Resource not accessible by integration".
    return null;
  }
}

interface CommentLike {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string; type?: string } | null;
}

/**
 * Whether `c` is ours. With a known identity: same login. Without (installation tokens): a Bot
 * account, since people cannot post as bots; GITHUB_TOKEN's is github-actions[bot].
 */
export function isOwnComment(c: CommentLike, identity: string | null): boolean {
  if (!c.user || !startsWithMarker(c.body)) return false;
  if (identity) return c.user.login === identity;
  return c.user.type === 'Bot';
}

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export type StickyOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; url: string; id: number; removedDuplicates: number }
  | { action: 'skipped'; url: null; reason: string };

export async function findOwnComments(
  client: GitHubClient,
  t: StickyTarget,
  identity: string | null,
): Promise<CommentLike[]> {
  const all = (await client.paginate(client.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  })) as CommentLike[];
  return all.filter((c) => isOwnComment(c, identity)).sort((a, b) => a.id - b.id);
}

function sameBody(a: string | null | undefined, b: string): boolean {
  // GitHub normalises line endings to \r\n in some paths and may trim trailing newlines.
  const norm = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
  return a != null && norm(a) === norm(b);
}

/**
 * Creates or updates the sticky comment. `createIfMissing` false (comment: on-regression with no
 * regression) still updates an existing one, so an old failing report never lingers.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  t: StickyTarget,
  body: string,
  opts: { identity: string | null; createIfMissing: boolean; log?: (line: string) => void },
): Promise<StickyOutcome> {
  const markedBody = fitComment(startsWithMarker(body) ? body : `${COMMENT_MARKER}\n${body}`);
  const own = await findOwnComments(client, t, opts.identity);
  if (own.length === 0) {
    if (!opts.createIfMissing)
      return { action: 'skipped', url: null, reason: 'no regression and no earlier comment' };
    const { data } = await client.rest.issues.createComment({
      owner: t.owner,
      repo: t.repo,
      issue_number: t.issueNumber,
      body: markedBody,
    });
    return { action: 'created', url: data.html_url, id: data.id, removedDuplicates: 0 };
  }
  // Keep the oldest (its place in the conversation is the one people know); extras from an
  // earlier race between two runs are removed so there is exactly one.
  const [keep, ...extra] = own;
  for (const c of extra) {
    await client.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: c.id });
    opts.log?.(`Removed duplicate flamediff comment ${c.html_url}`);
  }
  if (sameBody(keep.body, markedBody)) {
    return { action: 'unchanged', url: keep.html_url, id: keep.id, removedDuplicates: extra.length };
  }
  const { data } = await client.rest.issues.updateComment({
    owner: t.owner,
    repo: t.repo,
    comment_id: keep.id,
    body: markedBody,
  });
  return { action: 'updated', url: data.html_url, id: data.id, removedDuplicates: extra.length };
}

export interface PostStickyOptions {
  /** The `comment` input: always, on-regression (create only on a failing verdict) or never. */
  mode: 'always' | 'on-regression' | 'never';
  verdict: string;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** The pull request comes from a fork (the warning then says why the token may not write). */
  fork?: boolean;
}

/**
 * Posts or updates the sticky comment, for the action and the bot alike. Returns its URL, or ''
 * when none was posted; a failure is a warning, so the verdict still stands.
 */
export async function postSticky(
  client: GitHubClient,
  t: StickyTarget,
  body: string,
  o: PostStickyOptions,
): Promise<string> {
  if (o.mode === 'never' || !body) return '';
  try {
    const identity = await tokenIdentity(client);
    const outcome = await upsertStickyComment(client, t, body, {
      identity,
      createIfMissing: o.mode === 'always' || o.verdict === 'fail',
      log: o.log,
    });
    if (outcome.action === 'skipped') {
      o.log(`flamediff: no comment (comment: ${o.mode}; ${outcome.reason}).`);
      return '';
    }
    o.log(`flamediff: comment ${outcome.action}: ${outcome.url}`);
    return outcome.url;
  } catch (err) {
    o.warn(
      `${describeApiError('Posting the pull request comment', err, { permission: 'pull-requests: write', fork: o.fork })} The verdict, outputs and job summary are unaffected.`,
    );
    return '';
  }
}
