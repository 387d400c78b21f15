#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-V77LN2M4.js";
import "./chunk-AV64XQHT.js";
import "./chunk-ICQHYFNZ.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-6ELFK56U.js";
import "./chunk-GUJRDNXC.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-SEKLUSDU.js";
import "./chunk-6Q7KV255.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-U37WCUHD.js";
import "./chunk-4BZ2QYHW.js";
import "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-6YX7WDF4.js";
import "./chunk-2STNMJK3.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-KOS2K544.js";
import "./chunk-OHC3GXGY.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import "./chunk-NMAPBW3G.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
