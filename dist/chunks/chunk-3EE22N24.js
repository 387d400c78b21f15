#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-KISOPUCP.js";

// src/lib/fs-errors.ts
var WORDS = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  EEXIST: "file exists",
  ENOTEMPTY: "directory not empty",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
  EBUSY: "resource busy",
  EIO: "input/output error",
  EFBIG: "file too large",
  EXDEV: "cross-device link"
};
function fsReason(err) {
  const e = err;
  const code = typeof e?.code === "string" ? e.code : void 0;
  if (code && WORDS[code]) return WORDS[code];
  const message = e instanceof Error ? e.message : String(err);
  const m = /^[A-Z][A-Z0-9_]+: ([^,]+)/.exec(message);
  if (m) return m[1];
  return code ? code.toLowerCase() : message;
}
function isFsError(err) {
  return typeof err?.code === "string";
}
function fsError(file, doing, err, hint) {
  return new UserError(`${file}: ${doing} (${fsReason(err)}${hint ? `; ${hint}` : ""})`);
}
function mkdirError(dir, doing, err) {
  const code = err?.code;
  if (code === "EEXIST" || code === "ENOTDIR")
    return new UserError(`${dir}: ${doing} (a file is in the way)`);
  return fsError(dir, doing, err);
}

export {
  fsReason,
  isFsError,
  fsError,
  mkdirError
};
