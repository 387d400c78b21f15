#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-U7P4ZNXT.js";
import "./chunk-DXYAS243.js";
import "./chunk-HA6H56OO.js";
import "./chunk-4FJ2SYSY.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
