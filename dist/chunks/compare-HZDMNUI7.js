#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  loadSide
} from "./chunk-YNZORHRV.js";
import {
  tempSuffix
} from "./chunk-34IPKADY.js";
import {
  applySettingFlags,
  settingFlags,
  settingsHelp
} from "./chunk-IVGUJOPL.js";
import {
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  analyse,
  fallbackRefactors,
  present
} from "./chunk-6ELFK56U.js";
import "./chunk-GUJRDNXC.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-SEKLUSDU.js";
import "./chunk-6Q7KV255.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-U37WCUHD.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-2STNMJK3.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-KOS2K544.js";
import {
  defaultOptions
} from "./chunk-OHC3GXGY.js";
import "./chunk-2RUZDTUI.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import "./chunk-NMAPBW3G.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/compare.ts
import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

// src/sample/run-identity.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
function mismatchedRecordings(base, head) {
  const diffs = [];
  if (base.sampler && head.sampler && base.sampler !== head.sampler) {
    diffs.push(`sampler ${base.sampler} vs ${head.sampler}`);
  }
  if (base.command && head.command && !sameArgv(base.command, head.command)) {
    diffs.push(`command \`${base.command.join(" ")}\` vs \`${head.command.join(" ")}\``);
  }
  const bo = optionsText(base.samplerOptions);
  const ho = optionsText(head.samplerOptions);
  if (base.samplerOptions && head.samplerOptions && bo !== ho) {
    diffs.push(`sampler options ${bo || "none"} vs ${ho || "none"}`);
  }
  if (diffs.length === 0) return null;
  return `base and head were recorded differently (${diffs.join("; ")}): their profiles are not comparable; record both sides with the same sampler, command and options`;
}
function sameArgv(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function optionsText(o) {
  if (!o) return "";
  return Object.keys(o).sort().map((k) => o[k] === true ? k : `${k}=${String(o[k])}`).join(",");
}
async function mismatchedRunDirs(base, head) {
  if (base?.length !== 1 || head?.length !== 1) return null;
  const [b, h] = await Promise.all([readIdentity(base[0]), readIdentity(head[0])]);
  if (!b || !h) return null;
  const why = mismatchedRecordings(b, h);
  return why ? `${base[0]} vs ${head[0]}: ${why}` : null;
}
async function readIdentity(dir) {
  try {
    if (!(await stat(dir)).isDirectory()) return null;
    const j = JSON.parse(await readFile(path.join(dir, "runs.json"), "utf8"));
    return {
      sampler: typeof j.sampler === "string" ? j.sampler : void 0,
      command: Array.isArray(j.command) && j.command.every((x) => typeof x === "string") ? j.command : void 0,
      samplerOptions: j.samplerOptions && typeof j.samplerOptions === "object" ? j.samplerOptions : void 0
    };
  } catch {
    return null;
  }
}

// src/commands/compare.ts
var HELP = `Usage: flamediff compare --base FILES|DIR --head FILES|DIR [options]

Compares two run sets frame by frame: which frames changed, by how much, how sure (see
docs/statistics.md). Each file is one run of the workload; give 3-10 runs per side.

Inputs:
  --base FILES|DIR       Base runs: files (repeat the flag or separate with commas) or a
                         directory (every profile in it; a runs.json from \`flamediff record\`
                         there supplies wall and CPU seconds)
  --head FILES|DIR       Head runs, same forms
  --input-format F       Skip format detection for every input (folded, cpuprofile, ...)

Output:
  --format text|json|markdown   What to print (default text; markdown is the PR comment's)
  --json OUT             Also write the JSON report (schema 1, docs/report-schema.md) to OUT
  --metric M             share (default; portable) or time (same machine, e.g. interleaved runs)
  --interleaved          Base and head runs alternated in one session: runtime frames (GC, JIT)
                         are then tested like any other (by default they allow for a load shift)

${settingsHelp("compare", "Statistics (also in flamediff.yml under compare:; docs/statistics.md):")}
Exit status: 0 pass (or fail with --no-fail-on-regression), 1 fail, 2 bad input.

Examples:
  flamediff compare --base base/ --head head/
  flamediff compare --base a1.folded,a2.folded,a3.folded --head b1.folded,b2.folded,b3.folded --format markdown
`;
var OPTIONS = {
  base: { type: "string", multiple: true },
  head: { type: "string", multiple: true },
  "input-format": { type: "string" },
  format: { type: "string" },
  json: { type: "string" },
  metric: { type: "string" },
  interleaved: { type: "boolean" },
  ...settingFlags("compare")
};
var compareCommand = {
  name: "compare",
  summary: "compare base and head run sets frame by frame, with statistics",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("compare", argv, OPTIONS, true);
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff compare: unexpected argument '${positionals[0]}' (expected --base and --head)`
      );
    }
    const format = values.format ?? "text";
    if (!["text", "json", "markdown"].includes(format)) {
      throw new UserError(
        `flamediff compare: --format '${format}' is not valid; expected text, json or markdown`
      );
    }
    const opts = defaultOptions();
    applySettingFlags(opts, values, "compare");
    const metric = values.metric;
    if (metric !== void 0 && metric !== "share" && metric !== "time")
      throw new UserError(`flamediff compare: --metric '${metric}' is not valid; expected share or time`);
    const imp = { onWarning: (m) => io.stderr(`flamediff: warning: ${m}
`) };
    if (values["input-format"]) imp.format = values["input-format"];
    const mixed = await mismatchedRunDirs(
      values.base,
      values.head
    );
    if (mixed) throw new UserError(`flamediff compare: ${mixed}`);
    const base = await loadSide("base", values.base, io, imp);
    const head = await loadSide("head", values.head, io, imp);
    const interleaved = Boolean(values.interleaved);
    const analysis = await analyse({ base, head, interleaved }, opts.compare, null, {
      headTitle: "head",
      diffTitle: "base \u2192 head",
      pictures: false,
      // Files may come from anywhere: shares unless the user says the runs' times compare.
      metric: metric ?? "share",
      // No git history here: renamed and moved functions are matched by file, line range and self cost.
      refactors: fallbackRefactors(base.runs, head.runs, opts.compare)
    });
    const json = analysis.reportJson ?? "";
    if (values.json) await writeAtomic(resolve(io.cwd, values.json), json);
    const shown = present(analysis, {
      mode: "compare",
      headSha: "",
      headRef: "head",
      baseline: { sha: "", branch: "base", note: null }
    });
    io.stdout(format === "json" ? json : format === "markdown" ? shown.markdown : shown.console);
    return analysis.report?.verdict === "fail" && opts.failOnRegression ? 1 : 0;
  }
};
async function writeAtomic(path2, text) {
  const tmp = join(dirname(path2), `.${tempSuffix()}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path2);
  } catch (err) {
    await rm(tmp, { force: true });
    throw fsError(path2, "cannot write", err);
  }
}
export {
  compareCommand
};
