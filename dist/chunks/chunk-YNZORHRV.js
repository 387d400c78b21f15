#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  readRunSet
} from "./chunk-Y6LDE2JV.js";
import {
  importProfileFile
} from "./chunk-U424FUUL.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/commands/run-sets.ts
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
async function loadSide(side, args, io, opts) {
  if (!args || args.length === 0)
    throw new UserError(`flamediff compare: --${side} is required (files or a directory of runs)`);
  const runs = await loadRuns(args, side, io, opts);
  if (runs.length === 0)
    throw new UserError(`flamediff compare: no ${side} runs found in ${args.join(", ")}`);
  return { runs, sampler: "", samplerVersion: "", command: [], rateHz: null, machine: null };
}
async function loadRuns(args, side, io, opts) {
  const runs = [];
  for (const arg of args.flatMap((a) => a.split(",")).filter((a) => a !== "")) {
    const path = resolve(io.cwd, arg);
    let isDir;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      throw fsError(arg, "cannot read", err);
    }
    if (!isDir) {
      runs.push({ profile: await importProfileFile(path, opts) });
      continue;
    }
    runs.push(...await loadDir(path, side, opts));
  }
  return runs;
}
var NOT_PROFILES = /^(readme.*|runs\.json|report\.json)$|\.(md|svg|png|html)$/i;
async function loadDir(dir, side, opts) {
  const set = await readRunSet(dir);
  if (set) {
    const out2 = [];
    for (const r of set.runs.filter((x) => x.side === void 0 || x.side === "run" || x.side === side)) {
      out2.push({
        profile: await importProfileFile(resolve(dir, r.file), opts),
        wallSeconds: typeof r.wallSeconds === "number" ? r.wallSeconds : void 0,
        cpuSeconds: typeof r.cpuSeconds === "number" ? r.cpuSeconds : void 0
      });
    }
    return out2;
  }
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith(".") && !NOT_PROFILES.test(e.name)).map((e) => e.name).sort();
  const out = [];
  for (const name of names) out.push({ profile: await importProfileFile(join(dir, name), opts) });
  return out;
}

export {
  loadSide,
  loadRuns
};
