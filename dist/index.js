#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  baseRef,
  buildReportLinks,
  createSourceResolver,
  ensureMergeBase,
  headGuard,
  pagesUrlFor,
  pushCheck
} from "./chunks/chunk-JHA2OFZ5.js";
import {
  postSticky
} from "./chunks/chunk-IVJTOQEU.js";
import {
  DEFAULT_API_TIMEOUT_MS
} from "./chunks/chunk-X3GQMAOQ.js";
import {
  DEFAULT_ACCEPT_LABEL
} from "./chunks/chunk-HAP3VRG2.js";
import {
  describeApiError,
  isRequestError
} from "./chunks/chunk-O2JFN5XP.js";
import {
  descendants,
  withInterrupt
} from "./chunks/chunk-6YX7WDF4.js";
import "./chunks/chunk-2STNMJK3.js";
import "./chunks/chunk-QX23ELEG.js";
import {
  trackedFiles
} from "./chunks/chunk-5SCB47K6.js";
import {
  defaultOptions
} from "./chunks/chunk-OHC3GXGY.js";
import {
  SETTINGS,
  ValueProblem,
  keySpec,
  quoteValue
} from "./chunks/chunk-2RUZDTUI.js";
import {
  fsError
} from "./chunks/chunk-3EE22N24.js";
import "./chunks/chunk-NMAPBW3G.js";
import "./chunks/chunk-SBH42KNO.js";
import "./chunks/chunk-UR5MWT2A.js";
import "./chunks/chunk-HA6H56OO.js";
import "./chunks/chunk-RM2AEMQK.js";
import {
  UserError,
  errorLine
} from "./chunks/chunk-KISOPUCP.js";
import "./chunks/chunk-AK7A7ZA3.js";

// src/bot/action-hooks.ts
import { readFileSync } from "node:fs";
import path from "node:path";

// src/github/summary.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function fitSummary(markdown, note, limit = SUMMARY_LIMIT_BYTES) {
  const text = markdown.endsWith("\n") ? markdown : `${markdown}
`;
  if (Buffer.byteLength(text, "utf8") <= limit) return text;
  const tail = `

> ${note}
`;
  const budget = limit - Buffer.byteLength(tail, "utf8");
  let cut = Buffer.from(text, "utf8").subarray(0, Math.max(0, budget)).toString("utf8");
  if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
  const nl = cut.lastIndexOf("\n");
  if (nl > 0) cut = cut.slice(0, nl);
  return `${cut}${tail}`;
}

