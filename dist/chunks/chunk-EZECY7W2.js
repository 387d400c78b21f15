#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  Profile,
  frameLabel,
  parseFrameLabel
} from "./chunk-RM2AEMQK.js";
import {
  InputError,
  NoSamplesError
} from "./chunk-KISOPUCP.js";

// src/lib/builtins.ts
function zlib() {
  return process.getBuiltinModule("node:zlib");
}
function workerThreads() {
  return process.getBuiltinModule("node:worker_threads");
}

// src/formats/input.ts
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
var GZIP_MAGIC_0 = 31;
var GZIP_MAGIC_1 = 139;
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}
function gunzipIfNeeded(fileName, bytes) {
  if (!isGzip(bytes)) return bytes;
  try {
    const out = zlib().gunzipSync(bytes);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError(
      fileName,
      { offset: 0 },
      `corrupt gzip data (${why}; expected a complete gzip stream)`
    );
  }
}
function sniffEncoding(bytes) {
  if (bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    return { encoding: "utf-8", bomLength: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254)
    return { encoding: "utf-16le", bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255)
    return { encoding: "utf-16be", bomLength: 2 };
  return { encoding: "utf-8", bomLength: 0 };
}
function looksBinary(bytes) {
  const { encoding } = sniffEncoding(bytes);
  if (encoding !== "utf-8") return false;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
function decodeText(fileName, bytes) {
  const { encoding, bomLength } = sniffEncoding(bytes);
  const body = bomLength ? bytes.subarray(bomLength) : bytes;
  if (encoding === "utf-16be") return new TextDecoder("utf-16le").decode(swapBytes(body));
  if (encoding === "utf-16le") return new TextDecoder("utf-16le").decode(body);
  const n = Math.min(body.length, 4096);
  for (let i = 0; i < n; i++) {
    if (body[i] === 0) {
      throw new InputError(fileName, { offset: i + bomLength }, "binary data (expected a text profile)");
    }
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
}
function swapBytes(b) {
  const out = new Uint8Array(b.length & ~1);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}
var RELEASE_BYTES_AT = 16 << 20;
var EMPTY = new Uint8Array(0);
function makeInput(fileName, raw) {
  let bytes = gunzipIfNeeded(fileName, raw);
  let text;
  return {
    fileName,
    get bytes() {
      return bytes;
    },
    text: () => {
      if (text === void 0) {
        text = decodeText(fileName, bytes);
        if (bytes.length >= RELEASE_BYTES_AT) bytes = EMPTY;
      }
      return text;
    },
    textChunks: () => text !== void 0 ? [text] : utf8Chunks(fileName, bytes)
  };
}
var CHUNK_BYTES = 4 << 20;
function* utf8Chunks(fileName, bytes) {
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== "utf-8" || bytes.length <= CHUNK_BYTES) {
    yield decodeText(fileName, bytes);
    return;
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  decodeText(fileName, buf.subarray(0, 4096));
  let start = bomLength;
  while (start < buf.length) {
    let end = start + CHUNK_BYTES >= buf.length ? buf.length : buf.indexOf(10, start + CHUNK_BYTES);
    end = end === -1 ? buf.length : end + 1;
    yield buf.toString("utf8", start, end);
    start = end;
  }
}
function headText(input, max = 4096) {
  const { bytes } = input;
  if (bytes.length <= max * 2) return safeText(input);
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== "utf-8") return safeText(input).slice(0, max);
  let n = 0;
  for (; n < max && bomLength + n < bytes.length; n++) if (bytes[bomLength + n] === 0) return "";
  return new TextDecoder().decode(bytes.subarray(bomLength, bomLength + max));
}
function safeText(input) {
  try {
    return input.text();
  } catch {
    return "";
  }
}
var STREAM_FILE_AT = 16 << 20;
var STREAM_FOLDED_AT = 4 << 20;
var HEAD_BYTES = 64 << 10;
function makeFileInput(path, fileName) {
  let bytes;
  let text;
  const loaded = () => bytes !== void 0;
  const readAll = () => {
    if (bytes === void 0) {
      const b = readFileSync(path);
      bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    }
    return bytes;
  };
  const input = {
    fileName,
    get bytes() {
      return readAll();
    },
    text: () => {
      text ??= decodeText(fileName, readAll());
      return text;
    },
    textChunks: () => text !== void 0 ? [text] : fileChunks(path, fileName)
  };
  fileInputs.set(input, { path, loaded });
  return input;
}
var fileInputs = /* @__PURE__ */ new WeakMap();
function readHead(path, n = HEAD_BYTES) {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
function* fileChunks(path, fileName) {
  for (const piece of fileByteChunks(path, fileName)) yield piece.toString("utf8");
}
function inputByteSize(input) {
  const file = fileInputs.get(input);
  return file !== void 0 && !file.loaded() ? statSync(file.path).size : input.bytes.length;
}
function utf8ByteChunks(input, pieceBytes = CHUNK_BYTES) {
  const file = fileInputs.get(input);
  if (file !== void 0 && !file.loaded()) {
    if (sniffEncoding(readHead(file.path, 4)).encoding !== "utf-8") return void 0;
    return fileByteChunks(file.path, input.fileName, pieceBytes);
  }
  const body = utf8Body(input);
  return body === void 0 ? void 0 : [body];
}
function* fileByteChunks(path, fileName, pieceBytes = CHUNK_BYTES) {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.allocUnsafe(pieceBytes);
    let filled = 0;
    let bom = -1;
    const piece = (end) => {
      const from = Math.max(bom, 0);
      bom = 0;
      return buf.subarray(from, end);
    };
    for (; ; ) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const got = readSync(fd, buf, filled, buf.length - filled, null);
      const end = filled + got;
      if (bom === -1) {
        decodeText(fileName, buf.subarray(0, Math.min(end, 4096)));
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
function utf8Body(input) {
  const bytes = input.bytes;
  if (bytes.length === 0) return void 0;
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding !== "utf-8") return void 0;
  decodeText(input.fileName, bytes.subarray(0, Math.min(bytes.length, 4096)));
  return Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.byteLength - bomLength);
}

// src/formats/frame-bytes-table.ts
var FrameBytesTable = class {
  // The fields a growing table replaces start as placeholders of the same type and are replaced
  // in the constructor: V8 compiles a field never reassigned as a constant, so the first rehash
  // or bigger arena used to throw away the optimised lookups of every fresh process.
  slots = NO_WORDS;
  // [record + 1 (0 = empty), hash] per slot
  mask = 0;
  count = 0;
  // One record per key, in words: [byte length, id, the key's bytes (padded to a word)...], so
  // that a lookup touches the slot and one record (not parallel arrays of lengths, starts, ids).
  arena = NO_BYTES;
  arenaWords = NO_WORDS;
  arenaLen = 0;
  // in words
  /** The words of the key last hashed by get(). */
  words = NO_WORDS;
  /** Where the frame found by getFrame() ends (its `;` or the end given). */
  frameEnd = 0;
  /** A DataView of the last bytes looked up (parsers look up many keys in one buffer). */
  viewBytes = new Uint8Array(0);
  // never undefined: a stable field type
  view = new DataView(new ArrayBuffer(0));
  constructor() {
    this.slots = new Int32Array(2 << 12);
    this.mask = (1 << 12) - 1;
    this.arena = new Uint8Array(1 << 16);
    this.arenaWords = new Int32Array(this.arena.buffer);
    this.words = new Int32Array(64);
  }
  viewOf(bytes) {
    if (bytes !== this.viewBytes) {
      this.viewBytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }
  /** The id stored for bytes[start, end), or -1. */
  get(bytes, start, end, root) {
    if (end - start >>> 2 > this.words.length) this.words = new Int32Array(end - start >>> 1);
    const h = this.hash(bytes, start, end, root);
    return this.find(h, bytes, start, end);
  }
  find(h, bytes, start, end) {
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (; ; ) {
      const r = slots[2 * slot] - 1;
      if (r === -1) return -1;
      if (slots[2 * slot + 1] === h && this.equals(r, bytes, start, end)) return this.arenaWords[r + 1];
      slot = slot + 1 & mask;
    }
  }
  /** Stores id for bytes[start, end) (a key not in the table: call get first). */
  set(bytes, start, end, root, id) {
    const n = end - start;
    const room = 2 + (n + 3 >>> 2);
    if ((this.arenaLen + room) * 4 > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, (this.arenaLen + room) * 8));
      next.set(this.arena.subarray(0, this.arenaLen * 4));
      this.arena = next;
      this.arenaWords = new Int32Array(next.buffer);
    }
    const r = this.arenaLen;
    this.arenaWords[r] = n;
    this.arenaWords[r + 1] = id;
    const arena = this.arena;
    const at = (r + 2) * 4 - start;
    for (let k = start; k < end; k++) arena[at + k] = bytes[k];
    this.arenaLen += room;
    this.count++;
    if (n >>> 2 > this.words.length) this.words = new Int32Array(n >>> 1);
    const h = this.hash(bytes, start, end, root);
    let slot = h & this.mask;
    while (this.slots[2 * slot] !== 0) slot = slot + 1 & this.mask;
    this.slots[2 * slot] = r + 1;
    this.slots[2 * slot + 1] = h;
    if (this.count * 2 > this.mask + 1) this.rehash();
  }
  /**
   * Four bytes per multiply (FNV-style over little-endian words, the root flag as a different
   * seed, the length mixed in last so that a scan can hash before it knows where the key ends),
   * in two lanes (even and odd words: two independent multiply chains, about twice the words per
   * cycle of one chain), then a final avalanche: frame labels are hashed once per occurrence, so
   * this is hot. The words are kept in this.words for equals().
   */
  hash(bytes, start, end, root) {
    const words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 2166136261 : 84696351;
    let g = 739982445;
    let i = start;
    let j = 0;
    for (; i + 7 < end; i += 8) {
      const w = view.getInt32(i, true);
      const v = view.getInt32(i + 4, true);
      words[j++] = w;
      words[j++] = v;
      h = Math.imul(h ^ w, 16777619);
      g = Math.imul(g ^ v, 16777619);
      h ^= h >>> 15;
      g ^= g >>> 15;
    }
    if (i + 3 < end) {
      const w = view.getInt32(i, true);
      words[j++] = w;
      h = Math.imul(h ^ w, 16777619);
      h ^= h >>> 15;
      i += 4;
    }
    h = lanes(h, g);
    for (; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
    return finalMix(h, end - start);
  }
  /**
   * The frame that starts at `from` and ends before the next `;` (or at `end`): its id, or -1;
   * where it ends is left in `frameEnd`. Finding the `;` and hashing are one pass over the bytes,
   * which for the short frames of deep stacks costs less than a search and then a hash.
   */
  getFrame(bytes, from, end, root) {
    let words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 2166136261 : 84696351;
    let g = 739982445;
    let i = from;
    let j = 0;
    for (; i + 3 < end; i += 4) {
      const w = view.getInt32(i, true);
      const x = w ^ 993737531;
      if ((x - 16843009 & ~x & 2155905152) !== 0) break;
      if (j === words.length) {
        const more = new Int32Array(words.length * 2);
        more.set(words);
        this.words = more;
        words = more;
      }
      if ((j & 1) === 0) {
        h = Math.imul(h ^ w, 16777619);
        h ^= h >>> 15;
      } else {
        g = Math.imul(g ^ w, 16777619);
        g ^= g >>> 15;
      }
      words[j++] = w;
    }
    h = lanes(h, g);
    for (; i < end && bytes[i] !== 59; i++) h = Math.imul(h ^ bytes[i], 16777619);
    this.frameEnd = i;
    return this.find(finalMix(h, i - from), bytes, from, i);
  }
  /**
   * The key from `from` to the next `\n` (left in `frameEnd`; `end` when there is none): its id,
   * or -1. Finding the line end and hashing are one pass, eight bytes at a time as in hash(), so
   * a line parser needs no search for the `\n` first. The hash is hash()'s of those bytes.
   */
  getLine(bytes, from, end, root) {
    let words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 2166136261 : 84696351;
    let g = 739982445;
    let i = from;
    let j = 0;
    for (; i + 7 < end; i += 8) {
      const w = view.getInt32(i, true);
      const v = view.getInt32(i + 4, true);
      const x = w ^ 168430090;
      const y = v ^ 168430090;
      if ((x - 16843009 & ~x | y - 16843009 & ~y) & 2155905152) break;
      if (j + 2 > words.length) words = this.moreWords();
      words[j++] = w;
      words[j++] = v;
      h = Math.imul(h ^ w, 16777619);
      g = Math.imul(g ^ v, 16777619);
      h ^= h >>> 15;
      g ^= g >>> 15;
    }
    if (i + 3 < end) {
      const w = view.getInt32(i, true);
      const x = w ^ 168430090;
      if ((x - 16843009 & ~x & 2155905152) === 0) {
        if (j + 1 > words.length) words = this.moreWords();
        words[j++] = w;
        h = Math.imul(h ^ w, 16777619);
        h ^= h >>> 15;
        i += 4;
      }
    }
    h = lanes(h, g);
    for (; i < end && bytes[i] !== 10; i++) h = Math.imul(h ^ bytes[i], 16777619);
    this.frameEnd = i;
    return this.find(finalMix(h, i - from), bytes, from, i);
  }
  /** this.words, twice as long (its words kept). */
  moreWords() {
    const more = new Int32Array(this.words.length * 2);
    more.set(this.words);
    this.words = more;
    return more;
  }
  /** Record r's key against bytes[start, end), whose whole words hash() just left in this.words. */
  equals(r, bytes, start, end) {
    const arenaWords = this.arenaWords;
    const n = arenaWords[r];
    if (n !== end - start) return false;
    const full = n >>> 2;
    const at = r + 2;
    if (LITTLE_ENDIAN) {
      const words = this.words;
      for (let k = 0; k < full; k++) if (arenaWords[at + k] !== words[k]) return false;
    }
    const arena = this.arena;
    const from = LITTLE_ENDIAN ? full << 2 : 0;
    const atByte = at << 2;
    for (let k = from; k < n; k++) if (arena[atByte + k] !== bytes[start + k]) return false;
    return true;
  }
  rehash() {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let slot = old[j + 1] & mask;
      while (slots[2 * slot] !== 0) slot = slot + 1 & mask;
      slots[2 * slot] = old[j];
      slots[2 * slot + 1] = old[j + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
};
var NO_WORDS = new Int32Array(0);
var NO_BYTES = new Uint8Array(0);
function lanes(h, g) {
  return Math.imul(h ^ g >>> 7, 2654435761) ^ g;
}
function finalMix(hash, length) {
  let h = hash ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return h | 0;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// src/formats/strings.ts
function detach(s) {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

// src/formats/perf-script.ts
var HEADER = /^(\S.+?)\s+(\d+)\/*(\d+)*\s+/;
var EVENT = /:\s*(\d+)*\s+(\S+):\s*$/;
var STACK = /^\s*(\w+)\s*(.+) \((\S*)\)/;
var OFFSET = /\+0x[\da-f]+$/;
var TIDY_PARENS = /\((?!anonymous namespace\)).*/;
var PER_THREAD = /\.\(.*\)\./;
var QUOTES = /["']/g;
var KERNEL_MODULE = /(^\[|vmlinux$)/;
var JIT_MODULE = /\/tmp\/perf-\d+\.map/;
function collapsePerfScript(input, options = {}, importOpts = {}) {
  const c = newCollapser(options);
  const pieces = utf8ByteChunks(input);
  if (pieces !== void 0) for (const bytes of pieces) collapseBytes(c, bytes, importOpts);
  else
    for (const text of input.textChunks ? input.textChunks() : [input.text()]) {
      const n = text.length;
      let start = 0;
      while (start < n) {
        let end = text.indexOf("\n", start);
        if (end === -1) end = n;
        const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        processLine(c, text, start, lineEnd, importOpts);
        start = end + 1;
      }
    }
  return finishCollapse(c, input.fileName);
}
function newCollapser(options, start) {
  const all = options.all === true;
  return {
    profile: new Profile({ format: "perf-script", sampler: "perf" }),
    opts: {
      pid: options.pid === true,
      tid: options.tid === true,
      kernel: all || options.kernel === true,
      jit: all || options.jit === true,
      all,
      addrs: options.addrs === true
    },
    eventFilter: start?.eventFilter ?? options.eventFilter ?? "",
    eventDefaulted: start?.eventDefaulted ?? false,
    eventWarning: false,
    pname: void 0,
    java: false,
    period: 1,
    sawPeriod: false,
    ids: new Int32Array(256),
    idsLen: 0,
    labelIds: /* @__PURE__ */ new Map(),
    lineCache: /* @__PURE__ */ new Map(),
    javaLineCache: /* @__PURE__ */ new Map(),
    byteCache: new FrameBytesTable(),
    groups: [],
    byFunc: false,
    lastPname: "",
    lastPnameId: -1,
    stackBuf: new Int32Array(256),
    samples: 0,
    event: void 0,
    command: void 0,
    eventFreq: /* @__PURE__ */ new Map(),
    headerWords: new HeaderWords()
  };
}
function finishCollapse(c, fileName) {
  if (c.samples === 0) throw new NoSamplesError(fileName);
  const meta = c.profile.meta;
  meta.unit = unitFor(c.event, c.sawPeriod);
  if (c.event) meta.extra = { ...meta.extra, event: c.event };
  if (c.command) meta.command = c.command;
  const freq = c.eventFreq.get((c.event ?? "").replace(/:.*$/, ""));
  if (meta.unit === "nanoseconds" && freq) meta.intervalNs = Math.round(1e9 / freq);
  return c.profile;
}
function collapseBytes(c, bytes, importOpts) {
  const n = bytes.length;
  let start = 0;
  while (start < n) {
    if (c.pname !== void 0 && (bytes[start] === 32 || bytes[start] === 9)) {
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
      if (c.pname !== void 0) stackLineBytes(c, bytes, start, lineEnd);
    } else if (lineEnd === start) {
      endSample(c);
    } else if (bytes[start] === 35 || !headerBytes(c, bytes, start, lineEnd, importOpts)) {
      const line = bytes.toString("utf8", start, lineEnd);
      processLine(c, line, 0, line.length, importOpts);
    }
    start = end + 1;
  }
}
function stackLineSeen(c, b, start, n) {
  let s = start;
  while (s < n && (b[s] === 32 || b[s] === 9)) s++;
  let e = s;
  while (e < n && CLASS[b[e]] === WORD) e++;
  let f = e;
  while (f < n && (b[f] === 32 || b[f] === 9)) f++;
  if (e === s || f === e || f === n) return -1;
  const hit = c.byteCache.getLine(b, f, n, c.java);
  const end = c.byteCache.frameEnd;
  if (hit === -1 || end === n) return -1;
  pushIds(c, hit >= 0 ? hit : c.groups[-2 - hit]);
  return end + 1;
}
function stackLineBytes(c, b, start, end) {
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
  const line = b.toString("utf8", start, end);
  const r = stackLineFrames(c, line, 0, line.length, false);
  if (r === void 0) return;
  pushIds(c, r);
  if (!shaped || !c.byFunc) return;
  let value;
  if (typeof r === "number") value = r;
  else {
    value = -2 - c.groups.length;
    c.groups.push(r);
  }
  c.byteCache.set(b, f, end, java, value);
}
function eventHeader(c, line) {
  const name = /^# event : name = ([^,:\s]+)/.exec(line)?.[1];
  const freq = /\{ sample_period, sample_freq \} = (\d+)/.exec(line)?.[1];
  if (name && freq && /, freq = 1(,|$)/.test(line)) c.eventFreq.set(name, Number(freq));
}
function unitFor(event, sawPeriod) {
  if (!sawPeriod) return "samples";
  const e = (event ?? "").replace(/:.*$/, "");
  return e === "cpu-clock" || e === "task-clock" ? "nanoseconds" : "count";
}
function processLine(c, text, start, end, importOpts) {
  if (start === end) {
    endSample(c);
    return;
  }
  const c0 = text.charCodeAt(start);
  if (c0 === 35) {
    const line = text.slice(start, end);
    if (line.startsWith("# cmdline")) c.command = line.replace(/^# cmdline\s*:?\s*/, "");
    else if (line.startsWith("# event : name = ")) eventHeader(c, line);
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
  if (c.pname === void 0) return;
  stackLine(c, text, start, end);
}
function isSpace(ch) {
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 11 || ch === 12;
}
var SPACE = 1;
var WORD = 2;
var CLASS = new Uint8Array(256);
for (let ch = 0; ch < 128; ch++) CLASS[ch] = isSpace(ch) ? SPACE : isWord(ch) ? WORD : 0;
function isWord(ch) {
  return ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || ch === 95;
}
function header(c, line, m, importOpts) {
  const comm = m[1];
  let pid = m[2];
  let tid = m[3];
  if (!tid || tid === "0") {
    tid = pid;
    pid = "?";
  }
  const ev = EVENT.exec(line);
  if (!headerEvent(c, ev?.[2], ev?.[1] ?? "", importOpts)) return;
  let pname = c.opts.tid ? `${comm}-${pid}/${tid}` : c.opts.pid ? `${comm}-${pid}` : comm;
  pname = pname.replace(/ /g, "_");
  c.pname = pname;
  c.java = isJava(c);
}
function headerEvent(c, event, period, importOpts) {
  if (event !== void 0) {
    if (c.eventFilter === "") {
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
  if (period !== "" && period !== "0") {
    c.period = Number(period);
    c.sawPeriod = true;
  } else {
    c.period = 1;
  }
  return true;
}
function headerBytes(c, b, start, end, importOpts) {
  if (c.opts.pid || c.opts.tid) return false;
  let i = start;
  while (i < end && b[i] > 32 && b[i] < 127) i++;
  const commEnd = i;
  if (commEnd - start < 2 || i === end || b[i] !== 32) return false;
  while (i < end && b[i] === 32) i++;
  const pid = i;
  while (i < end && isDigit(b[i])) i++;
  if (i === pid) return false;
  if (b[i] === 47) {
    const tid = ++i;
    while (i < end && isDigit(b[i])) i++;
    if (i === tid) return false;
  }
  if (i === end || b[i] !== 32) return false;
  let e = end;
  while (e > i && CLASS[b[e - 1]] === SPACE) e--;
  if (e === i || b[e - 1] !== 58) return false;
  const eventEnd = e - 1;
  let t = eventEnd;
  while (t > i && b[t - 1] > 32 && b[t - 1] < 127) t--;
  if (t === eventEnd || b[t - 1] !== 32) return false;
  let g = t - 1;
  while (g > i && b[g - 1] === 32) g--;
  let period = "";
  if (b[g - 1] !== 58) {
    let d = g;
    while (d > i && isDigit(b[d - 1])) d--;
    if (d === g) return false;
    let h = d;
    while (h > i && b[h - 1] === 32) h--;
    if (h === i || b[h - 1] !== 58) return false;
    period = b.toString("latin1", d, g);
  }
  if (!headerEvent(c, c.headerWords.word(b, t, eventEnd), period, importOpts)) return true;
  const pname = c.headerWords.word(b, start, commEnd);
  c.pname = pname;
  c.java = isJava(c);
  return true;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
function endSample(c) {
  const pname = c.pname;
  if (pname === void 0) return;
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
  c.pname = void 0;
}
function processFrame(c, pname) {
  if (pname === c.lastPname && c.lastPnameId >= 0) return c.lastPnameId;
  const key = `\0${pname}`;
  let id = c.labelIds.get(key);
  if (id === void 0) {
    const kind = c.opts.tid ? "thread" : "process";
    id = c.profile.frames.addNew({ name: detach(pname), kind });
    c.labelIds.set(key, id);
  }
  c.lastPname = pname;
  c.lastPnameId = id;
  return id;
}
function stackLine(c, text, start, end) {
  const r = stackLineFrames(c, text, start, end, true);
  if (r !== void 0) pushIds(c, r);
}
function stackLineFrames(c, text, start, end, useMaps) {
  c.byFunc = false;
  let s = start;
  while (s < end && isSpace(text.charCodeAt(s))) s++;
  let e = s;
  while (e < end && isWord(text.charCodeAt(e))) e++;
  if (e === s || e >= end || !isSpace(text.charCodeAt(e))) return slowFrames(c, text.slice(start, end));
  let f = e;
  while (f < end && isSpace(text.charCodeAt(f))) f++;
  const cache = c.java ? c.javaLineCache : c.lineCache;
  const key = text.slice(f, end);
  const hit = useMaps ? cache.get(key) : void 0;
  if (hit !== void 0) return hit;
  const open = text.lastIndexOf(" (", end - 1);
  if (text.charCodeAt(end - 1) !== 41 || open <= f || !noSpaceBetween(text, open + 2, end - 1)) {
    return slowFrames(c, text.slice(start, end));
  }
  const rawfunc = text.slice(f, open);
  const mod = text.slice(open + 2, end - 1);
  const pc = text.slice(s, e);
  const result = frameIds(c, pc, rawfunc, mod);
  if (result === void 0) return void 0;
  if (!(c.opts.addrs && rawfunc.includes("[unknown]"))) {
    c.byFunc = true;
    if (useMaps) cache.set(detach(key), result);
  }
  return result;
}
function noSpaceBetween(text, a, b) {
  for (let i = a; i < b; i++) if (isSpace(text.charCodeAt(i))) return false;
  return true;
}
function stackLineSlow(c, line) {
  const r = slowFrames(c, line);
  if (r !== void 0) pushIds(c, r);
}
function slowFrames(c, line) {
  const m = STACK.exec(line);
  if (!m) return void 0;
  if (c.pname === void 0) return void 0;
  return frameIds(c, m[1], m[2], m[3]);
}
function pushIds(c, r) {
  const n = typeof r === "number" ? 1 : r.length;
  if (c.idsLen + n > c.ids.length) {
    const next = new Int32Array(Math.max(c.ids.length * 2, c.idsLen + n));
    next.set(c.ids);
    c.ids = next;
  }
  if (typeof r === "number") {
    c.ids[c.idsLen++] = r;
    return;
  }
  for (let k = r.length - 1; k >= 0; k--) c.ids[c.idsLen++] = r[k];
}
function frameIds(c, pc, rawfuncIn, mod) {
  const rawfunc = rawfuncIn.replace(OFFSET, "");
  if (rawfunc.charCodeAt(0) === 40) return void 0;
  const parts = rawfunc.includes("->") ? rawfunc.split("->") : [rawfunc];
  const out = [];
  for (const part of parts) {
    let func = part;
    if (func === "[unknown]") {
      if (mod !== "[unknown]") {
        func = mod.replace(/.*\//, "");
      } else {
        func = "unknown";
      }
      func = c.opts.addrs ? `[${func} <${pc}>]` : `[${func}]`;
    }
    if (func.includes(";")) func = func.replace(/;/g, ":");
    if (func.includes("(") && !PER_THREAD.test(func)) func = func.replace(TIDY_PARENS, "");
    if (func.includes('"') || func.includes("'")) func = func.replace(QUOTES, "");
    if (c.java && func.includes("/") && func.charCodeAt(0) === 76) func = func.slice(1);
    if (out.length > 0) {
      if (!func.includes("_[i]")) func += "_[i]";
    } else if (c.opts.kernel && KERNEL_MODULE.test(mod) && !mod.includes("unknown")) {
      func += "_[k]";
    } else if (c.opts.jit && JIT_MODULE.test(mod)) {
      if (!func.includes("_[j]")) func += "_[j]";
    }
    out.push(labelId(c, func));
  }
  return out.length === 1 ? out[0] : out;
}
function labelId(c, text) {
  let id = c.labelIds.get(text);
  if (id === void 0) {
    const label = detach(text);
    id = c.profile.frames.addNew(labelFrame(label));
    c.labelIds.set(label, id);
  }
  return id;
}
function labelFrame(label) {
  const init = parseFrameLabel(label);
  if (init.name === label) return { name: label, kind: "native" };
  if (frameLabel({ file: "", line: 0, module: "", kind: "other", ...init }) !== label) {
    return { name: label, kind: "native" };
  }
  return init.kind === "other" ? { ...init, kind: "native" } : init;
}
var SNIFF_HEADER = /^\S.*?\s+\d+(\/\d+)?\s+.*?(\d+\.\d+:|\S+:)\s*$/m;
var SNIFF_FRAME = /^\s*[0-9a-f]+\s+\S.* \(\S*\)\s*$/m;
function looksLikePerfScript(input) {
  const head = headText(input, 8192);
  return SNIFF_FRAME.test(head) && (SNIFF_HEADER.test(head) || /^# ========\n# captured on/m.test(head));
}
var perfScriptFormat = {
  name: "perf-script",
  description: "`perf script` text, collapsed like FlameGraph stackcollapse-perf.pl",
  matchesName: (fileName) => /(\.perf(script)?|\.perf\.txt|perf-script.*\.txt|\.perfscript)(\.gz)?$/i.test(fileName),
  is: looksLikePerfScript,
  import(input, opts) {
    return collapsePerfScript(input, opts.perf ?? {}, opts);
  }
};
function isJava(c) {
  return c.pname?.startsWith("java") === true && !c.opts.pid && !c.opts.tid;
}
var HeaderWords = class {
  table = new FrameBytesTable();
  words = [];
  word(b, start, end) {
    const id = this.table.get(b, start, end, false);
    if (id !== -1) return this.words[id];
    const word = b.toString("latin1", start, end);
    this.table.set(b, start, end, false, this.words.length);
    this.words.push(word);
    return word;
  }
};

export {
  FrameBytesTable,
  zlib,
  workerThreads,
  isGzip,
  gunzipIfNeeded,
  sniffEncoding,
  looksBinary,
  makeInput,
  headText,
  STREAM_FILE_AT,
  STREAM_FOLDED_AT,
  makeFileInput,
  readHead,
  inputByteSize,
  utf8ByteChunks,
  detach,
  newCollapser,
  finishCollapse,
  collapseBytes,
  perfScriptFormat
};
