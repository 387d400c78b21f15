#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/formats/worker-url.ts
function workerUrl(from, source, bundled) {
  if (from.endsWith(".ts")) return new URL(`./${source}`, from);
  return new URL(from.includes("/chunks/") ? `../${bundled}` : `./${bundled}`, from);
}

export {
  workerUrl
};
