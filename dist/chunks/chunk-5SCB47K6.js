#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

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
  git,
  gitText,
  firstLine,
  gitOk,
  gitOut,
  trackedFiles
};