// src/bot/action-hooks.ts
function withDefaultBase(ctx) {
  const { options, settings } = ctx.inputs;
  const repoDefault = ctx.event.payload.repository?.default_branch;
  if (settings.baseBranchSet || typeof repoDefault !== "string" || repoDefault === "") return options;
  return { ...options, baseBranch: repoDefault };
}
function botFromAction(ctx) {
  const { io } = ctx.deps;
  return {
    client: ctx.client,
    startReporting: ctx.startReporting,
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    payload: ctx.event.payload,
    options: withDefaultBase(ctx),
    cwd: path.resolve(ctx.event.workspace),
    serverUrl: ctx.event.serverUrl,
    acceptLabel: io.getInput("accept-label") || DEFAULT_ACCEPT_LABEL,
    comment: ctx.inputs.settings.comment,
    failOnRegression: ctx.inputs.options.failOnRegression,
    log: (l) => io.info(l),
    warn: (l) => io.warning(l),
    setOutput: (n, v) => io.setOutput(n, v),
    writeSummary: async (md) => {
      try {
        await io.writeSummary(
          fitSummary(
            md,
            "Summary truncated at GitHub's 1 MiB limit: the full reports are on the data branch."
          )
        );
      } catch (err) {
        io.warning(`flamediff: cannot write the job summary (${err.message}).`);
      }
    }
  };
}
async function apiErrorsAsLines(what, permission, fn) {
  try {
    return await fn();
  } catch (err) {
    if (isRequestError(err)) throw new UserError(`flamediff: ${describeApiError(what, err, { permission })}`);
    throw err;
  }
}
var issueComment = () => ({
  kind: "custom",
  reason: "issue_comment: reading /flamediff commands.",
  async run(ctx) {
    await apiErrorsAsLines("Handling the comment command", "pull-requests: write", async () => {
      const { handleIssueComment } = await import("./chunks/issue-comment-X6625BV3.js");
      await handleIssueComment(botFromAction(ctx));
    });
  }
});
var workflowRun = () => ({
  kind: "custom",
  reason: "workflow_run: fork-safe report from the artifact of the finished run (no pull request code runs here).",
  async run(ctx) {
    const [{ handleWorkflowRun }, { runCheck }] = await Promise.all([
      import("./chunks/workflow-run-6WW4JX5H.js"),
      import("./chunks/check-RLHC2HMM.js")
    ]);
    const b = botFromAction(ctx);
    const outcome = await apiErrorsAsLines(
      "Reading the workflow run and its artifacts",
      "actions: read",
      () => handleWorkflowRun(b, { runCheck })
    );
    if (outcome.kind === "rejected") throw new UserError(`flamediff: rejected: ${outcome.reason}`);
    if (outcome.kind === "compared" && outcome.verdict === "fail" && !outcome.accepted && b.failOnRegression) {
      throw new UserError(
        `flamediff: performance regression in #${outcome.pull} (the commit status 'flamediff' on the pull request says so too)`
      );
    }
  }
});
function pullRequest(measure2) {
  return (event, base) => {
    if (event.payload.action !== "labeled" && event.payload.action !== "unlabeled")
      return measure2(event, base);
    const label = event.payload.label?.name;
    return {
      kind: "custom",
      reason: `pull_request ${event.payload.action} '${String(label).slice(0, 100)}'.`,
      async run(ctx) {
        const b = botFromAction(ctx);
        if (event.payload.action !== "labeled" || label !== b.acceptLabel) {
          b.log(
            `flamediff: only adding the label '${b.acceptLabel}' means anything to flamediff: nothing to do.`
          );
          return;
        }
        const { handleAcceptLabel } = await import("./chunks/label-Y6RWTFQR.js");
        await apiErrorsAsLines("Handling the accept label", "pull-requests: write", async () => {
          await handleAcceptLabel(b);
        });
      }
    };
  };
}
function withBotHandlers(table) {
  const out = new Map(table);
  out.set("issue_comment", issueComment);
  out.set("workflow_run", workflowRun);
  for (const name of ["pull_request", "pull_request_target"]) {
    const previous = table.get(name);
    if (previous) out.set(name, pullRequest(previous));
  }
  return out;
}
function eventPullNumber(env) {
  if (env.GITHUB_EVENT_NAME !== "pull_request" || !env.GITHUB_EVENT_PATH) return void 0;
  try {
    const p = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    return typeof p.pull_request?.number === "number" ? p.pull_request.number : void 0;
  } catch {
    return void 0;
  }
}
function gatedRunCheck(run2, env) {
  return async (opts, ctx) => {
    const { withAcceptances } = await import("./chunks/gate-7S3IAWSR.js");
    return withAcceptances(run2, (c) => c.pullNumber ?? eventPullNumber(env))(opts, ctx);
  };
}

