#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/lib/temp-name.ts
var tempCount = 0;
function tempSuffix() {
  tempCount++;
  return `${process.pid.toString(36)}-${Date.now().toString(36)}-${tempCount}`;
}

export {
  tempSuffix
};
