#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/bot/context.ts
var DEFAULT_ACCEPT_LABEL = "performance-regression-accepted";
function repoFullName(b) {
  return `${b.owner}/${b.repo}`;
}

export {
  DEFAULT_ACCEPT_LABEL,
  repoFullName
};