// src/github/dispatch.ts
var BRANCH_PREFIX = "refs/heads/";
function decidePush(event, configured) {
  const p = event.payload;
  const ref = p.ref ?? event.ref;
  if (p.deleted) return { kind: "skip", reason: `push deleted ${ref}: nothing to measure.` };
  if (!ref.startsWith(BRANCH_PREFIX)) {
    return {
      kind: "skip",
      reason: `push to ${ref} is not a branch push: flamediff records baselines from branches only.`
    };
  }
  const branch = ref.slice(BRANCH_PREFIX.length);
  const base = configured ?? p.repository?.default_branch ?? "main";
  if (branch !== base) {
    return {
      kind: "skip",
      reason: `push to '${branch}', which is not the base branch '${base}': nothing to record. Baselines come from pushes to '${base}'; comparisons run on pull_request events.`
    };
  }
  const headSha = p.after && !/^0+$/.test(p.after) ? p.after : event.sha;
  return {
    kind: "baseline",
    headSha,
    headRef: branch,
    baseBranch: base,
    fork: false,
    reason: `push to the base branch '${base}': recording the baseline for ${headSha.slice(0, 12)}.`
  };
}
function decidePullRequest(event) {
  const pr = event.payload.pull_request;
  if (!pr?.head?.sha || !pr.base?.ref) {
    return {
      kind: "skip",
      warn: true,
      reason: "pull_request event without pull_request.head/base in its payload: cannot tell what to compare."
    };
  }
  if (event.payload.action === "closed") {
    return { kind: "skip", reason: `pull request #${pr.number} was closed: nothing to compare.` };
  }
  const own = event.payload.repository?.full_name ?? `${event.owner}/${event.repo}`;
  const headRepo = pr.head.repo?.full_name;
  return {
    kind: "compare",
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseBranch: pr.base.ref,
    pullNumber: pr.number,
    // A deleted fork has head.repo null: treat it as a fork too (its token is read-only as well).
    fork: headRepo !== own,
    reason: `pull request #${pr.number} (${pr.head.ref} -> ${pr.base.ref}): comparing ${pr.head.sha.slice(0, 12)} with the stored baseline.`
  };
}
function decidePullRequestTarget() {
  return {
    kind: "skip",
    warn: true,
    reason: "pull_request_target runs with a write token; running the pull request's code there lets it steal the token. flamediff does not measure on pull_request_target: use the fork-safe two-workflow setup (pull_request + workflow_run) from docs/bot.md."
  };
}
function baseHandlers() {
  return /* @__PURE__ */ new Map([
    ["push", decidePush],
    ["pull_request", (e) => decidePullRequest(e)],
    ["pull_request_target", () => decidePullRequestTarget()]
  ]);
}
function decideMode(event, configuredBase, handlers = baseHandlers()) {
  const handler = handlers.get(event.name);
  if (handler) return handler(event, configuredBase);
  return {
    kind: "skip",
    reason: `the '${event.name}' event is not one flamediff acts on: it records baselines on push to the base branch and compares on pull_request (handled events: ${[...handlers.keys()].sort().join(", ")}). Nothing to do.`
  };
}

// src/github/run-action.ts
import path4 from "node:path";

// src/github/event.ts
import { readFileSync as readFileSync2 } from "node:fs";
function required(env, name) {
  const v = env[name];
  if (!v) {
    throw new UserError(
      `${name} is not set (expected to run inside GitHub Actions, which sets it for every step)`
    );
  }
  return v;
}
function readPayload(path5) {
  if (!path5) return {};
  let text;
  try {
    text = readFileSync2(path5, "utf8");
  } catch (err) {
    throw fsError(path5, "cannot read the event payload", err);
  }
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    return v;
  } catch (err) {
    throw new UserError(
      `${path5}: the event payload is not valid JSON (${err.message}; expected GitHub's webhook payload object)`
    );
  }
}
function readGitHubEvent(env) {
  const name = required(env, "GITHUB_EVENT_NAME");
  const full = required(env, "GITHUB_REPOSITORY");
  const [owner, repo, ...rest] = full.split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new UserError(`GITHUB_REPOSITORY: '${full}' is not valid (expected owner/repo)`);
  }
  return {
    name,
    payload: readPayload(env.GITHUB_EVENT_PATH),
    owner,
    repo,
    sha: required(env, "GITHUB_SHA"),
    ref: env.GITHUB_REF ?? "",
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, ""),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  };
}

