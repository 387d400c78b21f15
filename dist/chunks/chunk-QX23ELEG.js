#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/store/layout.ts
var STORE_SCHEMA = 1;
var SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;
function checkId(id, what) {
  if (!SAFE_ID.test(id) || id === "." || id === "..") {
    throw new UserError(`${what} '${id}' cannot be stored (expected letters, digits, '.', '_' or '-')`);
  }
  return id;
}
function checkBranch(branch) {
  const parts = branch.split("/");
  const bad = (p) => p === "" || p === "." || p === ".." || /[\u0000-\u001f\u007f\\:*?"<>|]/.test(p);
  if (branch.length > 200 || parts.some(bad)) {
    throw new UserError(
      `branch '${branch}' cannot be stored (expected a git branch name: '/'-separated names, no '..' or empty parts)`
    );
  }
  return branch;
}
var layout = {
  meta: "store.json",
  branchDir: (branch) => `profiles/${checkBranch(branch)}`,
  baselineIndex: (branch) => `profiles/${checkBranch(branch)}/index.json`,
  baselineDir: (branch, sha) => `profiles/${checkBranch(branch)}/${checkId(sha, "commit")}`,
  runFile: (i) => `run-${i}.folded.gz`,
  history: (branch) => `history/${checkBranch(branch)}.json`,
  dashboardDir: (branch) => `dashboard/${checkBranch(branch)}`,
  pullsIndex: "pulls/index.json",
  pullDir: (n) => `pulls/${n}`,
  pullShaDir: (n, sha) => `pulls/${n}/${checkId(sha, "commit")}`,
  /** Acceptances of a pull request's heads (bot): kept apart from pulls/<n>/, which each report replaces. */
  acceptances: (n) => `acceptances/${n}.json`
};

export {
  STORE_SCHEMA,
  checkBranch,
  layout
};
