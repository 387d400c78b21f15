#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  mdCode,
  mdText
} from "./chunk-SEKLUSDU.js";
import {
  jsonBytes,
  readJson
} from "./chunk-3ERTFF5M.js";
import {
  layout
} from "./chunk-QX23ELEG.js";
import {
  InputError
} from "./chunk-KISOPUCP.js";

// src/bot/acceptances.ts
var KEEP = 50;
function acceptancePath(pull) {
  if (!Number.isInteger(pull) || pull < 1) throw new Error(`pull request number ${pull} is not valid`);
  return layout.acceptances(pull);
}
async function readAcceptances(reader, pull) {
  const path = acceptancePath(pull);
  const file = await readJson(
    reader,
    path,
    "an acceptances file ({ schema, pull, acceptances })"
  );
  if (!file) return [];
  if (!Array.isArray(file.acceptances)) {
    throw new InputError(
      reader.describe(path),
      void 0,
      'expected "acceptances": [{ sha, by, at, reason }, ...]'
    );
  }
  return file.acceptances.filter(
    (a) => typeof a?.sha === "string" && typeof a.by === "string" && typeof a.at === "string"
  );
}
async function isAccepted(reader, pull, sha) {
  const all = await readAcceptances(reader, pull);
  for (let i = all.length - 1; i >= 0; i--) if (all[i].sha === sha) return all[i];
  return null;
}
async function addAcceptance(tx, pull, a) {
  const list = await readAcceptances(tx, pull);
  list.push(a);
  const file = { schema: 1, pull, acceptances: list.slice(-KEEP) };
  tx.write(acceptancePath(pull), jsonBytes(file));
}
var ACCEPT_START = "<!-- flamediff:accepted -->";
var ACCEPT_END = "<!-- /flamediff:accepted -->";
function acceptanceBlock(a) {
  const reason = a.reason ? `: ${mdText(a.reason)}` : "";
  const how = a.via === "label" ? "by label" : "with `/flamediff accept`";
  return [
    ACCEPT_START,
    `> [!NOTE]`,
    `> **Accepted** ${how} by ${mdCode(a.by)} at ${a.at.replace(/\.\d+Z$/, "Z")} for ${mdCode(a.sha.slice(0, 12))}${reason}.`,
    "> The gate passes for this commit only: a new push is compared again and needs a new acceptance.",
    ACCEPT_END
  ].join("\n");
}
function withAcceptance(body, a) {
  const block = acceptanceBlock(a);
  const start = body.indexOf(ACCEPT_START);
  const end = body.indexOf(ACCEPT_END);
  if (start >= 0 && end > start) return body.slice(0, start) + block + body.slice(end + ACCEPT_END.length);
  const nl = body.indexOf("\n");
  if (nl < 0) return `${body}
${block}
`;
  return `${body.slice(0, nl + 1)}${block}

${body.slice(nl + 1)}`;
}

export {
  isAccepted,
  addAcceptance,
  withAcceptance
};
