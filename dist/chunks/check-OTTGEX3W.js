#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-GTRB4MMB.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-6EBMZG6O.js";
import "./chunk-KSKOU6IH.js";
import "./chunk-HXW4RBIE.js";
import "./chunk-2S5T6KGP.js";
import "./chunk-4J6PWYKI.js";
import "./chunk-FSXV2V4W.js";
import "./chunk-5USHG3BQ.js";
import "./chunk-F3YTTPVP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
