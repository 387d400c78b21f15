#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-PRYK7YZX.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-PG6ECLK3.js";
import "./chunk-5VLYCWQ4.js";
import "./chunk-GJBR3IBW.js";
import "./chunk-3VUCEB7F.js";
import "./chunk-BRJFS7W2.js";
import "./chunk-OAFY4YHL.js";
import "./chunk-ZDYUHTPG.js";
import "./chunk-C2ZHKRND.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
