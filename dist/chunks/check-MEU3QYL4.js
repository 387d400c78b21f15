#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-KK4NJ23Z.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-KSBGOTY4.js";
import "./chunk-BLSO27AT.js";
import "./chunk-WT7RXST5.js";
import "./chunk-FB6AJTCT.js";
import "./chunk-BRJFS7W2.js";
import "./chunk-KVNSEYTX.js";
import "./chunk-CMF7BMLL.js";
import "./chunk-X2MUVLJL.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
