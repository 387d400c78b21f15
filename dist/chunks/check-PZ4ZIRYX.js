#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-QMLCW4R4.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-AU533ZUL.js";
import "./chunk-G3EWKDW6.js";
import "./chunk-HXW4RBIE.js";
import "./chunk-3T54RA4O.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-V3GBPV3M.js";
import "./chunk-YJJFAKGZ.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
