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
import {
  currentHead,
  repoRoot,
  resolveCommit
} from "./chunk-4BZ2QYHW.js";
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
import {
  CONFIG_FILE,
  loadConfigFile,
  validateOptions
} from "./chunk-KOS2K544.js";
import "./chunk-OHC3GXGY.js";
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

// src/commands/check.ts
import path from "node:path";
var HELP = `Usage: flamediff check [--config ${CONFIG_FILE}] [--base-ref REF] [--out DIR] [settings] [-- COMMAND...]

Runs the workload under the sampler, and:
  - on the base branch (base-branch, default main): records a baseline in the store;
  - elsewhere: compares with the nearest stored baseline, writes the report, and gates.

Options:
  --config FILE      settings file (default ./${CONFIG_FILE} when it exists)
  --base-ref REF     ref to take the merge-base with (default origin/<base-branch>, then <base-branch>)
  --out DIR          where reports and pictures go (default out/)
  --head-sha SHA     commit being measured (default: HEAD)
  --head-ref NAME    branch being measured (default: the current branch)
  --pull N           pull request number: also stores the report under pulls/N/ in the store

${settingsHelp("check")}
Exit status: 0 pass (or baseline recorded), 1 gated regression, 2 bad input or setup error.

Examples:
  flamediff check -- node bench.js
  flamediff check --config ci/flamediff.yml --base-ref origin/main
`;
var checkCommand = {
  name: "check",
  summary: "the whole job: record a baseline on the base branch, elsewhere compare and gate",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("check", argv, {
      config: { type: "string" },
      "base-ref": { type: "string" },
      out: { type: "string" },
      "head-sha": { type: "string" },
      "head-ref": { type: "string" },
      pull: { type: "string" },
      ...settingFlags("check")
    });
    const cwd = await repoRoot(io.cwd) ?? io.cwd;
    const configPath = values.config === void 0 ? path.join(cwd, CONFIG_FILE) : path.resolve(io.cwd, values.config);
    const opts = await loadConfigFile(configPath, void 0, values.config !== void 0);
    applySettingFlags(opts, values, "check");
    if (positionals.length > 0) opts.command = positionals;
    if (values.out !== void 0) opts.outDir = path.resolve(io.cwd, values.out);
    validateOptions(opts, "flamediff check");
    const pull = values.pull === void 0 ? void 0 : numberFlag("check", "pull", values.pull, 0, { min: 1, integer: true });
    const head = await currentHead(cwd);
    const headSha = await headCommit(cwd, values["head-sha"], head?.sha ?? null);
    if (!headSha)
      throw new UserError(
        `flamediff check: ${cwd} is not a git repository with a commit; pass --head-sha and --head-ref`
      );
    const baseRef = values["base-ref"];
    if (baseRef !== void 0 && head !== null && !await resolveCommit(cwd, baseRef)) {
      throw new UserError(
        `flamediff check: --base-ref '${baseRef}' is not a commit or ref in ${cwd} (expected e.g. origin/main; fetch it first)`
      );
    }
    const headRef = (values["head-ref"] ?? head?.ref ?? headSha).replace(
      /^refs\/heads\//,
      ""
    );
    const result = await withInterrupt(
      (signal) => runCheck(opts, {
        headSha,
        headRef,
        isBaseBranch: headRef === opts.baseBranch,
        pullNumber: pull,
        cwd,
        baseRef,
        log: (line) => io.stderr(`flamediff: ${line}
`),
        signal
      })
    );
    io.stdout(result.consoleText);
    return result.verdict === "fail" && opts.failOnRegression ? 1 : 0;
  }
};
async function headCommit(cwd, given, head) {
  if (given === void 0 || head === null) return given ?? head;
  const sha = await resolveCommit(cwd, given);
  if (!sha) {
    throw new UserError(
      `flamediff check: --head-sha '${given}' is not a commit in ${cwd} (expected a commit id or ref that exists here; fetch it first)`
    );
  }
  return sha;
}
export {
  checkCommand
};