// src/github/inputs.ts
import { existsSync } from "node:fs";
import path2 from "node:path";
var OPTION_INPUTS = Object.fromEntries(
  SETTINGS.filter((s) => s.input).map((s) => [s.name, s.key])
);
var COMMENT_MODES = ["always", "on-regression", "never"];
function badInput(name, value, expected) {
  return new UserError(`input '${name}': ${quoteValue(value)} is not valid (expected ${expected})`);
}
function readSettings(get) {
  const token = get("github-token");
  if (!token) {
    throw new UserError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
      "input 'github-token' is empty (expected a token; the default is ${{ github.token }}, keep it unless you pass a PAT)"
    );
  }
  const comment2 = get("comment") || "always";
  if (!COMMENT_MODES.includes(comment2)) {
    throw badInput("comment", comment2, "one of 'always', 'on-regression', 'never'");
  }
  const install = get("install-sampler") || "true";
  if (install !== "true" && install !== "false") throw badInput("install-sampler", install, "true or false");
  return {
    token,
    comment: comment2,
    installSampler: install === "true",
    configPath: get("config") || null,
    baseBranchSet: false
  };
}
var CONFIG_FILE = "flamediff.yml";
function configFile(settings, root) {
  if (settings.configPath) return { file: path2.resolve(root, settings.configPath), required: true };
  const implicit = path2.join(root, CONFIG_FILE);
  return existsSync(implicit) ? { file: implicit, required: false } : null;
}
async function readActionInputs(get, root, { requireCommand = true } = {}) {
  const settings = readSettings(get);
  let options = defaultOptions();
  options.baseBranch = "";
  const config = configFile(settings, root);
  if (config) {
    const { loadConfigFile } = await import("./chunks/load-WSAD6KCL.js");
    options = await loadConfigFile(config.file, options, config.required);
  }
  for (const [input, key] of Object.entries(OPTION_INPUTS)) {
    const raw = get(input);
    if (raw === "") continue;
    const spec = keySpec(key);
    if (!spec) throw new Error(`input '${input}' maps to unknown option key '${key}'`);
    try {
      spec.apply(options, raw);
    } catch (err) {
      if (err instanceof ValueProblem) throw badInput(input, raw, err.expected);
      throw err;
    }
  }
  if (requireCommand) requireWorkload(options);
  settings.baseBranchSet = options.baseBranch !== "";
  if (!settings.baseBranchSet) options.baseBranch = defaultOptions().baseBranch;
  options.store = "git";
  return { options, settings };
}
function requireWorkload(options) {
  if (options.command.length === 0) {
    throw new UserError(
      `input 'command' is empty (expected the workload to profile, e.g. 'python bench.py', here or in ${CONFIG_FILE})`
    );
  }
}

// src/github/publish.ts
import { readFileSync as readFileSync3 } from "node:fs";
import path3 from "node:path";

