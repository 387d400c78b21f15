#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-4JDYKLMI.js";
import "./chunk-4FYW5Q5T.js";
import "./chunk-Z6UPM5QV.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-FX6KMVXY.js";
import "./chunk-QCYZAUGD.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-FDDXG3VJ.js";
import "./chunk-AWUXMS63.js";
import "./chunk-U37WCUHD.js";
import "./chunk-4BZ2QYHW.js";
import "./chunk-7AT5IVFL.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-6YX7WDF4.js";
import "./chunk-2STNMJK3.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-2KZYM7VG.js";
import "./chunk-JGG5GIGN.js";
import "./chunk-HIJ4WLMO.js";
import "./chunk-BVU5ANIV.js";
import "./chunk-3HFDR4YH.js";
import "./chunk-2B7F2R2A.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import "./chunk-JYCKLW57.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
