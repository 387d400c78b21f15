#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  setCommitStatus
} from "./chunk-FE43GHO6.js";
import {
  addAcceptance,
  withAcceptance
} from "./chunk-PGVDAAVK.js";
import {
  findOwnComments,
  fitComment,
  tokenIdentity
} from "./chunk-IVJTOQEU.js";
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";
import {
  openStore
} from "./chunk-3ERTFF5M.js";
import {
  COMMENT_MARKER
} from "./chunk-2STNMJK3.js";

// src/bot/accept.ts
async function recordAcceptance(b, pull, a, opened) {
  const store = opened ?? await openStore(b.options, b.cwd);
  try {
    await store.update(
      `flamediff: #${pull} ${a.sha.slice(0, 12)} accepted by ${a.by}`,
      (tx) => addAcceptance(tx, pull, a)
    );
  } finally {
    if (!opened) await store.close();
  }
  b.log(`flamediff: recorded the acceptance of #${pull} at ${a.sha.slice(0, 12)} by ${a.by} (${a.via}).`);
}
async function markStickyComment(b, pull, a) {
  if (b.comment === "never") return;
  try {
    const target = { owner: b.owner, repo: b.repo, issueNumber: pull };
    const identity = await tokenIdentity(b.client);
    const [sticky] = await findOwnComments(b.client, target, identity);
    if (!sticky) {
      const { data: data2 } = await b.client.rest.issues.createComment({
        owner: b.owner,
        repo: b.repo,
        issue_number: pull,
        body: withAcceptance(`${COMMENT_MARKER}
## flamediff
`, a)
      });
      b.log(`flamediff: comment created: ${data2.html_url}`);
      return;
    }
    const body = fitComment(withAcceptance(sticky.body ?? COMMENT_MARKER, a));
    if (body === sticky.body) return;
    const { data } = await b.client.rest.issues.updateComment({
      owner: b.owner,
      repo: b.repo,
      comment_id: sticky.id,
      body
    });
    b.log(`flamediff: comment updated: ${data.html_url}`);
  } catch (err) {
    b.warn(describeApiError("Updating the flamediff comment", err, { permission: "pull-requests: write" }));
  }
}
async function accept(b, pull, a, store) {
  await recordAcceptance(b, pull, a, store);
  await markStickyComment(b, pull, a);
  await setCommitStatus(b, a.sha, "success", `Performance changes accepted by ${a.by}`);
}

// src/bot/permission.ts
var WRITERS = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function checkWriteAccess(client, owner, repo, username) {
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      owner,
      repo,
      username
    });
    const role = data.role_name ?? "";
    const level = WRITERS.has(role) ? role : data.permission;
    return { allowed: WRITERS.has(level), level };
  } catch (err) {
    if (err.status === 404) return { allowed: false, level: "none" };
    throw err;
  }
}

// src/bot/reply.ts
var REPLY_MARKER = "<!-- flamediff:reply -->";
async function reply(b, pull, markdown) {
  try {
    const { data } = await b.client.rest.issues.createComment({
      owner: b.owner,
      repo: b.repo,
      issue_number: pull,
      // An explain reply over several shards can pass GitHub's limit: cut it rather than get a 422.
      body: fitComment(`${REPLY_MARKER}
${markdown}`)
    });
    b.log(`flamediff: replied ${data.html_url}`);
  } catch (err) {
    b.warn(describeApiError("Replying to the command", err, { permission: "pull-requests: write" }));
  }
}
async function react(b, commentId, content) {
  try {
    await b.client.rest.reactions.createForIssueComment({
      owner: b.owner,
      repo: b.repo,
      comment_id: commentId,
      content
    });
  } catch (err) {
    b.warn(describeApiError("Reacting to the command", err, { permission: "pull-requests: write" }));
  }
}

export {
  accept,
  checkWriteAccess,
  REPLY_MARKER,
  reply,
  react
};
