#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UNKNOWN_MACHINE,
  confirmationText,
  headlineFacts,
  levelText,
  relativeFile,
  renderBaselineSummary,
  renderComment,
  renderSummary,
  underGateNote
} from "./chunk-GUJRDNXC.js";
import {
  pct,
  pp,
  ppInterval,
  qValue,
  seconds,
  signedPct
} from "./chunk-PZQ4WITT.js";
import {
  firstLines,
  machineText,
  machineWarning,
  mdCode,
  mdText,
  sideTotals,
  stripControl,
  topFrames
} from "./chunk-SEKLUSDU.js";
import {
  renderDiffSvg,
  renderFlameSvg,
  renderTextFlame,
  svgToPng
} from "./chunk-6Q7KV255.js";
import {
  mapFrames
} from "./chunk-U37WCUHD.js";
import {
  frameTrends,
  shortSha
} from "./chunk-3R2GF4FG.js";
import {
  COMMENT_MARKER
} from "./chunk-2STNMJK3.js";
import {
  FrameKeys,
  compareRuns,
  frameAtGranularity,
  mergeConsistent,
  runMetrics
} from "./chunk-NMAPBW3G.js";
import {
  isImprovement,
  rankedRegressions
} from "./chunk-SBH42KNO.js";
import {
  frameLabel
} from "./chunk-RM2AEMQK.js";

