import { NoSamplesError } from '../errors.js';
import { frameLabel, parseFrameLabel } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import type { FrameInit, FrameKind, Unit } from '../profile/types.js';
import { FrameBytesTable } from './frame-bytes-table.js';
import { headText, utf8ByteChunks } from './input.js';
import { detach } from './strings.js';
import type { FormatImporter, ImportOptions, PerfCollapseOptions, ProfileInput } from './types.js';

// `perf script` text collapsed exactly as FlameGraph's stackcollapse-perf.pl does (same
// options, same tidying, same annotations), so `flamediff collapse` output can be diffed with
// the Perl tool's. The Perl regexes are kept for the rare lines (sample headers, odd stack
// lines); ordinary stack lines take a hand-written path that gives the same fields, and each
// distinct `func (module)` text is tidied once and cached.

// Sample header: `comm pid[/tid] ...`; the comm may contain spaces (lazy match, as in Perl).
const HEADER = /^(\S.+?)\s+(\d+)\/*(\d+)*\s+/;
// `... [period] event:` at the end of the header.
const EVENT = /:\s*(\d+)*\s+(\S+):\s*$/;
// Stack line: `addr func+off (module)`.
const STACK = /^\s*(\w+)\s*(.+) \((\S*)\)/;
const OFFSET = /\+0x[\da-f]+$/;
const TIDY_PARENS = /\((?!anonymous namespace\)).*/;
const PER_THREAD = /\.\(.*\)\./;
const QUOTES = /["']/g;
const KERNEL_MODULE = /(^\[|vmlinux$)/;
const JIT_MODULE = /\/tmp\/perf-\d+\.map/;

export interface Collapser {
  profile: Profile;
  opts: Required<Omit<PerfCollapseOptions, 'eventFilter'>>;
  eventFilter: string;
  eventDefaulted: boolean;
  eventWarning: boolean;
  /** Current sample's process frame label; undefined outside a kept sample. */
  pname: string | undefined;
  /** isJava() for the current sample (asked once per stack line, so worked out once per header). */
  java: boolean;
  period: number;
  sawPeriod: boolean;
  /** Frame ids of the current sample in file order (leaf first): ids[0, idsLen). */
  ids: Int32Array;
  idsLen: number;
  labelIds: Map<string, number>;
  /** `func (module)` text of a stack line -> frame id(s), one table per tidy_java state. */
  lineCache: Map<string, number | number[]>;
  javaLineCache: Map<string, number | number[]>;
  /** The same caches keyed by the `func (module)` bytes (root flag = java): id, or -2 - index in groups. */
  byteCache: FrameBytesTable;
  groups: number[][];
  /** Set by stackLineFrames: whether its result may be cached by the `func (module)` text. */
  byFunc: boolean;
  /** The last process frame looked up (consecutive samples are mostly of one process). */
  lastPname: string;
  lastPnameId: number;
  stackBuf: Int32Array;
  samples: number;
  event: string | undefined;
  command: string | undefined;
  /** Sampling frequency (Hz) per event name, from `perf script --header`'s `# event :` lines. */
  eventFreq: Map<string, number>;
  /** Comms and event names of headers read by headerBytes. */
  headerWords: HeaderWords;
}

export function collapsePerfScript(
  input: ProfileInput,
  options: PerfCollapseOptions = {},
  importOpts: ImportOptions = {},
): Profile {
  const c = newCollapser(options);
  const pieces = utf8ByteChunks(input);
  if (pieces !== undefined) for (const bytes of pieces) collapseBytes(c, bytes, importOpts);
  // Pieces end at line ends; the collapser's state carries samples across them.
  else
    for (const text of input.textChunks ? input.textChunks() : [input.text()]) {
      const n = text.length;
      let start = 0;
      while (start < n) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = n;
        const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        processLine(c, text, start, lineEnd, importOpts);
        start = end + 1;
      }
    }
  return finishCollapse(c, input.fileName);
}

/**
 * A collapser for part of a file: `eventFilter` / `eventDefaulted` are the event filter state
 * where the part starts (what the file's earlier samples set), so that parts collapsed apart give
 * what one pass over the file gives.
 */
export function newCollapser(
  options: PerfCollapseOptions,
  start?: { eventFilter: string; eventDefaulted: boolean },
): Collapser {
  const all = options.all === true;
  return {
    profile: new Profile({ format: 'perf-script', sampler: 'perf' }),
    opts: {
      pid: options.pid === true,
      tid: options.tid === true,
      kernel: all || options.kernel === true,
      jit: all || options.jit === true,
      all,
      addrs: options.addrs === true,
    },
    eventFilter: start?.eventFilter ?? options.eventFilter ?? '',
    eventDefaulted: start?.eventDefaulted ?? false,
    eventWarning: false,
    pname: undefined,
    java: false,
    period: 1,
    sawPeriod: false,
    ids: new Int32Array(256),
    idsLen: 0,
    labelIds: new Map(),
    lineCache: new Map(),
    javaLineCache: new Map(),
    byteCache: new FrameBytesTable(),
    groups: [],
    byFunc: false,
    lastPname: '',
    lastPnameId: -1,
    stackBuf: new Int32Array(256),
    samples: 0,
    event: undefined,
    command: undefined,
    eventFreq: new Map(),
    headerWords: new HeaderWords(),
  };
}

/** The profile of a finished collapse: its unit and metadata, or NoSamplesError. */
export function finishCollapse(c: Collapser, fileName: string): Profile {
  // Like stackcollapse-perf.pl, a last sample not ended by a blank line is not counted
  // (`perf script` always ends samples with one; a truncated file loses its partial sample).
  if (c.samples === 0) throw new NoSamplesError(fileName);
  const meta = c.profile.meta;
  meta.unit = unitFor(c.event, c.sawPeriod);
  if (c.event) meta.extra = { ...meta.extra, event: c.event };
  if (c.command) meta.command = c.command;
  // A time-based event recorded at a frequency (perf record -F, as flamediff's perf runs do)
  // says its interval in the header that `perf script --header` keeps.
  const freq = c.eventFreq.get((c.event ?? '').replace(/:.*$/, ''));
  if (meta.unit === 'nanoseconds' && freq) meta.intervalNs = Math.round(1e9 / freq);
  return c.profile;
}

/**
 * The line loop over UTF-8 bytes: an indented stack line whose `func (module)` bytes were seen
 * before is one lookup in a byte-keyed table, with no string made; any other line is decoded and
 * goes through processLine, so the output is the same as the text path's.
 */
export function collapseBytes(c: Collapser, bytes: Buffer, importOpts: ImportOptions): void {
  const n = bytes.length;
  let start = 0;
  while (start < n) {
    // Most lines are stack lines of a kept sample: those find their end as they are looked up.
    if (c.pname !== undefined && (bytes[start] === 32 || bytes[start] === 9)) {
      const next = stackLineSeen(c, bytes, start, n);
      if (next !== -1) {
        start = next;
        continue;
      }
    }
    let end = bytes.indexOf(10, start);
    if (end === -1) end = n;
    const lineEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    if (lineEnd > start && isSpace(bytes[start])) {
      if (c.pname !== undefined) stackLineBytes(c, bytes, start, lineEnd);
    } else if (lineEnd === start) {
      endSample(c);
    } else if (bytes[start] === 35 /* # */ || !headerBytes(c, bytes, start, lineEnd, importOpts)) {
      const line = bytes.toString('utf8', start, lineEnd);
      processLine(c, line, 0, line.length, importOpts);
    }
    start = end + 1;
  }
}

/**
 * The usual stack line (`<ws>addr<ws>func (module)\n`) whose `func (module)` bytes were seen
 * before: its frames pushed, found with the line's end in one pass (no search for the `\n`
 * first). Returns where the next line starts, or -1 for any other line (nothing done then).
 */
function stackLineSeen(c: Collapser, b: Buffer, start: number, n: number): number {
  let s = start;
  while (s < n && (b[s] === 32 || b[s] === 9)) s++;
  let e = s;
  while (e < n && CLASS[b[e]] === WORD) e++;
  let f = e;
  while (f < n && (b[f] === 32 || b[f] === 9)) f++;
  if (e === s || f === e || f === n) return -1;
  const hit = c.byteCache.getLine(b, f, n, c.java);
  const end = c.byteCache.frameEnd;
  // A line that runs into the end of the bytes is left to the general path. So is a CRLF line:
  // its key ends with the `\r`, and no stored key does (stackLineBytes stores them without it,
  // and a key that still ends with `\r` there does not end with `)`, so is never stored).
  if (hit === -1 || end === n) return -1;
  pushIds(c, hit >= 0 ? hit : c.groups[-2 - hit]);
  return end + 1;
}

/**
 * An indented stack line whose `func (module)` bytes were seen before is one lookup, with no
 * string made (the address before them only matters for --addrs labels, which are not cached).
 * A line's frames depend only on its text and on whether the process name starts with `java` (tidy_java matches ^java), the
 * key's root flag.
 */
function stackLineBytes(c: Collapser, b: Buffer, start: number, end: number): void {
  let s = start;
  while (s < end && CLASS[b[s]] === SPACE) s++;
  let e = s;
  while (e < end && CLASS[b[e]] === WORD) e++;
  let f = e;
  while (f < end && CLASS[b[f]] === SPACE) f++;
  const java = c.java;
  const shaped = e > s && e < end && f > e;
  if (shaped) {
    const hit = c.byteCache.get(b, f, end, java);
    if (hit !== -1) {
      pushIds(c, hit >= 0 ? hit : c.groups[-2 - hit]);
      return;
    }
  }
  // First time this text is seen (or an odd line): the string path decides.
  const line = b.toString('utf8', start, end);
  const r = stackLineFrames(c, line, 0, line.length, false);
  if (r === undefined) return;
  pushIds(c, r);
  if (!shaped || !c.byFunc) return;
  let value: number;
  if (typeof r === 'number') value = r;
  else {
    value = -2 - c.groups.length;
    c.groups.push(r);
  }
  c.byteCache.set(b, f, end, java, value);
}

/** `# event : name = cpu-clock:ppp, ..., { sample_period, sample_freq } = 499, ..., freq = 1, ...` */
function eventHeader(c: Collapser, line: string): void {
  const name = /^# event : name = ([^,:\s]+)/.exec(line)?.[1];
  const freq = /\{ sample_period, sample_freq \} = (\d+)/.exec(line)?.[1];
  if (name && freq && /, freq = 1(,|$)/.test(line)) c.eventFreq.set(name, Number(freq));
}

function unitFor(event: string | undefined, sawPeriod: boolean): Unit {
  if (!sawPeriod) return 'samples';
  const e = (event ?? '').replace(/:.*$/, '');
  return e === 'cpu-clock' || e === 'task-clock' ? 'nanoseconds' : 'count';
}

function processLine(
  c: Collapser,
  text: string,
  start: number,
  end: number,
  importOpts: ImportOptions,
): void {
  if (start === end) {
    endSample(c);
    return;
  }
  const c0 = text.charCodeAt(start);
  if (c0 === 35 /* # */) {
    const line = text.slice(start, end);
    if (line.startsWith('# cmdline')) c.command = line.replace(/^# cmdline\s*:?\s*/, '');
    else if (line.startsWith('# event : name = ')) eventHeader(c, line);
    return;
  }
  if (!isSpace(c0)) {
    const line = text.slice(start, end);
    const m = HEADER.exec(line);
    if (m) {
      header(c, line, m, importOpts);
      return;
    }
    stackLineSlow(c, line);
    return;
  }
  if (c.pname === undefined) return; // filtered or headerless sample
  stackLine(c, text, start, end);
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 11 || ch === 12;
}

/** Byte classes for the byte loop (Perl's \s and \w on ASCII): one load instead of compares. */
const SPACE = 1;
const WORD = 2;
const CLASS = new Uint8Array(256);
for (let ch = 0; ch < 128; ch++) CLASS[ch] = isSpace(ch) ? SPACE : isWord(ch) ? WORD : 0;

function isWord(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95;
}

function header(c: Collapser, line: string, m: RegExpExecArray, importOpts: ImportOptions): void {
  const comm = m[1];
  let pid = m[2];
  let tid = m[3];
  // Perl truthiness: a tid of "0" counts as missing, like an absent one.
  if (!tid || tid === '0') {
    tid = pid;
    pid = '?';
  }
  const ev = EVENT.exec(line);
  if (!headerEvent(c, ev?.[2], ev?.[1] ?? '', importOpts)) return;
  let pname = c.opts.tid ? `${comm}-${pid}/${tid}` : c.opts.pid ? `${comm}-${pid}` : comm;
  pname = pname.replace(/ /g, '_');
  c.pname = pname;
  c.java = isJava(c);
}

/**
 * A header's event and period (`event` undefined: the header names none): false when its sample
 * is filtered out, else c.period is set.
 */
function headerEvent(
  c: Collapser,
  event: string | undefined,
  period: string,
  importOpts: ImportOptions,
): boolean {
  if (event !== undefined) {
    if (c.eventFilter === '') {
      // Only the first event type seen: merging cycles with instructions would mislead.
      c.eventFilter = event;
      c.eventDefaulted = true;
    } else if (event !== c.eventFilter) {
      if (c.eventDefaulted && !c.eventWarning) {
        importOpts.onWarning?.(`Filtering for events of type: ${event}`);
        c.eventWarning = true;
      }
      return false;
    }
    c.event = c.eventFilter;
  }
  if (period !== '' && period !== '0') {
    c.period = Number(period);
    c.sawPeriod = true;
  } else {
    c.period = 1;
  }
  return true;
}

/**
 * The usual sample header, `comm pid[/tid] ... [period] event:` with a one-word ASCII comm,
 * read from its bytes without the regexes (and with no string made but a period's): true when
 * done, false to leave the line to processLine. Only without --pid/--tid, where the process
 * frame is the comm alone. Each check below is what makes HEADER and EVENT match the same way:
 * a comm with no space in it (at least 2 characters, as `\S.+?` needs) ends at the first space;
 * then spaces, digits, at most one `/` and digits, a space; at the end, the last word ends with
 * `:` and follows `:` and spaces, or `:`, spaces, digits (the period) and spaces.
 */
function headerBytes(
  c: Collapser,
  b: Buffer,
  start: number,
  end: number,
  importOpts: ImportOptions,
): boolean {
  if (c.opts.pid || c.opts.tid) return false;
  let i = start;
  while (i < end && b[i] > 32 && b[i] < 127) i++;
  const commEnd = i;
  if (commEnd - start < 2 || i === end || b[i] !== 32) return false;
  while (i < end && b[i] === 32) i++;
  const pid = i;
  while (i < end && isDigit(b[i])) i++;
  if (i === pid) return false;
  if (b[i] === 47 /* / */) {
    const tid = ++i;
    while (i < end && isDigit(b[i])) i++;
    if (i === tid) return false;
  }
  if (i === end || b[i] !== 32) return false;
  // The event: the last word, without its `:` (trailing spaces ignored).
  let e = end;
  while (e > i && CLASS[b[e - 1]] === SPACE) e--;
  if (e === i || b[e - 1] !== 58 /* : */) return false;
  const eventEnd = e - 1;
  let t = eventEnd;
  while (t > i && b[t - 1] > 32 && b[t - 1] < 127) t--;
  if (t === eventEnd || b[t - 1] !== 32) return false;
  let g = t - 1;
  while (g > i && b[g - 1] === 32) g--;
  let period = '';
  if (b[g - 1] !== 58) {
    let d = g;
    while (d > i && isDigit(b[d - 1])) d--;
    if (d === g) return false;
    let h = d;
    while (h > i && b[h - 1] === 32) h--;
    if (h === i || b[h - 1] !== 58) return false;
    period = b.toString('latin1', d, g);
  }
  if (!headerEvent(c, c.headerWords.word(b, t, eventEnd), period, importOpts)) return true;
  const pname = c.headerWords.word(b, start, commEnd);
  c.pname = pname;
  c.java = isJava(c);
  return true;
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

function endSample(c: Collapser): void {
  const pname = c.pname;
  if (pname === undefined) return;
  const ids = c.ids;
  const n = c.idsLen;
  const depth = n + 1;
  if (c.stackBuf.length < depth) c.stackBuf = new Int32Array(depth * 2);
  const buf = c.stackBuf;
  buf[0] = processFrame(c, pname);
  for (let k = 0; k < n; k++) buf[k + 1] = ids[n - 1 - k];
  c.profile.stacks.add(buf, c.period, 0, depth);
  c.samples++;
  c.idsLen = 0;
  c.pname = undefined;
}

function processFrame(c: Collapser, pname: string): number {
  if (pname === c.lastPname && c.lastPnameId >= 0) return c.lastPnameId;
  const key = `\u0000${pname}`;
  let id = c.labelIds.get(key);
  if (id === undefined) {
    const kind: FrameKind = c.opts.tid ? 'thread' : 'process';
    // New: labelIds holds every frame this collapser made, and only process frames have this kind.
    id = c.profile.frames.addNew({ name: detach(pname), kind });
    c.labelIds.set(key, id);
  }
  c.lastPname = pname;
  c.lastPnameId = id;
  return id;
}

/** An indented stack line: `<ws>addr<ws>func (module)`. */
function stackLine(c: Collapser, text: string, start: number, end: number): void {
  const r = stackLineFrames(c, text, start, end, true);
  if (r !== undefined) pushIds(c, r);
}

/**
 * A stack line's frame id(s): the Perl per-line logic, with a fast path for the usual shape.
 * Sets c.byFunc when the result may be cached by the `func (module)` text, and caches it so in
 * the string maps when `useMaps` (the byte path keeps its own tables).
 */
function stackLineFrames(
  c: Collapser,
  text: string,
  start: number,
  end: number,
  useMaps: boolean,
): number | number[] | undefined {
  c.byFunc = false;
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  let e = s;
  while (e < end && isWord(text.charCodeAt(e))) e++;
  if (e === s || e >= end || !isSpace(text.charCodeAt(e))) return slowFrames(c, text.slice(start, end));
  let f = e;
  while (f < end && isSpace(text.charCodeAt(f))) f++;
  const cache = c.java ? c.javaLineCache : c.lineCache;
  // Everything after the address decides the frames (the address only matters for --addrs
  // of unknown symbols, never cached), so a repeated `func (module)` text is one Map lookup;
  // a slice + Map (native hashing and compare) beats hashing the range in JS.
  const key = text.slice(f, end);
  const hit = useMaps ? cache.get(key) : undefined;
  if (hit !== undefined) return hit;
  const open = text.lastIndexOf(' (', end - 1);
  if (text.charCodeAt(end - 1) !== 41 /* ) */ || open <= f || !noSpaceBetween(text, open + 2, end - 1)) {
    return slowFrames(c, text.slice(start, end));
  }
  const rawfunc = text.slice(f, open);
  const mod = text.slice(open + 2, end - 1);
  const pc = text.slice(s, e);
  const result = frameIds(c, pc, rawfunc, mod);
  if (result === undefined) return undefined;
  // `[unknown]` with --addrs embeds the address: such lines are not cacheable by text.
  if (!(c.opts.addrs && rawfunc.includes('[unknown]'))) {
    c.byFunc = true;
    if (useMaps) cache.set(detach(key), result);
  }
  return result;
}

function noSpaceBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isSpace(text.charCodeAt(i))) return false;
  return true;
}

function stackLineSlow(c: Collapser, line: string): void {
  const r = slowFrames(c, line);
  if (r !== undefined) pushIds(c, r);
}

function slowFrames(c: Collapser, line: string): number | number[] | undefined {
  const m = STACK.exec(line);
  if (!m) return undefined; // stackcollapse-perf.pl ignores lines it does not recognise
  if (c.pname === undefined) return undefined;
  return frameIds(c, m[1], m[2], m[3]);
}

function pushIds(c: Collapser, r: number | number[]): void {
  const n = typeof r === 'number' ? 1 : r.length;
  if (c.idsLen + n > c.ids.length) {
    const next = new Int32Array(Math.max(c.ids.length * 2, c.idsLen + n));
    next.set(c.ids);
    c.ids = next;
  }
  if (typeof r === 'number') {
    c.ids[c.idsLen++] = r;
    return;
  }
  // A group (inlined `a->b`) keeps its order when the sample is reversed at the end.
  for (let k = r.length - 1; k >= 0; k--) c.ids[c.idsLen++] = r[k];
}

/** The Perl per-line logic: strip offset, split inlined `->`, tidy, annotate. */
function frameIds(c: Collapser, pc: string, rawfuncIn: string, mod: string): number | number[] | undefined {
  const rawfunc = rawfuncIn.replace(OFFSET, '');
  if (rawfunc.charCodeAt(0) === 40 /* ( */) return undefined; // process names
  const parts = rawfunc.includes('->') ? rawfunc.split('->') : [rawfunc];
  const out: number[] = [];
  for (const part of parts) {
    let func = part;
    if (func === '[unknown]') {
      if (mod !== '[unknown]') {
        func = mod.replace(/.*\//, '');
      } else {
        func = 'unknown';
      }
      func = c.opts.addrs ? `[${func} <${pc}>]` : `[${func}]`;
    }
    // tidy_generic
    if (func.includes(';')) func = func.replace(/;/g, ':');
    if (func.includes('(') && !PER_THREAD.test(func)) func = func.replace(TIDY_PARENS, '');
    if (func.includes('"') || func.includes("'")) func = func.replace(QUOTES, '');
    // tidy_java
    if (c.java && func.includes('/') && func.charCodeAt(0) === 76 /* L */) func = func.slice(1);
    if (out.length > 0) {
      if (!func.includes('_[i]')) func += '_[i]';
    } else if (c.opts.kernel && KERNEL_MODULE.test(mod) && !mod.includes('unknown')) {
      func += '_[k]';
    } else if (c.opts.jit && JIT_MODULE.test(mod)) {
      if (!func.includes('_[j]')) func += '_[j]';
    }
    out.push(labelId(c, func));
  }
  return out.length === 1 ? out[0] : out;
}

/**
 * Interns a collapsed label so that writing it back gives the same text. labelIds is the only
 * index: a label's frame is written back as that label, so distinct labels are distinct frames,
 * and a label not in labelIds is a frame not in the profile yet.
 */
function labelId(c: Collapser, text: string): number {
  let id = c.labelIds.get(text);
  if (id === undefined) {
    const label = detach(text); // kept strings must not pin the input piece they came from
    id = c.profile.frames.addNew(labelFrame(label));
    c.labelIds.set(label, id);
  }
  return id;
}

/** The frame whose label (frameLabel) is `label`: its parts when they give it back, else the label as a name. */
function labelFrame(label: string): FrameInit {
  const init = parseFrameLabel(label);
  // Most labels have no file part or kind suffix: nothing to check.
  if (init.name === label) return { name: label, kind: 'native' };
  if (frameLabel({ file: '', line: 0, module: '', kind: 'other', ...init }) !== label) {
    return { name: label, kind: 'native' };
  }
  return init.kind === 'other' ? { ...init, kind: 'native' } : init;
}

const SNIFF_HEADER = /^\S.*?\s+\d+(\/\d+)?\s+.*?(\d+\.\d+:|\S+:)\s*$/m;
const SNIFF_FRAME = /^\s*[0-9a-f]+\s+\S.* \(\S*\)\s*$/m;

export function looksLikePerfScript(input: ProfileInput): boolean {
  const head = headText(input, 8192);
  return SNIFF_FRAME.test(head) && (SNIFF_HEADER.test(head) || /^# ========\n# captured on/m.test(head));
}

export const perfScriptFormat: FormatImporter = {
  name: 'perf-script',
  description: '`perf script` text, collapsed like FlameGraph stackcollapse-perf.pl',
  matchesName: (fileName) =>
    /(\.perf(script)?|\.perf\.txt|perf-script.*\.txt|\.perfscript)(\.gz)?$/i.test(fileName),
  is: looksLikePerfScript,
  import(input, opts) {
    return collapsePerfScript(input, opts.perf ?? {}, opts);
  },
};

/**
 * Java signatures are tidied when the process name starts with `java` (FlameGraph's `^java`:
 * `java`, `java-worker`, ...). With --pid/--tid the name carries the pid (`java-1234`), and
 * FlameGraph's reference outputs for those options are not tidied: neither are ours.
 */
function isJava(c: Collapser): boolean {
  return c.pname?.startsWith('java') === true && !c.opts.pid && !c.opts.tid;
}

/** Short ASCII words of sample headers (comms, event names) as strings, one per distinct bytes. */
class HeaderWords {
  private readonly table = new FrameBytesTable();
  private readonly words: string[] = [];

  word(b: Buffer, start: number, end: number): string {
    const id = this.table.get(b, start, end, false);
    if (id !== -1) return this.words[id];
    const word = b.toString('latin1', start, end);
    this.table.set(b, start, end, false, this.words.length);
    this.words.push(word);
    return word;
  }
}
