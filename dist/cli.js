#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  PALETTES,
  SAMPLERS,
  currentHead,
  record,
  renderDiffSvg,
  renderFlameSvg,
  renderTextFlame,
  repoRoot,
  resolveCommit,
  runCheck,
  svgToPng,
  withInterrupt
} from "./chunks/chunk-GTRB4MMB.js";
import "./chunks/chunk-FOBAVYV2.js";
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  validateOptions
} from "./chunks/chunk-6EBMZG6O.js";
import {
  DEFAULT_COMPARE_SETTINGS,
  compareRuns,
  defaultOptions
} from "./chunks/chunk-KSKOU6IH.js";
import {
  App,
  Octokit,
  createClient
} from "./chunks/chunk-4YRIZFNC.js";
import {
  mergeProfiles
} from "./chunks/chunk-HXW4RBIE.js";
import {
  MANIFEST_NAME,
  parseManifest,
  serializeManifest
} from "./chunks/chunk-LO44DTPR.js";
import {
  DEFAULT_ACCEPT_LABEL
} from "./chunks/chunk-HAP3VRG2.js";
import "./chunks/chunk-2S5T6KGP.js";
import "./chunks/chunk-4J6PWYKI.js";
import {
  SPEEDSCOPE_SCHEMA,
  STREAM_FILE_AT,
  analyzeHistory,
  buildDashboard,
  buildDashboardPage,
  creepNote,
  detectFormat,
  foldedTarget,
  formatByName,
  frameFromSpeedscope,
  importProfile,
  importProfileFile,
  inputByteSize,
  isGzip,
  makeFileInput,
  makeInput,
  mdCode,
  mdText,
  parseFoldedInto,
  parseHistory,
  readHead,
  shortSha,
  sniffEncoding,
  writeFolded,
  writeFoldedChunks
} from "./chunks/chunk-FSXV2V4W.js";
import {
  checkBranch,
  git
} from "./chunks/chunk-5USHG3BQ.js";
import {
  InputError,
  NoSamplesError,
  Profile,
  UserError,
  errorLine,
  frameLabel
} from "./chunks/chunk-F3YTTPVP.js";
import "./chunks/chunk-AK7A7ZA3.js";

// src/bot/make-artifact.ts
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
async function makeArtifact(o) {
  const runsJson = path.join(o.runsDir, "runs.json");
  let runSet;
  try {
    runSet = JSON.parse(await readFile(runsJson, "utf8"));
  } catch (err) {
    throw new InputError(
      runsJson,
      void 0,
      `cannot read the runs of \`flamediff record\` (${err.message})`
    );
  }
  if (!Array.isArray(runSet.runs) || runSet.runs.length === 0) {
    throw new InputError(
      runsJson,
      void 0,
      "no runs recorded; expected the runs.json that `flamediff record` writes"
    );
  }
  await mkdir(path.join(o.outDir, o.shard), { recursive: true });
  const runs = [];
  for (const r of runSet.runs) {
    const target = `${o.shard}/${path.basename(r.file)}`;
    await copyFile(path.join(o.runsDir, r.file), path.join(o.outDir, target));
    runs.push({ file: target, wallSeconds: r.wallSeconds ?? null, cpuSeconds: r.cpuSeconds ?? null });
  }
  const manifest = {
    schema: 1,
    tool: "flamediff",
    repository: o.repository,
    pullNumber: o.pullNumber,
    headSha: o.headSha,
    createdAt: (o.now ?? /* @__PURE__ */ new Date()).toISOString(),
    shards: [{ name: o.shard, sampler: runSet.sampler, runs, ...machineOf(runSet) }]
  };
  const text = serializeManifest(manifest);
  const checked = parseManifest(text, path.join(o.outDir, MANIFEST_NAME));
  const existing = await readExisting(path.join(o.outDir, MANIFEST_NAME));
  if (existing) {
    if (existing.shards.some((s) => s.name === o.shard)) {
      throw new UserError(`${path.join(o.outDir, MANIFEST_NAME)}: already has a shard '${o.shard}'`);
    }
    checked.shards = [...existing.shards, ...checked.shards];
  }
  await writeFile(path.join(o.outDir, MANIFEST_NAME), serializeManifest(checked));
  return checked;
}
async function readExisting(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  return parseManifest(text, file);
}
function machineOf(runSet) {
  const m = runSet.machine;
  if (!m || typeof m.cpuModel !== "string") return {};
  const clip = (x, n) => String(x ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, n);
  const load2 = Array.isArray(m.loadAvg) && m.loadAvg.length === 3 ? m.loadAvg : [0, 0, 0];
  return {
    machine: {
      cpuModel: clip(m.cpuModel, 200),
      cores: Number.isInteger(m.cores) && m.cores >= 0 ? m.cores : 0,
      kernel: clip(m.kernel, 200),
      platform: clip(m.platform, 40),
      arch: clip(m.arch, 40),
      loadAvg: load2.map((x) => Number.isFinite(x) && x >= 0 ? x : 0)
    }
  };
}

// src/commands/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv, options, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new UserError(`flamediff ${command}: ${msg} (see \`flamediff ${command} --help\`)`);
  }
}
function numberFlag(command, flag, value2, fallback, check = {}) {
  if (value2 === void 0) return fallback;
  const n = Number(value2);
  const ok2 = value2.trim() !== "" && Number.isFinite(n) && (check.min === void 0 || n >= check.min) && (check.max === void 0 || n <= check.max) && (!check.integer || Number.isInteger(n));
  if (!ok2) {
    const kind = check.integer ? "an integer" : "a number";
    const range = check.min !== void 0 && check.max !== void 0 ? `${kind} from ${check.min} to ${check.max}` : check.min !== void 0 ? `${kind} >= ${check.min}` : check.max !== void 0 ? `${kind} <= ${check.max}` : kind;
    throw new UserError(`flamediff ${command}: --${flag} '${value2}' is not valid; expected ${range}`);
  }
  return n;
}

// src/commands/artifact.ts
var HELP = `Usage: flamediff artifact --runs DIR --repository OWNER/NAME --sha SHA [--pull N] [--shard NAME] --out DIR

Packs the runs that \`flamediff record\` wrote into DIR (runs.json + run files) into an artifact
directory with a validated manifest, for the fork-safe two-workflow mode and for sharded matrices.
Upload the --out directory with actions/upload-artifact; the privileged workflow_run job validates
it strictly before comparing. Several shards can be added to one directory (one call per shard).

Options:
  --runs DIR            output directory of \`flamediff record\`
  --repository O/N      repository the runs belong to (GITHUB_REPOSITORY)
  --sha SHA             commit the runs measured (the pull request's head sha)
  --pull N              pull request number
  --shard NAME          shard name (default: main)
  --out DIR             artifact directory to create or extend

Example:
  flamediff record --sampler perf --runs 5 --out runs -- ./bench
  flamediff artifact --runs runs --repository "$GITHUB_REPOSITORY" \\
    --sha "\${{ github.event.pull_request.head.sha }}" --pull "\${{ github.event.number }}" --out flamediff-artifact
`;
var artifactCommand = {
  name: "artifact",
  summary: "pack recorded runs with a manifest for fork-safe or sharded workflows",
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      "artifact",
      argv,
      {
        runs: { type: "string" },
        repository: { type: "string" },
        sha: { type: "string" },
        pull: { type: "string" },
        shard: { type: "string" },
        out: { type: "string" }
      },
      false
    );
    for (const k of ["runs", "repository", "sha", "out"]) {
      if (!values[k])
        throw new UserError(`flamediff artifact: --${k} is required (see \`flamediff artifact --help\`)`);
    }
    const pull = values.pull === void 0 ? null : numberFlag("artifact", "pull", values.pull, 0, { min: 1, integer: true });
    const m = await makeArtifact({
      runsDir: values.runs,
      repository: values.repository,
      headSha: values.sha,
      pullNumber: pull,
      shard: values.shard ?? "main",
      outDir: values.out
    });
    io.stdout(
      `wrote ${values.out}: ${m.shards.map((s) => `${s.name} (${s.runs.length} runs)`).join(", ")}
`
    );
    return 0;
  }
};

// src/commands/check.ts
import path2 from "node:path";

