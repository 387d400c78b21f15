#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/sample/tool.ts
import { execFile } from "node:child_process";
function runTool(argv, opts = {}) {
  return new Promise((resolve) => {
    execFile(
      argv[0],
      argv.slice(1),
      {
        cwd: opts.cwd,
        env: opts.env,
        timeout: opts.timeoutMs ?? 15e3,
        maxBuffer: 16 * 1024 * 1024,
        encoding: "utf8"
      },
      (err, stdout, stderr) => {
        const e = err;
        if (e && typeof e.code === "string") {
          resolve({ code: null, stdout: stdout ?? "", stderr: stderr ?? "", error: e.code });
          return;
        }
        const code = e ? typeof e.code === "number" ? e.code : null : 0;
        resolve({ code, stdout: stdout ?? "", stderr: stderr ?? "" });
      }
    );
  });
}
function parseVersion(text) {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? m[0] : "";
}
function compareVersions(a, b) {
  const pa = a.split(".").map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(".").map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
function lastLines(text, n = 20) {
  return text.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "").slice(-n);
}

export {
  runTool,
  parseVersion,
  compareVersions,
  lastLines
};
