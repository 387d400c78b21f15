#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  accept,
  checkWriteAccess,
  reply
} from "./chunk-GDE6ZTXX.js";
import "./chunk-P4NSQD55.js";
import "./chunk-VN7JZIOP.js";
import "./chunk-3FCZDDWN.js";
import {
  mdCode
} from "./chunk-IB6XW7N4.js";
import "./chunk-WZQ2VBT6.js";
import "./chunk-X5WLWGPF.js";
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
    await reply(
      b,
      pull,
      `The label ${mdCode(b.acceptLabel)} was added by ${mdCode(login)}, who does not have write access: the performance changes are **not** accepted. A maintainer can add it again or comment \`/flamediff accept <reason>\`.`
    );
    return "refused";
  }
  await accept(b, pull, { sha, by: login, at: (/* @__PURE__ */ new Date()).toISOString(), reason: "", via: "label" });
  return "accepted";
}
export {
  handleAcceptLabel
};
