#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-5S7MYH6X.js";
import "./chunk-TOJTZJ3U.js";
import "./chunk-DCIXIHXV.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
