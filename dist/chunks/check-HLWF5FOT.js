#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-BGQZIGBL.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-DVDKM4PO.js";
import "./chunk-OA5VGSOJ.js";
import "./chunk-HXW4RBIE.js";
import "./chunk-6YB76PTA.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-FSXV2V4W.js";
import "./chunk-5USHG3BQ.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
