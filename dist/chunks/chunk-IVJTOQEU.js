#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";
import {
  COMMENT_MARKER
} from "./chunk-2STNMJK3.js";

// src/github/sticky-comment.ts
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
async function postSticky(client, t, body, o) {
  if (o.mode === "never" || !body) return "";
  try {
    const identity = await tokenIdentity(client);
    const outcome = await upsertStickyComment(client, t, body, {
      identity,
      createIfMissing: o.mode === "always" || o.verdict === "fail",
      log: o.log
    });
    if (outcome.action === "skipped") {
      o.log(`flamediff: no comment (comment: ${o.mode}; ${outcome.reason}).`);
      return "";
    }
    o.log(`flamediff: comment ${outcome.action}: ${outcome.url}`);
    return outcome.url;
  } catch (err) {
    o.warn(
      `${describeApiError("Posting the pull request comment", err, { permission: "pull-requests: write", fork: o.fork })} The verdict, outputs and job summary are unaffected.`
    );
    return "";
  }
}

export {
  fitComment,
  tokenIdentity,
  findOwnComments,
  postSticky
};
