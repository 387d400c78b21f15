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
  buildDashboard,
  buildDashboardPage,
  repoRoot
} from "./chunk-4BZ2QYHW.js";
import {
  openStore,
  parseHistory,
  readHistory
} from "./chunk-3ERTFF5M.js";
import {
  analyzeHistory,
  creepNote,
  shortSha
} from "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import {
  checkBranch
} from "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import {
  CONFIG_FILE,
  loadConfigFile
} from "./chunk-KOS2K544.js";
import "./chunk-OHC3GXGY.js";
import {
  suggestKey
} from "./chunk-2RUZDTUI.js";
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

// src/commands/trends.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
var HELP = `Usage: flamediff trends [options]

Shows the per-frame history recorded on a branch's baselines: each frame's share over time, its
change points (E-Divisive means with a permutation test) and frames creeping up slowly.

Options:
  --branch B         branch whose history to read (default: the only one stored, else main)
  --frame REGEX      only frames whose name matches REGEX
  --format F         text (default), json, or html (the dashboard as one self-contained page)
  --out DIR          with --format html: write the dashboard site (index.html + files) to DIR
  --top N            frames listed in text output (default 20; 0 = all)
  --fail-on-creep    exit 1 when a (matching) frame is creeping
  --history FILE     read this history file instead of the store's
  --repo-url URL     https://github.com/owner/repo, for commit and PR links in html output
  --config FILE      settings file (default ./flamediff.yml at the repository root when it exists)

${settingsHelp("trends", "Store (the same flags as check; docs/store.md):")}
Exit status: 0 ok, 1 creeping with --fail-on-creep, 2 bad input.
Defaults of the analysis are documented in docs/trends.md.

Examples:
  flamediff trends
  flamediff trends --branch main --frame 'json|parse' --fail-on-creep
  flamediff trends --format html --out site/
`;
var OPTIONS = {
  branch: { type: "string" },
  frame: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  top: { type: "string" },
  "fail-on-creep": { type: "boolean" },
  history: { type: "string" },
  "repo-url": { type: "string" },
  config: { type: "string" },
  ...settingFlags("trends")
};
async function writeSite(dir, files) {
  try {
    for (const [name, data] of files) {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    }
  } catch (err) {
    throw fsError(dir, "cannot write the dashboard", err);
  }
}
async function storedBranches(store) {
  const files = await store.list("history");
  return files.filter((f) => f.startsWith("history/") && f.endsWith(".json")).map((f) => f.slice("history/".length, -".json".length)).sort();
}
async function chooseBranch(store, asked) {
  const names = await storedBranches(store);
  const where = `${store.kind} store ${store.location}`;
  if (names.length === 0) {
    throw new UserError(
      `${store.describe("history")}: no history recorded (expected baselines from \`flamediff check\` on the base branch, or --store-dir DIR / --store git)`
    );
  }
  if (asked !== void 0) {
    checkBranch(asked);
    if (names.includes(asked)) return asked;
    const near = suggestKey(asked, names);
    throw new UserError(
      `flamediff trends: no history for branch '${asked}' in the ${where}${near ? ` (did you mean '${near}'?)` : ""}; stored: ${names.join(", ")}`
    );
  }
  if (names.length === 1) return names[0];
  for (const b of ["main", "master"]) if (names.includes(b)) return b;
  throw new UserError(
    `flamediff trends: several branches have history in the ${where} (${names.join(", ")}); choose one with --branch`
  );
}
async function loadHistoryFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw fsError(file, "cannot read the history", err);
  }
  return parseHistory(text, file);
}
function frameFilter(source) {
  if (source === void 0) return void 0;
  try {
    const re = new RegExp(source);
    return (k) => re.test(k);
  } catch (err) {
    throw new UserError(
      `flamediff trends: --frame '${source}' is not a valid regular expression (${err.message})`
    );
  }
}
var printable = (s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "?");
var pct = (x) => `${(x * 100).toFixed(2)}%`;
var signed = (r) => r === null ? "new" : `${r >= 0 ? "+" : ""}${(r * 100).toFixed(1)}%`;
var MEASURE_NAMES = {
  wallSeconds: "wall time",
  cpuSeconds: "CPU time",
  profileSeconds: "profiled time",
  samples: "samples"
};
function trendsText(r, top) {
  const n = r.commits.length;
  const out = [];
  const span = n ? `${r.commits[0].date.slice(0, 10)} .. ${r.commits[n - 1].date.slice(0, 10)}` : "none";
  out.push(
    `flamediff trends: ${printable(r.branch)}, ${n} baseline${n === 1 ? "" : "s"} (${span}), ${r.frames.length} frame${r.frames.length === 1 ? "" : "s"}`
  );
  if (n === 0) return `${out.join("\n")}
No baselines recorded yet.
`;
  const unit = /seconds$/i.test(r.totalMeasure) ? " s" : " samples";
  const total = r.total;
  out.push(
    `total: ${total.values[n - 1].toPrecision(4)}${unit} per run (${MEASURE_NAMES[r.totalMeasure] ?? printable(r.totalMeasure)})`
  );
  for (const c of total.changePoints)
    out.push(
      `  shift at ${shortSha(c.sha)}: ${c.before.toPrecision(4)}${unit} -> ${c.after.toPrecision(4)}${unit} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`
    );
  const shown = top > 0 ? r.frames.slice(0, top) : r.frames;
  out.push("", `frames (${shown.length} of ${r.frames.length}, largest latest share first):`);
  for (const f of shown) {
    out.push(`  ${pct(f.latest).padStart(7)}  ${f.sparkline}  ${printable(f.key)}`);
    for (const c of f.changePoints)
      out.push(
        `           shift at ${shortSha(c.sha)}: ${pct(c.before)} -> ${pct(c.after)} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`
      );
    if (f.creep) out.push(`           ${creepNote(f.creep)}`);
  }
  const creeping = r.frames.filter((f) => f.creep);
  out.push("", creeping.length ? `${creeping.length} creeping frame(s):` : "no creeping frames");
  for (const f of creeping) out.push(`  ${printable(f.key)}`);
  return `${out.join("\n")}
`;
}
function trendsJson(r) {
  const frames = r.frames.map(({ self: _self, ...f }) => f);
  return `${JSON.stringify({ schema: 1, ...r, frames }, null, 2)}
`;
}
async function historyFromStore(v, io) {
  const store = v.store;
  if (store !== void 0 && store !== "dir" && store !== "git") {
    throw new UserError(
      `flamediff trends: --store '${store}' is not valid (expected dir or git; the directory of the dir store is --store-dir DIR)`
    );
  }
  const cwd = await repoRoot(io.cwd) ?? io.cwd;
  const config = v.config === void 0 ? path.join(cwd, CONFIG_FILE) : path.resolve(io.cwd, v.config);
  const opts = await loadConfigFile(config, void 0, v.config !== void 0);
  applySettingFlags(opts, v, "trends");
  if (v["store-dir"] !== void 0) opts.storeDir = path.resolve(io.cwd, v["store-dir"]);
  const s = await openStore(opts, cwd);
  try {
    return await readHistory(s, await chooseBranch(s, v.branch));
  } finally {
    await s.close();
  }
}
async function run(argv, io) {
  const parsed = parseCommandArgs("trends", argv, OPTIONS, false);
  const { positionals } = parsed;
  const v = parsed.values;
  if (positionals.length) throw new UserError(`flamediff trends: unexpected argument '${positionals[0]}'`);
  const format = v.format ?? "text";
  if (!["text", "json", "html"].includes(format))
    throw new UserError(`flamediff trends: --format '${format}' is not valid; expected text, json or html`);
  if (v.out !== void 0 && format !== "html")
    throw new UserError("flamediff trends: --out needs --format html");
  const top = numberFlag("trends", "top", v.top, 20, { min: 0, integer: true });
  const filter = frameFilter(v.frame);
  const history = v.history === void 0 ? await historyFromStore(v, io) : await loadHistoryFile(path.resolve(io.cwd, v.history));
  const filtered = filter ? {
    ...history,
    entries: history.entries.map((e) => ({ ...e, frames: e.frames.filter((f) => filter(f.key)) }))
  } : history;
  const report = analyzeHistory(filtered);
  if (format === "json") io.stdout(trendsJson(report));
  else if (format === "text") io.stdout(trendsText(report, top));
  else {
    const opts = { repoUrl: v["repo-url"] };
    if (v.out !== void 0) {
      const dir = path.resolve(io.cwd, v.out);
      await writeSite(dir, buildDashboard(filtered, opts));
      io.stderr(`flamediff trends: wrote the dashboard to ${dir}/index.html
`);
    } else io.stdout(buildDashboardPage(filtered, opts));
  }
  return v["fail-on-creep"] && report.creeping.length > 0 ? 1 : 0;
}
var trendsCommand = {
  name: "trends",
  summary: "per-frame history: change points, creeping regressions, dashboard",
  help: HELP,
  run
};
export {
  trendsCommand,
  trendsJson,
  trendsText
};
