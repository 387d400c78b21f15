#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  atGranularity
} from "./chunk-U37WCUHD.js";
import {
  frameLabel
} from "./chunk-RM2AEMQK.js";

// src/report/markdown.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
var ZWSP = "\u200B";
function stripControl(s) {
  return s.replace(CONTROL, "\uFFFD");
}
function mdCode(s, max = 140) {
  let t = stripControl(s).replace(/[\r\n\t]+/g, " ");
  if (t.length > max) t = `${t.slice(0, Math.ceil(max / 2) - 1)}\u2026${t.slice(t.length - Math.floor(max / 2))}`;
  t = t.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") || t === "" ? " " : "";
  return `${fence}${pad}${t || " "}${pad}${fence}`;
}
function mdText(s) {
  return stripControl(s).replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()#+\-.!|~=^$]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, `@${ZWSP}`).replace(/:(?=\\?\/)/g, `:${ZWSP}`).replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`);
}
function safeUrl(url) {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(
    /[()<>"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function mdFence(text, info = "text") {
  const clean = stripControl(text);
  const longest = Math.max(2, ...(clean.match(/`{3,}|~{3,}/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${clean.replace(/\n$/, "")}
${fence}`;
}

// src/profile/totals.ts
function frameTotals(p) {
  const n = p.frames.size;
  const inclusive = new Float64Array(n);
  const self = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const { ids, offsets, weights, length } = p.stacks.columns();
  let total = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    const a = offsets[s];
    const b = offsets[s + 1];
    total += w;
    if (b === a) continue;
    for (let k = a; k < b; k++) {
      const id = ids[k];
      if (stamp[id] !== s) {
        stamp[id] = s;
        inclusive[id] += w;
      }
    }
    self[ids[b - 1]] += w;
  }
  return { inclusive, self, total };
}

// src/analyse/facts.ts
function topFrames(p, g, k = 30) {
  const q = atGranularity(p, g);
  const t = frameTotals(q);
  if (!(t.total > 0)) return [];
  const out = [];
  for (let id = 0; id < q.frames.size; id++) {
    out.push({
      key: frameLabel(q.frame(id)),
      share: t.inclusive[id] / t.total,
      selfShare: t.self[id] / t.total
    });
  }
  out.sort(
    (a, b) => b.share - a.share || b.selfShare - a.selfShare || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
  return out.slice(0, k).map((f) => ({ key: f.key, share: round(f.share), selfShare: round(f.selfShare) }));
}
function round(x) {
  return Math.round(x * 1e6) / 1e6;
}
function sideTotals(inputs) {
  const mean = (xs) => xs.every((x) => typeof x === "number" && Number.isFinite(x)) && xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  const samples = mean(inputs.map((r) => r.profile.totalWeight())) ?? 0;
  const interval = inputs[0]?.profile.meta.intervalNs;
  const unit = inputs[0]?.profile.meta.unit;
  let profileSeconds = null;
  if (unit === "samples" && interval) profileSeconds = samples * interval / 1e9;
  else if (unit === "nanoseconds") profileSeconds = samples / 1e9;
  else if (unit === "microseconds") profileSeconds = samples / 1e6;
  return {
    samples,
    wallSeconds: mean(inputs.map((r) => r.wallSeconds)),
    cpuSeconds: mean(inputs.map((r) => r.cpuSeconds)),
    profileSeconds
  };
}
function historyEntry(sha, date, totals, frames, timePerShare) {
  const [total, totalMeasure] = totals.wallSeconds !== null ? [totals.wallSeconds, "wallSeconds"] : totals.profileSeconds !== null ? [totals.profileSeconds, "profileSeconds"] : [totals.samples, "samples"];
  return {
    sha,
    date,
    total,
    totalMeasure,
    frames: frames.map((f) => ({
      key: f.key,
      share: f.share,
      selfShare: f.selfShare,
      timeSeconds: timePerShare === null ? null : Math.round(f.share * timePerShare * 1e6) / 1e6
    }))
  };
}
function machineWarning(base, head) {
  if (!base || !head) return null;
  const fields = ["cpuModel", "cores", "arch", "kernel"];
  const diffs = fields.filter((f) => String(base[f]) !== String(head[f])).map((f) => `${f} ${String(base[f])} vs ${String(head[f])}`);
  if (diffs.length === 0) return null;
  return `Baseline and head ran on different machines (${diffs.join("; ")}): times and the total are less comparable; baseline: rerun measures both sides here.`;
}
function machineText(m) {
  if (!m) return "unknown machine";
  return `${m.cpuModel}, ${m.cores} cores, ${m.platform}/${m.arch} ${m.kernel}, load ${m.loadAvg.map((x) => x.toFixed(2)).join(" ")}`;
}
function firstLines(profiles, g) {
  const out = /* @__PURE__ */ new Map();
  if (g !== "function") return out;
  for (const p of profiles) addFirstLines(p, out);
  return out;
}
function addFirstLines(p, out) {
  for (let id = 0; id < p.frames.size; id++) {
    const f = p.frame(id);
    if (!(f.line > 0) || f.file === "") continue;
    const key = frameLabel({ ...f, line: 0 });
    const prev = out.get(key);
    if (prev === void 0 || f.line < prev) out.set(key, f.line);
  }
}

export {
  topFrames,
  sideTotals,
  historyEntry,
  machineWarning,
  machineText,
  firstLines,
  stripControl,
  mdCode,
  mdText,
  safeUrl,
  mdFence
};
