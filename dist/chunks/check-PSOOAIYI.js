#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-XIJEH2KS.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-5BXOF466.js";
import "./chunk-NWHLHDY2.js";
import "./chunk-DCU47UDL.js";
import "./chunk-33L7XYO7.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-QWYONMGE.js";
import "./chunk-WZQ2VBT6.js";
import "./chunk-X5WLWGPF.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
