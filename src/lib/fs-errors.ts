// File system errors as a person reads them: the file, what flamediff was doing, and what went
// wrong in words ("no such file or directory"), never a bare `ENOENT`.
import { UserError } from '../errors.js';

/** Wording for the codes people meet; anything else takes libuv's own words from the message. */
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
  ENOTEMPTY: 'directory not empty',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'resource busy',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EXDEV: 'cross-device link',
};

/** What went wrong, in words: the errno code's meaning, or the error's message when it has none. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code && WORDS[code]) return WORDS[code];
  const message = e instanceof Error ? e.message : String(err);
  // Node's messages read `CODE: words, syscall 'path'`: keep the words.
  const m = /^[A-Z][A-Z0-9_]+: ([^,]+)/.exec(message);
  if (m) return m[1];
  return code ? code.toLowerCase() : message;
}

/** True when err came from the file system (it carries an errno code). */
export function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return typeof (err as NodeJS.ErrnoException | null)?.code === 'string';
}

/**
 * `FILE: DOING (REASON[; HINT])` as a UserError, e.g.
 * `out/report.svg: cannot write (permission denied)`.
 */
export function fsError(file: string, doing: string, err: unknown, hint?: string): UserError {
  return new UserError(`${file}: ${doing} (${fsReason(err)}${hint ? `; ${hint}` : ''})`);
}

/**
 * As fsError for making a directory: a file where the directory (or one of its parents) should be
 * reads as "a file is in the way", which is what the person has to fix.
 */
export function mkdirError(dir: string, doing: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR')
    return new UserError(`${dir}: ${doing} (a file is in the way)`);
  return fsError(dir, doing, err);
}
