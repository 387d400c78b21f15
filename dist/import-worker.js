#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  importProfileFile
} from "./chunks/chunk-U424FUUL.js";
import "./chunks/chunk-EZECY7W2.js";
import "./chunks/chunk-3EE22N24.js";
import "./chunks/chunk-RM2AEMQK.js";
import "./chunks/chunk-KISOPUCP.js";
import "./chunks/chunk-AK7A7ZA3.js";

// src/formats/import-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var job = workerData;
var warnings = [];
try {
  const p = await importProfileFile(
    job.path,
    { ...job.opts, onWarning: (m) => warnings.push(m) },
    job.shownName
  );
  const { data, transfer } = p.toTransfer();
  parentPort?.postMessage({ ok: true, data, warnings }, transfer);
} catch {
  parentPort?.postMessage({ ok: false });
}
