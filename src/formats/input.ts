import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
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
    const out = gunzipSync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(fileName, { offset: 0 }, `corrupt gzip data (${why}; expected a complete gzip stream)`);
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Encoding from the byte-order mark, and how many bytes the mark takes. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
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
  };
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
