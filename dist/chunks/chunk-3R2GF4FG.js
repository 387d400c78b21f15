#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  mean,
  median
} from "./chunk-UR5MWT2A.js";

// src/lib/sha.ts
function shortSha(sha) {
  return sha.replace(/[^0-9a-f]/gi, "").slice(0, 7).toLowerCase() || "unknown";
}

// src/lib/random.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function seedFor(base, key, salt = 0) {
  let h = (2166136261 ^ base) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  h ^= salt;
  return Math.imul(h, 16777619) >>> 0;
}

// src/history/settings.ts
var DEFAULT_CHANGE_POINT_SETTINGS = {
  permutations: 99,
  pValue: 0.01,
  minSegment: 5,
  minRelativeChange: 0.05,
  minAbsoluteChange: 1e-3,
  minNoiseMultiple: 1.5,
  seed: 1
};
var DEFAULT_CREEP_SETTINGS = {
  window: 10,
  minRelativeRise: 0.05,
  minAbsoluteRise: 2e-3,
  trendPValue: 0.05,
  minNoiseMultiple: 3
};
var DEFAULT_TREND_SETTINGS = {
  changePoints: DEFAULT_CHANGE_POINT_SETTINGS,
  creep: DEFAULT_CREEP_SETTINGS,
  sparklineLength: 20
};

// src/history/e-divisive.ts
var Workspace = class {
  constructor(capacity) {
    this.capacity = capacity;
    this.vals = new Float64Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.cnt = new Int32Array(capacity + 1);
    this.sum = new Float64Array(capacity + 1);
    this.wl = new Float64Array(capacity + 1);
    this.wr = new Float64Array(capacity + 1);
  }
  capacity;
  vals;
  ranks;
  cnt;
  sum;
  wl;
  wr;
  order = [];
};
var shared = null;
function workspace(n) {
  if (!shared || shared.capacity < n) shared = new Workspace(Math.max(n, 64));
  return shared;
}
function pairSums(ws, len, forward, out) {
  const { vals, ranks, cnt, sum } = ws;
  cnt.fill(0, 0, len + 1);
  sum.fill(0, 0, len + 1);
  let totC = 0;
  let totS = 0;
  let acc = 0;
  out[forward ? 0 : len] = 0;
  for (let step = 0; step < len; step++) {
    const i = forward ? step : len - 1 - step;
    const z = vals[i];
    const rank = ranks[i] + 1;
    let c = 0;
    let s = 0;
    for (let j = rank; j > 0; j -= j & -j) {
      c += cnt[j];
      s += sum[j];
    }
    acc += z * c - s + (totS - s) - z * (totC - c);
    for (let j = rank; j <= len; j += j & -j) {
      cnt[j]++;
      sum[j] += z;
    }
    totC++;
    totS += z;
    out[forward ? i + 1 : i] = acc;
  }
}
function withinSums(ws, len) {
  pairSums(ws, len, true, ws.wl);
  pairSums(ws, len, false, ws.wr);
}
function bestSplit(ws, len, minSegment) {
  withinSums(ws, len);
  const { wl, wr } = ws;
  const total = wl[len];
  let best = { tau: -1, q: Number.NEGATIVE_INFINITY };
  for (let tau = minSegment; tau <= len - minSegment; tau++) {
    const m = tau;
    const k = len - tau;
    const between = total - wl[tau] - wr[tau];
    const e = 2 * between / (m * k) - (m > 1 ? 2 * wl[tau] / (m * (m - 1)) : 0) - (k > 1 ? 2 * wr[tau] / (k * (k - 1)) : 0);
    const q = m * k / (m + k) * e;
    if (q > best.q) best = { tau, q };
  }
  return best;
}
function loadSegment(ws, series, start, end) {
  const len = end - start;
  const order = ws.order;
  order.length = len;
  for (let i = 0; i < len; i++) {
    ws.vals[i] = series[start + i];
    order[i] = i;
  }
  order.sort((a, b) => ws.vals[a] - ws.vals[b] || a - b);
  for (let r = 0; r < len; r++) ws.ranks[order[r]] = r;
  return len;
}
function shuffle(ws, len, random) {
  const { vals, ranks } = ws;
  for (let i = len - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const v = vals[i];
    vals[i] = vals[j];
    vals[j] = v;
    const r = ranks[i];
    ranks[i] = ranks[j];
    ranks[j] = r;
  }
}
function permutationPValue(ws, len, observed, s, random) {
  let exceed = 0;
  const limit = s.pValue * (s.permutations + 1) - 1 + 1e-9;
  for (let p = 0; p < s.permutations; p++) {
    shuffle(ws, len, random);
    if (bestSplit(ws, len, s.minSegment).q >= observed * (1 - 1e-12)) {
      exceed++;
      if (exceed > limit) return (exceed + 1) / (p + 2);
    }
  }
  return (exceed + 1) / (s.permutations + 1);
}
function bigEnough(before, after, s, scale = 1) {
  const delta = Math.abs(after - before);
  return delta >= scale * s.minAbsoluteChange && delta >= scale * s.minRelativeChange * Math.abs(before) && delta >= scale * s.minNoiseMultiple * s.noise;
}
var SEARCH_FLOOR_SCALE = 0.5;
function noiseLevel(series) {
  const n = series.length;
  if (n < 3) return 0;
  const d = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) d[i - 1] = Math.abs(series[i] - series[i - 1]);
  d.sort();
  const m = d.length >> 1;
  const med = d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2;
  return 1.4826 * med / Math.SQRT2;
}
function detectChangePoints(series, settings = {}, seed) {
  const s = { ...DEFAULT_CHANGE_POINT_SETTINGS, ...settings };
  const n = series.length;
  const minSeg = Math.max(2, Math.floor(s.minSegment));
  const cfg = { ...s, minSegment: minSeg, noise: noiseLevel(series) };
  const random = seededRandom(seed ?? s.seed);
  const ws = workspace(n);
  const found = /* @__PURE__ */ new Map();
  const todo = [[0, n]];
  while (todo.length > 0) {
    const [start, end] = todo.pop();
    if (end - start < 2 * minSeg) continue;
    const len = loadSegment(ws, series, start, end);
    const split = bestSplit(ws, len, minSeg);
    if (split.tau < 0 || !(split.q > 0)) continue;
    const at = start + split.tau;
    if (!bigEnough(mean(series, start, at), mean(series, at, end), cfg, SEARCH_FLOOR_SCALE)) continue;
    const p = permutationPValue(ws, len, split.q, cfg, random);
    if (p > s.pValue) continue;
    found.set(at, p);
    todo.push([at, end], [start, at]);
  }
  return describe(series, found, cfg);
}
function describe(series, found, s) {
  const idx = [...found.keys()].sort((a, b) => a - b);
  for (; ; ) {
    const cps = idx.map((index, i) => {
      const before = mean(series, i === 0 ? 0 : idx[i - 1], index);
      const after = mean(series, index, i === idx.length - 1 ? series.length : idx[i + 1]);
      const delta = after - before;
      return {
        index,
        before,
        after,
        delta,
        relative: before !== 0 ? delta / Math.abs(before) : null,
        pValue: found.get(index)
      };
    });
    let weakest = -1;
    for (let i = 0; i < cps.length; i++) {
      if (bigEnough(cps[i].before, cps[i].after, s)) continue;
      if (weakest < 0 || Math.abs(cps[i].delta) < Math.abs(cps[weakest].delta)) weakest = i;
    }
    if (weakest < 0) return cps;
    idx.splice(weakest, 1);
  }
}

