#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/lib/threads.ts
function useWorker(env) {
  return env.FLAMEDIFF_THREADS === "2";
}

export {
  useWorker
};
