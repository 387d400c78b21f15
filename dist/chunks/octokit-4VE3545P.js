#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-4YRIZFNC.js";
import "./chunk-AK7A7ZA3.js";
export {
  createClient
};
