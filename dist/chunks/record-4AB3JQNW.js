#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  applySettingFlags,
  settingFlags,
  settingsHelp
} from "./chunk-IVGUJOPL.js";
import {
  numberFlag,
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  SAMPLERS,
  record
} from "./chunk-ICQHYFNZ.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-U37WCUHD.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-6YX7WDF4.js";
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
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/record.ts
import path from "node:path";
var HELP = `Usage: flamediff record --sampler S [options] -- COMMAND [ARGS...]

Runs COMMAND under a sampling profiler --runs times (after --warmup runs that are not kept),
checking each run's exit status, and writes OUT/run-<i>.<ext> (one profile per run),
OUT/run-<i>.log (its output) and OUT/runs.json (wall time, CPU time, peak RSS, samples,
sampler version and the machine, per run).

Options:
  --out DIR           output directory (default out/runs)
  --quiet             no progress output

${settingsHelp("record", "Settings (the same flags as check, flamediff.yml keys in docs/configuration.md):")}
Samplers:
${SAMPLERS.map((s) => `  ${s.name.padEnd(15)} ${s.summary}`).join("\n")}

Exit status: 0 when every run succeeded; 2 when the sampler is missing or a run failed (the
message names the run, its exit status and the last 20 lines of its stderr); 130 when
interrupted (the workload and the sampler are stopped; the runs that finished are kept with their
runs.json, and the message says how many).

Examples:
  flamediff record --sampler perf --runs 5 -- ./build/bench --iterations 1000
  flamediff record --sampler node --runs 10 --out out/head -- node bench.js
  flamediff record --sampler node -- npm run bench
  flamediff record --sampler py-spy --rate 250 --sampler-opt native -- python bench.py
  flamediff record --sampler go -- go test -run XXX -bench . ./pkg
  flamediff record --sampler command -- ./my-bench --profile-to '{profile}'
`;
var OPTIONS = {
  out: { type: "string" },
  quiet: { type: "boolean" },
  ...settingFlags("record")
};
var RENAMED = { cwd: "working-directory", "rate-hz": "rate" };
var recordCommand = {
  name: "record",
  summary: "run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles",
  help: HELP,
  async run(argv, io) {
    const dd = argv.indexOf("--");
    const flags = dd === -1 ? argv : argv.slice(0, dd);
    const command = dd === -1 ? [] : argv.slice(dd + 1);
    for (const f of flags) {
      const old = /^--([^=]+)/.exec(f)?.[1];
      if (old && RENAMED[old]) {
        throw new UserError(
          `flamediff record: --${old} is now --${RENAMED[old]} (one name per setting, as in check)`
        );
      }
    }
    const parsed = parseCommandArgs("record", flags, OPTIONS, true);
    const { positionals } = parsed;
    const values = parsed.values;
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff record: unexpected '${positionals[0]}'; put the command after \`--\` (e.g. flamediff record --sampler perf -- ./bench)`
      );
    }
    if (command.length === 0) throw new UserError("flamediff record: no command; give it after `--`");
    if (values.sampler === void 0)
      throw new UserError(
        `flamediff record: --sampler is required (${SAMPLERS.map((s) => s.name).join(", ")})`
      );
    const o = defaultOptions();
    applySettingFlags(o, { ...values, runs: void 0 }, "record");
    const runs = numberFlag("record", "runs", values.runs, o.runs, {
      min: 1,
      max: 1e3,
      integer: true
    });
    const outDir = path.resolve(io.cwd, values.out ?? "out/runs");
    const cwd = path.resolve(io.cwd, o.workingDirectory);
    const progress = values.quiet ? void 0 : makeProgress(io);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const result = await record({
        sampler: o.sampler,
        command,
        cwd,
        env: { ...io.env, ...o.env },
        runs,
        warmup: o.warmup,
        rateHz: o.rateHz ?? void 0,
        timeoutSeconds: o.timeoutSeconds,
        outDir,
        samplerOptions: o.samplerOptions,
        keepFinished: true,
        onProgress: progress?.line,
        onEvent: progress?.event,
        signal: controller.signal
      });
      progress?.clear();
      const rs = result.runSet;
      const walls = rs.runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
      const median = walls[walls.length >> 1];
      io.stdout(
        `recorded ${rs.runs.length} run${rs.runs.length === 1 ? "" : "s"} with ${rs.sampler}${rs.samplerVersion ? ` ${rs.samplerVersion}` : ""} (median wall ${median.toFixed(2)} s): ${displayPath(io.cwd, path.join(outDir, "runs.json"))}
`
      );
      return 0;
    } finally {
      progress?.clear();
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }
  }
};
function displayPath(cwd, p) {
  const rel = path.relative(cwd, p);
  return rel.startsWith("..") || path.isAbsolute(rel) ? p : rel;
}
function makeProgress(io) {
  if (!io.isTTY) return { line: (t) => io.stdout(`${t}
`), clear: () => {
  } };
  let status = "";
  let current;
  let lastSamples = null;
  let ticker;
  const draw = () => {
    if (!current) return;
    const elapsed = ((Date.now() - current.started) / 1e3).toFixed(1);
    const text = `${current.label} \u2026 ${elapsed} s${lastSamples !== null ? ` (last run: ${lastSamples} samples)` : ""}`;
    io.stdout(`\r\x1B[2K${text}`);
    status = text;
  };
  const clear = () => {
    if (ticker) clearInterval(ticker);
    ticker = void 0;
    if (status) io.stdout("\r\x1B[2K");
    status = "";
  };
  return {
    line: (t) => {
      if (status) io.stdout("\r\x1B[2K");
      io.stdout(`${t}
`);
      status = "";
      draw();
    },
    event: (e) => {
      if (e.type === "start") {
        const what = e.phase === "warmup" ? "warm-up" : "run";
        current = {
          label: `${what} ${e.index} of ${e.total}${e.side === "run" ? "" : ` (${e.side})`}`,
          started: Date.now()
        };
        ticker ??= setInterval(draw, 250);
        draw();
      } else if (e.type === "done") {
        if (e.samples !== null) lastSamples = e.samples;
        current = void 0;
      }
    },
    clear
  };
}
export {
  recordCommand
};