// src/history/creep.ts
function upperTail(z) {
  if (z < 0) return 1 - upperTail(-z);
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
}
function mannKendallUp(xs) {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j] - xs[i]);
  const variance = n * (n - 1) * (2 * n + 5) / 18;
  if (s <= 0) return 1;
  return upperTail((s - 1) / Math.sqrt(variance));
}
function theilSen(xs) {
  const slopes = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) slopes.push((xs[j] - xs[i]) / (j - i));
  const slope = median(slopes);
  return { slope, intercept: median(xs.map((x, i) => x - slope * i)) };
}
function lineSse(xs) {
  const n = xs.length;
  const mx = (n - 1) / 2;
  const my = xs.reduce((a, b2) => a + b2, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (xs[i] - my);
    sxx += (i - mx) ** 2;
  }
  const b = sxy / sxx;
  return xs.reduce((acc, x, i) => acc + (x - (my + b * (i - mx))) ** 2, 0);
}
function stepSse(xs) {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 2; k <= xs.length - 2; k++) {
    const a = xs.slice(0, k);
    const b = xs.slice(k);
    const ma = a.reduce((s, x) => s + x, 0) / a.length;
    const mb = b.reduce((s, x) => s + x, 0) / b.length;
    const sse = a.reduce((s, x) => s + (x - ma) ** 2, 0) + b.reduce((s, x) => s + (x - mb) ** 2, 0);
    best = Math.min(best, sse);
  }
  return best;
}
function detectCreep(series, settings = {}) {
  const s = { ...DEFAULT_CREEP_SETTINGS, ...settings };
  const w = Math.max(4, Math.floor(s.window));
  if (series.length < w) return null;
  const from = series.length - w;
  const xs = Array.from({ length: w }, (_, i) => series[from + i]);
  const { slope, intercept } = theilSen(xs);
  const start = intercept;
  const end = intercept + slope * (w - 1);
  const rise = end - start;
  if (!(rise >= s.minAbsoluteRise) || !(start > 0) || rise / start < s.minRelativeRise) return null;
  if (rise < s.minNoiseMultiple * noiseLevel(series)) return null;
  const pValue = mannKendallUp(xs);
  if (pValue > s.trendPValue) return null;
  if (lineSse(xs) > stepSse(xs)) return null;
  const steps = xs.slice(1).map((x, i) => ({ index: from + i + 1, delta: x - xs[i] })).filter((st) => st.delta > 0).sort((a, b) => b.delta - a.delta || a.index - b.index).slice(0, 3);
  return { from, to: series.length - 1, start, end, rise, relative: rise / start, pValue, steps };
}

