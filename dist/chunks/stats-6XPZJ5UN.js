#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  DEFAULT_COMPARE_SETTINGS,
  FrameKeys,
  compareRuns,
  mergeConsistent
} from "./chunk-NMAPBW3G.js";
import {
  isImprovement,
  isRegression,
  rankedRegressions
} from "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  DEFAULT_COMPARE_SETTINGS,
  FrameKeys,
  compareRuns,
  isImprovement,
  isRegression,
  mergeConsistent,
  rankedRegressions
};
