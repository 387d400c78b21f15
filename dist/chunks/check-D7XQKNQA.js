#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-FSGDADWE.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-U7P4ZNXT.js";
import "./chunk-DXYAS243.js";
import "./chunk-NY3KRK7S.js";
import "./chunk-HA6H56OO.js";
import "./chunk-S4QQZXTD.js";
import "./chunk-4FJ2SYSY.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-FSXV2V4W.js";
import "./chunk-5USHG3BQ.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
