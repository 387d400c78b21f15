import { InputError, NoSamplesError } from '../errors.js';
import { parseFrameLabel } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import type { FrameInit, ProfileMeta } from '../profile/types.js';
import { FrameBytesTable } from './frame-bytes-table.js';
import { inputByteSize, utf8ByteChunks } from './input.js';
import { detach } from './strings.js';
import type { ImportOptions, ProfileInput } from './types.js';

// The parsing loop shared by every folded-family format (`frame;frame;... count` lines): the
// formats differ only in how a frame label becomes frame fields and how the count is written.
// Hot path: one indexOf per line and per frame, a label -> frame id Map, one reused id buffer,
// and no per-line arrays.

export interface FoldedDialect {
  /** Human name for messages ("folded", "py-spy raw", ...). */
  what: string;
  /** Frame fields for a label; called once per distinct label (`depth` is 0 for the root). */
  frame(label: string, depth: number): FrameInit;
  /** Weight from the count token; undefined when the token is not a count. */
  weight?(token: string): number | undefined;
  /** Called for `#` lines (austin metadata); return true to swallow the line. */
  comment?(line: string): void;
  /** Expected line shape for error messages. */
  expected?: string;
}

export interface FoldedResult {
  profile: Profile;
  /** Lines that were not blank, not comments and not `stack count`. */
  invalidLines: number;
  lines: number;
}

export const DEFAULT_EXPECTED = '`frame;frame;... count`';

/**
 * A profile that several folded inputs are parsed into, one after the other (what merging their
 * profiles would give, without building a profile per input and re-adding every stack): the
 * frames' byte table is shared, so a frame seen in one input is found in the next without a
 * string. Make one with foldedTarget(); its metadata is the first input's.
 */
export interface FoldedTarget {
  profile: Profile | undefined;
  table: FrameBytesTable;
  /** Bytes of all the inputs, when known: the first input sizes the stack table for them all. */
  bytes: number;
}

export function foldedTarget(bytes = 0): FoldedTarget {
  return { profile: undefined, table: new FrameBytesTable(), bytes };
}

/**
 * Bytes read at a time from a streamed file: the lines of a piece are parsed before the next is
 * read, so a bigger buffer would only hold more memory (1 MB instead of 4 MB pieces: 3 MiB less
 * peak RSS, the same time).
 */
const PIECE_BYTES = 1 << 20;

/** FlameGraph's count grammar: `\d+(\.\d*)?`, plus `.5` style fractions. */
export function parseCount(token: string): number | undefined {
  const n = token.length;
  if (n === 0) return undefined;
  let dot = false;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  return dot ? Number(token) : fastInt(token);
}

function fastInt(token: string): number {
  if (token.length > 15) return Number(token);
  let v = 0;
  for (let i = 0; i < token.length; i++) v = v * 10 + (token.charCodeAt(i) - 48);
  return v;
}

/** Default dialect: FlameGraph/Inferno labels (`_[k]` suffixes, `name (file:line)`). */
export const plainFrame = (label: string): FrameInit => parseFrameLabel(label);

