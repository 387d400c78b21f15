#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  DEFAULT_COMPARE_SETTINGS
} from "./chunk-NMAPBW3G.js";

// src/config/options.ts
var DEFAULT_OPTIONS = {
  command: [],
  sampler: "perf",
  runs: 5,
  warmup: 1,
  rateHz: null,
  timeoutSeconds: 600,
  workingDirectory: ".",
  baseline: "stored",
  confirm: "auto",
  baseBranch: "main",
  store: "dir",
  storeDir: ".flamediff",
  dataBranch: "flamediff-data",
  remote: "origin",
  outDir: "out",
  failOnRegression: true,
  compare: { ...DEFAULT_COMPARE_SETTINGS },
  retention: 50,
  baselineDepth: 20,
  samplerOptions: {},
  env: {}
};
function defaultOptions() {
  return {
    ...DEFAULT_OPTIONS,
    command: [],
    compare: { ...DEFAULT_OPTIONS.compare },
    samplerOptions: {},
    env: {}
  };
}

export {
  DEFAULT_OPTIONS,
  defaultOptions
};
