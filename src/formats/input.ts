import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { zlib } from '../lib/builtins.js';
import type { ProfileInput } from './types.js';

// Bytes -> text for every text format: gzip undone first, then the BOM decides the encoding
// (UTF-8 / UTF-16 LE / UTF-16 BE); invalid UTF-8 becomes U+FFFD instead of failing, because
// profiles carry whatever bytes the profiled program's symbols had.

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}

/** Undoes gzip (possibly several concatenated members); other bytes are returned as they are. */
export function gunzipIfNeeded(fileName: string, bytes: Uint8Array): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    const out = zlib().gunzipSync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(
      fileName,
      { offset: 0 },
      `corrupt gzip data (${why}; expected a complete gzip stream)`,
    );
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Encoding from the byte-order mark, and how many bytes the mark takes. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** True when the first few KB look like binary data rather than text (NUL bytes in UTF-8). */
export function looksBinary(bytes: Uint8Array): boolean {
  const { encoding } = sniffEncoding(bytes);
  if (encoding !== 'utf-8') return false;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decodes text bytes (already gunzipped). Throws an InputError for binary data. */
export function decodeText(fileName: string, bytes: Uint8Array): string {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bomLength ? bytes.subarray(bomLength) : bytes;
  if (encoding === 'utf-16be') return new TextDecoder('utf-16le').decode(swapBytes(body));
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(body);
  const n = Math.min(body.length, 4096);
  for (let i = 0; i < n; i++) {
    if (body[i] === 0) {
      throw new InputError(fileName, { offset: i + bomLength }, 'binary data (expected a text profile)');
    }
  }
  // Buffer#toString is Node's fastest UTF-8 path; it also replaces invalid bytes with U+FFFD.
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

function swapBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length & ~1);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}

/** Text inputs at least this large drop their raw bytes once decoded (see makeInput). */
export const RELEASE_BYTES_AT = 16 << 20;
const EMPTY = new Uint8Array(0);

/**
 * The input object every importer sees: gzip undone, text decoded once on first use. A large
 * text input forgets its bytes once decoded, so that (when the caller keeps no reference, as
 * importProfileFile does not) the bytes and the text are not both held while parsing:
 * `bytes` is then empty, and only `text()` gives the content.
 */
export function makeInput(fileName: string, raw: Uint8Array): ProfileInput {
  let bytes: Uint8Array = gunzipIfNeeded(fileName, raw);
  let text: string | undefined;
  return {
    fileName,
    get bytes() {
      return bytes;
    },
    text: () => {
      if (text === undefined) {
        text = decodeText(fileName, bytes);
        if (bytes.length >= RELEASE_BYTES_AT) bytes = EMPTY;
      }
      return text;
    },
    textChunks: () => (text !== undefined ? [text] : utf8Chunks(fileName, bytes)),
  };
}

const CHUNK_BYTES = 4 << 20;

/** UTF-8 text in pieces cut after a `\n` byte (never inside a UTF-8 sequence); UTF-16 whole. */
function* utf8Chunks(fileName: string, bytes: Uint8Array): Generator<string> {
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== 'utf-8' || bytes.length <= CHUNK_BYTES) {
    yield decodeText(fileName, bytes);
    return;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  decodeText(fileName, buf.subarray(0, 4096)); // the binary-data check on the head
  let start = bomLength;
  while (start < buf.length) {
    let end = start + CHUNK_BYTES >= buf.length ? buf.length : buf.indexOf(10, start + CHUNK_BYTES);
    end = end === -1 ? buf.length : end + 1;
    yield buf.toString('utf8', start, end);
    start = end;
  }
}

/** First `max` characters of the text (for sniffing) without decoding a whole large file. */
export function headText(input: ProfileInput, max = 4096): string {
  const { bytes } = input;
  if (bytes.length <= max * 2) return safeText(input);
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== 'utf-8') return safeText(input).slice(0, max);
  let n = 0;
  for (; n < max && bomLength + n < bytes.length; n++) if (bytes[bomLength + n] === 0) return '';
  return new TextDecoder().decode(bytes.subarray(bomLength, bomLength + max));
}

function safeText(input: ProfileInput): string {
  try {
    return input.text();
  } catch {
    return '';
  }
}

/** Files at least this large are streamed when their format parses line by line. */
export const STREAM_FILE_AT = 16 << 20;
/**
 * Folded-family files (parsed piece by piece, see folded-core.ts) are streamed from this size:
 * one piece's buffer then replaces the whole file's bytes, at no cost in speed (a 13.6 MB
 * render: 9 MiB less peak memory, the same time).
 */
