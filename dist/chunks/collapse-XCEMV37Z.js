#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  useWorker
} from "./chunk-HZYGRVKL.js";
import {
  INPUT_OPTIONS,
  INPUT_OPTIONS_HELP,
  importOptionsFrom,
  readProfileArg,
  writeOutput
} from "./chunk-U3ZQXHUC.js";
import {
  tempSuffix
} from "./chunk-34IPKADY.js";
import {
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  PARALLEL_AT,
  collapsePerfFileParallel
} from "./chunk-VDSTYDAO.js";
import "./chunk-XELWIH2N.js";
import {
  mergeProfiles
} from "./chunk-U37WCUHD.js";
import "./chunk-R7UGHFIG.js";
import {
  detectFormat,
  foldedTarget,
  formatByName,
  parseFoldedInto,
  writeFolded,
  writeFoldedChunks
} from "./chunk-U424FUUL.js";
import {
  STREAM_FILE_AT,
  inputByteSize,
  isGzip,
  makeFileInput,
  makeInput,
  readHead,
  sniffEncoding
} from "./chunk-EZECY7W2.js";
import "./chunk-2RUZDTUI.js";
import {
  fsError,
  isFsError
} from "./chunk-3EE22N24.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/collapse.ts
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";

// src/formats/merged-import.ts
import { readFile, stat } from "node:fs/promises";
async function importFoldedMerged(files, opts = {}) {
  const inputs = [];
  let bytes = 0;
  for (const f of files) {
    const input = await foldedInput(f.path, f.shownName, opts);
    if (input === void 0) return void 0;
    inputs.push(input);
    bytes += inputByteSize(input);
  }
  const target = foldedTarget(bytes);
  for (const input of inputs) {
    const profile = parseFoldedInto(input, opts, target);
    profile.meta.source ??= input.fileName;
  }
  return target.profile;
}
async function foldedInput(path, shownName, opts) {
  let size;
  try {
    size = (await stat(path)).size;
  } catch {
    return void 0;
  }
  if (size === 0) return void 0;
  if (size >= STREAM_FILE_AT) {
    const head = readHead(path);
    if (isGzip(head) || sniffEncoding(head).encoding !== "utf-8") return void 0;
    const format2 = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
    return format2?.name === "folded" ? makeFileInput(path, shownName) : void 0;
  }
  const input = makeInput(shownName, await readFile(path));
  const format = opts.format ? formatByName(opts.format) : detectFormat(input);
  return format?.name === "folded" ? input : void 0;
}

// src/formats/perf-script-file.ts
import { statSync } from "node:fs";
async function importPerfScriptParallel(path, shownName, opts) {
  let size;
  try {
    size = statSync(path).size;
  } catch {
    return void 0;
  }
  if (size < PARALLEL_AT) return void 0;
  const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, readHead(path)));
  if (format?.name !== "perf-script") return void 0;
  const p = await collapsePerfFileParallel(path, shownName, opts.perf ?? {}, opts);
  if (p !== void 0) p.meta.source ??= shownName;
  return p;
}

// src/commands/collapse.ts
var HELP = `Usage: flamediff collapse [options] FILE... [-o OUT]

Reads profiles in any format flamediff knows (perf script text, folded stacks, py-spy,
pyflame, austin, async-profiler, Fil/memray, CPython sampling, .cpuprofile, pprof,
speedscope, pstats) and writes canonical folded stacks: one \`root;...;leaf count\` line per
distinct stack, sorted, the same bytes for the same input. Several files are merged (their
units must agree). FILE may be \`-\` for standard input; gzip input is read as is.

Options:
  -o, --output OUT      Write to OUT instead of standard output (written atomically)
${INPUT_OPTIONS_HELP}
Examples:
  perf record -F 99 -g -- ./app && perf script > out.perf
  flamediff collapse out.perf -o app.folded
  flamediff collapse --all --pid out.perf            # like stackcollapse-perf.pl --all --pid
  perf script | flamediff collapse --format perf-script - > app.folded
  flamediff collapse run1.txt run2.txt run3.txt -o merged.folded
  flamediff collapse --sample-type cpu austin.txt    # austin full mode, CPU time only
`;
var collapseCommand = {
  name: "collapse",
  summary: "convert profiles (perf script, py-spy, austin, ...) to canonical folded stacks",
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("collapse", argv, INPUT_OPTIONS);
    if (positionals.length === 0) {
      throw new UserError("flamediff collapse: no input FILE given (see `flamediff collapse --help`)");
    }
    const opts = importOptionsFrom(values, io);
    const threads = useWorker(io.env);
    const merged = await foldedMerged(positionals, opts, io.cwd) ?? await importAll(positionals, opts, io, threads);
    const out = values.output;
    if (out === void 0 || out === "-") await writeOutput(out, writeFolded(merged), io);
    else writeFoldedFile(out, merged, io.cwd);
    return 0;
  }
};
function foldedMerged(files, opts, cwd) {
  if (files.length < 2 || files.includes("-")) return Promise.resolve(void 0);
  return importFoldedMerged(
    files.map((file) => ({ path: resolve(cwd, file), shownName: file })),
    opts
  );
}
async function importAll(files, opts, io, threads) {
  if (threads && files.length === 1 && files[0] !== "-") {
    const p = await importPerfScriptParallel(resolve(io.cwd, files[0]), files[0], opts);
    if (p !== void 0) return p;
  }
  const profiles = [];
  for (const file of files) profiles.push(await readProfileArg(file, opts, io));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}
function writeFoldedFile(out, profile, cwd) {
  const path = resolve(cwd, out);
  const tmp = `${path}.${tempSuffix()}.tmp`;
  let fd = -1;
  try {
    fd = openSync(tmp, "w");
    const target = fd;
    writeFoldedChunks(profile, (chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(target, chunk, at);
    });
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== -1) closeSync(fd);
    rmSync(tmp, { force: true });
    if (!isFsError(err)) throw err;
    throw fsError(out, "cannot write", err, `is ${dirname(out)} a writable directory?`);
  }
}
export {
  collapseCommand
};