// src/stats/rename-match.ts
function keyOf(f, g) {
  const i = frameAtGranularity(f, g);
  return frameLabel({
    name: i.name,
    file: i.file ?? "",
    line: i.line ?? 0,
    module: i.module ?? "",
    kind: i.kind ?? "other"
  });
}
function sideIndex(runs, g) {
  const keys = new FrameKeys(g);
  const metrics = runs.map((r) => runMetrics(r.profile, keys));
  const out = /* @__PURE__ */ new Map();
  for (let id = 0; id < keys.size; id++) {
    let share = 0;
    let self = 0;
    for (const m of metrics) {
      if (id < m.inclusive.length && m.total > 0) {
        share += m.inclusive[id] / m.total;
        self += m.self[id] / m.total;
      }
    }
    out.set(keys.keys[id], {
      key: keys.keys[id],
      frame: keys.frames[id],
      share: share / Math.max(1, runs.length),
      self: self / Math.max(1, runs.length),
      lo: 0,
      hi: 0
    });
  }
  for (const r of runs) {
    const p = r.profile;
    for (let id = 0; id < p.frames.size; id++) {
      const f = p.frame(id);
      const info = out.get(keyOf(f, g));
      if (!info || !(f.line > 0)) continue;
      info.lo = info.lo === 0 ? f.line : Math.min(info.lo, f.line);
      info.hi = Math.max(info.hi, f.line);
    }
  }
  return out;
}
function bareName(name) {
  const noArgs = name.replace(/\s*\(.*\)\s*(const)?\s*$/, "");
  const m = /([A-Za-z_$][\w$]*[?!]?)$/.exec(noArgs);
  return m ? m[1] : name;
}
function sameFile(frameFile, file) {
  if (frameFile === "" || file === "") return false;
  const f = frameFile.startsWith("file://") ? decodeURIComponent(frameFile.slice(7)) : frameFile;
  return f === file || f.endsWith(`/${file}`);
}
function matching(side, ref) {
  return [...side.values()].filter(
    (k) => bareName(k.frame.name) === ref.name && sameFile(k.frame.file, ref.file)
  );
}
function edges(runs, g) {
  const out = /* @__PURE__ */ new Set();
  for (const r of runs) {
    const p = r.profile;
    const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
    p.forEachStack((ids) => {
      for (let i = 1; i < ids.length; i++) out.add(`${k[ids[i - 1]]}
${k[ids[i]]}`);
    });
  }
  return out;
}
function resolveHints(hints, base, head, g) {
  if (g !== "function" || hints.length === 0) return [];
  const b = sideIndex(base, g);
  const h = sideIndex(head, g);
  const out = [];
  const onlyIn = (mine, other, k) => k.share > 0 && !((other.get(k.key)?.share ?? 0) > 0) && mine.has(k.key);
  let be = null;
  let he = null;
  for (const hint of hints) {
    if (hint.kind !== "caller") {
      const from = matching(b, hint.from).filter((k) => onlyIn(b, h, k));
      const to = matching(h, hint.to).filter((k) => onlyIn(h, b, k));
      if (from.length === 1 && to.length === 1)
        out.push({ from: from[0].key, to: to[0].key, how: hint.kind, source: "git diff" });
      continue;
    }
    const a = matching(b, hint.fromCaller);
    const nb = matching(h, hint.toCaller);
    const cb = [...b.values()].filter((k) => bareName(k.frame.name) === hint.callee && k.share > 0);
    if (a.length !== 1 || nb.length !== 1 || cb.length !== 1 || !h.has(cb[0].key)) continue;
    be ??= edges(base, g);
    he ??= edges(head, g);
    const c = cb[0].key;
    if (!be.has(`${a[0].key}
${c}`) || !he.has(`${nb[0].key}
${c}`)) continue;
    out.push({
      from: c,
      to: c,
      how: "moved to another caller",
      source: "git diff",
      fromCaller: a[0].key,
      toCaller: nb[0].key
    });
  }
  return dedupe(out);
}
function dedupe(pairs) {
  const seen = /* @__PURE__ */ new Set();
  return pairs.filter((p) => {
    const k = `${p.from}
${p.to}
${p.fromCaller ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
var LINE_SLACK = 5;
var COST_TOLERANCE = 0.25;
function matchByProfile(base, head, s) {
  if (s.granularity !== "function") return [];
  const b = sideIndex(base, s.granularity);
  const h = sideIndex(head, s.granularity);
  const gone = [...b.values()].filter((k) => k.share >= s.minShare && !((h.get(k.key)?.share ?? 0) > 0));
  const added = [...h.values()].filter((k) => k.share >= s.minShare && !((b.get(k.key)?.share ?? 0) > 0));
  const cost = (x, y) => Math.max(x.self, y.self) >= 2e-3 ? [x.self, y.self] : [x.share, y.share];
  const close = (x, y) => {
    const [u, v] = cost(x, y);
    return Math.abs(u - v) <= COST_TOLERANCE * Math.max(u, v);
  };
  const how = (x, y) => {
    const fx = x.frame;
    const fy = y.frame;
    if (fx.file !== "" && fx.file === fy.file && fx.name !== fy.name) {
      const overlap = x.lo > 0 && y.lo > 0 && x.lo - LINE_SLACK <= y.hi && y.lo - LINE_SLACK <= x.hi;
      return overlap ? "renamed" : null;
    }
    if (fx.name === fy.name && fx.file !== fy.file && fx.file !== "" && fy.file !== "") return "moved";
    return null;
  };
  const cands = gone.map((x) => added.filter((y) => how(x, y) !== null && close(x, y)));
  const out = [];
  gone.forEach((x, i) => {
    if (cands[i].length !== 1) return;
    const y = cands[i][0];
    if (cands.filter((c) => c.includes(y)).length !== 1) return;
    out.push({ from: x.key, to: y.key, how: how(x, y), source: "profiles" });
  });
  return out.sort((p, q) => p.from < q.from ? -1 : p.from > q.from ? 1 : 0);
}
function headPath(head, caller, callee, g) {
  let best = null;
  let bestW = 0;
  for (const r of head) {
    const p = r.profile;
    const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
    p.forEachStack((ids, w) => {
      for (let i = 1; i < ids.length; i++) {
        if (k[ids[i - 1]] === caller && k[ids[i]] === callee) {
          if (w > bestW) {
            bestW = w;
            best = Array.from(ids.subarray(0, i), (id) => p.frame(id));
          }
          return;
        }
      }
    });
  }
  return best;
}
function applyRenames(base, head, pairs, g) {
  if (pairs.length === 0) return [...base];
  const h = sideIndex(head, g);
  const relabel = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    const to = h.get(p.to)?.frame;
    if (p.how !== "moved to another caller" && to) relabel.set(p.from, to);
  }
  const moves = pairs.filter((p) => p.how === "moved to another caller" && p.fromCaller && p.toCaller).map((p) => ({
    caller: p.fromCaller,
    callee: p.from,
    path: headPath(head, p.toCaller, p.to, g)
  })).filter((m) => m.path !== null);
  return base.map((r) => {
    let p = r.profile;
    if (relabel.size > 0) {
      p = mapFrames(p, (f) => {
        const to = relabel.get(keyOf(f, g));
        return to ? {
          ...f,
          name: to.name,
          file: to.file,
          module: to.module,
          kind: to.kind,
          line: to.line > 0 ? to.line : f.line
        } : f;
      });
    }
    for (const m of moves) p = reroot(p, m.caller, m.callee, m.path, g);
    return p === r.profile ? r : { ...r, profile: p };
  });
}
function reroot(p, caller, callee, path, g) {
  const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
  let touched = false;
  p.forEachStack((ids) => {
    for (let i = 1; i < ids.length && !touched; i++)
      touched = k[ids[i - 1]] === caller && k[ids[i]] === callee;
  });
  if (!touched) return p;
  const out = p.emptyLike();
  const map = Array.from({ length: p.frames.size }, (_, id) => out.intern(p.frame(id)));
  const prefix = path.map((f) => out.intern(f));
  p.forEachStack((ids, w) => {
    let cut = -1;
    for (let i = 1; i < ids.length; i++) {
      if (k[ids[i - 1]] === caller && k[ids[i]] === callee) {
        cut = i;
        break;
      }
    }
    const rest = Array.from(ids.subarray(cut < 0 ? 0 : cut), (id) => map[id]);
    out.addStack(cut < 0 ? rest : [...prefix, ...rest], w);
  });
  return out;
}

// src/stats/refactors.ts
var NO_REFACTORS = { pairs: [], note: null };
var FALLBACK = "frames were matched by file, line range and self cost instead (a refactor that also changed cost stays gone + new)";
function fallbackRefactors(base, head, settings) {
  const pairs = matchByProfile(base, head, settings);
  return { pairs, note: pairs.length ? `Without git history, ${FALLBACK.replace(" instead", "")}.` : null };
}
function applyRefactors(base, head, r, g) {
  return r.pairs.length ? applyRenames(base, head, r.pairs, g) : base;
}
function attachRefactors(report, r) {
  if (r.pairs.length) report.renames = r.pairs;
  if (r.note) report.warnings.push(r.note);
  const summary = report.summary;
  if (summary) summary.renamed = r.pairs.length;
}

// src/analyse/analyse.ts
async function analyse(runSets, compare, history, o) {
  const settings = runSets.interleaved ? { ...compare, metric: o.metric ?? "time", sessions: "interleaved" } : { ...compare, metric: o.metric ?? compare.metric, sessions: "separate" };
  const refactors = o.refactors;
  const base = runSets.base && refactors?.pairs.length ? {
    ...runSets.base,
    runs: applyRefactors(runSets.base.runs, runSets.head.runs, refactors, settings.granularity)
  } : runSets.base;
  const compared = { ...runSets, base };
  let report = null;
  if (base) {
    report = compareRuns(base.runs, runSets.head.runs, settings, {
      history: runSets.interleaved || !history ? [] : history.entries
    });
    if (refactors) attachRefactors(report, refactors);
    report.warnings.push(...sideWarnings(base, runSets.head));
  }
  const head = summarise(runSets.head, settings);
  const analysis = {
    runSets: compared,
    settings,
    head,
    base: base ? summarise(base, settings) : null,
    report: null,
    reportJson: null,
    frameLines: firstLines(
      runSets.head.runs.map((r) => r.profile),
      settings.granularity
    ),
    pictures: {
      flameSvg: o.pictures === false ? null : renderFlameSvg(head.merged, { title: o.headTitle }),
      diffSvg: null,
      diffPng: null,
      textFlame: null
    },
    trends: []
  };
  return withReport(analysis, report, history, o);
}
async function withReport(a, report, history, o) {
  if (!report || !a.base) return { ...a, report: null, reportJson: null, trends: [] };
  const pictures = o.pictures ?? true;
  const diffSvg = pictures ? renderDiffSvg(a.base.merged, a.head.merged, report, { title: o.diffTitle }) : null;
  const ranked = report.frames.filter((f) => f.rank !== null).map((f) => f.key);
  return {
    ...a,
    report,
    reportJson: reportJson(report),
    pictures: {
      flameSvg: a.pictures.flameSvg,
      diffSvg,
      diffPng: diffSvg ? await svgToPng(diffSvg) : null,
      textFlame: pictures ? renderTextFlame(a.head.merged, { style: "markdown", comparison: report, budget: 8e3 }) : null
    },
    trends: history ? frameTrends(history, ranked) : []
  };
}
function summarise(side, settings) {
  const merged = mergeConsistent(
    side.runs.map((r) => r.profile),
    settings
  );
  return {
    runs: side.runs.length,
    totals: sideTotals(side.runs),
    top: topFrames(merged.profile, settings.granularity),
    merged: merged.profile,
    droppedShare: merged.droppedShare
  };
}
function sideWarnings(base, head) {
  const out = [];
  const other = machineWarning(base.machine, head.machine);
  if (other) out.push(other);
  if (base.sampler && head.sampler && base.sampler !== head.sampler) {
    out.push(
      `The baseline was recorded with ${base.sampler} and the head with ${head.sampler}: frames may not correspond; record a new baseline.`
    );
  }
  return out;
}
function reportJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/console.ts
var MAX_ROWS = 15;
function renderConsole(input, files = []) {
  const r = input.report;
  const out = [];
  out.push(headline(input));
  if (r?.reason) out.push(`  ${clean(r.reason)}`);
  const confirmed = r ? confirmationText(r, clean, clean, (s) => s) : null;
  if (confirmed) out.push(`  ${confirmed}`);
  if (input.baseline?.note) out.push(`  note: ${clean(input.baseline.note)}`);
  if (r) {
    const reg = rankedRegressions(r.frames);
    const imp = r.frames.filter(isImprovement).sort((a, b) => a.delta - b.delta);
    if (reg.length)
      out.push(
        "",
        "Regressed frames (ranked):",
        ...table(reg.slice(0, MAX_ROWS), true, input.rootDir, input.frameLines)
      );
    if (reg.length > MAX_ROWS) out.push(`  ...and ${reg.length - MAX_ROWS} more`);
    if (imp.length)
      out.push(
        "",
        `Improved frames (${imp.length}):`,
        ...table(imp.slice(0, 5), false, input.rootDir, input.frameLines)
      );
    if (imp.length > 5) out.push(`  ...and ${imp.length - 5} more`);
    const dropped = Math.max(r.droppedCount ?? 0, r.dropped.length);
    if (dropped > 0) {
      out.push(
        "",
        `Dropped as noise: ${dropped} frames (${pct(r.droppedShare.base)} of base, ${pct(r.droppedShare.head)} of head samples)`
      );
    }
    for (const u of r.summary?.underGate ?? [])
      out.push(
        `warning: ${clean(u.key)}: ${pp(u.delta)}, under the ${pp(u.gate).replace("+", "")} gate (${underGateNote(r)})`
      );
    for (const p of r.renames ?? []) {
      const how = p.how === "moved to another caller" ? `moved from caller ${clean(p.fromCaller ?? "")} to ${clean(p.toCaller ?? "")}` : p.how;
      out.push(`compared as one frame: ${clean(p.from)} -> ${clean(p.to)} (${how}, from the ${p.source})`);
    }
    for (const w of r.warnings) out.push(`warning: ${clean(w)}`);
  }
  out.push("", ...measured(input));
  if (files.length) out.push("", "Wrote:", ...files.map((f) => `  ${f}`));
  return `${out.join("\n")}
`;
}
function headline(input) {
  const r = input.report;
  if (!r) return "flamediff: no baseline to compare with (nothing gated)";
  const h = headlineFacts(r, "->");
  let culprit = "";
  if (h.culprit && h.change) {
    const f = h.culprit;
    const line = f.line > 0 ? f.line : input.frameLines?.get(f.key) ?? 0;
    const file = relativeFile(f.file, input.rootDir);
    const loc = file ? ` (${clean(file)}${line > 0 ? `:${line}` : ""})` : "";
    const more = h.more > 0 ? `; ${h.more} more ranked frame${h.more === 1 ? "" : "s"}` : "";
    culprit = `${clean(f.name)}${loc}: ${h.change}${r.verdict === "fail" ? "" : ", below the gates"}${more}; `;
  }
  return `flamediff: ${r.verdict === "fail" ? "FAIL, performance regression" : "PASS"}: ${culprit}${h.total}`;
}
function table(frames, ranked, root, lines) {
  const line = (f) => f.line > 0 ? f.line : lines?.get(f.key) ?? 0;
  const rows = frames.map((f) => [
    ranked ? String(f.rank) : "-",
    truncate(clean(f.name), 48),
    truncate(clean(f.file ? `${relativeFile(f.file, root)}${line(f) > 0 ? `:${line(f)}` : ""}` : ""), 40),
    `${pct(f.base.mean)} -> ${pct(f.head.mean)}`,
    `${seconds(f.base.timeSeconds)} -> ${seconds(f.head.timeSeconds)}`,
    `${pp(f.delta)} ${ppInterval(f.ci)}`,
    qValue(f.qValue)
  ]);
  const level = frames.length ? levelText(frames[0].ci.level) : "99%";
  const head = ["#", "frame", "location", "share", "time", `change [${level} CI]`, "q"];
  const empty = (c) => rows.every((r) => r[c] === "" || r[c] === "n/a -> n/a");
  const keep = head.map((_, c) => !empty(c));
  const all = [head, ...rows].map((r) => r.filter((_, c) => keep[c]));
  const widths = all[0].map((_, c) => Math.max(...all.map((row) => row[c].length)));
  return all.map(
    (row) => `  ${row.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd()}`
  );
}
function measured(input) {
  const m = input.measured;
  const sampler = m.sampler ? `, sampler ${clean(`${m.sampler} ${m.samplerVersion}`.trim())}${m.rateHz ? ` at ${m.rateHz} Hz` : ""}` : "";
  const lines = [
    `Measured: ${m.runsBase} base + ${m.runsHead} head runs${m.rerun ? " (interleaved here)" : ""}${sampler}`
  ];
  if (m.machine !== UNKNOWN_MACHINE) lines.push(`Machine: ${clean(m.machine)}`);
  if (input.baseline?.sha)
    lines.push(`Baseline: ${shortSha(input.baseline.sha)} on ${clean(input.baseline.branch)}`);
  const s = input.report?.settings;
  if (s) {
    lines.push(
      `Test: ${clean((s.test ?? "per-frame test").split(/[:;]/)[0])}, FDR ${s.alpha}, gate: frame +${(s.gateFrameShare * 100).toFixed(1)} pp${s.gateTotal !== null ? `, total ${signedPct(s.gateTotal)}` : ""}`
    );
  }
  return lines;
}
function clean(s) {
  return stripControl(s).replace(/[\r\n\t]+/g, " ");
}
function truncate(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}\u2026` : s;
}

// src/report/present.ts
function present(analysis, facts) {
  return facts.mode === "baseline" ? presentBaseline(analysis, facts) : presentComparison(analysis, facts);
}
function reportInput(a, facts) {
  const head = a.runSets.head;
  return {
    report: a.report,
    headSha: facts.headSha,
    headRef: facts.headRef,
    baseline: facts.baseline,
    headDate: facts.headDate ?? null,
    measured: {
      runsBase: a.base?.runs ?? 0,
      runsHead: a.head.runs,
      sampler: head.sampler,
      samplerVersion: head.samplerVersion,
      machine: machineText(head.machine),
      rerun: a.runSets.interleaved,
      rateHz: head.rateHz
    },
    links: facts.links,
    rootDir: facts.rootDir,
    frameLines: a.frameLines,
    textFlame: a.pictures.textFlame,
    trends: a.trends,
    localFiles: facts.localFiles
  };
}
function presentComparison(a, facts) {
  const input = reportInput(a, facts);
  const comment = renderComment(input);
  const label = facts.headSha ? `${facts.headRef} @ ${shortSha(facts.headSha)}` : facts.headRef;
  return {
    comment,
    summary: renderSummary(input, mdText(label)),
    console: renderConsole(input, facts.written ?? []),
    markdown: withoutMarker(comment)
  };
}
function withoutMarker(comment) {
  return comment.startsWith(COMMENT_MARKER) ? comment.slice(COMMENT_MARKER.length).replace(/^\n/, "") : comment;
}
function presentBaseline(a, facts) {
  const side = a.runSets.head;
  const branch = facts.baseline?.branch ?? facts.headRef;
  const sha = shortSha(facts.headSha);
  const t = a.head.totals;
  const n = a.head.runs;
  const perRun = t.profileSeconds !== null ? `${seconds(t.profileSeconds)} profiled` : `${Math.round(t.samples)} samples`;
  const top = a.head.top.slice(0, 10);
  const lines = [
    `Recorded baseline ${mdCode(sha)} for ${mdCode(branch)}: ${n} run${n === 1 ? "" : "s"} with ${mdCode(side.sampler)}, ${perRun} per run (mean).`,
    "",
    "Top frames (inclusive share):",
    "",
    ...top.map((f) => `- ${mdCode(f.key)}: ${(f.share * 100).toFixed(1)}%`)
  ];
  const summary = renderBaselineSummary(mdText(facts.headRef), lines.join("\n"));
  const where = facts.store ? `, ${facts.store.kind} store ${facts.store.location}` : "";
  const console = [
    `flamediff: recorded baseline ${sha} for ${branch} (${n} run${n === 1 ? "" : "s"}${where})`,
    "Top frames:",
    ...top.map((f) => `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${stripControl(f.key)}`),
    ...facts.written?.length ? [`Wrote: ${facts.written.join(", ")}`] : [],
    ""
  ].join("\n");
  return { comment: "", summary, console, markdown: lines.join("\n") };
}

export {
  resolveHints,
  matchByProfile,
  NO_REFACTORS,
  FALLBACK,
  fallbackRefactors,
  applyRefactors,
  analyse,
  withReport,
  present
};
