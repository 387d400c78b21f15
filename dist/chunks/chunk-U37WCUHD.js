#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  functionFrame
} from "./chunk-HA6H56OO.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/profile/transform.ts
function mapFrames(p, fn) {
  const out = p.emptyLike();
  const map = new Int32Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) map[id] = out.intern(fn(p.frame(id)));
  const buf = [];
  p.forEachStack((ids, w) => {
    buf.length = 0;
    let prev = -1;
    for (let k = 0; k < ids.length; k++) {
      const m = map[ids[k]];
      if (m !== prev) buf.push(m);
      prev = m;
    }
    out.addStack(buf, w);
  });
  return out;
}
function atGranularity(p, g) {
  switch (g) {
    case "line":
      return p;
    case "function":
      return mapFrames(p, functionFrame);
    case "module":
      return mapFrames(p, (f) => {
        const name = f.module || f.file || f.name;
        return { name, kind: f.kind };
      });
  }
}
function mergeProfiles(profiles) {
  if (profiles.length === 0) throw new UserError("no profiles to merge");
  const unit = profiles[0].meta.unit;
  const out = profiles[0].emptyLike();
  let buf = new Int32Array(256);
  for (const p of profiles) {
    if (p.meta.unit !== unit) {
      throw new UserError(
        `cannot merge profiles with different units: ${p.meta.source ?? "a profile"} is in ${p.meta.unit}, expected ${unit}`
      );
    }
    const map = new Int32Array(p.frames.size);
    let same = out.stacks.length === 0;
    for (let id = 0; id < p.frames.size; id++) {
      map[id] = out.intern(p.frame(id));
      if (map[id] !== id) same = false;
    }
    if (same && allPositive(p)) {
      out.stacks.copyFrom(p.stacks);
      continue;
    }
    const { ids, offsets, weights, length } = p.stacks.columns();
    for (let i = 0; i < length; i++) {
      const w = weights[i];
      if (!(w > 0)) continue;
      const a = offsets[i];
      const n = offsets[i + 1] - a;
      if (n > buf.length) buf = new Int32Array(n * 2);
      for (let k = 0; k < n; k++) buf[k] = map[ids[a + k]];
      out.stacks.addLater(buf, w, 0, n);
    }
  }
  return out;
}
function allPositive(p) {
  const { weights, length } = p.stacks.columns();
  for (let i = 0; i < length; i++) if (!(weights[i] > 0)) return false;
  return true;
}

export {
  mapFrames,
  atGranularity,
  mergeProfiles
};
