// A strict, bounded reader for the zip archives GitHub serves for workflow artifacts. Artifacts
// from fork pull requests are attacker-controlled, so this reader refuses rather than guesses:
// no path traversal, no absolute or Windows paths, no symlinks, no duplicates, no encryption,
// bounded entry count and sizes (checked against the real inflated size, not the header's claim).
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';

export interface ZipLimits {
  /** Maximum size of the archive itself. */
  maxArchiveBytes: number;
  /** Maximum number of entries. */
  maxEntries: number;
  /** Maximum uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Maximum uncompressed size of all entries together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 64 * 2 ** 20,
  maxEntries: 2000,
  maxEntryBytes: 64 * 2 ** 20,
  maxTotalBytes: 256 * 2 ** 20,
};

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export function readZip(
  bytes: Uint8Array,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntry[] {
  const fail = (offset: number, what: string): never => {
    throw new UserError(`${label}: byte ${offset}: ${what}`);
  };
  if (bytes.length > limits.maxArchiveBytes) {
    fail(0, `archive is ${bytes.length} bytes, larger than the limit of ${limits.maxArchiveBytes}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) fail(0, 'not a zip archive (no end-of-central-directory record)');
  const count = view.getUint16(eocd + 10, true);
  const cenSize = view.getUint32(eocd + 12, true);
  const cenOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cenOffset === 0xffffffff) fail(eocd, 'zip64 archives are not accepted');
  if (count > limits.maxEntries) fail(eocd, `${count} entries, more than the limit of ${limits.maxEntries}`);
  if (cenOffset + cenSize > eocd) fail(eocd, 'central directory extends past its end record');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cenOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CEN_SIG)
      fail(p, 'expected a central directory entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const external = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const here = p;
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 1) fail(here, `entry '${printable(name)}' is encrypted`);
    // Unix mode in the high 16 bits of the external attributes; 0o120000 is a symlink.
    if (madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000)
      fail(here, `entry '${printable(name)}' is a symlink`);
    checkEntryName(name, (what) => fail(here, what));
    if (name.endsWith('/')) continue; // directory entry
    if (seen.has(name)) fail(here, `duplicate entry '${printable(name)}'`);
    seen.add(name);
    if (size > limits.maxEntryBytes)
      fail(here, `entry '${printable(name)}' is ${size} bytes, over the limit of ${limits.maxEntryBytes}`);

    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOC_SIG) {
      fail(localOffset, `expected the local header of '${printable(name)}'`);
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compSize > bytes.length) fail(dataStart, `entry '${printable(name)}' is truncated`);
    const raw = bytes.subarray(dataStart, dataStart + compSize);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        // maxOutputLength bounds the real inflated size, whatever the header claims (zip bombs).
        data = inflateRawSync(raw, {
          maxOutputLength: Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total) + 1,
        });
      } catch {
        return fail(dataStart, `entry '${printable(name)}' does not inflate within the size limits`);
      }
    } else
      return fail(
        here,
        `entry '${printable(name)}' uses compression method ${method}; expected stored or deflate`,
      );
    if (data.length !== size)
      fail(dataStart, `entry '${printable(name)}' inflates to ${data.length} bytes, header says ${size}`);
    total += data.length;
    if (total > limits.maxTotalBytes)
      fail(dataStart, `archive inflates past the limit of ${limits.maxTotalBytes} bytes`);
    entries.push({ name, data });
  }
  return entries;
}

/** Rejects names that could escape the extraction directory or mean different files on different OSes. */
export function checkEntryName(name: string, fail: (what: string) => never): void {
  const shown = printable(name);
  if (name.length === 0 || name.length > 512)
    fail(`entry name of length ${name.length}; expected 1-512 characters`);
  if (/[\u0000-\u001f\u007f\\:]/.test(name))
    fail(`entry name '${shown}' has a backslash, colon or control character`);
  if (name.startsWith('/')) fail(`entry name '${shown}' is absolute`);
  const parts = name.split('/');
  if (parts.some((s, i) => s === '..' || s === '.' || (s === '' && i !== parts.length - 1))) {
    fail(`entry name '${shown}' has '.', '..' or empty path segments (path traversal)`);
  }
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === EOCD_SIG) return i;
  return -1;
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}