// src/config/flags.ts
var SETTING_FLAGS = {
  sampler: "sampler",
  runs: "runs",
  warmup: "warmup",
  "rate-hz": "rate-hz",
  timeout: "timeout-seconds",
  "working-directory": "working-directory",
  baseline: "baseline",
  "base-branch": "base-branch",
  store: "store",
  "store-dir": "store-dir",
  "data-branch": "data-branch",
  remote: "remote",
  retention: "retention",
  "baseline-depth": "baseline-depth",
  granularity: "compare.granularity",
  alpha: "compare.alpha",
  "gate-frame-share": "compare.gate-frame-share",
  "gate-total": "compare.gate-total"
};
var SETTING_FLAG_SPEC = {
  ...Object.fromEntries(Object.keys(SETTING_FLAGS).map((f) => [f, { type: "string" }])),
  "fail-on-regression": { type: "boolean" },
  "no-fail-on-regression": { type: "boolean" }
};
var SETTING_FLAGS_HELP = `Settings (override ${"flamediff.yml"}; see docs/configuration.md):
  --sampler NAME            perf, node, py-spy, austin, python, go, async-profiler, command
  --runs N                  measured runs per side (default 5)
  --warmup N                unmeasured warm-up runs (default 1)
  --rate-hz N               sampling rate (default: the sampler's)
  --timeout SECONDS         per-run time limit (default 600)
  --working-directory DIR   where the workload runs
  --baseline stored|rerun   stored baseline, or rerun the base commit interleaved here
  --base-branch NAME        branch whose commits are baselines (default main)
  --store dir|git           local directory or data branch (default dir)
  --store-dir DIR           dir store location (default .flamediff)
  --data-branch NAME        git store branch (default flamediff-data)
  --remote NAME             git store remote (default origin)
  --retention N             baselines kept (default 50)
  --baseline-depth N        first-parent commits searched for a baseline (default 20)
  --granularity G           function, line or module (default function)
  --alpha A                 false-discovery rate (default 0.01)
  --gate-frame-share S      fail when a frame grows by more than S of total (default 0.01)
  --gate-total R|off        fail when the total grows by more than R (default off)
  --[no-]fail-on-regression exit 1 on a gated regression (default on)
`;
function applySettingFlags(opts, values) {
  for (const [flag, key] of Object.entries(SETTING_FLAGS)) {
    const v = values[flag];
    if (v !== void 0) applySetting(opts, key, v, `--${flag}`);
  }
  if (values["fail-on-regression"]) opts.failOnRegression = true;
  if (values["no-fail-on-regression"]) opts.failOnRegression = false;
}

// src/commands/check.ts
var HELP2 = `Usage: flamediff check [--config ${CONFIG_FILE}] [--base-ref REF] [--out DIR] [settings] [-- COMMAND...]

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

${SETTING_FLAGS_HELP}
Exit status: 0 pass (or baseline recorded), 1 gated regression, 2 bad input or setup error.

Examples:
  flamediff check -- node bench.js
  flamediff check --config ci/flamediff.yml --base-ref origin/main
`;
var checkCommand = {
  name: "check",
  summary: "the whole job: record a baseline on the base branch, elsewhere compare and gate",
  help: HELP2,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("check", argv, {
      config: { type: "string" },
      "base-ref": { type: "string" },
      out: { type: "string" },
      "head-sha": { type: "string" },
      "head-ref": { type: "string" },
      pull: { type: "string" },
      ...SETTING_FLAG_SPEC
    });
    const cwd = await repoRoot(io.cwd) ?? io.cwd;
    const configPath = values.config === void 0 ? path2.join(cwd, CONFIG_FILE) : path2.resolve(io.cwd, values.config);
    const opts = await loadConfigFile(configPath, void 0, values.config !== void 0);
    applySettingFlags(opts, values);
    if (positionals.length > 0) opts.command = positionals;
    if (values.out !== void 0) opts.outDir = path2.resolve(io.cwd, values.out);
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

// src/commands/collapse.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname as dirname2, resolve as resolve2 } from "node:path";

// src/formats/merged-import.ts
import { readFile as readFile2, stat } from "node:fs/promises";
async function importFoldedMerged(files, opts = {}) {
  const inputs = [];
  let bytes = 0;
  for (const f of files) {
    const input = await foldedInput(f.path, f.shownName, opts);
    if (input === void 0) return void 0;
    inputs.push(input);
    bytes += inputByteSize(input);
  }
  const target = foldedTarget(bytes);
  for (const input of inputs) {
    const profile = parseFoldedInto(input, opts, target);
    profile.meta.source ??= input.fileName;
  }
  return target.profile;
}
async function foldedInput(path9, shownName, opts) {
  let size;
  try {
    size = (await stat(path9)).size;
  } catch {
    return void 0;
  }
  if (size === 0) return void 0;
  if (size >= STREAM_FILE_AT) {
    const head = readHead(path9);
    if (isGzip(head) || sniffEncoding(head).encoding !== "utf-8") return void 0;
    const format2 = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
    return format2?.name === "folded" ? makeFileInput(path9, shownName) : void 0;
  }
  const input = makeInput(shownName, await readFile2(path9));
  const format = opts.format ? formatByName(opts.format) : detectFormat(input);
  return format?.name === "folded" ? input : void 0;
}

// src/commands/profile-io.ts
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile as writeFile2 } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var INPUT_OPTIONS = {
  format: { type: "string", short: "f" },
  "sample-type": { type: "string" },
  pid: { type: "boolean" },
  tid: { type: "boolean" },
  kernel: { type: "boolean" },
  jit: { type: "boolean" },
  all: { type: "boolean" },
  addrs: { type: "boolean" },
  "event-filter": { type: "string" },
  output: { type: "string", short: "o" }
};
var INPUT_OPTIONS_HELP = `Input options:
  -f, --format F        Skip detection: folded, perf-script, py-spy, pyflame, austin,
                        async-profiler, memory, cpython, cpuprofile, pprof, speedscope,
                        pstats, diff-folded
      --sample-type T   Which metric of a multi-metric profile (pprof sample type; austin
                        time|cpu|memory|memory-released; diff-folded before|after)
perf script options (same meaning as FlameGraph's stackcollapse-perf.pl):
      --pid             Include the PID with process names (comm-PID)
      --tid             Include PID and TID with process names (comm-PID/TID)
      --kernel          Annotate kernel functions with _[k]
      --jit             Annotate JIT functions with _[j]
      --all             All annotations (--kernel --jit, inlined _[i])
      --addrs           Include raw addresses where symbols can't be found
      --event-filter E  Only this event (default: the first event seen)
`;
function importOptionsFrom(values, io) {
  const perf = {};
  for (const k of ["pid", "tid", "kernel", "jit", "all", "addrs"])
    if (values[k] === true) perf[k] = true;
  if (typeof values["event-filter"] === "string") perf.eventFilter = values["event-filter"];
  const opts = { perf, onWarning: (m) => io.stderr(`flamediff: warning: ${m}
`) };
  if (typeof values.format === "string") opts.format = values.format;
  if (typeof values["sample-type"] === "string") opts.sampleType = values["sample-type"];
  return opts;
}
async function readProfileArg(file, opts, io) {
  if (file === "-") return importProfile("<stdin>", await readStdin(), opts);
  return importProfileFile(resolve(io.cwd, file), opts, file);
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}
async function writeOutput(out, text, io) {
  if (out === void 0 || out === "-") {
    io.stdout(text);
    return;
  }
  const path9 = resolve(io.cwd, out);
  const tmp = `${path9}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile2(tmp, text);
    await rename(tmp, path9);
  } catch (err) {
    await rm(tmp, { force: true });
    const code2 = err.code ?? String(err);
    throw new UserError(`${out}: cannot write (${code2}; is ${dirname(out)} a writable directory?)`);
  }
}

// src/commands/collapse.ts
var HELP3 = `Usage: flamediff collapse [options] FILE... [-o OUT]

Reads profiles in any format flamediff knows (perf script text, folded stacks, py-spy,
pyflame, austin, async-profiler, Fil/memray, CPython sampling, .cpuprofile, pprof,
speedscope, pstats) and writes canonical folded stacks: one \`root;...;leaf count\` line per
distinct stack, sorted, the same bytes for the same input. Several files are merged (their
units must agree). FILE may be \`-\` for standard input; gzip input is read as is.

Options:
  -o, --output OUT      Write to OUT instead of standard output (written atomically)
${INPUT_OPTIONS_HELP}
Examples:
  perf record -F 99 -g -- ./app && perf script > out.perf
  flamediff collapse out.perf -o app.folded
  flamediff collapse --all --pid out.perf            # like stackcollapse-perf.pl --all --pid
  perf script | flamediff collapse --format perf-script - > app.folded
  flamediff collapse run1.txt run2.txt run3.txt -o merged.folded
  flamediff collapse --sample-type cpu austin.txt    # austin full mode, CPU time only
`;
var collapseCommand = {
  name: "collapse",
  summary: "convert profiles (perf script, py-spy, austin, ...) to canonical folded stacks",
  help: HELP3,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("collapse", argv, INPUT_OPTIONS);
    if (positionals.length === 0) {
      throw new UserError("flamediff collapse: no input FILE given (see `flamediff collapse --help`)");
    }
    const opts = importOptionsFrom(values, io);
    const merged = await foldedMerged(positionals, opts, io.cwd) ?? await importAll(positionals, opts, io);
    const out = values.output;
    if (out === void 0 || out === "-") await writeOutput(out, writeFolded(merged), io);
    else writeFoldedFile(out, merged, io.cwd);
    return 0;
  }
};
function foldedMerged(files, opts, cwd) {
  if (files.length < 2 || files.includes("-")) return Promise.resolve(void 0);
  return importFoldedMerged(
    files.map((file) => ({ path: resolve2(cwd, file), shownName: file })),
    opts
  );
}
async function importAll(files, opts, io) {
  const profiles = [];
  for (const file of files) profiles.push(await readProfileArg(file, opts, io));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}
