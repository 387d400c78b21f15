#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  runCheck
} from "./chunk-DOBZYXTH.js";
import "./chunk-G6354MJX.js";
import "./chunk-LLSNDKXN.js";
import "./chunk-FOBAVYV2.js";
import "./chunk-NYUPHFSJ.js";
import "./chunk-ZZL2BGO5.js";
import "./chunk-PZQ4WITT.js";
import "./chunk-25WXTSEJ.js";
import "./chunk-ELE6UT2H.js";
import "./chunk-Y6LDE2JV.js";
import "./chunk-U37WCUHD.js";
import "./chunk-4BZ2QYHW.js";
import "./chunk-AUQ2MX22.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import "./chunk-6YX7WDF4.js";
import "./chunk-2STNMJK3.js";
import "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-K7XVRLSJ.js";
import "./chunk-RS3TPUO2.js";
import "./chunk-PWC3HPC5.js";
import "./chunk-SUF57MDN.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import "./chunk-32JU6HR3.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-ZFNVMPUQ.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  runCheck
};