// src/github/annotations.ts
var ANNOTATIONS_PER_LEVEL = 10;
function amount(f, value) {
  if (f.metric === "inclusiveShare" || f.metric === "selfShare") return `${(value * 100).toFixed(2)}%`;
  return `${value.toFixed(3)} s`;
}
function change(f, value) {
  const sign = value >= 0 ? "+" : "-";
  const abs = Math.abs(value);
  if (f.metric === "inclusiveShare" || f.metric === "selfShare") return `${sign}${(abs * 100).toFixed(2)} pp`;
  return `${sign}${abs.toFixed(3)} s`;
}
function tripsGate(report, f) {
  if (report.verdict !== "fail") return false;
  const own = f.ownDelta ?? f.delta;
  const share = f.metric === "inclusiveShare" || f.metric === "selfShare";
  return share ? own > report.settings.gateFrameShare : true;
}
function describe(f) {
  const rel = f.relDelta === null ? "" : ` (${f.relDelta >= 0 ? "+" : ""}${(f.relDelta * 100).toFixed(0)}%)`;
  const metric = f.metric.replace(/([A-Z])/g, " $1").toLowerCase();
  return `${f.name}: ${metric} ${amount(f, f.base.mean)} -> ${amount(f, f.head.mean)}, ${change(f, f.delta)}${rel}; q = ${f.qValue.toPrecision(2)} over ${f.head.runs.length} runs.`;
}
var reportedLine = (f) => f.line > 0 ? f.line : null;
function pickAnnotations(report, resolve, failGate, lineOf = reportedLine, perLevel = ANNOTATIONS_PER_LEVEL) {
  const ranked = report.frames.filter((f) => f.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const out = [];
  const used = { error: 0, warning: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (const f of ranked) {
    const file = resolve(f.file);
    if (!file) continue;
    const line = lineOf(f, file);
    if (!line) continue;
    const place = `${file}:${line}`;
    if (seen.has(place)) continue;
    const level = failGate && tripsGate(report, f) ? "error" : "warning";
    if (used[level] >= perLevel) continue;
    seen.add(place);
    used[level]++;
    out.push({
      level,
      file,
      line,
      title: `flamediff: regression #${f.rank} ${f.name}`.slice(0, 200),
      message: describe(f)
    });
  }
  return out;
}

// src/github/definition-line.ts
var IDENT = /^[A-Za-z_$][\w$]*$/;
function baseName(name) {
  const noArgs = name.replace(/\(.*$/, "").trim();
  const last = noArgs.split(/\.|::|#|\//).pop() ?? "";
  return IDENT.test(last) ? last : null;
}
function escapeRe(s) {
  return s.replace(/[$]/g, "\\$");
}
function patterns(n) {
  return [
    new RegExp(`^\\s*(?:async\\s+)?def\\s+${n}\\s*\\(`),
    new RegExp(`\\bfunction\\s*\\*?\\s*${n}\\s*\\(`),
    new RegExp(
      `\\b(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s*)?(?:function\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>)`
    ),
    new RegExp(`^\\s*(?:(?:static|async|get|set|public|private|protected)\\s+)*${n}\\s*\\([^)]*\\)\\s*\\{`),
    new RegExp(`^func\\s+(?:\\([^)]*\\)\\s*)?${n}\\s*\\(`),
    new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:async\\s+)?fn\\s+${n}\\b`),
    // C/C++: a header starting in column 0 (return type first, or on the line above as in GNU
    // style), not a declaration ending in ';'.
    new RegExp(`^(?:[A-Za-z_][\\w\\s\\*&:<>,]*[\\s\\*&])?${n}\\s*\\([^;]*$`)
  ];
}
function findDefinitionLine(text, name) {
  const n = baseName(name);
  if (!n) return null;
  const res = patterns(escapeRe(n));
  const lines = text.split("\n");
  for (const re of res) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return i + 1;
  }
  return null;
}

// src/github/publish.ts
function setOutputs(io, mode, result) {
  io.setOutput("mode", mode);
  io.setOutput("verdict", result?.verdict ?? "none");
  io.setOutput("regressions", String(result?.regressions ?? 0));
  io.setOutput("report-json", result?.files.reportJson ?? "");
  io.setOutput("total-change", result?.totalChange == null ? "" : String(result.totalChange));
}
function logVerdict(io, d, r) {
  if (r.mode === "baseline") {
    io.info(
      `flamediff: baseline recorded for ${d.headSha.slice(0, 12)} (${r.stored.length} files on the data branch).`
    );
    return;
  }
  const total = r.totalChange == null ? "n/a" : `${r.totalChange >= 0 ? "+" : ""}${(r.totalChange * 100).toFixed(1)}%`;
  io.info(`flamediff: verdict ${r.verdict}, ${r.regressions} ranked regression(s), total change ${total}.`);
  if (r.report?.reason) io.info(`flamediff: ${r.report.reason}`);
  if (r.baseline?.note) io.info(`flamediff: ${r.baseline.note}`);
}
function lineFinder(root) {
  const texts = /* @__PURE__ */ new Map();
  return (f, repoFile) => {
    if (f.line > 0) return f.line;
    if (!texts.has(repoFile)) {
      let text2 = null;
      try {
        text2 = readFileSync3(path3.join(root, repoFile), "utf8");
      } catch {
      }
      texts.set(repoFile, text2);
    }
    const text = texts.get(repoFile);
    return text ? findDefinitionLine(text, f.name) : null;
  };
}
function annotate(io, r, resolve, failGate, root) {
  if (!r.report) return;
  for (const a of pickAnnotations(r.report, resolve, failGate, lineFinder(root))) {
    const place = { file: a.file, startLine: a.line, title: a.title };
    if (a.level === "error") io.error(a.message, place);
    else io.warning(a.message, place);
  }
}
async function comment(ctx, d, r) {
  const { io } = ctx.deps;
  if (d.pullNumber === void 0 || r.mode !== "compare") return "";
  if (d.fork) return "";
  return postSticky(
    ctx.client,
    { owner: ctx.event.owner, repo: ctx.event.repo, issueNumber: d.pullNumber },
    r.commentMarkdown,
    {
      mode: ctx.inputs.settings.comment,
      verdict: r.verdict,
      log: (l) => io.info(l),
      warn: (l) => io.warning(l),
      fork: d.fork
    }
  );
}
async function publishResult(ctx, d, result, resolve, stillCurrent) {
  const { io, env } = ctx.deps;
  const root = path3.resolve(ctx.event.workspace);
  logVerdict(io, d, result);
  setOutputs(io, result.mode, result);
  const where = result.files.reportJson ? ` The full report is ${path3.relative(root, result.files.reportJson)} in the job's workspace.` : "";
  try {
    await io.writeSummary(
      fitSummary(result.summaryMarkdown, `Summary truncated at GitHub's 1 MiB limit.${where}`)
    );
  } catch (err) {
    io.warning(`flamediff: cannot write the job summary (${err.message}).`);
  }
  if (env.GITHUB_ACTIONS === "true" && !env.GITHUB_STEP_SUMMARY) {
    io.info("flamediff: GITHUB_STEP_SUMMARY is not set: no job summary.");
  }
  if (stillCurrent && !await stillCurrent()) {
    io.setOutput("comment-url", "");
    return;
  }
  annotate(io, result, resolve, ctx.inputs.options.failOnRegression, root);
  io.setOutput("comment-url", await comment(ctx, d, result));
}

// src/github/run-action.ts
var DEFAULT_REPORT_BUDGET_MS = 12e4;
var CancelledError = class extends UserError {
  constructor(signal, stored) {
    const why = signal.reason instanceof Error ? signal.reason.message : "cancelled";
    super(
      stored === null ? `flamediff: cancelled (${why}): the job was stopped; what it had not yet stored or posted was skipped.` : stored ? `flamediff: cancelled (${why}) after the results were stored on the data branch; what was not yet reported to the pull request was skipped.` : `flamediff: cancelled (${why}): the workload was stopped and its temporary files and refs removed; nothing was recorded.`
    );
    this.name = "CancelledError";
  }
};
function envMs(env, name, fallback) {
  const n = Number(env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
var RegressionGateError = class extends UserError {
  constructor(reason) {
    super(`flamediff: performance regression: ${reason}`);
    this.name = "RegressionGateError";
  }
};
async function isPrivate(event, client, warn) {
  const known = event.payload.repository?.private;
  if (typeof known === "boolean") return known;
  try {
    return (await client.rest.repos.get({ owner: event.owner, repo: event.repo })).data.private;
  } catch (err) {
    warn(describeApiError("reading the repository visibility", err, { permission: "contents: read" }));
    return true;
  }
}
async function checkPush(ctx, d, root) {
  const { remote, dataBranch } = ctx.inputs.options;
  const r = await pushCheck(root, remote);
  if (r.ok) return true;
  const fix = "give the token `contents: write` (the workflow's permissions: block, docs/action.md#permissions)";
  if (d.kind === "baseline") {
    throw new UserError(`cannot push the data branch '${dataBranch}' to ${remote} (${r.error}): ${fix}`);
  }
  ctx.deps.io.warning(
    `flamediff: the token cannot push the data branch '${dataBranch}' to ${remote} (${r.error}): the comparison runs, but no pictures are stored and the comment shows the text flamegraph. Fix: ${fix}.`
  );
  return false;
}
async function measure(ctx, d, progress) {
  const { io } = ctx.deps;
  const { options, settings } = ctx.inputs;
  const root = path4.resolve(ctx.event.workspace);
  options.baseBranch = d.baseBranch;
  if (d.fork) {
    io.warning(
      `This pull request comes from a fork: its token is read-only, so flamediff cannot push pictures to the data branch or comment. The report is in the job summary. For comments on fork PRs use the fork-safe setup in docs/bot.md.`
    );
  }
  if (settings.installSampler) await ctx.deps.installSampler(options.sampler, io.info, io.warning);
  const canPush = d.fork ? false : await checkPush(ctx, d, root);
  if (d.kind === "compare") {
    await ensureMergeBase({
      root,
      remote: options.remote,
      baseBranch: d.baseBranch,
      head: d.headSha,
      commits: [.../* @__PURE__ */ new Set([d.headSha, ctx.event.sha])],
      depth: options.baselineDepth,
      log: io.info,
      warn: io.warning
    });
  }
  const resolve = createSourceResolver({
    root,
    workDir: path4.resolve(root, options.workingDirectory),
    tracked: await trackedFiles(root)
  });
  const priv = await isPrivate(ctx.event, ctx.client, io.warning);
  const pagesUrl = d.kind === "compare" && !priv && canPush ? await pagesUrlFor(ctx.client, ctx.event.owner, ctx.event.repo, options.dataBranch) : null;
  const site = {
    serverUrl: ctx.event.serverUrl,
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    dataBranch: options.dataBranch,
    headSha: d.headSha,
    private: priv,
    pagesUrl
  };
  const guard = d.kind === "compare" && d.pullNumber !== void 0 ? headGuard({
    client: ctx.client,
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    pull: d.pullNumber,
    sha: d.headSha,
    log: io.info,
    warn: io.warning
  }) : null;
  const result = await ctx.deps.runCheck(options, {
    headSha: d.headSha,
    headRef: d.headRef,
    isBaseBranch: d.kind === "baseline",
    // Without a pull number the pipeline stores no pictures: nothing to push when we cannot.
    pullNumber: canPush ? d.pullNumber : void 0,
    links: buildReportLinks(site, d.pullNumber, resolve, canPush),
    log: io.info,
    cwd: root,
    baseRef: d.kind === "compare" ? baseRef(options.remote, d.baseBranch) : void 0,
    signal: ctx.deps.signal,
    stillCurrent: guard ? () => {
      ctx.startReporting?.();
      return guard.isCurrent();
    } : void 0
  });
  progress.stored = result.stored.length > 0;
  ctx.startReporting?.();
  await publishResult(ctx, d, result, resolve, guard ? () => guard.isCurrent() : void 0);
  if (result.verdict === "fail") {
    const reason = result.report?.reason ?? `${result.regressions} regression(s) passed the gates`;
    if (options.failOnRegression) throw new RegressionGateError(reason);
    io.warning(
      `flamediff: performance regression (fail-on-regression is off, so the step passes): ${reason}`
    );
  }
}
async function runAction(deps) {
  const { io, env } = deps;
  const token = io.getInput("github-token");
  if (token) io.setSecret(token);
  const event = readGitHubEvent(env);
  const inputs = await readActionInputs((n) => io.getInput(n), event.workspace, { requireCommand: false });
  const decision = decideMode(
    event,
    inputs.settings.baseBranchSet ? inputs.options.baseBranch : null,
    deps.handlers
  );
  if (decision.kind === "baseline" || decision.kind === "compare") requireWorkload(inputs.options);
  if (decision.kind === "skip") {
    if (decision.warn) io.warning(`flamediff: ${decision.reason}`);
    else io.info(`flamediff: ${decision.reason}`);
    setOutputs(io, "skip", null);
    io.setOutput("comment-url", "");
    return;
  }
  io.info(`flamediff: ${decision.reason}`);
  const apiStop = new AbortController();
  const onCancel = () => apiStop.abort(new Error("the job was cancelled"));
  if (deps.signal?.aborted) onCancel();
  else deps.signal?.addEventListener("abort", onCancel, { once: true });
  const budgetMs = envMs(env, "FLAMEDIFF_REPORT_BUDGET_MS", DEFAULT_REPORT_BUDGET_MS);
  let budget;
  const startReporting = () => {
    budget ??= setTimeout(
      () => apiStop.abort(
        new Error(
          `the reporting phase's ${budgetMs / 1e3} s budget for GitHub API calls ran out (the verdict stands)`
        )
      ),
      budgetMs
    );
  };
  const progress = { stored: decision.kind === "custom" ? null : false };
  try {
    const client = await deps.createClient({
      token: inputs.settings.token,
      baseUrl: event.apiUrl,
      warn: io.warning,
      timeoutMs: envMs(env, "FLAMEDIFF_API_TIMEOUT_MS", DEFAULT_API_TIMEOUT_MS),
      signal: apiStop.signal
    });
    const ctx = { deps, event, inputs, client, startReporting };
    if (decision.kind === "custom") await decision.run(ctx);
    else await measure(ctx, decision, progress);
  } catch (err) {
    if (deps.signal?.aborted) throw new CancelledError(deps.signal, progress.stored);
    throw err;
  } finally {
    clearTimeout(budget);
    deps.signal?.removeEventListener("abort", onCancel);
  }
  if (deps.signal?.aborted) throw new CancelledError(deps.signal, progress.stored);
}

// src/github/runner-commands.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(name, props, message) {
  const list = Object.entries(props).filter((e) => e[1] !== void 0 && e[1] !== "").map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${list.length ? ` ${list.join(",")}` : ""}::${escapeData(message)}`;
}
function annotationProps(p) {
  return { title: p?.title, file: p?.file, line: p?.startLine };
}
function fileCommand(name, value) {
  const delim = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delim) || value.includes(delim))
    throw new Error(`output ${name}: value contains the delimiter`);
  return `${name}<<${delim}${EOL}${value}${EOL}${delim}${EOL}`;
}
function runnerIo(env = process.env, write = (s) => process.stdout.write(s)) {
  const line = (s) => write(`${s}${EOL}`);
  return {
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim(),
    info: (s) => line(s),
    warning: (m, p) => line(workflowCommand("warning", annotationProps(p), m)),
    error: (m, p) => line(workflowCommand("error", annotationProps(p), m)),
    setOutput: (name, value) => {
      const file = env.GITHUB_OUTPUT;
      if (file) appendFileSync(file, fileCommand(name, value), "utf8");
      else line(workflowCommand("set-output", { name }, value));
    },
    setSecret: (s) => line(workflowCommand("add-mask", {}, s)),
    writeSummary: async (md) => {
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, md, "utf8");
    },
    // What core.setFailed does.
    setFailed: (m) => {
      process.exitCode = 1;
      line(workflowCommand("error", {}, m));
    }
  };
}

// src/main.ts
function defaultDeps(io = runnerIo()) {
  return {
    io,
    env: process.env,
    // The handler table, built here explicitly: the action's events plus the bot's.
    handlers: withBotHandlers(baseHandlers()),
    runCheck: gatedRunCheck(
      async (opts, ctx) => (await import("./chunks/check-RLHC2HMM.js")).runCheck(opts, ctx),
      process.env
    ),
    createClient: async (o) => (await import("./chunks/octokit-3GD6EETD.js")).createClient(o),
    installSampler: async (sampler, log, warn) => (await import("./chunks/install-sampler-L6QJTXAR.js")).installSampler(sampler, log, warn)
  };
}
async function run(deps = {}, o = {}) {
  const io = deps.io ?? runnerIo();
  await withInterrupt(async (signal) => {
    const unwatch = watchCancel(signal, io, o);
    try {
      await runAction({ ...defaultDeps(io), signal, ...deps });
    } catch (err) {
      io.setFailed(errorLine(err));
      if (err instanceof Error && err.stack && !("exitCode" in err)) io.info(err.stack);
    } finally {
      unwatch();
    }
  });
}
function watchCancel(signal, io, o) {
  const grace = o.graceMs ?? 3e3;
  const timers = [];
  const onAbort = () => {
    const killHelpers = setTimeout(() => {
      const left = descendants(process.pid);
      for (const p of left) {
        try {
          process.kill(p.pid, "SIGKILL");
        } catch {
        }
      }
      if (left.length > 0) {
        const names = left.map((p) => `${p.pid} (${p.comm.replace(/[^\x20-\x7e]/g, "?")})`).join(", ");
        io.info(`flamediff: cancelled, and still busy after ${grace / 1e3} s: killed ${names}.`);
      }
    }, grace);
    const giveUp = setTimeout(() => {
      const why = signal.reason instanceof Error ? signal.reason.message : "cancelled";
      io.setFailed(
        `flamediff: cancelled (${why}); the job did not finish unwinding within ${2 * grace / 1e3} s, so temporary files or refs may be left behind.`
      );
      (o.exit ?? process.exit)(1);
    }, 2 * grace);
    killHelpers.unref();
    giveUp.unref();
    timers.push(killHelpers, giveUp);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  return () => {
    signal.removeEventListener("abort", onAbort);
    for (const t of timers) clearTimeout(t);
  };
}

// src/index.ts
await run();
process.exit();
