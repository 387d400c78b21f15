#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  persist
} from "./chunk-AV64XQHT.js";
import {
  InterruptedError,
  REAL_RECORDER,
  measure
} from "./chunk-ICQHYFNZ.js";
import {
  FALLBACK,
  NO_REFACTORS,
  analyse,
  applyRefactors,
  fallbackRefactors,
  matchByProfile,
  present,
  resolveHints,
  withReport
} from "./chunk-6ELFK56U.js";
import {
  buildDashboard,
  commitDate,
  firstParentAncestors,
  isGitRepo,
  mergeBase,
  temporaryWorktree
} from "./chunk-4BZ2QYHW.js";
import {
  checkStore,
  loadBaseline,
  openStore,
  readBaselineIndex,
  readHistory,
  readPullsIndex
} from "./chunk-3ERTFF5M.js";
import {
  shortSha
} from "./chunk-3R2GF4FG.js";
import {
  layout
} from "./chunk-QX23ELEG.js";
import {
  firstLine,
  git
} from "./chunk-5SCB47K6.js";
import {
  validateOptions
} from "./chunk-KOS2K544.js";
import {
  mkdirError
} from "./chunk-3EE22N24.js";
import {
  compareRuns
} from "./chunk-NMAPBW3G.js";
import {
  summarise
} from "./chunk-SBH42KNO.js";
import {
  InputError,
  UserError
} from "./chunk-KISOPUCP.js";

// src/pipeline/check.ts
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/pipeline/baseline-select.ts
async function selectBaseline(store, o) {
  const index = await readBaselineIndex(store, o.baseBranch);
  const stored = new Set(index.baselines.map((b) => b.sha));
  const load = async (sha, note2) => {
    const loaded = await loadBaseline(store, o.baseBranch, sha);
    if (!loaded && stored.has(sha)) {
      throw new InputError(
        store.describe(`${layout.baselineDir(o.baseBranch, sha)}/runs.json`),
        void 0,
        `missing (the baseline is listed in ${layout.baselineIndex(o.baseBranch)}); the baseline is incomplete`
      );
    }
    if (!loaded) return null;
    return { sha, branch: o.baseBranch, note: note2, commitDate: await commitDate(o.cwd, sha), loaded };
  };
  if (o.explicitSha) {
    const s = await load(o.explicitSha, null);
    return {
      selected: s,
      note: s ? "" : `no baseline stored for ${o.baseBranch} at ${shortSha(o.explicitSha)}`
    };
  }
  if (stored.size === 0) {
    return {
      selected: null,
      note: `no baseline stored for ${o.baseBranch} yet: run flamediff check on ${o.baseBranch} to record one`
    };
  }
  const latest = index.baselines[index.baselines.length - 1].sha;
  const inRepo = await isGitRepo(o.cwd);
  const mb = inRepo ? await mergeBase(o.cwd, o.headSha, o.baseRefs) : null;
  if (!mb) {
    const why = inRepo ? `could not find the merge-base of ${shortSha(o.headSha)} and ${o.baseRefs.join(" / ")} (shallow clone? fetch the base branch, e.g. fetch-depth: 0)` : `${o.cwd} is not a git repository, so there is no merge-base`;
    const note2 = `${why}; compared with the latest stored baseline ${shortSha(latest)} instead`;
    return { selected: await load(latest, note2), note: note2 };
  }
  const ancestors = await firstParentAncestors(o.cwd, mb.sha, o.depth);
  const i = ancestors.findIndex((sha) => stored.has(sha));
  if (i < 0) {
    return {
      selected: null,
      note: `no stored baseline among the ${o.depth} first-parent ancestors of the merge-base ${shortSha(mb.sha)} (${mb.ref}); record baselines on ${o.baseBranch} or raise baseline-depth`
    };
  }
  const note = i === 0 ? null : `the baseline ${shortSha(ancestors[i])} is ${i} commit${i === 1 ? "" : "s"} older than the merge-base ${shortSha(mb.sha)} (no baseline stored for the newer ones)`;
  return { selected: await load(ancestors[i], note), note: note ?? "" };
}

