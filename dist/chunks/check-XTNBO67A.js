#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-DSLLKNJB.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-TRL5HIBO.js";
import "./chunk-G4LQ3537.js";
import "./chunk-WIGDG25K.js";
import "./chunk-ZESN46HK.js";
import "./chunk-BRJFS7W2.js";
import "./chunk-YDU6A24N.js";
import "./chunk-O65JINTB.js";
import "./chunk-HOMEMN36.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
