#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-4NAPJOD7.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-CMQ6PBGS.js";
import "./chunk-5S7MYH6X.js";
import "./chunk-TOJTZJ3U.js";
import "./chunk-TZWQGCAF.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-IG2ZXAIJ.js";
import "./chunk-2STNMJK3.js";
import "./chunk-NQT2PUFO.js";
import "./chunk-DCIXIHXV.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
