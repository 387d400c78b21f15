#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-QVGBO7UO.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-LOBX3RYZ.js";
import "./chunk-GN25UGK6.js";
import "./chunk-HXW4RBIE.js";
import "./chunk-R3MUQDJV.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-23SNRCF5.js";
import "./chunk-RAQOUP6W.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
