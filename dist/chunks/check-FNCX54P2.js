#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-GKHZVNPP.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-ZBFQ26Y4.js";
import "./chunk-SJ3VHCZV.js";
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
