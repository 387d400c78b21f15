#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  collapsePart
} from "./chunks/chunk-VDSTYDAO.js";
import "./chunks/chunk-XELWIH2N.js";
import "./chunks/chunk-EZECY7W2.js";
import "./chunks/chunk-RM2AEMQK.js";
import "./chunks/chunk-KISOPUCP.js";
import "./chunks/chunk-AK7A7ZA3.js";

// src/formats/perf-script-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var r = collapsePart(workerData);
parentPort?.postMessage(r, [r.ids.buffer, r.offsets.buffer, r.weights.buffer]);