export function parseFoldedText(
  input: ProfileInput,
  dialect: FoldedDialect,
  meta: Partial<ProfileMeta>,
  opts: ImportOptions = {},
  into?: FoldedTarget,
): FoldedResult {
  const pieces = utf8ByteChunks(input, PIECE_BYTES);
  if (pieces !== undefined) return parseFoldedBytes(input, pieces, dialect, meta, opts, into);
  const profile = targetProfile(into, meta);
  const cache = new Map<string, number>();
  const rootCache = new Map<string, number>();
  const weightOf = dialect.weight;
  let buf = new Int32Array(256);
  let invalid = 0;
  let firstInvalid = 0;
  let firstInvalidText = '';
  let lineNo = 0;
  let samples = 0;
  let nextQuote = 0;
  let ends = new Int32Array(256); // end offset (from line start) of each frame of the previous stack
  let prevFirst = 0;
  let prevLen = -1;
  let prevDepth = 0;
  const chunks = input.textChunks ? input.textChunks() : [input.text()];
  for (const text of chunks) {
    // Each chunk ends at a line end; the previous-line prefix cannot span chunks.
    prevLen = -1;
    nextQuote = 0;
    const n = text.length;
    let start = 0;
    while (start < n) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = n;
      lineNo++;
      const lineStart = start;
      start = end + 1;
      // Trailing blanks and the CR of CRLF.
      let stop = end;
      while (stop > lineStart && isBlank(text.charCodeAt(stop - 1))) stop--;
      let first = lineStart;
      while (first < stop && isBlank(text.charCodeAt(first))) first++;
      if (first === stop) continue;
      if (text.charCodeAt(first) === 35 /* # */) {
        dialect.comment?.(text.slice(first, stop));
        continue;
      }
      let sp = stop - 1;
      while (sp > first && !isBlank(text.charCodeAt(sp))) sp--;
      let weight: number | undefined;
      if (sp > first) weight = weightOf ? weightOf(text.slice(sp + 1, stop)) : countAt(text, sp + 1, stop);
      if (weight === undefined) {
        if (invalid++ === 0) {
          firstInvalid = lineNo;
          firstInvalidText = text.slice(first, Math.min(stop, first + 80));
        }
        continue;
      }
      let stackEnd = sp;
      while (stackEnd > first && isBlank(text.charCodeAt(stackEnd - 1))) stackEnd--;
      // Frames, root first; `;` inside double quotes does not split. Collapsed files are usually
      // sorted, so a line mostly repeats the previous one's leading frames: those are matched by a
      // plain character compare and their ids reused, with no hashing or table lookups.
      let depth = 0;
      let f = first;
      const len = stackEnd - first;
      const limit = Math.min(len, prevLen);
      let common = 0;
      while (common < limit && text.charCodeAt(first + common) === text.charCodeAt(prevFirst + common))
        common++;
      const same = common === len && len === prevLen;
      if (same) {
        depth = prevDepth;
      } else {
        while (depth < prevDepth && ends[depth] < common) depth++;
        if (depth > 0) f = first + ends[depth - 1] + 1;
      }
      // The next `"` in the whole text, searched again only once passed (not once per line).
      if (nextQuote !== -1 && nextQuote < first) nextQuote = text.indexOf('"', first);
      const hasQuotes = nextQuote !== -1 && nextQuote < stackEnd;
      while (!same) {
        let semi = hasQuotes ? nextSeparator(text, f, stackEnd) : text.indexOf(';', f);
        if (semi === -1 || semi > stackEnd) semi = stackEnd;
        const table = depth === 0 ? rootCache : cache;
        const label = text.slice(f, semi);
        let id = table.get(label);
        if (id === undefined) {
          const key = detach(label);
          id = profile.intern(dialect.frame(key, depth));
          table.set(key, id);
        }
        if (depth === buf.length) {
          buf = growInt32(buf);
          ends = growInt32(ends);
        }
        ends[depth] = semi - first;
        buf[depth++] = id;
        if (semi >= stackEnd) break;
        f = semi + 1;
      }
      prevFirst = first;
      prevLen = stackEnd - first;
      prevDepth = depth;
      if (weight > 0) {
        profile.stacks.addLater(buf, weight, 0, depth);
        samples++;
      }
    }
  }
  return finish(
    input,
    dialect,
    opts,
    { profile, invalidLines: invalid, lines: lineNo },
    samples,
    firstInvalid,
    firstInvalidText,
    into,
  );
}

function targetProfile(into: FoldedTarget | undefined, meta: Partial<ProfileMeta>): Profile {
  if (into === undefined) return new Profile(meta);
  into.profile ??= new Profile(meta);
  return into.profile;
}

