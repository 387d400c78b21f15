#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/report/format.ts
function pct(share, digits = 1) {
  if (!Number.isFinite(share)) return "n/a";
  const v = share * 100;
  return `${Math.abs(v) < 10 ** -digits && v !== 0 ? (v > 0 ? "<" : ">-") + (10 ** -digits).toFixed(digits) : v.toFixed(digits)}%`;
}
function signedPct(x, digits = 1) {
  if (!Number.isFinite(x)) return "n/a";
  const s = (x * 100).toFixed(digits);
  return `${x >= 0 && !s.startsWith("-") ? "+" : ""}${s}%`;
}
function pp(delta, digits = 1) {
  if (!Number.isFinite(delta)) return "n/a";
  const s = (delta * 100).toFixed(digits);
  return `${delta >= 0 && !s.startsWith("-") ? "+" : ""}${s} pp`;
}
function ppInterval(ci) {
  return `[${pp(ci.lo).replace(" pp", "")}, ${pp(ci.hi)}]`;
}
function relInterval(ci) {
  return `${signedPct(ci.lo)} to ${signedPct(ci.hi)}`;
}
function seconds(s) {
  if (s === null || s === void 0 || !Number.isFinite(s)) return "n/a";
  if (s >= 100) return `${s.toFixed(0)} s`;
  if (s >= 1) return `${s.toFixed(2)} s`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(s >= 0.1 ? 0 : 1)} ms`;
  return `${(s * 1e6).toFixed(0)} \xB5s`;
}
function qValue(q) {
  if (!Number.isFinite(q)) return "n/a";
  if (q < 1e-3) return "<0.001";
  return q.toFixed(3);
}
function count(n) {
  return Math.round(n).toLocaleString("en-US");
}
function age(fromIso, toIso) {
  if (!fromIso || !toIso) return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms)) return null;
  const m = Math.max(0, ms) / 6e4;
  if (m < 1) return "under a minute";
  if (m < 60) return `${Math.round(m)} min`;
  const h = m / 60;
  if (h < 48) return Math.round(h) === 1 ? "1 hour" : `${Math.round(h)} hours`;
  return `${Math.round(h / 24)} days`;
}

export {
  pct,
  signedPct,
  pp,
  ppInterval,
  relInterval,
  seconds,
  qValue,
  count,
  age
};