function writeFoldedFile(out, profile, cwd) {
  const path9 = resolve2(cwd, out);
  const tmp = `${path9}.${randomBytes2(4).toString("hex")}.tmp`;
  let fd = -1;
  try {
    fd = openSync(tmp, "w");
    const target = fd;
    writeFoldedChunks(profile, (chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(target, chunk, at);
    });
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path9);
  } catch (err) {
    if (fd !== -1) closeSync(fd);
    rmSync(tmp, { force: true });
    const code2 = err.code;
    if (code2 === void 0) throw err;
    throw new UserError(`${out}: cannot write (${code2}; is ${dirname2(out)} a writable directory?)`);
  }
}

// src/commands/compare.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { readdir, readFile as readFile3, rename as rename2, rm as rm2, stat as stat2, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname3, join, resolve as resolve3 } from "node:path";

// src/report/compare-text.ts
var MAX_ROWS = 25;
function pct(x, digits = 2) {
  return x === null || !Number.isFinite(x) ? "n/a" : `${(x * 100).toFixed(digits)}%`;
}
function signedPct(x, digits = 2) {
  if (x === null || !Number.isFinite(x)) return "n/a";
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(digits)}%`;
}
function pp(x) {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)} pp`;
}
function seconds(x) {
  return x >= 1 ? `${x.toFixed(3)} s` : `${(x * 1e3).toFixed(2)} ms`;
}
function formatP(p) {
  if (p === null || Number.isNaN(p)) return "n/a";
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}
function change(f) {
  return f.metric === "inclusiveTime" || f.metric === "selfTime" ? `${f.delta >= 0 ? "+" : "-"}${seconds(Math.abs(f.delta))}` : pp(f.delta);
}
function interval(f) {
  const fmt = (x) => f.metric === "inclusiveTime" || f.metric === "selfTime" ? `${x < 0 ? "-" : ""}${seconds(Math.abs(x))}` : pp(x);
  return `[${fmt(f.ci.lo)}, ${fmt(f.ci.hi)}]`;
}
function value(f, side) {
  const v = f[side].mean;
  return f.metric === "inclusiveTime" || f.metric === "selfTime" ? seconds(v) : pct(v);
}
function shownFrames(r) {
  return r.frames.filter((f) => f.status !== "unchanged").slice(0, MAX_ROWS);
}
function totalLine(r) {
  const t = r.total;
  const ci = t.ci ? ` (${Math.round(t.ci.level * 100)}% CI ${signedPct(t.ci.lo)} to ${signedPct(t.ci.hi)}, p=${formatP(t.pValue)})` : "";
  return `Total ${t.measure}: ${signedPct(t.change)}${ci}, ${t.status}; runs ${t.base.runs} base / ${t.head.runs} head, ${Math.round(t.base.samples)} / ${Math.round(t.head.samples)} samples per run`;
}
function reportText(r) {
  const lines = [`Verdict: ${r.verdict.toUpperCase()} - ${r.reason}`, totalLine(r), ""];
  const rows = shownFrames(r);
  if (rows.length === 0) lines.push("No frame changed beyond the noise and the effect floors.");
  for (const f of rows) {
    const tag = f.rank !== null ? `#${f.rank}` : f.explainedBy ? "via" : "  ";
    lines.push(
      `${tag.padEnd(4)}${f.status.padEnd(13)}${change(f).padStart(12)}  ${value(f, "base")} -> ${value(f, "head")}  CI ${interval(f)}  q=${formatP(f.qValue)}  ${f.key}`
    );
    if (f.rank !== null && f.path.length > 1) lines.push(`      path: ${f.path.join(" > ")}`);
    if (f.explainedBy) lines.push(`      explained by ${f.explainedBy}`);
  }
  lines.push("", `Compared: ${r.settings.metricNote ?? ""}`);
  if (r.dropped.length > 0 || (r.droppedCount ?? 0) > 0) {
    lines.push(
      `Dropped as inconsistent: ${r.droppedCount ?? r.dropped.length} frame(s); weight not in a kept frame: ${pct(r.droppedShare.base)} base, ${pct(r.droppedShare.head)} head`
    );
  }
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join("\n")}
`;
}
function reportMarkdown(r) {
  const icon = r.verdict === "fail" ? ":x:" : ":white_check_mark:";
  const lines = [`### flamediff: ${icon} ${r.verdict}`, "", mdText(r.reason), "", mdText(totalLine(r)), ""];
  const rows = shownFrames(r);
  if (rows.length === 0) lines.push("No frame changed beyond the noise and the effect floors.");
  else {
    lines.push(
      "| rank | status | frame | base | head | change | CI | q |",
      "|---|---|---|---|---|---|---|---|"
    );
    for (const f of rows) {
      const rank = f.rank !== null ? `#${f.rank}` : f.explainedBy ? `via ${mdCode(f.explainedBy)}` : "";
      lines.push(
        `| ${rank} | ${f.status} | ${mdCode(f.key)} | ${value(f, "base")} | ${value(f, "head")} | ${change(f)} | ${interval(f)} | ${formatP(f.qValue)} |`
      );
    }
  }
  lines.push("", mdText(`Compared: ${r.settings.metricNote ?? ""}`));
  for (const w of r.warnings) lines.push("", `> ${mdText(w)}`);
  return `${lines.join("\n")}
`;
}

// src/commands/compare.ts
var d = DEFAULT_COMPARE_SETTINGS;
var HELP4 = `Usage: flamediff compare --base FILES|DIR --head FILES|DIR [options]

Compares two run sets frame by frame: which frames changed, by how much, how sure (see
docs/statistics.md). Each file is one run of the workload; give 3-10 runs per side.

Inputs:
  --base FILES|DIR       Base runs: files (repeat the flag or separate with commas) or a
                         directory (every profile in it; a runs.json from \`flamediff record\`
                         there supplies wall and CPU seconds)
  --head FILES|DIR       Head runs, same forms
  --input-format F       Skip format detection for every input (folded, cpuprofile, ...)

Output:
  --format text|json|markdown   What to print (default text)
  --json OUT             Also write the JSON report (schema 1, docs/report-schema.md) to OUT

Statistics:
  --alpha A              False discovery rate across frames (default ${d.alpha})
  --min-share S          Keep frames with at least this share of a run... (default ${d.minShare})
  --quorum Q             ...in at least this fraction of the runs (default ${d.quorum})
  --min-effect E         Absolute effect floor, share of the total (default ${d.minEffect} = ${d.minEffect * 100} pp)
  --min-rel-effect R     Relative effect floor, of the frame's own value (default ${d.minRelEffect})
  --granularity G        function (default), line or module
  --metric M             share (default; portable) or time (same machine, e.g. interleaved runs)
  --interleaved          Base and head runs alternated in one session: garbage-collection frames
                         are then tested like any other (by default they allow for a load shift)
  --gate-frame S         Fail when a frame regresses by more than this share of total (default ${d.gateFrameShare})
  --gate-total R         Fail when the total regresses by more than this fraction (default off)
  --fail-on-regression   Exit 1 when the verdict is fail

Exit status: 0 pass (or fail without --fail-on-regression), 1 fail with --fail-on-regression,
2 bad input.

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
  alpha: { type: "string" },
  "min-share": { type: "string" },
  quorum: { type: "string" },
  "min-effect": { type: "string" },
  "min-rel-effect": { type: "string" },
  granularity: { type: "string" },
  metric: { type: "string" },
  interleaved: { type: "boolean" },
  "gate-frame": { type: "string" },
  "gate-total": { type: "string" },
  "fail-on-regression": { type: "boolean" }
};
var compareCommand = {
  name: "compare",
  summary: "compare base and head run sets frame by frame, with statistics",
  help: HELP4,
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
    const settings = settingsFrom(values);
    const opts = { onWarning: (m) => io.stderr(`flamediff: warning: ${m}
`) };
    if (values["input-format"]) opts.format = values["input-format"];
    const base = await loadSide("base", values.base, io, opts);
    const head = await loadSide("head", values.head, io, opts);
    const report = compareRuns(base, head, settings);
    const json = `${JSON.stringify(report, null, 2)}
