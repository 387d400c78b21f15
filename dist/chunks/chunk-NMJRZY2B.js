#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  suggestKey
} from "./chunk-2RUZDTUI.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/commands/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv, options, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    let msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
    const unknown = /^Unknown option '[^']+'/.exec(msg);
    if (unknown && flagHint(msg, options)) msg = unknown[0];
    throw new UserError(
      `flamediff ${command}: ${msg}${flagHint(msg, options)} (see \`flamediff ${command} --help\`)`
    );
  }
}
function numberFlag(command, flag, value, fallback, check = {}) {
  if (value === void 0) return fallback;
  const n = Number(value);
  const ok = value.trim() !== "" && Number.isFinite(n) && (check.min === void 0 || n >= check.min) && (check.max === void 0 || n <= check.max) && (!check.integer || Number.isInteger(n));
  if (!ok) {
    const kind = check.integer ? "an integer" : "a number";
    const range = check.min !== void 0 && check.max !== void 0 ? `${kind} from ${check.min} to ${check.max}` : check.min !== void 0 ? `${kind} >= ${check.min}` : check.max !== void 0 ? `${kind} <= ${check.max}` : kind;
    throw new UserError(`flamediff ${command}: --${flag} '${value}' is not valid; expected ${range}`);
  }
  return n;
}
function flagHint(message, options) {
  const m = /Unknown option '--?([^']+)'/.exec(message);
  if (!m) return "";
  const near = suggestKey(m[1], Object.keys(options));
  return near ? `; did you mean --${near}?` : "";
}

export {
  parseCommandArgs,
  numberFlag
};
