#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  numberFlag,
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  runCheck
} from "./chunk-V77LN2M4.js";
import "./chunk-AV64XQHT.js";
import "./chunk-ICQHYFNZ.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-6ELFK56U.js";
import "./chunk-GUJRDNXC.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-SEKLUSDU.js";
import "./chunk-6Q7KV255.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-U37WCUHD.js";
import "./chunk-4BZ2QYHW.js";
import "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import {
  withInterrupt
} from "./chunk-6YX7WDF4.js";
import "./chunk-2STNMJK3.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-KOS2K544.js";
import {
  defaultOptions
} from "./chunk-OHC3GXGY.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import "./chunk-NMAPBW3G.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/demo.ts
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// raw:examples/node/workload.mjs
var workload_default = "// flamediff example workload (Node): tokenise, score and summarise synthetic log lines.\n//\n// Runs for about a second. FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `scoreTokens`\n// does extra string work (a reverse-and-rehash for about 3 in 4 tokens), about +30% of total\n// CPU time. FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1). FLAMEDIFF_EXAMPLE_FAIL=1 exits\n// with status 3 (for fault tests). FLAMEDIFF_EXAMPLE_CHILD=1 does half the work in a child\n// `node` process (to show that the profiles of several processes from one run are merged).\nimport { spawnSync } from 'node:child_process';\nimport { fileURLToPath } from 'node:url';\n\nconst SCALE = Number(process.env.FLAMEDIFF_EXAMPLE_SCALE || '1');\nconst REGRESSION = process.env.FLAMEDIFF_EXAMPLE_REGRESSION === '1';\n\nfunction makeLines(n) {\n  const lines = [];\n  for (let i = 0; i < n; i++) {\n    lines.push(`${i} GET /api/item/${(i * 7919) % 1000} status=${200 + (i % 3)} ms=${(i * 104729) % 997}`);\n  }\n  return lines;\n}\n\nfunction tokenise(line) {\n  return line.split(' ').map((t) => t.split('='));\n}\n\n// Scores every token of every line. Called once per round (not per line), so V8 optimizes it on\n// its own instead of inlining it into a hot caller, and profiles show it by name.\nfunction scoreTokens(lines) {\n  const scores = [];\n  for (const tokens of lines) {\n    for (const tok of tokens) {\n      let s = 0;\n      const t = tok[tok.length - 1];\n      for (let k = 0; k < t.length; k++) s = (s * 31 + t.charCodeAt(k)) | 0;\n      if (tok[0] === 'status') s ^= 0x5bd1e995;\n      if (REGRESSION && (s & 3) !== 0) {\n        // The injected regression: a needless reverse-and-rehash for about 3 in 4 tokens.\n        const r = t.split('').reverse().join('');\n        for (let k = 0; k < r.length; k++) s = (s * 17 + r.charCodeAt(k)) | 0;\n      }\n      scores.push(s);\n    }\n  }\n  return scores;\n}\n\nfunction summarise(scores) {\n  const buckets = new Map();\n  for (const s of scores) buckets.set(s & 15, (buckets.get(s & 15) || 0) + 1);\n  return [...buckets.entries()].sort((a, b) => a[0] - b[0]);\n}\n\nfunction work(rounds) {\n  let total = 0;\n  for (let r = 0; r < rounds; r++) {\n    // Chunks of lines keep the heap small, so the garbage collector stays a minor part.\n    const all = makeLines(Math.round(40000 * SCALE));\n    for (let at = 0; at < all.length; at += 2000) {\n      const lines = all.slice(at, at + 2000).map(tokenise);\n      for (const [, n] of summarise(scoreTokens(lines))) total += n;\n    }\n  }\n  return total;\n}\n\nfunction main() {\n  if (process.env.FLAMEDIFF_EXAMPLE_FAIL === '1') {\n    console.error('example: failing on purpose (FLAMEDIFF_EXAMPLE_FAIL=1)');\n    process.exit(3);\n  }\n  let rounds = 6;\n  if (process.env.FLAMEDIFF_EXAMPLE_CHILD === '1') {\n    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {\n      env: { ...process.env, FLAMEDIFF_EXAMPLE_CHILD: '', FLAMEDIFF_EXAMPLE_ROUNDS: '3' },\n      stdio: 'inherit',\n    });\n    if (child.status !== 0) process.exit(child.status ?? 1);\n    rounds = 3;\n  }\n  rounds = Number(process.env.FLAMEDIFF_EXAMPLE_ROUNDS || rounds);\n  console.log(`processed ${work(rounds)} tokens`);\n}\n\nmain();\n";

