#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-KSBGOTY4.js";
import "./chunk-BLSO27AT.js";
import "./chunk-X2MUVLJL.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
