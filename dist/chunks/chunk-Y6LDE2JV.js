#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  fsError
} from "./chunk-3EE22N24.js";
import {
  InputError
} from "./chunk-KISOPUCP.js";

// src/sample/run-set.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var RUNS_FILE = "runs.json";
var EXPECTED = "the runs.json that `flamediff record` writes";
async function readRunSet(dir) {
  const file = path.join(dir, RUNS_FILE);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw fsError(file, "cannot read the runs of `flamediff record`", err);
  }
  return parseRunSet(text, file);
}
function parseRunSet(text, file) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, void 0, `not valid JSON (${err.message}); expected ${EXPECTED}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(file, void 0, `expected ${EXPECTED} (a JSON object)`);
  }
  const set = value;
  if (!Array.isArray(set.runs)) {
    throw new InputError(file, void 0, `expected "runs": [ ...one entry per run ] (${EXPECTED})`);
  }
  for (const [i, r] of set.runs.entries()) {
    if (r === null || typeof r !== "object" || typeof r.file !== "string") {
      throw new InputError(file, void 0, `run ${i + 1} has no "file" (expected a profile path)`);
    }
  }
  return set;
}

export {
  RUNS_FILE,
  readRunSet
};
