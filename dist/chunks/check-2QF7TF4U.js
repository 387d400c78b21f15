#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-BVVGXIF3.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-7UZADCQ2.js";
import "./chunk-YRKX27SP.js";
import "./chunk-DCU47UDL.js";
import "./chunk-VPH47JRG.js";
import "./chunk-BRJFS7W2.js";
import "./chunk-IB6XW7N4.js";
import "./chunk-WZQ2VBT6.js";
import "./chunk-X5WLWGPF.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
