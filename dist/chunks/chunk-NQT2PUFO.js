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

// src/lib/git.ts
import { spawn } from "node:child_process";
function git(cwd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...opts.env },
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", (e) => reject(e));
    child.on(
      "close",
      (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") })
    );
    child.stdin.on("error", () => {
    });
    child.stdin.end(opts.input ?? "");
  });
}
async function gitText(cwd, args, what, opts = {}) {
  const r = await git(cwd, args, opts);
  if (r.code !== 0) throw new GitError(what, r);
  return r.stdout.toString("utf8").trim();
}
var GitError = class extends Error {
  constructor(what, result) {
    super(`${what}: ${firstLine(result.stderr) || `git exited with status ${result.code}`}`);
    this.result = result;
  }
  result;
};
function firstLine(text) {
  return text.split("\n").map((l) => l.replace(/^(fatal|error): /, "").trim()).find((l) => l !== "" && !l.startsWith("hint:")) ?? "";
}
async function gitOk(cwd, args) {
  return (await git(cwd, args)).code === 0;
}
async function gitOut(cwd, args) {
  const r = await git(cwd, args).catch(() => null);
  return r && r.code === 0 ? r.stdout.toString("utf8").trim() : null;
}
async function trackedFiles(cwd) {
  const r = await git(cwd, ["ls-files", "-z"]);
  if (r.code !== 0) return /* @__PURE__ */ new Set();
  return new Set(r.stdout.toString("utf8").split("\0").filter(Boolean));
}

export {
  STORE_SCHEMA,
  checkBranch,
  layout,
  git,
  gitText,
  firstLine,
  gitOk,
  gitOut,
  trackedFiles
};