// src/commands/demo.ts
var demoSha = (what) => createHash("sha1").update(`flamediff demo ${what}`).digest("hex");
var HELP = `Usage: flamediff demo [--out DIR] [--runs N] [--no-regression]

A self-contained run on the shipped Node example (examples/node/workload.mjs) under
node --cpu-prof: records a baseline, then runs the variant with an injected regression
(FLAMEDIFF_EXAMPLE_REGRESSION=1) and compares. Needs only node.

Writes to DIR (default out/): comment.md, summary.md, report.json, diff.svg, diff.png,
flamegraph.svg, and baseline/flamegraph.svg; prints the console report.

Options:
  --out DIR          output directory (default out)
  --runs N           runs per side (default 5)
  --scale X          workload size (default 0.4; 1 is about a second per run)
  --no-regression    compare the example with itself (an A/A run: expect a pass)
`;
var demoCommand = {
  name: "demo",
  summary: "self-contained demo on the shipped example: baseline, injected regression, report",
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      "demo",
      argv,
      {
        out: { type: "string" },
        runs: { type: "string" },
        scale: { type: "string" },
        "no-regression": { type: "boolean" }
      },
      false
    );
    const runs = numberFlag("demo", "runs", values.runs, 5, {
      min: 2,
      max: 50,
      integer: true
    });
    const scale = numberFlag("demo", "scale", values.scale, 0.4, {
      min: 0.01,
      max: 20
    });
    const outDir = path.resolve(io.cwd, values.out ?? "out");
    return withInterrupt(async (signal) => {
      const work = await mkdtemp(path.join(os.tmpdir(), "flamediff-demo-"));
      try {
        await writeFile(path.join(work, "workload.mjs"), workload_default);
        const opts = defaultOptions();
        opts.command = [process.execPath, "workload.mjs"];
        opts.sampler = "node";
        opts.runs = runs;
        opts.warmup = 0;
        opts.timeoutSeconds = 120;
        opts.storeDir = path.join(work, ".flamediff");
        opts.env = { FLAMEDIFF_EXAMPLE_SCALE: String(scale) };
        opts.rateHz = 2e3;
        opts.confirm = "never";
        const log = (line) => io.stderr(`flamediff demo: ${line}
`);
        io.stderr(`flamediff demo: step 1/2, baseline: ${runs} runs of the example
`);
        await runCheck(
          { ...opts, outDir: path.join(outDir, "baseline") },
          { headSha: demoSha("base"), headRef: "main", isBaseBranch: true, cwd: work, log, signal }
        );
        const regression = !values["no-regression"];
        io.stderr(
          `flamediff demo: step 2/2, ${regression ? "the injected-regression variant" : "the same code again (A/A)"}: ${runs} runs
`
        );
        const result = await runCheck(
          { ...opts, outDir },
          {
            headSha: demoSha(regression ? "regression" : "same"),
            headRef: regression ? "demo/regression" : "demo/same",
            isBaseBranch: false,
            cwd: work,
            baselineSha: demoSha("base"),
            headEnv: regression ? { FLAMEDIFF_EXAMPLE_REGRESSION: "1" } : {},
            log,
            signal
          }
        );
        io.stdout(result.consoleText);
        io.stdout(
          `
Open ${path.relative(io.cwd, result.files.diffSvg ?? outDir) || "."} in a browser for the interactive differential flamegraph.
`
        );
        return 0;
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  }
};
export {
  demoCommand
};
