#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  INPUT_OPTIONS,
  INPUT_OPTIONS_HELP,
  importOptionsFrom,
  readProfileArg,
  writeOutput
} from "./chunk-U3ZQXHUC.js";
import "./chunk-34IPKADY.js";
import {
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import "./chunk-R7UGHFIG.js";
import {
  SPEEDSCOPE_SCHEMA,
  frameFromSpeedscope,
  writeFolded
} from "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import {
  frameLabel
} from "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

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
      const d = rank[ids[ax + k]] - rank[ids[ay + k]];
      if (d !== 0) return d;
    }
    return offsets[x + 1] - ax - (offsets[y + 1] - ay);
  });
}

// src/commands/convert.ts
var TARGETS = ["speedscope", "folded"];
var HELP = `Usage: flamediff convert FILE --to speedscope|folded [-o OUT]

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
  help: HELP,
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
export {
  convertCommand
};
