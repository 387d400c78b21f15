#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-TRL5HIBO.js";
import "./chunk-G4LQ3537.js";
import "./chunk-HOMEMN36.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
