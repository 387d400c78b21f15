#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  accept,
  checkWriteAccess,
  reply
} from "./chunk-V7B6E6EB.js";
import "./chunk-FE43GHO6.js";
import "./chunk-PGVDAAVK.js";
import "./chunk-IVJTOQEU.js";
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";
import "./chunk-AV64XQHT.js";
import {
  mdCode
} from "./chunk-SEKLUSDU.js";
import "./chunk-U37WCUHD.js";
import "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-2STNMJK3.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-3EE22N24.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/bot/label.ts
async function handleAcceptLabel(b) {
  const p = b.payload;
  const pull = p.pull_request?.number;
  const sha = p.pull_request?.head?.sha;
  const login = p.sender?.login;
  if (typeof pull !== "number" || typeof sha !== "string" || typeof login !== "string") {
    b.warn("flamediff: labeled event without pull_request.number, head.sha or sender.login: ignored.");
    return "ignored";
  }
  const perm = await checkWriteAccess(b.client, b.owner, b.repo, login);
  if (!perm.allowed) {
    b.warn(
      `flamediff: ${login} added '${b.acceptLabel}' to #${pull} but has '${perm.level}' access (write needed): not accepted.`
    );
    const removed = await removeLabel(b, pull);
    await reply(
      b,
      pull,
      `The label ${mdCode(b.acceptLabel)} was added by ${mdCode(login)}, who does not have write access: the performance changes are **not** accepted${removed ? " and the label was removed" : ""}. A maintainer can add it again or comment \`/flamediff accept <reason>\`.`
    );
    return "refused";
  }
  await accept(b, pull, { sha, by: login, at: (/* @__PURE__ */ new Date()).toISOString(), reason: "", via: "label" });
  return "accepted";
}
async function removeLabel(b, pull) {
  try {
    await b.client.rest.issues.removeLabel({
      owner: b.owner,
      repo: b.repo,
      issue_number: pull,
      name: b.acceptLabel
    });
    b.log(`flamediff: removed the label '${b.acceptLabel}' from #${pull}.`);
    return true;
  } catch (err) {
    b.warn(describeApiError("Removing the refused label", err, { permission: "pull-requests: write" }));
    return false;
  }
}
export {
  handleAcceptLabel
};
