#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/stats/verdict.ts
var isIdle = (f) => f.runtime === "idle";
function isRegression(f) {
  return (f.status === "regressed" || f.status === "new") && f.rank !== null && !isIdle(f);
}
function isImprovement(f) {
  return f.status === "improved" && !isIdle(f);
}
function rankedRegressions(frames) {
  return frames.filter(isRegression).sort((a, b) => a.rank - b.rank);
}
function summarise(frames, s, unit, renamed = 0) {
  const gate = s.gateFrameShare;
  const underGate = rankedRegressions(frames).filter((f) => f.delta / unit <= gate).map((f) => ({ key: f.key, delta: f.delta / unit, gate }));
  return {
    regressions: frames.filter(isRegression).length,
    improvements: frames.filter(isImprovement).length,
    new: frames.filter((f) => f.status === "new").length,
    gone: frames.filter((f) => f.status === "gone").length,
    renamed,
    ranked: rankedRegressions(frames).map((f) => f.key),
    underGate
  };
}
function decideVerdict(frames, total, s, unit) {
  const pct = (x) => `${(x * 100).toFixed(2)}%`;
  for (const f of frames) {
    if ((f.status === "regressed" || f.status === "new") && !isIdle(f) && f.delta / unit > s.gateFrameShare) {
      const why = f.explainedBy ? ` (explained by ${f.explainedBy})` : "";
      const verb = f.status === "new" ? "is new and costs" : "regressed by";
      return {
        verdict: "fail",
        reason: `${f.key} ${verb} ${pct(f.delta / unit)} of the total${why}, above the gate of ${pct(s.gateFrameShare)}.`
      };
    }
  }
  if (s.gateTotal !== null && total.status === "regressed" && total.change !== null && total.change > s.gateTotal) {
    return {
      verdict: "fail",
      reason: `The total (${total.measure}) regressed by ${pct(total.change)}, above the gate of ${pct(s.gateTotal)}.`
    };
  }
  const n = frames.filter(isRegression).length;
  return {
    verdict: "pass",
    reason: n === 0 ? "No frame regressed significantly beyond the effect floors." : `${n} frame(s) regressed, none by more than the gate of ${pct(s.gateFrameShare)} of the total.`
  };
}

export {
  isRegression,
  isImprovement,
  rankedRegressions,
  summarise,
  decideVerdict
};