function finish(
  input: ProfileInput,
  dialect: FoldedDialect,
  opts: ImportOptions,
  result: FoldedResult,
  samples: number,
  firstInvalid: number,
  firstInvalidText: string,
  into: FoldedTarget | undefined,
): FoldedResult {
  const invalid = result.invalidLines;
  if (samples === 0) {
    if (invalid > 0) {
      throw new InputError(
        input.fileName,
        { line: firstInvalid },
        `not a ${dialect.what} line: '${firstInvalidText}' (expected ${dialect.expected ?? DEFAULT_EXPECTED})`,
      );
    }
    throw new NoSamplesError(input.fileName);
  }
  if (opts.sniffed && invalid > 0 && invalid >= samples) {
    // Guessed from a few lines, but most lines are not stacks: another kind of text (a legacy
    // pprof text profile, a gprof report, JSON) that must not be read as a handful of stacks.
    throw new InputError(
      input.fileName,
      { line: firstInvalid },
      `${invalid} of ${invalid + samples} lines are not a ${dialect.what} (first: '${firstInvalidText}'; expected ${dialect.expected ?? DEFAULT_EXPECTED}), so this is not that format; pass --format ${result.profile.meta.format ?? 'folded'} to read its valid lines anyway`,
    );
  }
  if (invalid > 0) {
    const profile = result.profile;
    // A shared target keeps the first input's metadata, as merging profiles does.
    if (into === undefined || profile.meta.source === undefined)
      profile.meta.extra = { ...profile.meta.extra, ignoredLines: String(invalid) };
    opts.onWarning?.(
      `${input.fileName}: ignored ${invalid} line${invalid === 1 ? '' : 's'} with invalid format (first at line ${firstInvalid})`,
    );
  }
  return result;
}

/** parseCount over text[start, end) without slicing for the common all-digits case. */
function countAt(text: string, start: number, end: number): number | undefined {
  if (end - start > 15 || end === start) return parseCount(text.slice(start, end));
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return parseCount(text.slice(start, end));
    v = v * 10 + (c - 48);
  }
  return v;
}

function growInt32(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function nextSeparator(text: string, from: number, end: number): number {
  let inQuotes = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 59 && !inQuotes) return i;
  }
  return -1;
}

/**
 * parseFoldedText over UTF-8 bytes: the same lines, frames and errors, without decoding the whole
 * input to a string. A frame is looked up by its bytes (FrameBytesTable), so a JS string is made
 * only for a frame label seen for the first time; frames shared with the previous line (sorted
 * files) are matched by a byte compare and their ids reused, with no lookup at all.
 */
function parseFoldedBytes(
  input: ProfileInput,
  pieces: Iterable<Buffer>,
  dialect: FoldedDialect,
  meta: Partial<ProfileMeta>,
  opts: ImportOptions,
  into: FoldedTarget | undefined,
): FoldedResult {
  const st = new ByteParse(targetProfile(into, meta), into?.table ?? new FrameBytesTable(), dialect);
  let reserved = false;
  for (const text of pieces) {
    if (!reserved) {
      // Folded lines are mostly distinct stacks of 100+ bytes: size the stack table about once
      // (growing it copies everything into fresh memory). Over-estimates cost little: columns
      // reserved but never written cost nothing, and the hash table is sized for 70% load.
      const size = Math.max(inputByteSize(input), into?.bytes ?? 0);
      if (into !== undefined) into.bytes = 0;
      const stacks = st.profile.stacks;
      stacks.reserve(
        stacks.length + Math.min(size >>> 7, 1 << 24),
        stacks.depthSum + Math.min(size >>> 3, 1 << 28),
      );
      reserved = true;
    }
    parsePiece(st, text);
  }
  const result = { profile: st.profile, invalidLines: st.invalid, lines: st.lineNo };
  return finish(input, dialect, opts, result, st.samples, st.firstInvalid, st.firstInvalidText, into);
}

/** What parseFoldedBytes carries from one piece to the next. */
class ByteParse {
  /** Frame ids of the current stack, root first. */
  buf = new Int32Array(256);
  /** End offset (from line start) of each frame of the previous stack. */
  ends = new Int32Array(256);
  invalid = 0;
  firstInvalid = 0;
  firstInvalidText = '';
  lineNo = 0;
  samples = 0;

  constructor(
    readonly profile: Profile,
    readonly table: FrameBytesTable,
    readonly dialect: FoldedDialect,
  ) {}
}

/**
 * The lines of one piece (it ends at a line end). A function of its own, called per piece: the
 * loop over pieces (a generator for a streamed file) then stays out of the optimised line loop,
 * whose first call of the generator's next() used to be compiled as a bail-out.
 */
