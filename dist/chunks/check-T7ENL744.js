#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-JUJ5GWOC.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-AU533ZUL.js";
import "./chunk-G3EWKDW6.js";
import "./chunk-HXW4RBIE.js";
import "./chunk-FCKJQJMI.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-CMXQ6SSR.js";
import "./chunk-5USHG3BQ.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
