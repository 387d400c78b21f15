#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  tempSuffix
} from "./chunk-34IPKADY.js";
import {
  importProfile,
  importProfileFile
} from "./chunk-U424FUUL.js";
import {
  fsError
} from "./chunk-3EE22N24.js";

// src/commands/profile-io.ts
import { rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var INPUT_OPTIONS = {
  format: { type: "string", short: "f" },
  "sample-type": { type: "string" },
  pid: { type: "boolean" },
  tid: { type: "boolean" },
  kernel: { type: "boolean" },
  jit: { type: "boolean" },
  all: { type: "boolean" },
  addrs: { type: "boolean" },
  "event-filter": { type: "string" },
  output: { type: "string", short: "o" }
};
var INPUT_OPTIONS_HELP = `Input options:
  -f, --format F        Skip detection: folded, perf-script, py-spy, pyflame, austin,
                        async-profiler, memory, cpython, cpuprofile, pprof, speedscope,
                        pstats, diff-folded
      --sample-type T   Which metric of a multi-metric profile (pprof sample type; austin
                        time|cpu|memory|memory-released; diff-folded before|after)
perf script options (same meaning as FlameGraph's stackcollapse-perf.pl):
      --pid             Include the PID with process names (comm-PID)
      --tid             Include PID and TID with process names (comm-PID/TID)
      --kernel          Annotate kernel functions with _[k]
      --jit             Annotate JIT functions with _[j]
      --all             All annotations (--kernel --jit, inlined _[i])
      --addrs           Include raw addresses where symbols can't be found
      --event-filter E  Only this event (default: the first event seen)
`;
function importOptionsFrom(values, io) {
  const perf = {};
  for (const k of ["pid", "tid", "kernel", "jit", "all", "addrs"])
    if (values[k] === true) perf[k] = true;
  if (typeof values["event-filter"] === "string") perf.eventFilter = values["event-filter"];
  const opts = { perf, onWarning: (m) => io.stderr(`flamediff: warning: ${m}
`) };
  if (typeof values.format === "string") opts.format = values.format;
  if (typeof values["sample-type"] === "string") opts.sampleType = values["sample-type"];
  return opts;
}
async function readProfileArg(file, opts, io) {
  if (file === "-") return importProfile("<stdin>", await readStdin(), opts);
  return importProfileFile(resolve(io.cwd, file), opts, file);
}
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}
async function writeOutput(out, text, io) {
  if (out === void 0 || out === "-") {
    io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, out);
  const tmp = `${path}.${tempSuffix()}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw fsError(out, "cannot write", err, `is ${dirname(out)} a writable directory?`);
  }
}

export {
  INPUT_OPTIONS,
  INPUT_OPTIONS_HELP,
  importOptionsFrom,
  readProfileArg,
  writeOutput
};
