#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/sample/interrupt.ts
async function withInterrupt(fn) {
  const controller = new AbortController();
  const onSignal = (sig) => controller.abort(new Error(`received ${sig}`));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

export {
  withInterrupt
};
