#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/lib/threads.ts
function useWorker(env) {
  const v = env.FLAMEDIFF_THREADS;
  if (v === void 0 || v === "" || v === "1") return false;
  if (v === "2") return true;
  throw new UserError(
    `FLAMEDIFF_THREADS='${v}' is not valid; expected 1 (one thread, the default) or 2 (a worker thread too)`
  );
}

export {
  useWorker
};
