#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/lib/math.ts
function mean(xs, start = 0, end = xs.length) {
  if (end <= start) return 0;
  let s = 0;
  for (let i = start; i < end; i++) s += xs[i];
  return s / (end - start);
}
function variance(xs) {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return s / (xs.length - 1);
}
function sd(xs) {
  return Math.sqrt(variance(xs));
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export {
  mean,
  variance,
  sd,
  median
};