// src/pipeline/confirm.ts
function decideConfirm(mode, report, interleaved) {
  if (!report || interleaved || mode === "never") return false;
  return mode === "always" || report.verdict === "fail";
}
var grew = (f) => (f.status === "regressed" || f.status === "new") && f.delta > 0;
function passesGate(f, r) {
  const time = f.metric === "inclusiveTime" || f.metric === "selfTime";
  const unit = time ? r.total.base.profileSeconds ?? 1 : 1;
  return grew(f) && f.delta / unit > r.settings.gateFrameShare;
}
var totalGated = (r) => r.settings.gateTotal !== null && r.total.status === "regressed" && r.total.change !== null && r.total.change > r.settings.gateTotal;
function pct(x) {
  return `${(x * 100).toFixed(2)}%`;
}
function duration(s) {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}
function agreeing(stored, interleaved) {
  const agree = new Set(interleaved.frames.filter(grew).map((f) => f.key));
  const there = new Map(interleaved.frames.map((f) => [f.key, f]));
  const nominated = stored.frames.filter(grew).map((f) => there.get(f.key)).filter((f) => f !== void 0 && f.status === "inconclusive" && !agree.has(f.key));
  const oneSided = (f) => f.delta > 0 ? f.pValue / 2 : 1;
  nominated.sort((a, b) => oneSided(a) - oneSided(b) || (a.key < b.key ? -1 : 1));
  const k = nominated.length;
  for (const [i, f] of nominated.entries()) {
    if (oneSided(f) * (k - i) >= stored.settings.alpha) break;
    agree.add(f.key);
  }
  return agree;
}
function reconcile(stored, interleaved, meta) {
  const agree = agreeing(stored, interleaved);
  const frames = stored.frames.map((f) => ({ ...f }));
  const confirmed = [];
  const notConfirmed = [];
  for (const f of frames) {
    if (!grew(f)) continue;
    if (agree.has(f.key)) {
      confirmed.push(f.key);
      continue;
    }
    notConfirmed.push(f.key);
    f.status = "inconclusive";
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  }
  const gone = new Set(notConfirmed);
  const ranked = frames.filter((f) => f.rank !== null).sort((a, b) => a.rank - b.rank);
  const orphans = frames.filter((f) => f.rank === null && grew(f) && f.explainedBy !== null && gone.has(f.explainedBy)).sort((a, b) => b.delta - a.delta || (a.key < b.key ? -1 : 1));
  for (const f of orphans) {
    f.explainedBy = null;
    f.ownDelta = f.delta;
  }
  [...ranked, ...orphans].forEach((f, i) => {
    f.rank = i + 1;
  });
  const order = (f) => f.rank !== null ? 0 : 1;
  frames.sort((a, b) => order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0));
  const total = { ...stored.total };
  const totalWasGated = totalGated(stored);
  const totalConfirmed = totalWasGated ? interleaved.total.status === "regressed" : null;
  if (totalConfirmed === false) total.status = "inconclusive";
  const out2 = { ...stored, frames, total, warnings: [...stored.warnings] };
  const gating = frames.find((f) => passesGate(f, out2));
  const by = interleaved.frames.find((f) => f.key === gating?.key);
  const where = `the merge-base ${shortSha(meta.baseSha)} re-measured interleaved with the head`;
  const runs = `${interleaved.total.base.runs} + ${interleaved.total.head.runs} runs, ${duration(meta.seconds)}`;
  let outcome;
  if (gating) {
    outcome = "confirmed";
    out2.verdict = "fail";
    const why = gating.explainedBy ? ` (explained by ${gating.explainedBy})` : "";
    const there = by && (by.metric === "inclusiveTime" || by.metric === "selfTime") ? `${by.relDelta !== null ? `${by.relDelta >= 0 ? "+" : ""}${(by.relDelta * 100).toFixed(1)}%` : "new"} in time per run` : by ? `+${pct(by.delta)} of the total` : "regressed";
    out2.reason = `${gating.key} regressed by ${pct(gating.delta)} of the total${why} against the stored baseline, above the gate of ${pct(stored.settings.gateFrameShare)}, and ${where} confirmed it (${there}; ${runs}).`;
  } else if (totalConfirmed) {
    outcome = "confirmed";
    out2.verdict = "fail";
    out2.reason = `${stored.reason.replace(/\.$/, "")}; ${where} confirmed it (${runs}).`;
  } else {
    outcome = stored.verdict === "fail" ? "not-confirmed" : "nothing-to-confirm";
    out2.verdict = "pass";
    out2.reason = outcome === "not-confirmed" ? `Against the stored baseline ${stored.reason.replace(/\.$/, "")}; ${where} did not show it (${runs}), so the check passes and the stored comparison's change is reported as inconclusive.` : stored.reason;
  }
  out2.confirmation = {
    mode: meta.mode,
    outcome,
    baseSha: meta.baseSha,
    runs: { base: interleaved.total.base.runs, head: interleaved.total.head.runs },
    seconds: Math.round(meta.seconds * 10) / 10,
    storedVerdict: stored.verdict,
    interleavedVerdict: interleaved.verdict,
    confirmed,
    notConfirmed,
    totalConfirmed,
    note: null
  };
  if (stored.summary) {
    const unit = stored.settings.metric === "time" ? stored.total.base.profileSeconds ?? 1 : 1;
    out2.summary = summarise(frames, stored.settings, unit, stored.summary.renamed);
  }
  return out2;
}
function unconfirmed(stored, mode, why, seconds) {
  return {
    ...stored,
    confirmation: {
      mode,
      outcome: "unavailable",
      baseSha: null,
      runs: { base: 0, head: 0 },
      seconds: Math.round(seconds * 10) / 10,
      storedVerdict: stored.verdict,
      interleavedVerdict: null,
      confirmed: [],
      notConfirmed: [],
      totalConfirmed: null,
      note: why
    }
  };
}
async function confirmVerdict(stored, o) {
  if (!stored || !decideConfirm(o.mode, stored, o.interleaved)) return stored;
  return await confirmReport(stored, o);
}
async function confirmReport(stored, o) {
  const mode = o.mode === "always" ? "always" : "auto";
  const now = o.now ?? (() => performance.now() / 1e3);
  const t0 = now();
  o.log?.(
    stored.verdict === "fail" ? "confirming: the stored-baseline verdict would fail; re-measuring the merge-base interleaved with the head" : "confirming (confirm: always): re-measuring the merge-base interleaved with the head"
  );
  let again;
  try {
    again = await o.remeasure();
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof UserError)) throw err;
    return unconfirmed(stored, mode, err.message, now() - t0);
  }
  const interleaved = compareRuns(again.base, again.head, {
    ...o.settings,
    sessions: "interleaved"
  });
  const out2 = reconcile(stored, interleaved, { mode, baseSha: again.baseSha, seconds: now() - t0 });
  o.log?.(`confirmation: ${out2.confirmation?.outcome} (${out2.confirmation?.seconds} s)`);
  return out2;
}