function parsePiece(st: ByteParse, text: Buffer): void {
  const { profile, table, dialect } = st;
  const weightOf = dialect.weight;
  let buf = st.buf;
  let ends = st.ends;
  let invalid = st.invalid;
  let lineNo = st.lineNo;
  let samples = st.samples;
  const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
  // The previous-line prefix cannot span pieces.
  let prevFirst = 0;
  let prevLen = -1;
  let prevDepth = 0;
  let nextQuote = 0;
  const n = text.length;
  let start = 0;
  while (start < n) {
    let end = text.indexOf(10, start);
    if (end === -1) end = n;
    lineNo++;
    const lineStart = start;
    start = end + 1;
    let stop = end;
    while (stop > lineStart && isBlank(text[stop - 1])) stop--;
    let first = lineStart;
    while (first < stop && isBlank(text[first])) first++;
    if (first === stop) continue;
    if (text[first] === 35 /* # */) {
      dialect.comment?.(text.toString('utf8', first, stop));
      continue;
    }
    let sp = stop - 1;
    while (sp > first && !isBlank(text[sp])) sp--;
    let weight: number | undefined;
    if (sp > first)
      weight = weightOf ? weightOf(text.toString('utf8', sp + 1, stop)) : countAtBytes(text, sp + 1, stop);
    if (weight === undefined) {
      if (invalid++ === 0) {
        st.firstInvalid = lineNo;
        st.firstInvalidText = text.toString('utf8', first, stop).slice(0, 80);
      }
      continue;
    }
    let stackEnd = sp;
    while (stackEnd > first && isBlank(text[stackEnd - 1])) stackEnd--;
    let depth = 0;
    let f = first;
    const len = stackEnd - first;
    const limit = Math.min(len, prevLen);
    let common = 0;
    // Sorted neighbours share most of their bytes: compared four at a time (a DataView load
    // is one unaligned read; a native compare per line costs more in call overhead).
    const limit8 = limit - 7;
    while (
      common < limit8 &&
      view.getInt32(first + common, true) === view.getInt32(prevFirst + common, true) &&
      view.getInt32(first + common + 4, true) === view.getInt32(prevFirst + common + 4, true)
    )
      common += 8;
    const limit4 = limit - 3;
    while (common < limit4 && view.getInt32(first + common, true) === view.getInt32(prevFirst + common, true))
      common += 4;
    while (common < limit && text[first + common] === text[prevFirst + common]) common++;
    const same = common === len && len === prevLen;
    if (same) {
      depth = prevDepth;
    } else {
      while (depth < prevDepth && ends[depth] < common) depth++;
      if (depth > 0) f = first + ends[depth - 1] + 1;
    }
    if (nextQuote !== -1 && nextQuote < first) nextQuote = text.indexOf(34, first);
    const hasQuotes = nextQuote !== -1 && nextQuote < stackEnd;
    while (!same) {
      const root = depth === 0;
      let semi: number;
      let id: number;
      if (hasQuotes) {
        semi = nextSeparatorBytes(text, f, stackEnd);
        if (semi === -1) semi = stackEnd;
        id = table.get(text, f, semi, root);
      } else {
        id = table.getFrame(text, f, stackEnd, root);
        semi = table.frameEnd;
      }
      if (id === -1) {
        id = profile.intern(dialect.frame(text.toString('utf8', f, semi), depth));
        table.set(text, f, semi, root, id);
      }
      if (depth === buf.length) {
        buf = growInt32(buf);
        ends = growInt32(ends);
        st.buf = buf;
        st.ends = ends;
      }
      ends[depth] = semi - first;
      buf[depth++] = id;
      if (semi >= stackEnd) break;
      f = semi + 1;
    }
    prevFirst = first;
    prevLen = stackEnd - first;
    prevDepth = depth;
    if (weight > 0) {
      profile.stacks.addLater(buf, weight, 0, depth);
      samples++;
    }
  }
  st.invalid = invalid;
  st.lineNo = lineNo;
  st.samples = samples;
}

function countAtBytes(text: Buffer, start: number, end: number): number | undefined {
  if (end - start > 15 || end === start) return parseCount(text.toString('utf8', start, end));
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c < 48 || c > 57) return parseCount(text.toString('utf8', start, end));
    v = v * 10 + (c - 48);
  }
  return v;
}

function nextSeparatorBytes(text: Uint8Array, from: number, end: number): number {
  let inQuotes = false;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 59 && !inQuotes) return i;
  }
  return -1;
}
