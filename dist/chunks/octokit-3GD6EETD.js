#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  DEFAULT_API_TIMEOUT_MS,
  createClient,
  guardedFetch
} from "./chunk-X3GQMAOQ.js";
import {
  ApiFaultError
} from "./chunk-O2JFN5XP.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";
export {
  ApiFaultError,
  DEFAULT_API_TIMEOUT_MS,
  createClient,
  guardedFetch
};
