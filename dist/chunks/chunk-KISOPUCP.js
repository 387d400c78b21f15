#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  exitCode = 2;
  constructor(message) {
    super(message);
    this.name = "UserError";
  }
};
var NoSamplesError = class extends UserError {
  constructor(file, detail = "") {
    super(`no samples in ${file}${detail}`);
    this.file = file;
    this.name = "NoSamplesError";
  }
  file;
};
var InputError = class extends UserError {
  constructor(file, where, problem) {
    super(`${file}${formatWhere(where)}: ${problem}`);
    this.file = file;
    this.where = where;
    this.problem = problem;
    this.name = "InputError";
  }
  file;
  where;
  problem;
};
function formatWhere(where) {
  if (!where) return "";
  if (where.line !== void 0) return `:${where.line}`;
  if (where.offset !== void 0) return `: byte ${where.offset}`;
  return "";
}
function errorLine(err) {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

export {
  UserError,
  NoSamplesError,
  InputError,
  errorLine
};
