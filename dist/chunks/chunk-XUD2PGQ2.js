#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/github/api-error.ts
function isRequestError(err) {
  return typeof err === "object" && err !== null && typeof err.status === "number" && typeof err.request === "object";
}
function endpoint(err) {
  const method = err.request?.method ?? "?";
  let path = err.request?.url ?? "?";
  try {
    path = new URL(path).pathname;
  } catch {
  }
  return `${method} ${path}`;
}
function githubMessage(err) {
  const data = err.response?.data;
  const m = typeof data?.message === "string" ? data.message : err.message;
  return m.split("\n")[0].replace(/ - https:\/\/docs\.github\.com\S*/, "");
}
function fix(err, hints) {
  const perm = hints.permission ? `\`${hints.permission}\`` : "the needed permission";
  switch (err.status) {
    case 401:
      return "the token is invalid or expired: check the github-token input (default ${{ github.token }}).";
    case 403:
      if (/rate limit/i.test(githubMessage(err)))
        return "GitHub rate limit: retry later or use a token with a higher limit.";
      if (hints.fork) {
        return "pull requests from forks get a read-only token: use the fork-safe two-workflow setup (docs/bot.md).";
      }
      return `the token lacks ${perm}: add it to the workflow's permissions: block (docs/action.md#permissions).`;
    case 404:
      return `not found, or the token cannot see it: check the repository and that the token has ${perm}.`;
    case 410:
      return "the resource is gone (e.g. issues or comments disabled for the repository).";
    case 422:
      return "GitHub rejected the request body (for a comment: too long or malformed); please report this as a flamediff bug.";
    default:
      if (err.status >= 500) return "GitHub had a server error (retried already): re-run the job later.";
      return "see the GitHub message above.";
  }
}
function describeApiError(what, err, hints = {}) {
  if (!isRequestError(err)) return `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
  return `${what} failed: ${endpoint(err)} returned ${err.status} (${githubMessage(err)}). Fix: ${fix(err, hints)}`;
}

// src/github/sticky-comment.ts
var COMMENT_MARKER = "<!-- flamediff:comment -->";
var GITHUB_COMMENT_LIMIT = 65536;
function startsWithMarker(body) {
  return body?.trimStart().startsWith(COMMENT_MARKER) ?? false;
}
function fitComment(body, limit = GITHUB_COMMENT_LIMIT) {
  if (body.length <= limit) return body;
  const note = "\n\n<sub>Cut to stay under GitHub's 65,536-character comment limit: the full report is in the job summary.</sub>\n";
  const cut = body.lastIndexOf("\n", limit - note.length - 1);
  return body.slice(0, Math.max(0, cut)) + note;
}
async function tokenIdentity(client) {
  try {
    const { data } = await client.request("GET /user");
    return data.login;
  } catch {
    return null;
  }
}
function isOwnComment(c, identity) {
  if (!c.user || !startsWithMarker(c.body)) return false;
  if (identity) return c.user.login === identity;
  return c.user.type === "Bot";
}
async function findOwnComments(client, t, identity) {
  const all = await client.paginate(client.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100
  });
  return all.filter((c) => isOwnComment(c, identity)).sort((a, b) => a.id - b.id);
}
function sameBody(a, b) {
  const norm = (s) => s.replace(/\r\n/g, "\n").trimEnd();
  return a != null && norm(a) === norm(b);
}
async function upsertStickyComment(client, t, body, opts) {
  const markedBody = fitComment(startsWithMarker(body) ? body : `${COMMENT_MARKER}
${body}`);
  const own = await findOwnComments(client, t, opts.identity);
  if (own.length === 0) {
    if (!opts.createIfMissing)
      return { action: "skipped", url: null, reason: "no regression and no earlier comment" };
    const { data: data2 } = await client.rest.issues.createComment({
      owner: t.owner,
      repo: t.repo,
      issue_number: t.issueNumber,
      body: markedBody
    });
    return { action: "created", url: data2.html_url, id: data2.id, removedDuplicates: 0 };
  }
  const [keep, ...extra] = own;
  for (const c of extra) {
    await client.rest.issues.deleteComment({ owner: t.owner, repo: t.repo, comment_id: c.id });
    opts.log?.(`Removed duplicate flamediff comment ${c.html_url}`);
  }
  if (sameBody(keep.body, markedBody)) {
    return { action: "unchanged", url: keep.html_url, id: keep.id, removedDuplicates: extra.length };
  }
  const { data } = await client.rest.issues.updateComment({
    owner: t.owner,
    repo: t.repo,
    comment_id: keep.id,
    body: markedBody
  });
  return { action: "updated", url: data.html_url, id: data.id, removedDuplicates: extra.length };
}

export {
  isRequestError,
  describeApiError,
  COMMENT_MARKER,
  fitComment,
  tokenIdentity,
  findOwnComments,
  upsertStickyComment
};
