#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/profile/frame-identity.ts
var ANONYMOUS = /* @__PURE__ */ new Set([
  "(anonymous)",
  "",
  "<lambda>",
  "<listcomp>",
  "<dictcomp>",
  "<setcomp>",
  "<genexpr>"
]);
function isAnonymousFunction(f) {
  return f.file !== "" && ANONYMOUS.has(f.name);
}
function functionFrame(f) {
  return isAnonymousFunction(f) ? f : { ...f, line: 0 };
}

export {
  functionFrame
};