`;
    if (values.json) await writeAtomic(resolve3(io.cwd, values.json), json);
    io.stdout(format === "json" ? json : format === "markdown" ? reportMarkdown(report) : reportText(report));
    return report.verdict === "fail" && values["fail-on-regression"] ? 1 : 0;
  }
};
function settingsFrom(v) {
  const num = (flag, fallback, check) => numberFlag("compare", flag, v[flag], fallback, check);
  const s = {
    alpha: num("alpha", d.alpha, { min: 1e-12, max: 0.5 }),
    minShare: num("min-share", d.minShare, { min: 0, max: 1 }),
    quorum: num("quorum", d.quorum, { min: 0, max: 1 }),
    minEffect: num("min-effect", d.minEffect, { min: 0, max: 1 }),
    minRelEffect: num("min-rel-effect", d.minRelEffect, { min: 0 }),
    gateFrameShare: num("gate-frame", d.gateFrameShare, { min: 0, max: 1 })
  };
  if (v["gate-total"] !== void 0) s.gateTotal = num("gate-total", 0, { min: 0 });
  const g = v.granularity;
  if (g !== void 0) {
    if (!["function", "line", "module"].includes(g)) {
      throw new UserError(
        `flamediff compare: --granularity '${g}' is not valid; expected function, line or module`
      );
    }
    s.granularity = g;
  }
  const m = v.metric;
  if (m !== void 0) {
    if (m !== "share" && m !== "time")
      throw new UserError(`flamediff compare: --metric '${m}' is not valid; expected share or time`);
    s.metric = m;
  }
  if (v.interleaved) s.sessions = "interleaved";
  return s;
}
async function loadSide(side, args, io, opts) {
  if (!args || args.length === 0)
    throw new UserError(`flamediff compare: --${side} is required (files or a directory of runs)`);
  const runs = [];
  for (const arg of args.flatMap((a) => a.split(",")).filter((a) => a !== "")) {
    const path9 = resolve3(io.cwd, arg);
    let isDir;
    try {
      isDir = (await stat2(path9)).isDirectory();
    } catch (err) {
      throw new UserError(`${arg}: cannot read (${err.code ?? String(err)})`);
    }
    if (!isDir) {
      runs.push({ profile: await importProfileFile(path9, opts) });
      continue;
    }
    runs.push(...await loadDir(path9, side, opts));
  }
  if (runs.length === 0)
    throw new UserError(`flamediff compare: no ${side} runs found in ${args.join(", ")}`);
  return runs;
}
var NOT_PROFILES = /^(readme.*|runs\.json|report\.json)$|\.(md|svg|png|html)$/i;
async function loadDir(dir, side, opts) {
  const runsJson = join(dir, "runs.json");
  let text = null;
  try {
    text = await readFile3(runsJson, "utf8");
  } catch {
  }
  if (text !== null) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new UserError(
        `${runsJson}: not valid JSON (${err.message}; expected a runs.json from flamediff record)`
      );
    }
    const records = (parsed.runs ?? []).filter(
      (r) => r.side === void 0 || r.side === "run" || r.side === side
    );
    const out2 = [];
    for (const [i, r] of records.entries()) {
      if (typeof r.file !== "string")
        throw new UserError(`${runsJson}: run ${i + 1} has no "file" (expected a profile path)`);
      out2.push({
        profile: await importProfileFile(resolve3(dir, r.file), opts),
        wallSeconds: typeof r.wallSeconds === "number" ? r.wallSeconds : void 0,
        cpuSeconds: typeof r.cpuSeconds === "number" ? r.cpuSeconds : void 0
      });
    }
    return out2;
  }
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith(".") && !NOT_PROFILES.test(e.name)).map((e) => e.name).sort();
  const out = [];
  for (const name of names) out.push({ profile: await importProfileFile(join(dir, name), opts) });
  return out;
}
async function writeAtomic(path9, text) {
  const tmp = join(dirname3(path9), `.${randomBytes3(6).toString("hex")}.tmp`);
  try {
    await writeFile3(tmp, text);
    await rename2(tmp, path9);
  } catch (err) {
    await rm2(tmp, { force: true });
    throw new UserError(`${path9}: cannot write (${err.code ?? String(err)})`);
  }
}

// src/formats/speedscope-export.ts
var SPEEDSCOPE_UNIT = {
  samples: "none",
  count: "none",
  nanoseconds: "nanoseconds",
  microseconds: "microseconds",
  bytes: "bytes"
};
function exportToSpeedscope(profiles, name) {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const frames = [];
  const frameIndex = /* @__PURE__ */ new Map();
  const out = list.map((p, i) => exportProfile(p, i, frames, frameIndex));
  const doc = {
    $schema: SPEEDSCOPE_SCHEMA,
    exporter: "flamediff",
    name: name ?? list[0]?.meta.source ?? "flamediff",
    activeProfileIndex: 0,
    shared: { frames },
    profiles: out
  };
  return `${JSON.stringify(doc)}
`;
}
function exportProfile(p, index, frames, frameIndex) {
  const local = new Int32Array(p.frames.size).fill(-1);
  const shared = (id) => {
    if (local[id] !== -1) return local[id];
    const f = p.frame(id);
    const key = `${f.name}\0${f.file}\0${f.line}\0${f.module}\0${f.kind}`;
    let k = frameIndex.get(key);
    if (k === void 0) {
      k = frames.length;
      frameIndex.set(key, k);
      frames.push(toSpeedscopeFrame(f));
    }
    local[id] = k;
    return k;
  };
  const samples = [];
  const weights = [];
  let total = 0;
  const { ids, offsets, weights: w } = p.stacks.columns();
  for (const s of sortedStacks(p)) {
    if (!(w[s] > 0)) continue;
    const stack = [];
    for (let k = offsets[s]; k < offsets[s + 1]; k++) stack.push(shared(ids[k]));
    samples.push(stack);
    weights.push(w[s]);
    total += w[s];
  }
  const m = p.meta;
  const flamediff = { unit: m.unit };
  if (m.intervalNs !== void 0) flamediff.intervalNs = m.intervalNs;
  if (m.durationNs !== void 0) flamediff.durationNs = m.durationNs;
  for (const key of ["sampler", "command", "derived", "sampleType"]) {
    const v = m[key];
    if (v !== void 0) flamediff[key] = v;
  }
  return {
    type: "sampled",
    name: m.source ?? `profile ${index + 1}`,
    unit: SPEEDSCOPE_UNIT[m.unit],
    startValue: 0,
    endValue: total,
    samples,
    weights,
    flamediff
  };
}
function toSpeedscopeFrame(f) {
  const out = { name: f.name };
  if (f.file !== "") out.file = f.file;
  if (f.line > 0) out.line = f.line;
  if (f.module !== "") out.module = f.module;
  if (frameFromSpeedscope(f.name, f.file, void 0).kind !== f.kind || frameFromSpeedscope(f.name, f.file, void 0).name !== f.name) {
    out.kind = f.kind;
  }
  return out;
}
function sortedStacks(p) {
  const labels = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) {
    const f = p.frame(id);
    labels[id] = `${frameLabel(f)}\0${f.module}\0${f.kind}\0${f.line}`;
  }
  const order = labels.map((_, i) => i).sort((a, b) => labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0);
  const rank = new Int32Array(labels.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  const { ids, offsets, length } = p.stacks.columns();
  const idx = new Uint32Array(length);
  for (let i = 0; i < length; i++) idx[i] = i;
  return idx.sort((x, y) => {
    const ax = offsets[x];
    const ay = offsets[y];
    const n = Math.min(offsets[x + 1] - ax, offsets[y + 1] - ay);
    for (let k = 0; k < n; k++) {
      const d2 = rank[ids[ax + k]] - rank[ids[ay + k]];
      if (d2 !== 0) return d2;
    }
    return offsets[x + 1] - ax - (offsets[y + 1] - ay);
  });
}

// src/commands/convert.ts
var TARGETS = ["speedscope", "folded"];
var HELP5 = `Usage: flamediff convert FILE --to speedscope|folded [-o OUT]

Converts one profile to another format: \`speedscope\` JSON (open it at speedscope.app or in
its offline viewer) or canonical \`folded\` stacks (for FlameGraph, Inferno and flamediff).
The input format is detected from the file name, then the content (--format overrides).

Options:
      --to T            Output format: speedscope or folded (required)
  -o, --output OUT      Write to OUT instead of standard output (written atomically)
${INPUT_OPTIONS_HELP}
Examples:
  flamediff convert CPU.20250101.cpuprofile --to folded -o node.folded
  flamediff convert profile.pb.gz --to speedscope --sample-type cpu -o cpu.speedscope.json
  flamediff convert out.perf --to speedscope --all -o perf.speedscope.json
`;
var convertCommand = {
  name: "convert",
  summary: "convert a profile to speedscope JSON or folded stacks",
  help: HELP5,
  async run(argv, io) {
    const parsed = parseCommandArgs("convert", argv, {
      ...INPUT_OPTIONS,
      to: { type: "string", short: "t" }
    });
    const values = parsed.values;
    const positionals = parsed.positionals;
    if (positionals.length !== 1) {
      throw new UserError(
        `flamediff convert: expected exactly one input FILE, got ${positionals.length} (see \`flamediff convert --help\`)`
      );
    }
    const to = values.to;
    if (to === void 0 || !TARGETS.includes(to)) {
      throw new UserError(
        `flamediff convert: --to ${to === void 0 ? "is required" : `'${to}' is not supported`}; expected one of ${TARGETS.join(", ")}`
      );
    }
    const file = positionals[0];
    const profile = await readProfileArg(file, importOptionsFrom(values, io), io);
    const text = to === "folded" ? writeFolded(profile) : exportToSpeedscope(profile, nameOf(file));
    await writeOutput(values.output, text, io);
    return 0;
  }
};
function nameOf(file) {
  return file === "-" ? "stdin" : file.split(/[/\\]/).pop() ?? file;
}

// src/commands/demo.ts
import { createHash } from "node:crypto";
import { mkdtemp, rm as rm3, writeFile as writeFile4 } from "node:fs/promises";
import os from "node:os";
import path3 from "node:path";

