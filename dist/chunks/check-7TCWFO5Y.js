#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-AICCRD3M.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-KSBGOTY4.js";
import "./chunk-BLSO27AT.js";
import "./chunk-WT7RXST5.js";
import "./chunk-HFOQ2OI6.js";
import "./chunk-BRJFS7W2.js";
import "./chunk-3X2EVJJV.js";
import "./chunk-CMF7BMLL.js";
import "./chunk-X2MUVLJL.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
