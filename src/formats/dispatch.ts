// The dispatcher: a format by name, else by sniffing the content (specific formats first).
import { readFile, stat } from 'node:fs/promises';
import { NoSamplesError, UserError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';
import type { Profile } from '../profile/profile.js';
import { asyncProfilerFormat } from './async-profiler.js';
import { austinFormat } from './austin.js';
import { cpuprofileFormat } from './cpuprofile.js';
import { cpythonFormat } from './cpython-sampling.js';
import { diffFoldedFormat } from './diff-folded.js';
import { foldedFormat } from './folded.js';
import { geckoFormat } from './gecko.js';
import {
  isGzip,
  looksBinary,
  makeFileInput,
  makeInput,
  readHead,
  STREAM_FILE_AT,
  STREAM_FOLDED_AT,
  sniffEncoding,
} from './input.js';
import { memoryFormat } from './memory.js';
import { perfScriptFormat } from './perf-script.js';
import { pprofFormat } from './pprof.js';
import { pstatsFormat } from './pstats.js';
import { pyflameFormat } from './pyflame.js';
import { pyspyFormat } from './pyspy.js';
import { speedscopeFormat } from './speedscope.js';
import type { FormatImporter, FormatName, ImportOptions, ProfileInput } from './types.js';

/**
 * Sniff order matters: specific formats first, plain folded text (which accepts almost any
 * `text number` lines) last.
 */
export const FORMATS: readonly FormatImporter[] = [
  pprofFormat,
  pstatsFormat,
  cpuprofileFormat,
  speedscopeFormat,
  geckoFormat,
  perfScriptFormat,
  austinFormat,
  pyflameFormat,
  cpythonFormat,
  memoryFormat,
  asyncProfilerFormat,
  pyspyFormat,
  diffFoldedFormat,
  foldedFormat,
];

/** Formats whose text is folded-shaped; a `.folded` / `.collapsed` name still lets these sniff. */
const FOLDED_FAMILY: ReadonlySet<FormatName> = new Set<FormatName>([
  'austin',
  'pyflame',
  'cpython',
  'memory',
  'async-profiler',
  'py-spy',
  'diff-folded',
  'folded',
]);

export function formatByName(name: string): FormatImporter {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) {
    throw new UserError(`unknown format '${name}'; expected one of ${FORMATS.map((x) => x.name).join(', ')}`);
  }
  return f;
}

/**
 * File name first, content second. A generic folded name (`x.folded`) only narrows the content
 * sniff to the folded family, because py-spy, austin and async-profiler all write folded text.
 */
export function detectFormat(input: ProfileInput): FormatImporter | undefined {
  const byName = FORMATS.find((f) => f.matchesName(input.fileName));
  if (byName && byName.name !== 'folded') return byName;
  const candidates = byName ? FORMATS.filter((f) => FOLDED_FAMILY.has(f.name)) : FORMATS;
  for (const f of candidates) {
    if (safeSniff(f, input)) return f;
  }
  // Text that no sniff recognised: the folded parser names the first bad line.
  return byName ?? (looksBinary(input.bytes) ? undefined : foldedFormat);
}

function safeSniff(f: FormatImporter, input: ProfileInput): boolean {
  try {
    return f.is(input);
  } catch {
    // A sniff that trips over odd bytes just means "not this format".
    return false;
  }
}

/** Detects the format (file name first, then content) and imports. */
export function importProfile(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Profile {
  if (opts.format) formatByName(opts.format); // a misspelt --format is the error to show first
  if (bytes.length === 0) throw emptyFile(fileName);
  return importInput(makeInput(fileName, bytes), opts);
}

function emptyFile(fileName: string): UserError {
  return new NoSamplesError(fileName, ' (the file is empty)');
}

/** importProfile for an input already made (lets large files drop their bytes once decoded). */
export function importInput(input: ProfileInput, opts: ImportOptions = {}): Profile {
  const fileName = input.fileName;
  const format = opts.format ? formatByName(opts.format) : detectFormat(input);
  if (!format) {
    throw new UserError(
      `${fileName}: not a profile format flamediff knows (expected one of ${FORMATS.map((f) => f.name).join(', ')}; pass --format to choose)`,
    );
  }
  const sniffed = opts.sniffed ?? (!opts.format && !format.matchesName(fileName));
  const profile = format.import(input, sniffed ? { ...opts, sniffed } : opts);
  profile.meta.source ??= fileName;
  profile.meta.format ??= format.name as FormatName;
  return profile;
}

/**
 * Formats whose parsers read textChunks() line by line, and the size from which their files are
 * streamed. The folded family parses piece by piece (folded-core.ts), so streaming it from a few
 * MB only saves memory; perf script keeps the 16 MB it was measured with.
 */
const STREAMED: ReadonlyMap<FormatName, number> = new Map<FormatName, number>([
  ['folded', STREAM_FOLDED_AT],
  ['perf-script', STREAM_FILE_AT],
  ['py-spy', STREAM_FOLDED_AT],
  ['async-profiler', STREAM_FOLDED_AT],
  ['cpython', STREAM_FOLDED_AT],
  ['memory', STREAM_FOLDED_AT],
]);
const STREAM_ANY_AT = Math.min(...STREAMED.values());

export async function importProfileFile(
  path: string,
  opts: ImportOptions = {},
  shownName = path,
): Promise<Profile> {
  const size = await fileSize(path, shownName);
  if (opts.format) formatByName(opts.format);
  if (size === 0) throw emptyFile(shownName);
  if (size >= STREAM_ANY_AT) {
    // Sniff on the head; stream the file when its parser reads line by line.
    const head = readHead(path);
    if (!isGzip(head) && sniffEncoding(head).encoding === 'utf-8') {
      const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
      if (format && size >= (STREAMED.get(format.name) ?? Number.POSITIVE_INFINITY)) {
        const sniffed = !opts.format && !format.matchesName(shownName);
        return importInput(makeFileInput(path, shownName), { ...opts, format: format.name, sniffed });
      }
    }
  }
  // No local keeps the bytes: the input may drop them once decoded (peak memory on big files).
  return importInput(makeInput(shownName, await readBytes(path, shownName)), opts);
}

async function fileSize(path: string, shown: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    throw fsError(shown, 'cannot read', err);
  }
}

async function readBytes(path: string, shown: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw fsError(shown, 'cannot read', err);
  }
}