// raw:examples/node/workload.mjs
var workload_default = "// flamediff example workload (Node): tokenise, score and summarise synthetic log lines.\n//\n// Runs for about a second. FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `scoreTokens`\n// does extra string work (a reverse-and-rehash for about 3 in 4 tokens), about +30% of total\n// CPU time. FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1). FLAMEDIFF_EXAMPLE_FAIL=1 exits\n// with status 3 (for fault tests). FLAMEDIFF_EXAMPLE_CHILD=1 does half the work in a child\n// `node` process (to show that the profiles of several processes from one run are merged).\nimport { spawnSync } from 'node:child_process';\nimport { fileURLToPath } from 'node:url';\n\nconst SCALE = Number(process.env.FLAMEDIFF_EXAMPLE_SCALE || '1');\nconst REGRESSION = process.env.FLAMEDIFF_EXAMPLE_REGRESSION === '1';\n\nfunction makeLines(n) {\n  const lines = [];\n  for (let i = 0; i < n; i++) {\n    lines.push(`${i} GET /api/item/${(i * 7919) % 1000} status=${200 + (i % 3)} ms=${(i * 104729) % 997}`);\n  }\n  return lines;\n}\n\nfunction tokenise(line) {\n  return line.split(' ').map((t) => t.split('='));\n}\n\n// Scores every token of every line. Called once per round (not per line), so V8 optimizes it on\n// its own instead of inlining it into a hot caller, and profiles show it by name.\nfunction scoreTokens(lines) {\n  const scores = [];\n  for (const tokens of lines) {\n    for (const tok of tokens) {\n      let s = 0;\n      const t = tok[tok.length - 1];\n      for (let k = 0; k < t.length; k++) s = (s * 31 + t.charCodeAt(k)) | 0;\n      if (tok[0] === 'status') s ^= 0x5bd1e995;\n      if (REGRESSION && (s & 3) !== 0) {\n        // The injected regression: a needless reverse-and-rehash for about 3 in 4 tokens.\n        const r = t.split('').reverse().join('');\n        for (let k = 0; k < r.length; k++) s = (s * 17 + r.charCodeAt(k)) | 0;\n      }\n      scores.push(s);\n    }\n  }\n  return scores;\n}\n\nfunction summarise(scores) {\n  const buckets = new Map();\n  for (const s of scores) buckets.set(s & 15, (buckets.get(s & 15) || 0) + 1);\n  return [...buckets.entries()].sort((a, b) => a[0] - b[0]);\n}\n\nfunction work(rounds) {\n  let total = 0;\n  for (let r = 0; r < rounds; r++) {\n    // Chunks of lines keep the heap small, so the garbage collector stays a minor part.\n    const all = makeLines(Math.round(40000 * SCALE));\n    for (let at = 0; at < all.length; at += 2000) {\n      const lines = all.slice(at, at + 2000).map(tokenise);\n      for (const [, n] of summarise(scoreTokens(lines))) total += n;\n    }\n  }\n  return total;\n}\n\nfunction main() {\n  if (process.env.FLAMEDIFF_EXAMPLE_FAIL === '1') {\n    console.error('example: failing on purpose (FLAMEDIFF_EXAMPLE_FAIL=1)');\n    process.exit(3);\n  }\n  let rounds = 6;\n  if (process.env.FLAMEDIFF_EXAMPLE_CHILD === '1') {\n    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {\n      env: { ...process.env, FLAMEDIFF_EXAMPLE_CHILD: '', FLAMEDIFF_EXAMPLE_ROUNDS: '3' },\n      stdio: 'inherit',\n    });\n    if (child.status !== 0) process.exit(child.status ?? 1);\n    rounds = 3;\n  }\n  rounds = Number(process.env.FLAMEDIFF_EXAMPLE_ROUNDS || rounds);\n  console.log(`processed ${work(rounds)} tokens`);\n}\n\nmain();\n";

