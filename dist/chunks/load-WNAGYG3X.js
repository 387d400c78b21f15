#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
} from "./chunk-PG6ECLK3.js";
import "./chunk-5VLYCWQ4.js";
import "./chunk-C2ZHKRND.js";
import "./chunk-AK7A7ZA3.js";
export {
  CONFIG_FILE,
  applySetting,
  loadConfigFile,
  parseConfig,
  validateOptions
};