// src/pipeline/refactor-hints.ts
var MIN_SIMILARITY = 0.6;
var CODE = /\.(m?[jt]sx?|cjs|cts|py|pyx|go|c|cc|cpp|cxx|h|hpp|rs|java|kt|scala|rb)$/i;
async function out(cwd, args) {
  const r = await git(cwd, args).catch(() => null);
  return r && r.code === 0 ? r.stdout.toString("utf8") : null;
}
async function refactorHints(cwd, baseSha, headSha) {
  for (const sha of [baseSha, headSha]) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) return { hints: [], error: `'${sha}' is not a commit id` };
    const ok = await git(cwd, ["cat-file", "-e", `${sha}^{commit}`]).catch(() => null);
    if (ok?.code !== 0) {
      const why = ok ? firstLine(ok.stderr) : "git is not available";
      return {
        hints: [],
        error: `commit ${sha.slice(0, 7)} is not in this clone (${why || "shallow clone?"}; fetch-depth: 0 fetches it)`
      };
    }
  }
  const diff = await out(cwd, [
    "diff",
    "-M",
    "--find-renames",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    baseSha,
    headSha
  ]);
  if (diff === null)
    return { hints: [], error: `git diff ${baseSha.slice(0, 7)} ${headSha.slice(0, 7)} failed` };
  const files = parseDiff(diff).filter((f) => CODE.test(f.newPath ?? f.oldPath ?? ""));
  const specs = files.flatMap((f) => [
    f.oldPath ? `${baseSha}:${f.oldPath}` : "",
    f.newPath ? `${headSha}:${f.newPath}` : ""
  ]);
  const blobs = await catFiles(cwd, specs);
  const sides = files.map((f, i) => ({
    diff: f,
    old: parseFunctions(f.oldPath ?? "", blobs[2 * i]),
    now: parseFunctions(f.newPath ?? "", blobs[2 * i + 1])
  }));
  return { hints: hintsFrom(sides), error: null };
}
async function catFiles(cwd, specs) {
  const asked = specs.filter((x) => x !== "");
  if (asked.length === 0) return specs.map(() => "");
  const r = await git(cwd, ["cat-file", "--batch"], { input: `${asked.join("\n")}
` }).catch(() => null);
  const found = [];
  if (r && r.code === 0) {
    const buf = r.stdout;
    let at = 0;
    for (let k2 = 0; k2 < asked.length && at < buf.length; k2++) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) break;
      const header = buf.subarray(at, nl).toString("utf8");
      const m = /^[0-9a-f]+ \w+ (\d+)$/.exec(header);
      if (!m) {
        found.push("");
        at = nl + 1;
        continue;
      }
      const size = Number(m[1]);
      found.push(buf.subarray(nl + 1, nl + 1 + size).toString("utf8"));
      at = nl + 1 + size + 1;
    }
  }
  let k = 0;
  return specs.map((x) => x === "" ? "" : found[k++] ?? "");
}
function hintsFrom(files) {
  const hints = [];
  const gone = [];
  const added = [];
  const calls = {
    removed: /* @__PURE__ */ new Map(),
    added: /* @__PURE__ */ new Map()
  };
  const note = (m, callee, caller) => {
    const list = m.get(callee) ?? [];
    if (!list.some((c) => c.name === caller.name && c.file === caller.file)) list.push(caller);
    m.set(callee, list);
  };
  for (const { diff, old, now } of files) {
    const oldNames = new Set(old.map((f) => f.name));
    const newNames = new Set(now.map((f) => f.name));
    const renamedFile = diff.oldPath !== null && diff.newPath !== null && diff.oldPath !== diff.newPath;
    for (const f of old) {
      if (!newNames.has(f.name)) {
        if (touches(f, diff.removed) || renamedFile || diff.newPath === null)
          gone.push({ fn: f, file: diff.oldPath });
      } else if (renamedFile) {
        const to = now.find((g) => g.name === f.name);
        hints.push({
          kind: "moved",
          from: { name: f.name, file: diff.oldPath },
          to: { name: f.name, file: diff.newPath },
          similarity: similarity(f, to)
        });
      }
      for (const line of diff.removed) {
        if (line > f.start && line <= f.end) {
          for (const c of callsIn(f.body[line - f.start]))
            if (c !== f.name) note(calls.removed, c, { name: f.name, file: diff.oldPath });
        }
      }
    }
    for (const f of now) {
      if (!oldNames.has(f.name) && (touches(f, diff.added) || renamedFile || diff.oldPath === null))
        added.push({ fn: f, file: diff.newPath });
      for (const line of diff.added) {
        if (line > f.start && line <= f.end) {
          for (const c of callsIn(f.body[line - f.start]))
            if (c !== f.name) note(calls.added, c, { name: f.name, file: diff.newPath });
        }
      }
    }
  }
  const pairs = [];
  gone.forEach((g, gi) => {
    added.forEach((a, ai) => {
      const s = similarity(g.fn, a.fn);
      if (s >= MIN_SIMILARITY) pairs.push({ g: gi, a: ai, s });
    });
  });
  pairs.sort((x, y) => y.s - x.s || x.g - y.g || x.a - y.a);
  const usedG = /* @__PURE__ */ new Set();
  const usedA = /* @__PURE__ */ new Set();
  const renamedTo = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    if (usedG.has(p.g) || usedA.has(p.a)) continue;
    usedG.add(p.g);
    usedA.add(p.a);
    const g = gone[p.g];
    const a = added[p.a];
    const kind = g.fn.name === a.fn.name ? "moved" : g.file === a.file ? "renamed" : "renamed and moved";
    hints.push({
      kind,
      from: { name: g.fn.name, file: g.file },
      to: { name: a.fn.name, file: a.file },
      similarity: Math.round(p.s * 1e3) / 1e3
    });
    renamedTo.set(g.fn.name, a.fn.name);
  }
  const same = (x, y) => x.name === y.name && x.file === y.file;
  const refactored = hints.flatMap((h) => h.kind === "caller" ? [] : [h]);
  for (const [callee, from] of [...calls.removed].sort(([x], [y]) => x < y ? -1 : 1)) {
    const to = calls.added.get(callee) ?? calls.added.get(renamedTo.get(callee) ?? "\0");
    if (!to || from.length !== 1 || to.length !== 1) continue;
    if (same(from[0], to[0])) continue;
    if (refactored.some((h) => same(h.from, from[0]) && same(h.to, to[0]))) continue;
    hints.push({ kind: "caller", callee, fromCaller: from[0], toCaller: to[0] });
  }
  return hints;
}
function touches(f, lines) {
  for (const l of lines) if (l >= f.start && l <= f.end) return true;
  return false;
}
var NOT_CALLS = /* @__PURE__ */ new Set([
  "if",
  "for",
  "while",
  "switch",
  "catch",
  "return",
  "function",
  "typeof",
  "new",
  "await",
  "yield",
  "elif",
  "print",
  "sizeof",
  "super"
]);
function callsIn(line) {
  if (!line) return [];
  const outCalls = [];
  for (const m of line.replace(/(["'`]).*?\1/g, '""').matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) {
    if (!NOT_CALLS.has(m[1])) outCalls.push(m[1]);
  }
  return outCalls;
}
function similarity(a, b) {
  const norm = (f) => f.body.map(
    (l) => l.split(f.name).join("").replace(/^\s*(?:export\s+(?:default\s+)?|pub(?:\([^)]*\))?\s+)/, "").replace(/\s+/g, " ").trim()
  ).filter((l) => l !== "");
  const x = norm(a);
  const y = norm(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x.join("\n") === y.join("\n")) return 1;
  const count = /* @__PURE__ */ new Map();
  for (const l of x) count.set(l, (count.get(l) ?? 0) + 1);
  let common = 0;
  for (const l of y) {
    const c = count.get(l) ?? 0;
    if (c > 0) {
      common++;
      count.set(l, c - 1);
    }
  }
  return 2 * common / (x.length + y.length);
}
function parseDiff(text) {
  const files = [];
  let cur = null;
  const unq = (p) => {
    const s = p.startsWith('"') ? JSON.parse(p) : p;
    return s === "/dev/null" ? null : s.replace(/^[ab]\//, "");
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("diff --git ")) {
      cur = { oldPath: null, newPath: null, removed: /* @__PURE__ */ new Set(), added: /* @__PURE__ */ new Set() };
      files.push(cur);
      const m = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
      if (m) {
        cur.oldPath = m[1];
        cur.newPath = m[2];
      }
    } else if (!cur) {
    } else if (line.startsWith("rename from ")) cur.oldPath = line.slice("rename from ".length);
    else if (line.startsWith("rename to ")) cur.newPath = line.slice("rename to ".length);
    else if (line.startsWith("--- ")) cur.oldPath = unq(line.slice(4));
    else if (line.startsWith("+++ ")) cur.newPath = unq(line.slice(4));
    else if (line.startsWith("@@")) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const [os2, oc, ns, nc] = [
        Number(m[1]),
        m[2] === void 0 ? 1 : Number(m[2]),
        Number(m[3]),
        m[4] === void 0 ? 1 : Number(m[4])
      ];
      for (let i = 0; i < oc; i++) cur.removed.add(os2 + i);
      for (let i = 0; i < nc; i++) cur.added.add(ns + i);
    }
  }
  return files;
}
var HEADERS = [
  {
    test: /\.(m?[jt]sx?|cjs|cts)$/i,
    indent: false,
    patterns: [
      /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/,
      /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/,
      /^\s*(?:(?:static|async|get|set|public|private|protected)\s+)*\*?([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::\s*[^{]+)?\{\s*$/
    ]
  },
  { test: /\.(py|pyx)$/i, indent: true, patterns: [/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/] },
  { test: /\.go$/i, indent: false, patterns: [/^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[[(]/] },
  {
    test: /\.rs$/i,
    indent: false,
    patterns: [/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+([A-Za-z_]\w*)/]
  },
  { test: /\.rb$/i, indent: false, patterns: [/^\s*def\s+(?:self\.)?([A-Za-z_]\w*[?!]?)/] },
  {
    test: /\.(c|cc|cpp|cxx|h|hpp|java|kt|scala)$/i,
    indent: false,
    patterns: [
      /^\s{0,4}(?!(?:if|for|while|switch|return|else|do|case)\b)(?:[\w:<>,*&[\]]+\s+)+\**([A-Za-z_]\w*)\s*\([^;]*$/,
      /^\s*(?:override\s+)?fun\s+([A-Za-z_]\w*)\s*\(/,
      /^\s*def\s+([A-Za-z_]\w*)/
    ]
  }
];
var KEYWORDS = /* @__PURE__ */ new Set([
  "if",
  "for",
  "while",
  "switch",
  "catch",
  "function",
  "return",
  "else",
  "constructor"
]);
function parseFunctions(file, text) {
  const lang = HEADERS.find((h) => h.test.test(file));
  if (!lang || text === "") return [];
  const lines = text.split("\n");
  const fns = [];
  for (let i = 0; i < lines.length; i++) {
    let name = null;
    for (const p of lang.patterns) {
      const m = p.exec(lines[i]);
      if (m && !KEYWORDS.has(m[1])) {
        name = m[1];
        break;
      }
    }
    if (!name) continue;
    const end = lang.indent ? indentEnd(lines, i) : braceEnd(lines, i);
    fns.push({ name, start: i + 1, end: end + 1, body: lines.slice(i, end + 1) });
  }
  return fns;
}
function indentEnd(lines, start) {
  const indent = (l) => l.length - l.trimStart().length;
  const base = indent(lines[start]);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    if (indent(lines[i]) <= base) break;
    end = i;
  }
  return end;
}
function braceEnd(lines, start) {
  let depth = 0;
  let opened = false;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i].replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, "");
    for (const c of l) {
      if (c === "{") {
        depth++;
        opened = true;
      } else if (c === "}") depth--;
    }
    if (opened && depth <= 0) return i;
    if (!opened && i > start + 2) return start;
    if (!opened && /;\s*$/.test(l)) return i;
  }
  return lines.length - 1;
}

// src/pipeline/refactors.ts
async function recogniseRefactors(o) {
  if (o.settings.granularity !== "function" || o.base.length === 0) return NO_REFACTORS;
  const fallback = (why, warnAlways) => {
    const pairs = matchByProfile(o.base, o.head, o.settings);
    return { pairs, note: pairs.length > 0 || warnAlways ? `${why}: ${FALLBACK}.` : null };
  };
  if (!o.baseSha || !await isGitRepo(o.cwd)) return fallbackRefactors(o.base, o.head, o.settings);
  const { hints, error } = await refactorHints(o.cwd, o.baseSha, o.headSha);
  if (error)
    return fallback(`Renamed and moved functions could not be read from the git diff (${error})`, true);
  return { pairs: resolveHints(hints, o.base, o.head, o.settings.granularity), note: null };
}

// src/pipeline/check.ts
async function runCheck(opts, ctx, deps = REAL_RECORDER) {
  validateOptions(opts, "flamediff");
  if (!/^[0-9a-f]{4,64}$/i.test(ctx.headSha)) {
    throw new UserError(`head commit '${ctx.headSha}' is not a commit id (expected 4 to 64 hex digits)`);
  }
  if (ctx.headRuns && opts.baseline === "rerun") {
    throw new UserError(
      "baseline: rerun cannot work from runs measured elsewhere (nothing may run here); use baseline: stored"
    );
  }
  const cwd = path.resolve(ctx.cwd ?? process.cwd());
  const outDir = path.resolve(cwd, opts.outDir);
  await mkdir(outDir, { recursive: true }).catch((err) => {
    throw mkdirError(outDir, "cannot create the output directory", err);
  });
  const store = await openStore(opts, cwd);
  const job = {
    opts,
    ctx,
    deps,
    cwd,
    outDir,
    workDir: path.resolve(cwd, opts.workingDirectory),
    tmp: await mkdtemp(path.join(os.tmpdir(), "flamediff-runs-")),
    log: ctx.log ?? (() => {
    })
  };
  try {
    await checkStore(store, {
      branch: opts.baseBranch,
      baseline: ctx.isBaseBranch,
      pulls: !ctx.isBaseBranch && ctx.pullNumber !== void 0
    });
    return ctx.isBaseBranch ? await recordBaseline(job, store) : await compare(job, store);
  } finally {
    await store.close();
    await rm(job.tmp, { recursive: true, force: true });
  }
}
function measureJob(job, base) {
  const o = job.opts;
  return {
    sampler: o.sampler,
    command: o.command,
    runs: o.runs,
    warmup: o.warmup,
    rateHz: o.rateHz,
    timeoutSeconds: o.timeoutSeconds,
    samplerOptions: o.samplerOptions,
    env: o.env,
    headEnv: job.ctx.headEnv,
    head: { root: job.cwd, workDir: job.workDir },
    base,
    tmp: job.tmp,
    log: job.log,
    signal: job.ctx.signal,
    recorder: job.deps
  };
}
async function headRuns(job, label = "head") {
  return job.ctx.headRuns ?? (await measure({ ...measureJob(job), headLabel: label })).head;
}
async function recordBaseline(job, store) {
  const { opts, ctx } = job;
  const branch = opts.baseBranch;
  const history = await readHistory(store, branch);
  job.log(
    `recording a baseline for ${branch} at ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`
  );
  const runSets = { head: await headRuns(job, "baseline"), base: null, interleaved: false };
  const analysis = await analyse(runSets, opts.compare, history, {
    headTitle: `${branch} @ ${shortSha(ctx.headSha)}`,
    diffTitle: ""
  });
  const flamePath = path.join(job.outDir, "flamegraph.svg");
  const summaryPath = path.join(job.outDir, "summary.md");
  const shown = present(analysis, {
    mode: "baseline",
    headSha: ctx.headSha,
    headRef: ctx.headRef,
    baseline: { sha: ctx.headSha, branch, note: null },
    store: { kind: store.kind, location: store.location },
    written: [flamePath]
  });
  const recordedAt = (/* @__PURE__ */ new Date()).toISOString();
  const stored = await persist(store, analysis, {
    kind: "baseline",
    branch,
    sha: ctx.headSha,
    commitDate: await commitDate(job.cwd, ctx.headSha),
    recordedAt,
    retention: opts.retention,
    dashboard: (h, retained) => buildDashboard(h, {
      repoUrl: ctx.repoUrl,
      // From dashboard/<branch>/ back to the store root, then to the kept baseline's flamegraph.
      flamegraphUrl: (sha) => retained.has(sha) ? `${"../".repeat(branch.split("/").length + 1)}${layout.baselineDir(branch, sha)}/flamegraph.svg` : null
    })
  });
  await writeFile(flamePath, analysis.pictures.flameSvg ?? "");
  await writeFile(summaryPath, shown.summary);
  return {
    ...result("baseline", analysis, shown),
    files: { flameSvg: flamePath, summaryMd: summaryPath },
    baseline: { sha: ctx.headSha, branch, note: null },
    stored
  };
}
function baseRefs(job) {
  if (job.ctx.baseRef) return [job.ctx.baseRef];
  const b = job.opts.baseBranch;
  return [`${job.opts.remote}/${b}`, `origin/${b}`, b].filter((x, i, a) => a.indexOf(x) === i);
}
async function measureRerun(job) {
  const { opts, ctx } = job;
  const base = ctx.baselineSha ? { sha: ctx.baselineSha } : await mergeBase(job.cwd, ctx.headSha, baseRefs(job));
  if (!base) {
    throw new UserError(
      `baseline: rerun needs the merge-base of ${shortSha(ctx.headSha)} and ${baseRefs(job).join(" / ")}; fetch the base branch (fetch-depth: 0)`
    );
  }
  const wt = await temporaryWorktree(job.cwd, base.sha);
  try {
    job.log(
      `rerun: base ${shortSha(base.sha)} and head ${shortSha(ctx.headSha)} interleaved, ${opts.runs} runs each`
    );
    const rel = path.relative(job.cwd, job.workDir);
    const runSets = await measure(measureJob(job, { root: wt.dir, workDir: path.join(wt.dir, rel) }));
    return {
      runSets,
      baseline: {
        sha: base.sha,
        branch: opts.baseBranch,
        note: null,
        commitDate: await commitDate(job.cwd, base.sha)
      }
    };
  } finally {
    await wt.dispose();
  }
}
async function measureStored(job, store) {
  const { opts, ctx } = job;
  const { selected, note } = await selectBaseline(store, {
    cwd: job.cwd,
    headSha: ctx.headSha,
    baseBranch: opts.baseBranch,
    baseRefs: baseRefs(job),
    depth: opts.baselineDepth,
    explicitSha: ctx.baselineSha
  });
  if (selected)
    job.log(
      `baseline: ${shortSha(selected.sha)} on ${selected.branch}${selected.note ? ` (${selected.note})` : ""}`
    );
  else job.log(`no baseline: ${note}`);
  if (!ctx.headRuns) job.log(`measuring ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`);
  const head = await headRuns(job);
  const r = selected?.loaded.runs;
  const base = selected && r ? {
    runs: selected.loaded.inputs,
    sampler: r.sampler,
    samplerVersion: r.samplerVersion,
    command: r.command,
    rateHz: r.rateHz,
    machine: r.machine
  } : null;
  return {
    runSets: { head, base, interleaved: false },
    baseline: selected ? { sha: selected.sha, branch: selected.branch, note: selected.note, commitDate: selected.commitDate } : { sha: "", branch: opts.baseBranch, note, commitDate: null }
  };
}
async function compare(job, store) {
  const { opts, ctx } = job;
  const history = await readHistory(store, opts.baseBranch);
  if (ctx.pullNumber !== void 0) await readPullsIndex(store);
  for (const stale of ["diff.svg", "diff.png", "report.json"])
    await rm(path.join(job.outDir, stale), { force: true });
  const sides = opts.baseline === "rerun" ? await measureRerun(job) : await measureStored(job, store);
  const { runSets } = sides;
  if (runSets.base) job.log("comparing");
  const refactors = runSets.base ? await recogniseRefactors({
    cwd: job.cwd,
    baseSha: sides.baseline.sha || null,
    headSha: ctx.headSha,
    base: runSets.base.runs,
    head: runSets.head.runs,
    settings: opts.compare
  }) : void 0;
  const analyseOptions = {
    headTitle: `${ctx.headRef} @ ${shortSha(ctx.headSha)}`,
    diffTitle: `${shortSha(sides.baseline.sha)} \u2192 ${shortSha(ctx.headSha)}`,
    refactors
  };
  let analysis = await analyse(runSets, opts.compare, history, analyseOptions);
  const confirmed = await confirmVerdict(analysis.report, {
    mode: ctx.headRuns ? "never" : opts.confirm,
    interleaved: runSets.interleaved,
    settings: opts.compare,
    log: job.log,
    remeasure: async () => {
      const again = await measureRerun(job);
      const head = again.runSets.head.runs;
      const base = again.runSets.base?.runs ?? [];
      return {
        base: refactors ? applyRefactors(base, head, refactors, opts.compare.granularity) : base,
        head,
        baseSha: again.baseline.sha
      };
    }
  });
  if (confirmed !== analysis.report)
    analysis = await withReport(analysis, confirmed, history, analyseOptions);
  const out2 = (name) => path.join(job.outDir, name);
  const hasReport = analysis.report !== null;
  const files = {
    flameSvg: out2("flamegraph.svg"),
    ...hasReport ? { diffSvg: out2("diff.svg"), diffPng: out2("diff.png"), reportJson: out2("report.json") } : {},
    commentMd: out2("comment.md"),
    summaryMd: out2("summary.md")
  };
  const facts = {
    mode: "compare",
    headSha: ctx.headSha,
    headRef: ctx.headRef,
    baseline: sides.baseline,
    headDate: await commitDate(job.cwd, ctx.headSha),
    links: ctx.links,
    rootDir: job.cwd,
    localFiles: {
      diffSvg: files.diffSvg && path.relative(process.cwd(), files.diffSvg),
      diffPng: files.diffPng && path.relative(process.cwd(), files.diffPng)
    },
    written: Object.values(files).filter((f) => Boolean(f))
  };
  const shown = present(analysis, facts);
  await writeOutputs(files, analysis, shown);
  const stored = ctx.pullNumber !== void 0 ? await persist(store, analysis, {
    kind: "pull",
    pull: ctx.pullNumber,
    sha: ctx.headSha,
    comment: shown.comment,
    retention: opts.retention,
    stillCurrent: ctx.stillCurrent
  }) : [];
  const { baseline } = sides;
  return {
    ...result("compare", analysis, shown),
    files,
    baseline: { sha: baseline.sha, branch: baseline.branch, note: baseline.note },
    stored
  };
}
async function writeOutputs(files, a, shown) {
  const { flameSvg, diffSvg, diffPng } = a.pictures;
  const pairs = [
    [files.flameSvg, flameSvg],
    [files.diffSvg, diffSvg],
    [files.diffPng, diffPng],
    [files.reportJson, a.reportJson],
    [files.commentMd, shown.comment],
    [files.summaryMd, shown.summary]
  ];
  for (const [file, data] of pairs) if (file && data !== null) await writeFile(file, data);
}
function result(mode, analysis, shown) {
  const report = analysis.report;
  return {
    mode,
    verdict: report ? report.verdict : "none",
    report,
    regressions: report?.summary?.regressions ?? 0,
    totalChange: report?.total.change ?? null,
    commentMarkdown: shown.comment,
    summaryMarkdown: shown.summary,
    consoleText: shown.console,
    analysis
  };
}

export {
  runCheck
};