// src/commands/demo.ts
var demoSha = (what) => createHash("sha1").update(`flamediff demo ${what}`).digest("hex");
var HELP6 = `Usage: flamediff demo [--out DIR] [--runs N] [--no-regression]

A self-contained run on the shipped Node example (examples/node/workload.mjs) under
node --cpu-prof: records a baseline, then runs the variant with an injected regression
(FLAMEDIFF_EXAMPLE_REGRESSION=1) and compares. Needs only node.

Writes to DIR (default out/): comment.md, summary.md, report.json, diff.svg, diff.png,
flamegraph.svg, and baseline/flamegraph.svg; prints the console report.

Options:
  --out DIR          output directory (default out)
  --runs N           runs per side (default 6)
  --scale X          workload size (default 0.8; 1 is about a second per run)
  --no-regression    compare the example with itself (an A/A run: expect a pass)
`;
var demoCommand = {
  name: "demo",
  summary: "self-contained demo on the shipped example: baseline, injected regression, report",
  help: HELP6,
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
    const runs = numberFlag("demo", "runs", values.runs, 6, {
      min: 2,
      max: 50,
      integer: true
    });
    const scale = numberFlag("demo", "scale", values.scale, 0.8, {
      min: 0.01,
      max: 20
    });
    const outDir = path3.resolve(io.cwd, values.out ?? "out");
    return withInterrupt(async (signal) => {
      const work = await mkdtemp(path3.join(os.tmpdir(), "flamediff-demo-"));
      try {
        await writeFile4(path3.join(work, "workload.mjs"), workload_default);
        const opts = defaultOptions();
        opts.command = [process.execPath, "workload.mjs"];
        opts.sampler = "node";
        opts.runs = runs;
        opts.warmup = 0;
        opts.timeoutSeconds = 120;
        opts.storeDir = path3.join(work, ".flamediff");
        opts.env = { FLAMEDIFF_EXAMPLE_SCALE: String(scale) };
        opts.rateHz = 2e3;
        const log = (line) => io.stderr(`flamediff demo: ${line}
`);
        io.stderr(`flamediff demo: step 1/2, baseline: ${runs} runs of the example
`);
        await runCheck(
          { ...opts, outDir: path3.join(outDir, "baseline") },
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
Open ${path3.relative(io.cwd, result.files.diffSvg ?? outDir) || "."} in a browser for the interactive differential flamegraph.
`
        );
        return 0;
      } finally {
        await rm3(work, { recursive: true, force: true });
      }
    });
  }
};

// src/commands/record.ts
import path4 from "node:path";
var HELP7 = `Usage: flamediff record --sampler S [options] -- COMMAND [ARGS...]

Runs COMMAND under a sampling profiler --runs times (after --warmup runs that are not kept),
checking each run's exit status, and writes OUT/run-<i>.<ext> (one profile per run),
OUT/run-<i>.log (its output) and OUT/runs.json (wall time, CPU time, peak RSS, samples,
sampler version and the machine, per run).

Options:
  --sampler S         ${SAMPLERS.map((s) => s.name).join(", ")}
  --runs N            recorded runs (default 5)
  --warmup W          warm-up runs before them, not recorded (default 1)
  --rate HZ           sampling rate (default: perf 999, py-spy 100, others their own default)
  --timeout SEC       kill a run that takes longer and fail (default 600; 0 = no limit)
  --out DIR           output directory (default out/runs)
  --cwd DIR           working directory of the command (default: the current one)
  --env KEY=VALUE     extra environment variable for the command (repeatable)
  --sampler-opt K[=V] sampler switch (repeatable): py-spy native|gil|idle|subprocesses|threads,
                      perf dwarf|event=E, austin children|sleepless, async-profiler lib=PATH|event=E
  --quiet             no progress output

Samplers:
${SAMPLERS.map((s) => `  ${s.name.padEnd(15)} ${s.summary}`).join("\n")}

Exit status: 0 when every run succeeded; 2 when the sampler is missing or a run failed (the
message names the run, its exit status and the last 20 lines of its stderr); 130 when
interrupted (the workload and the sampler are stopped, nothing is kept).

Examples:
  flamediff record --sampler perf --runs 5 -- ./build/bench --iterations 1000
  flamediff record --sampler node --runs 10 --out out/head -- node bench.js
  flamediff record --sampler node -- npm run bench
  flamediff record --sampler py-spy --rate 250 --sampler-opt native -- python bench.py
  flamediff record --sampler go -- go test -run XXX -bench . ./pkg
  flamediff record --sampler command -- ./my-bench --profile-to '{profile}'
`;
var OPTIONS2 = {
  sampler: { type: "string" },
  runs: { type: "string" },
  warmup: { type: "string" },
  rate: { type: "string" },
  timeout: { type: "string" },
  out: { type: "string" },
  cwd: { type: "string" },
  env: { type: "string", multiple: true },
  "sampler-opt": { type: "string", multiple: true },
  quiet: { type: "boolean" }
};
var recordCommand = {
  name: "record",
  summary: "run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles",
  help: HELP7,
  async run(argv, io) {
    const dd = argv.indexOf("--");
    const flags = dd === -1 ? argv : argv.slice(0, dd);
    const command = dd === -1 ? [] : argv.slice(dd + 1);
    const { values, positionals } = parseCommandArgs("record", flags, OPTIONS2, true);
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff record: unexpected '${positionals[0]}'; put the command after \`--\` (e.g. flamediff record --sampler perf -- ./bench)`
      );
    }
    if (command.length === 0) throw new UserError("flamediff record: no command; give it after `--`");
    const sampler = values.sampler;
    if (!sampler)
      throw new UserError(
        `flamediff record: --sampler is required (${SAMPLERS.map((s) => s.name).join(", ")})`
      );
    if (!SAMPLERS.some((s) => s.name === sampler)) {
      throw new UserError(
        `flamediff record: unknown sampler '${sampler}'; expected one of ${SAMPLERS.map((s) => s.name).join(", ")}`
      );
    }
    const runs = numberFlag("record", "runs", values.runs, 5, { min: 1, max: 1e3, integer: true });
    const warmup = numberFlag("record", "warmup", values.warmup, 1, { min: 0, max: 100, integer: true });
    const rate = values.rate === void 0 ? void 0 : numberFlag("record", "rate", values.rate, 0, { min: 1, max: 1e5 });
    const timeout = numberFlag("record", "timeout", values.timeout, 600, { min: 0 });
    const outDir = path4.resolve(io.cwd, values.out ?? "out/runs");
    const cwd = path4.resolve(io.cwd, values.cwd ?? ".");
    const env = parsePairs(values.env ?? [], "--env", true);
    const samplerOptions = parsePairs(values["sampler-opt"] ?? [], "--sampler-opt", false);
    const progress = values.quiet ? void 0 : makeProgress(io);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      const result = await record({
        sampler,
        command,
        cwd,
        env: { ...io.env, ...env },
        runs,
        warmup,
        rateHz: rate,
        timeoutSeconds: timeout,
        outDir,
        samplerOptions,
        onProgress: progress?.line,
        onEvent: progress?.event,
        signal: controller.signal
      });
      progress?.clear();
      const rs = result.runSet;
      const walls = rs.runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
      const median = walls[walls.length >> 1];
      io.stdout(
        `recorded ${rs.runs.length} run${rs.runs.length === 1 ? "" : "s"} with ${rs.sampler}${rs.samplerVersion ? ` ${rs.samplerVersion}` : ""} (median wall ${median.toFixed(2)} s): ${displayPath(io.cwd, path4.join(outDir, "runs.json"))}
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
  const rel = path4.relative(cwd, p);
  return rel.startsWith("..") || path4.isAbsolute(rel) ? p : rel;
}
function parsePairs(items, flag, needValue) {
  const out = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    const key = eq === -1 ? item : item.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) || needValue && eq === -1) {
      throw new UserError(
        `flamediff record: ${flag} '${item}' is not valid; expected ${needValue ? "KEY=VALUE" : "KEY or KEY=VALUE"}`
      );
    }
    out[key] = eq === -1 ? true : item.slice(eq + 1);
  }
  return out;
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

// src/commands/render.ts
import { writeFile as writeFile5 } from "node:fs/promises";
import path5 from "node:path";
var HELP8 = `Usage: flamediff render FILES... [--diff-base FILES...] [options] -o OUT

Draws a flamegraph of one or more profiles (several FILES are merged). With --diff-base, draws
the differential flamegraph: each FILE is one head run, each --diff-base file one base run, and
frames are coloured red (grew) or blue (shrank) only where the comparison finds the change
significant.

Options:
  -o, --output OUT     output file ('-' or omitted: stdout; required for png)
  --format F           svg, png or text (default: from OUT's extension, else svg)
  --diff-base FILES... base (before) profiles; every argument up to the next option
  --negate             diff: widths from base instead of head (shows what disappeared)
  --inverted           icicle: root at the top
  --flamechart         keep input order instead of sorting siblings
  --order O            alpha (default) or width
  --title T            title text
  --subtitle T         second line under the title
  --palette P          ${PALETTES.join(", ")} (default auto)
  --color-diffusion    wider frames more saturated
  --color-blind        diff: orange/purple scale instead of red/blue
  --minwidth W         omit frames narrower than W px (default 0.1)
  --width W            image width in px (default 1200)
  --max-depth N        draw at most N levels
  --style S            text: plain, ansi or markdown (default plain; ansi on a terminal)
  --budget N           text: maximum characters (default 4000)

Examples:
  flamediff render out.folded -o flame.svg
  flamediff render head1.prof head2.prof --diff-base base1.prof base2.prof -o diff.png
  flamediff render profile.json --format text --style ansi
`;
var OPTIONS3 = {
  output: { type: "string", short: "o" },
  format: { type: "string" },
  "diff-base": { type: "string", multiple: true },
  negate: { type: "boolean" },
  inverted: { type: "boolean" },
  flamechart: { type: "boolean" },
  order: { type: "string" },
  title: { type: "string" },
  subtitle: { type: "string" },
  palette: { type: "string" },
  "color-diffusion": { type: "boolean" },
  "color-blind": { type: "boolean" },
  minwidth: { type: "string" },
  width: { type: "string" },
  "max-depth": { type: "string" },
  style: { type: "string" },
  budget: { type: "string" },
  help: { type: "boolean", short: "h" }
};
function expandDiffBase(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== "--diff-base") {
      out.push(a);
      continue;
    }
    let j = i + 1;
    while (j < argv.length && !argv[j].startsWith("-")) out.push("--diff-base", argv[j++]);
    if (j === i + 1) {
      throw new UserError(
        "flamediff render: --diff-base needs one or more base profiles (--diff-base FILES...)"
      );
    }
    i = j - 1;
  }
  return out;
}
function formatOf(explicit, output) {
  if (explicit !== void 0) {
    if (explicit === "svg" || explicit === "png" || explicit === "text") return explicit;
    throw new UserError(`flamediff render: --format '${explicit}' is not valid; expected svg, png or text`);
  }
  const ext = output ? path5.extname(output).toLowerCase() : "";
  if (ext === ".png") return "png";
  if (ext === ".txt" || ext === ".md") return "text";
  return "svg";
}
function oneOf(flag, value2, allowed) {
  if (value2 === void 0) return void 0;
  if (!allowed.includes(value2)) {
    throw new UserError(
      `flamediff render: --${flag} '${value2}' is not valid; expected ${allowed.join(", ")}`
    );
  }
  return value2;
}
async function load(files, io, allowEmpty) {
  const out = [];
  for (const f of files) {
    try {
      out.push(await importProfileFile(path5.resolve(io.cwd, f)));
    } catch (err) {
      if (!allowEmpty || !(err instanceof NoSamplesError)) throw err;
      io.stderr(`flamediff render: ${err.message}; drawing an empty flamegraph
`);
      out.push(new Profile({ source: f }));
    }
  }
  return out;
}
var renderCommand = {
  name: "render",
  summary: "draw a flamegraph (SVG, PNG or text), or a differential one with --diff-base",
  help: HELP8,
  async run(argv, io) {
    const { values: v, positionals } = parseCommandArgs("render", expandDiffBase(argv), OPTIONS3);
    if (v.help) {
      io.stdout(HELP8);
      return 0;
    }
    if (positionals.length === 0)
      throw new UserError("flamediff render: no profile given (see `flamediff render --help`)");
    const format = formatOf(v.format, v.output);
    const toStdout = v.output === void 0 || v.output === "-";
    if (format === "png" && toStdout) throw new UserError("flamediff render: PNG output needs -o FILE.png");
    const opts = {
      title: v.title,
      subtitle: v.subtitle,
      direction: v.inverted ? "icicle" : "flame",
      flamechart: v.flamechart,
      order: oneOf("order", v.order, ["alpha", "width"]),
      palette: v.palette,
      colorDiffusion: v["color-diffusion"],
      colorBlind: v["color-blind"],
      negate: v.negate,
      minWidth: numberFlag("render", "minwidth", v.minwidth, 0.1, { min: 0 }),
      width: numberFlag("render", "width", v.width, 1200, { min: 200, max: 1e5 }),
      maxDepth: v["max-depth"] === void 0 ? void 0 : numberFlag("render", "max-depth", v["max-depth"], 0, { min: 1, integer: true })
    };
    const style = oneOf("style", v.style, ["plain", "ansi", "markdown"]) ?? (io.isTTY && toStdout ? "ansi" : "plain");
    const budget = numberFlag("render", "budget", v.budget, 4e3, { min: 200, integer: true });
    const baseFiles = v["diff-base"] ?? [];
    const headRuns = await load(positionals, io, baseFiles.length === 0);
    const head = mergeProfiles(headRuns);
    let report;
    let base;
    if (baseFiles.length > 0) {
      const baseRuns = await load(baseFiles, io, false);
      base = mergeProfiles(baseRuns);
      report = compareRuns(
        baseRuns.map((profile) => ({ profile })),
        headRuns.map((profile) => ({ profile }))
      );
    } else if (v.negate) {
      throw new UserError("flamediff render: --negate needs --diff-base FILES");
    }
    let out;
    if (format === "text") {
      out = renderTextFlame(v.negate && base ? base : head, { style, budget, comparison: report });
    } else {
      const svg = report && base ? renderDiffSvg(base, head, report, opts) : renderFlameSvg(head, opts);
      out = format === "png" ? await svgToPng(svg, { width: opts.width }) : svg;
    }
    if (toStdout) {
      io.stdout(out);
      return 0;
    }
    const target = path5.resolve(io.cwd, v.output);
    try {
      await writeFile5(target, out);
    } catch (err) {
      throw new UserError(
        `${v.output}: cannot write (${err.code ?? String(err)})`
      );
    }
    io.stderr(`wrote ${v.output} (${format}, ${out.length} bytes)
`);
    return 0;
  }
};

// src/commands/serve.ts
import { readFile as readFile4 } from "node:fs/promises";
import path7 from "node:path";

// src/bot/app.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { createServer } from "node:http";
import path6 from "node:path";
var NAME = /^[A-Za-z0-9._-]{1,100}$/;
function defaultBranch(payload) {
  const b = payload.repository?.default_branch;
  return typeof b === "string" && b !== "" ? b : null;
}
async function ok(cwd, args) {
  return (await git(cwd, args)).code === 0;
}
async function scratchRepo(o, owner, repo, token) {
  if (!NAME.test(owner) || !NAME.test(repo) || owner.startsWith(".") || repo.startsWith(".")) {
    throw new Error(`repository name '${owner}/${repo}' is not valid`);
  }
  const dir = path6.join(o.workDir, owner, repo);
  await mkdir2(dir, { recursive: true, mode: 448 });
  if (!await ok(dir, ["rev-parse", "--git-dir"])) await git(dir, ["init", "--quiet"]);
  const url = o.gitUrl.replace("{owner}", encodeURIComponent(owner)).replace("{repo}", encodeURIComponent(repo)).replace("{token}", encodeURIComponent(token));
  if (!await ok(dir, ["remote", "set-url", o.options.remote, url])) {
    await git(dir, ["remote", "add", o.options.remote, url]);
  }
  return dir;
}
var queues = /* @__PURE__ */ new Map();
function serial(key, fn) {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.catch(() => {
  }).then(fn);
  queues.set(key, next);
  return next;
}
function createBotApp(o) {
  const app = new App({
    appId: o.appId,
    privateKey: o.privateKey,
    webhooks: { secret: o.webhookSecret },
    Octokit: Octokit.defaults({ baseUrl: o.apiUrl, request: { fetch: globalThis.fetch } }),
    log: { debug: () => {
    }, info: () => {
    }, warn: o.log, error: o.log }
  });
  const bot = async (octokit, payload) => {
    const repository = payload.repository;
    const owner = String(repository?.owner?.login ?? "");
    const repo = String(repository?.name ?? "");
    const { token } = await octokit.auth({ type: "installation" });
    const client = createClient({ token, baseUrl: o.apiUrl, warn: o.log });
    const prefix = `[${owner}/${repo}] `;
    return {
      client,
      owner,
      repo,
      payload,
      // Baselines belong to the repository's default branch (the payload names it).
      options: { ...o.options, store: "git", baseBranch: defaultBranch(payload) ?? o.options.baseBranch },
      cwd: await scratchRepo(o, owner, repo, token),
      serverUrl: o.serverUrl,
      acceptLabel: o.acceptLabel ?? DEFAULT_ACCEPT_LABEL,
      comment: "always",
      failOnRegression: o.options.failOnRegression,
      log: (l) => o.log(prefix + l),
      warn: (l) => o.log(`${prefix}warning: ${l}`)
    };
  };
  const key = (p) => String(p.repository?.full_name ?? "");
  const guard = (what, fn) => fn().catch((err) => {
    o.log(`${what} failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  });
  app.webhooks.on(
    "issue_comment.created",
    ({ octokit, payload }) => guard(
      "issue_comment",
      () => serial(key(payload), async () => {
        const { handleIssueComment } = await import("./chunks/issue-comment-43R24Y4U.js");
        await handleIssueComment(await bot(octokit, payload));
      })
    )
  );
  app.webhooks.on(
    "pull_request.labeled",
    ({ octokit, payload }) => guard(
      "pull_request.labeled",
      () => serial(key(payload), async () => {
        if (payload.label?.name !== (o.acceptLabel ?? DEFAULT_ACCEPT_LABEL)) return;
        const { handleAcceptLabel } = await import("./chunks/label-F3KHB6JE.js");
        await handleAcceptLabel(await bot(octokit, payload));
      })
    )
  );
  app.webhooks.on(
    "workflow_run.completed",
    ({ octokit, payload }) => guard(
      "workflow_run",
      () => serial(key(payload), async () => {
        const { handleWorkflowRun } = await import("./chunks/workflow-run-YHTME7MA.js");
        await handleWorkflowRun(await bot(octokit, payload), {
          runCheck: o.runCheck
        });
      })
    )
  );
  return app;
}
var WEBHOOK_PATH = "/api/github/webhooks";
var MAX_BODY = 25 * 2 ** 20;
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > MAX_BODY) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(`${text}
`);
}
async function startBotServer(app, port, host, log = () => {
}) {
  const pending = /* @__PURE__ */ new Set();
  const idle = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  const server = createServer(async (req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") return send(res, 200, "ok");
    if (url !== WEBHOOK_PATH) return send(res, 404, "not found");
    if (req.method !== "POST") return send(res, 405, "POST only");
    const id = req.headers["x-github-delivery"];
    const name = req.headers["x-github-event"];
    const signature = req.headers["x-hub-signature-256"];
    if (typeof id !== "string" || typeof name !== "string" || typeof signature !== "string") {
      return send(res, 400, "missing x-github-delivery, x-github-event or x-hub-signature-256");
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, "payload too large");
    const verified = await app.webhooks.verify(body, signature).catch(() => false);
    if (!verified) {
      log(`webhook ${id.slice(0, 60)} refused: signature does not match (wrong secret or altered payload)`);
      return send(res, 401, "signature does not match");
    }
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(res, 400, "payload is not JSON");
    }
    send(res, 202, "accepted");
    const job = app.webhooks.receive({ id, name, payload }).catch((err) => {
      const text = err instanceof Error ? err.message.split("\n")[0] : String(err);
      log(`webhook ${id.slice(0, 60)} (${name.slice(0, 40)}) failed: ${text}`);
    }).finally(() => {
      pending.delete(job);
    });
    pending.add(job);
  });
  await new Promise((resolve4, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve4());
  });
  const addr = server.address();
  const p = typeof addr === "object" && addr ? addr.port : port;
  return {
    server,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${p}`,
    idle,
    close: async () => {
      const closed = new Promise((resolve4) => server.close(() => resolve4()));
      await idle();
      await closed;
    }
  };
}

// src/commands/serve.ts
var HELP9 = `Usage: flamediff serve [--port N] [--host H] [--config FILE] [--work-dir DIR]

Runs flamediff as a central GitHub App: it receives webhooks (signatures verified with the
webhook secret) and reacts to workflow_run completed events (fork-safe reports from artifacts),
/flamediff comment commands and the accept label, with the same code as the action.
Secrets come from the environment only (never flags, so they stay out of shell history):

  FLAMEDIFF_APP_ID              the App's id
  FLAMEDIFF_PRIVATE_KEY         the App's private key (PEM), or
  FLAMEDIFF_PRIVATE_KEY_FILE    a file holding it
  FLAMEDIFF_WEBHOOK_SECRET      the webhook secret set in the App's settings

Options:
  --port N          port to listen on (default 3000)
  --host H          address to listen on (default 127.0.0.1; put a TLS proxy in front)
  --config FILE     flamediff.yml with comparison settings for every repository
  --work-dir DIR    scratch git repositories (default .flamediff-serve; keep it private)
  --api-url URL     REST API (default $GITHUB_API_URL or https://api.github.com)
  --server-url URL  web URL for links (default https://github.com)
  --git-url TPL     clone URL template (default https://x-access-token:{token}@github.com/{owner}/{repo}.git)
  --accept-label L  label that accepts a pull request head (default performance-regression-accepted)

Webhook URL: http(s)://<host>:<port>/api/github/webhooks; GET /healthz answers "ok".
See docs/bot.md ("Central bot") for the App's permissions and events.
`;
function secret(env, name) {
  const v = env[name];
  if (!v) throw new UserError(`flamediff serve: ${name} is not set (see \`flamediff serve --help\`)`);
  return v;
}
async function startServe(argv, io) {
  const { values } = parseCommandArgs(
    "serve",
    argv,
    {
      port: { type: "string" },
      host: { type: "string" },
      config: { type: "string" },
      "work-dir": { type: "string" },
      "api-url": { type: "string" },
      "server-url": { type: "string" },
      "git-url": { type: "string" },
      "accept-label": { type: "string" }
    },
    false
  );
  const port = numberFlag("serve", "port", values.port, 3e3, { min: 0, max: 65535, integer: true });
  const env = io.env;
  const keyFile = env.FLAMEDIFF_PRIVATE_KEY_FILE;
  let privateKey = env.FLAMEDIFF_PRIVATE_KEY ?? "";
  if (!privateKey && keyFile) {
    try {
      privateKey = await readFile4(path7.resolve(io.cwd, keyFile), "utf8");
    } catch (err) {
      throw new UserError(`${keyFile}: cannot read the App's private key (${err.message})`);
    }
  }
  if (!privateKey.includes("PRIVATE KEY")) {
    throw new UserError(
      "flamediff serve: FLAMEDIFF_PRIVATE_KEY or FLAMEDIFF_PRIVATE_KEY_FILE must hold the App private key (PEM)"
    );
  }
  let options = defaultOptions();
  if (values.config) options = await loadConfigFile(path7.resolve(io.cwd, values.config), options, true);
  options.store = "git";
  const serverUrl = (values["server-url"] ?? "https://github.com").replace(/\/+$/, "");
  const host = new URL(serverUrl).host;
  const app = createBotApp({
    appId: secret(env, "FLAMEDIFF_APP_ID"),
    privateKey,
    webhookSecret: secret(env, "FLAMEDIFF_WEBHOOK_SECRET"),
    apiUrl: (values["api-url"] ?? env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl,
    gitUrl: values["git-url"] ?? `https://x-access-token:{token}@${host}/{owner}/{repo}.git`,
    workDir: path7.resolve(io.cwd, values["work-dir"] ?? ".flamediff-serve"),
    options,
    acceptLabel: values["accept-label"],
    log: (line) => io.stderr(`${(/* @__PURE__ */ new Date()).toISOString()} ${line}
`),
    runCheck: async (opts, ctx, deps) => (await import("./chunks/check-OTTGEX3W.js")).runCheck(opts, ctx, deps)
  });
  const log = (line) => io.stderr(`${(/* @__PURE__ */ new Date()).toISOString()} ${line}
`);
  const running = await startBotServer(app, port, values.host ?? "127.0.0.1", log);
  io.stdout(`flamediff serve: listening on ${running.url}/api/github/webhooks
`);
  return running;
}
var serveCommand = {
  name: "serve",
  summary: "run the bot as a GitHub App webhook server (central alternative to the action)",
  help: HELP9,
  async run(argv, io) {
    const running = await startServe(argv, io);
    await new Promise((resolve4) => {
      const stop = () => resolve4();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await running.close();
    return 0;
  }
};

// src/commands/trends.ts
import { mkdir as mkdir3, readdir as readdir2, readFile as readFile5, writeFile as writeFile6 } from "node:fs/promises";
import path8 from "node:path";
var HELP10 = `Usage: flamediff trends [options]

Shows the per-frame history recorded on a branch's baselines: each frame's share over time, its
change points (E-Divisive means with a permutation test) and frames creeping up slowly.

Options:
  --branch B         branch whose history to read (default: the only one stored, else main)
  --frame REGEX      only frames whose name matches REGEX
  --format F         text (default), json, or html (the dashboard as one self-contained page)
  --out DIR          with --format html: write the dashboard site (index.html + files) to DIR
  --top N            frames listed in text output (default 20; 0 = all)
  --fail-on-creep    exit 1 when a (matching) frame is creeping
  --store DIR        the dir store (default .flamediff)
  --history FILE     read this history file instead of the store's
  --repo-url URL     https://github.com/owner/repo, for commit and PR links in html output

Exit status: 0 ok, 1 creeping with --fail-on-creep, 2 bad input.
Defaults of the analysis are documented in docs/trends.md.

Examples:
  flamediff trends
  flamediff trends --branch main --frame 'json|parse' --fail-on-creep
  flamediff trends --format html --out site/
`;
var OPTIONS4 = {
  branch: { type: "string" },
  frame: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  top: { type: "string" },
  "fail-on-creep": { type: "boolean" },
  store: { type: "string" },
  history: { type: "string" },
  "repo-url": { type: "string" }
};
async function writeSite(dir, files) {
  try {
    for (const [name, data] of files) {
      const file = path8.join(dir, name);
      await mkdir3(path8.dirname(file), { recursive: true });
      await writeFile6(file, data);
    }
  } catch (err) {
    const code2 = err.code;
    throw new UserError(`${dir}: cannot write the dashboard (${code2 ?? String(err)})`);
  }
}
async function defaultBranch2(historyDir) {
  let names = [];
  try {
    names = (await readdir2(historyDir)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
  } catch {
    throw new UserError(
      `${historyDir}: no history recorded (expected baselines from \`flamediff check\` on the base branch, or --store DIR)`
    );
  }
  if (names.length === 1) return names[0];
  for (const b of ["main", "master"]) if (names.includes(b)) return b;
  throw new UserError(
    `${historyDir}: several branches have history (${names.sort().join(", ") || "none"}); choose one with --branch`
  );
}
async function loadHistory(file, what) {
  let text;
  try {
    text = await readFile5(file, "utf8");
  } catch (err) {
    const code2 = err.code;
    throw new UserError(`${file}: cannot read ${what} (${code2 ?? String(err)})`);
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
var pct2 = (x) => `${(x * 100).toFixed(2)}%`;
var signed = (r) => r === null ? "new" : `${r >= 0 ? "+" : ""}${(r * 100).toFixed(1)}%`;
function trendsText(r, top) {
  const n = r.commits.length;
  const out = [];
  const span = n ? `${r.commits[0].date.slice(0, 10)} .. ${r.commits[n - 1].date.slice(0, 10)}` : "none";
  out.push(`flamediff trends: ${printable(r.branch)}, ${n} baselines (${span}), ${r.frames.length} frames`);
  if (n === 0) return `${out.join("\n")}
No baselines recorded yet.
`;
  const unit = /seconds$/i.test(r.totalMeasure) ? "s" : ` ${printable(r.totalMeasure)}`;
  const total = r.total;
  out.push(`total: ${total.values[n - 1].toPrecision(4)}${unit} per run (${printable(r.totalMeasure)})`);
  for (const c of total.changePoints)
    out.push(
      `  shift at ${shortSha(c.sha)}: ${c.before.toPrecision(4)}${unit} -> ${c.after.toPrecision(4)}${unit} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`
    );
  const shown = top > 0 ? r.frames.slice(0, top) : r.frames;
  out.push("", `frames (${shown.length} of ${r.frames.length}, largest latest share first):`);
  for (const f of shown) {
    out.push(`  ${pct2(f.latest).padStart(7)}  ${f.sparkline}  ${printable(f.key)}`);
    for (const c of f.changePoints)
      out.push(
        `           shift at ${shortSha(c.sha)}: ${pct2(c.before)} -> ${pct2(c.after)} (${signed(c.relative)}, p=${c.pValue.toFixed(3)})`
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
async function run(argv, io) {
  const { values: v, positionals } = parseCommandArgs("trends", argv, OPTIONS4, false);
  if (positionals.length) throw new UserError(`flamediff trends: unexpected argument '${positionals[0]}'`);
  const format = v.format ?? "text";
  if (!["text", "json", "html"].includes(format))
    throw new UserError(`flamediff trends: --format '${format}' is not valid; expected text, json or html`);
  if (v.out !== void 0 && format !== "html")
    throw new UserError("flamediff trends: --out needs --format html");
  const top = numberFlag("trends", "top", v.top, 20, { min: 0, integer: true });
  const filter = frameFilter(v.frame);
  let file = v.history === void 0 ? void 0 : path8.resolve(io.cwd, v.history);
  if (!file) {
    const historyDir = path8.resolve(io.cwd, v.store ?? ".flamediff", "history");
    const branch = v.branch ?? await defaultBranch2(historyDir);
    file = path8.join(historyDir, `${checkBranch(branch)}.json`);
  }
  const history = await loadHistory(file, v.branch ? `the history of branch ${v.branch}` : "the history");
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
      const dir = path8.resolve(io.cwd, v.out);
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
  help: HELP10,
  run
};

// src/commands/index.ts
var COMMANDS = [
  demoCommand,
  checkCommand,
  recordCommand,
  compareCommand,
  renderCommand,
  collapseCommand,
  convertCommand,
  trendsCommand,
  artifactCommand,
  serveCommand
];

// src/version.ts
var VERSION = "0.1.0";

// src/cli-main.ts
function mainHelp() {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "flamediff: catch performance regressions with flamegraphs and statistics",
    "",
    "Usage: flamediff <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `flamediff <command> --help` for a command's options and examples.",
    ""
  ].join("\n");
}
async function runCli(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : void 0;
    io.stdout(topic ? topic.help : mainHelp());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(
      `flamediff: unknown command '${name}'; expected one of ${COMMANDS.map((c) => c.name).join(", ")}
`
    );
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    const dashdash = rest.indexOf("--");
    const helpAt = Math.max(rest.indexOf("--help"), rest.indexOf("-h"));
    if (dashdash === -1 || helpAt < dashdash) {
      io.stdout(command.help);
      return 0;
    }
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr(`${err.message.startsWith("flamediff ") ? "" : "flamediff: "}${err.message}
`);
      return err.exitCode;
    }
    io.stderr(`flamediff: internal error: ${errorLine(err)}
`);
    if (io.env.FLAMEDIFF_DEBUG) io.stderr(`${err instanceof Error ? err.stack : ""}
`);
    return 2;
  }
}

// src/cli.ts
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
var code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env
});
process.exitCode = code;