export const STREAM_FOLDED_AT = 4 << 20;
export const HEAD_BYTES = 64 << 10;

/**
 * An input over a large UTF-8 file on disk: textChunks() reads and decodes it a few MB at a
 * time, so a line-oriented parser never holds the file's bytes or its whole text. `bytes` and
 * text() still work (the whole file is read on first use) for parsers that need everything.
 */
export function makeFileInput(path: string, fileName: string): ProfileInput {
  let bytes: Uint8Array | undefined;
  let text: string | undefined;
  const loaded = (): boolean => bytes !== undefined;
  const readAll = (): Uint8Array => {
    if (bytes === undefined) {
      // The Buffer's own memory as a Uint8Array view: no second copy of a big file.
      const b = readFileSync(path);
      bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    }
    return bytes;
  };
  const input: ProfileInput = {
    fileName,
    get bytes() {
      return readAll();
    },
    text: () => {
      text ??= decodeText(fileName, readAll());
      return text;
    },
    textChunks: () => (text !== undefined ? [text] : fileChunks(path, fileName)),
  };
  fileInputs.set(input, { path, loaded });
  return input;
}

/** Inputs made by makeFileInput: their file, so that byte parsers can read it piece by piece. */
const fileInputs = new WeakMap<ProfileInput, { path: string; loaded: () => boolean }>();

/** Reads the first `n` bytes of a file. */
export function readHead(path: string, n = HEAD_BYTES): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** fileByteChunks as text: the same pieces (each ends after a line), decoded. */
function* fileChunks(path: string, fileName: string): Generator<string> {
  for (const piece of fileByteChunks(path, fileName)) yield piece.toString('utf8');
}

/** The input's size in bytes (of the file on disk for makeFileInput), without reading it. */
export function inputByteSize(input: ProfileInput): number {
  const file = fileInputs.get(input);
  return file !== undefined && !file.loaded() ? statSync(file.path).size : input.bytes.length;
}

/**
 * The input's UTF-8 bytes (BOM skipped) in pieces that each end after a `\n` (the last one may
 * not), for the byte-level line parsers; undefined when they cannot read them (see utf8Body).
 * A big file on disk (makeFileInput) is read `pieceBytes` at a time (more for a longer line) into
 * one reused buffer, so its bytes are never all in memory: a piece is only valid until the next
 * one is requested.
 */
export function utf8ByteChunks(input: ProfileInput, pieceBytes = CHUNK_BYTES): Iterable<Buffer> | undefined {
  const file = fileInputs.get(input);
  if (file !== undefined && !file.loaded()) {
    if (sniffEncoding(readHead(file.path, 4)).encoding !== 'utf-8') return undefined;
    return fileByteChunks(file.path, input.fileName, pieceBytes);
  }
  const body = utf8Body(input);
  return body === undefined ? undefined : [body];
}

function* fileByteChunks(path: string, fileName: string, pieceBytes = CHUNK_BYTES): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    // Not zero-filled: only the bytes read ([0, end)) are ever looked at, and zeroing the buffer
    // costs a page fault per 4 KiB of it.
    let buf = Buffer.allocUnsafe(pieceBytes);
    let filled = 0; // bytes of an unfinished line carried over
    let bom = -1; // bytes of the BOM still to skip (-1: nothing read yet)
    const piece = (end: number): Buffer => {
      const from = Math.max(bom, 0);
      bom = 0;
      return buf.subarray(from, end);
    };
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, buf.length - filled, null);
      const end = filled + got;
      if (bom === -1) {
        decodeText(fileName, buf.subarray(0, Math.min(end, 4096))); // the binary-data check
        bom = sniffEncoding(buf.subarray(0, end)).bomLength;
      }
      if (got === 0) {
        if (end > bom) yield piece(end);
        return;
      }
      const nl = buf.lastIndexOf(10, end - 1);
      if (nl === -1) {
        filled = end;
        continue;
      }
      yield piece(nl + 1);
      buf.copy(buf, 0, nl + 1, end);
      filled = end - nl - 1;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The input's UTF-8 bytes (BOM skipped) for the byte-level parsers, or undefined when they
 * cannot read them: UTF-16 text, or a large input that already dropped its bytes for its decoded
 * text. Runs the binary-data check that decoding would (it throws the same InputError).
 */
export function utf8Body(input: ProfileInput): Buffer | undefined {
  const bytes = input.bytes;
  if (bytes.length === 0) return undefined;
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== 'utf-8') return undefined;
  decodeText(input.fileName, bytes.subarray(0, Math.min(bytes.length, 4096)));
  return Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.byteLength - bomLength);
}
