#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/lib/comment-marker.ts
var COMMENT_MARKER = "<!-- flamediff:comment -->";

export {
  COMMENT_MARKER
};