// src/history/series.ts
function frameSeries(h, filter) {
  const n = h.entries.length;
  const byKey = /* @__PURE__ */ new Map();
  h.entries.forEach((e, i) => {
    for (const f of e.frames) {
      let s = byKey.get(f.key);
      if (!s) {
        if (filter && !filter(f.key)) continue;
        s = { key: f.key, start: i, values: new Array(n - i).fill(0), self: new Array(n - i).fill(0) };
        byKey.set(f.key, s);
      }
      s.values[i - s.start] = f.share;
      s.self[i - s.start] = f.selfShare;
    }
  });
  return [...byKey.values()].sort(
    (a, b) => b.values[b.values.length - 1] - a.values[a.values.length - 1] || (a.key < b.key ? -1 : 1)
  );
}

// src/history/sparkline.ts
var BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return "";
  if (finite.length === 1) return "-";
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo;
  return values.map((v) => {
    if (!Number.isFinite(v)) return "\xB7";
    if (span <= Math.abs(hi) * 1e-9) return BLOCKS[3];
    return BLOCKS[Math.round((v - lo) / span * 7)];
  }).join("");
}

// src/history/analyze.ts
function mergeSettings(s = {}) {
  return {
    changePoints: { ...DEFAULT_TREND_SETTINGS.changePoints, ...s.changePoints },
    creep: { ...DEFAULT_TREND_SETTINGS.creep, ...s.creep },
    sparklineLength: s.sparklineLength ?? DEFAULT_TREND_SETTINGS.sparklineLength
  };
}
function padded(values, n) {
  const tail = values.slice(-n);
  return [...new Array(n - tail.length).fill(Number.NaN), ...tail];
}
function placeChanges(cps, start, shas) {
  return cps.map((c) => ({ ...c, entry: start + c.index, sha: shas[start + c.index] }));
}
function analyzeHistory(h, opts = {}) {
  const settings = mergeSettings(opts.settings);
  const shas = h.entries.map((e) => e.sha);
  const cp = settings.changePoints;
  const detect = opts.changePoints !== false;
  const totals = h.entries.map((e) => e.total);
  const frames = frameSeries(h, opts.filter).map((s) => {
    const changes = detect ? detectChangePoints(s.values, cp, seedFor(cp.seed, s.key)) : [];
    const creep = detectCreep(s.values, settings.creep);
    return {
      key: s.key,
      start: s.start,
      values: s.values,
      self: s.self,
      latest: s.values[s.values.length - 1],
      changePoints: placeChanges(changes, s.start, shas),
      creep: creep && {
        ...creep,
        fromSha: shas[s.start + creep.from],
        toSha: shas[s.start + creep.to],
        stepShas: creep.steps.map((st) => shas[s.start + st.index])
      },
      sparkline: sparkline(padded(s.values, Math.min(settings.sparklineLength, shas.length)))
    };
  });
  const totalChanges = detect ? detectChangePoints(totals, { ...cp, minAbsoluteChange: 0 }, seedFor(cp.seed, "\0total")) : [];
  return {
    branch: h.branch,
    totalMeasure: h.entries[h.entries.length - 1]?.totalMeasure ?? "seconds",
    commits: h.entries.map((e) => ({ sha: e.sha, date: e.date, total: e.total, pull: e.pull ?? null })),
    total: { values: totals, changePoints: placeChanges(totalChanges, 0, shas) },
    frames,
    creeping: frames.filter((f) => f.creep).map((f) => f.key),
    settings
  };
}
var pct = (x) => `${(x * 100).toFixed(2)}%`;
var signedPct = (x) => `${x >= 0 ? "+" : "-"}${Math.abs(x * 100).toFixed(1)}%`;
var pp = (x) => `${x >= 0 ? "+" : "-"}${Math.abs(x * 100).toFixed(2)} pp`;
function creepNote(c) {
  const steps = c.steps.map((st, i) => `${shortSha(c.stepShas[i])} ${pp(st.delta)}`).join(", ");
  const n = c.to - c.from + 1;
  return `creeping: ${signedPct(c.relative)} (${pct(c.start)} \u2192 ${pct(c.end)}) over the last ${n} baselines ${shortSha(c.fromSha)}..${shortSha(c.toSha)}${steps ? `; largest steps ${steps}` : ""}`;
}

// src/history/frame-trends.ts
function frameTrends(h, keys, settings) {
  const wanted = new Set(keys);
  const report = analyzeHistory(h, { filter: (k) => wanted.has(k), settings, changePoints: false });
  const byKey = new Map(report.frames.map((f) => [f.key, f]));
  return keys.map((key) => {
    const f = byKey.get(key);
    return { key, sparkline: f?.sparkline ?? "", creepNote: f?.creep ? creepNote(f.creep) : null };
  });
}

export {
  shortSha,
  analyzeHistory,
  creepNote,
  frameTrends
};
