#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-KOS2K544.js";
import "./chunk-OHC3GXGY.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import "./chunk-NMAPBW3G.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
