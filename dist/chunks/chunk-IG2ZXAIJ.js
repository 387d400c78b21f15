#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  STORE_SCHEMA,
  firstLine,
  git,
  gitText,
  layout
} from "./chunk-NQT2PUFO.js";
import {
  Profile,
  frameLabel,
  fsError,
  kindFromFile,
  mean,
  median,
  parseFrameLabel
} from "./chunk-DCIXIHXV.js";
import {
  InputError,
  NoSamplesError,
  UserError
} from "./chunk-KISOPUCP.js";

// src/lib/sha.ts
function shortSha(sha) {
  return sha.replace(/[^0-9a-f]/gi, "").slice(0, 7).toLowerCase() || "unknown";
}

// src/report/markdown.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
var ZWSP = "\u200B";
function stripControl(s) {
  return s.replace(CONTROL, "\uFFFD");
}
function mdCode(s, max = 140) {
  let t = stripControl(s).replace(/[\r\n\t]+/g, " ");
  if (t.length > max) t = `${t.slice(0, Math.ceil(max / 2) - 1)}\u2026${t.slice(t.length - Math.floor(max / 2))}`;
  t = t.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") || t === "" ? " " : "";
  return `${fence}${pad}${t || " "}${pad}${fence}`;
}
function mdText(s) {
  return stripControl(s).replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()#+\-.!|~=^$]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, `@${ZWSP}`).replace(/:(?=\\?\/)/g, `:${ZWSP}`).replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`);
}
function safeUrl(url) {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(
    /[()<>"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function mdFence(text, info = "text") {
  const clean = stripControl(text);
  const longest = Math.max(2, ...(clean.match(/`{3,}|~{3,}/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${clean.replace(/\n$/, "")}
${fence}`;
}

// src/store/baselines.ts
import { createHash } from "node:crypto";
import { gunzipSync as gunzipSync3, gzipSync } from "node:zlib";

// src/formats/index.ts
import { readFile, stat } from "node:fs/promises";

// src/formats/frame-bytes-table.ts
var FrameBytesTable = class {
  slots = new Int32Array(2 << 12);
  // [record + 1 (0 = empty), hash] per slot
  mask = (1 << 12) - 1;
  count = 0;
  // One record per key, in words: [byte length, id, the key's bytes (padded to a word)...], so
  // that a lookup touches the slot and one record (not parallel arrays of lengths, starts, ids).
  arena = new Uint8Array(1 << 16);
  arenaWords = new Int32Array(this.arena.buffer);
  arenaLen = 0;
  // in words
  /** The words of the key last hashed by get(). */
  words = new Int32Array(64);
  /** Where the frame found by getFrame() ends (its `;` or the end given). */
  frameEnd = 0;
  /** A DataView of the last bytes looked up (parsers look up many keys in one buffer). */
  viewBytes = new Uint8Array(0);
  // never undefined: a stable field type
  view = new DataView(new ArrayBuffer(0));
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
    this.arena.set(bytes.subarray(start, end), (r + 2) * 4);
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
   * then a final avalanche: frame labels are hashed once per occurrence, so this is hot. The
   * words are kept in this.words for equals().
   */
  hash(bytes, start, end, root) {
    const words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 2166136261 : 84696351;
    let i = start;
    let j = 0;
    for (; i + 3 < end; i += 4) {
      const w = view.getInt32(i, true);
      words[j++] = w;
      h = Math.imul(h ^ w, 16777619);
      h ^= h >>> 15;
    }
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
      words[j++] = w;
      h = Math.imul(h ^ w, 16777619);
      h ^= h >>> 15;
    }
    for (; i < end && bytes[i] !== 59; i++) h = Math.imul(h ^ bytes[i], 16777619);
    this.frameEnd = i;
    return this.find(finalMix(h, i - from), bytes, from, i);
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
function finalMix(hash, length) {
  let h = hash ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return h | 0;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

// src/formats/input.ts
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
var GZIP_MAGIC_0 = 31;
var GZIP_MAGIC_1 = 139;
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1;
}
function gunzipIfNeeded(fileName, bytes) {
  if (!isGzip(bytes)) return bytes;
  try {
    const out = gunzipSync(bytes);
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
var HEAD_BYTES = 64 << 10;
function makeFileInput(path4, fileName) {
  let bytes;
  let text;
  const loaded = () => bytes !== void 0;
  const readAll = () => {
    if (bytes === void 0) {
      const b = readFileSync(path4);
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
    textChunks: () => text !== void 0 ? [text] : fileChunks(path4, fileName)
  };
  fileInputs.set(input, { path: path4, loaded });
  return input;
}
var fileInputs = /* @__PURE__ */ new WeakMap();
function readHead(path4, n = HEAD_BYTES) {
  const fd = openSync(path4, "r");
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
function* fileChunks(path4, fileName) {
  for (const piece of fileByteChunks(path4, fileName)) yield piece.toString("utf8");
}
function inputByteSize(input) {
  const file = fileInputs.get(input);
  return file !== void 0 && !file.loaded() ? statSync(file.path).size : input.bytes.length;
}
function utf8ByteChunks(input) {
  const file = fileInputs.get(input);
  if (file !== void 0 && !file.loaded()) {
    if (sniffEncoding(readHead(file.path, 4)).encoding !== "utf-8") return void 0;
    return fileByteChunks(file.path, input.fileName);
  }
  const body = utf8Body(input);
  return body === void 0 ? void 0 : [body];
}
function* fileByteChunks(path4, fileName) {
  const fd = openSync(path4, "r");
  try {
    let buf = Buffer.allocUnsafe(CHUNK_BYTES);
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

// src/formats/strings.ts
function detach(s) {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

// src/formats/folded-core.ts
var DEFAULT_EXPECTED = "`frame;frame;... count`";
function foldedTarget(bytes = 0) {
  return { profile: void 0, table: new FrameBytesTable(), bytes };
}
function parseCount(token) {
  const n = token.length;
  if (n === 0) return void 0;
  let dot = false;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return void 0;
  }
  if (digits === 0) return void 0;
  return dot ? Number(token) : fastInt(token);
}
function fastInt(token) {
  if (token.length > 15) return Number(token);
  let v = 0;
  for (let i = 0; i < token.length; i++) v = v * 10 + (token.charCodeAt(i) - 48);
  return v;
}
function parseFoldedText(input, dialect7, meta, opts = {}, into) {
  const pieces = utf8ByteChunks(input);
  if (pieces !== void 0) return parseFoldedBytes(input, pieces, dialect7, meta, opts, into);
  const profile = targetProfile(into, meta);
  const cache = /* @__PURE__ */ new Map();
  const rootCache = /* @__PURE__ */ new Map();
  const weightOf = dialect7.weight;
  let buf = new Int32Array(256);
  let invalid = 0;
  let firstInvalid = 0;
  let firstInvalidText = "";
  let lineNo = 0;
  let samples = 0;
  let nextQuote = 0;
  let ends = new Int32Array(256);
  let prevFirst = 0;
  let prevLen = -1;
  let prevDepth = 0;
  const chunks = input.textChunks ? input.textChunks() : [input.text()];
  for (const text of chunks) {
    prevLen = -1;
    nextQuote = 0;
    const n = text.length;
    let start = 0;
    while (start < n) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = n;
      lineNo++;
      const lineStart = start;
      start = end + 1;
      let stop = end;
      while (stop > lineStart && isBlank(text.charCodeAt(stop - 1))) stop--;
      let first = lineStart;
      while (first < stop && isBlank(text.charCodeAt(first))) first++;
      if (first === stop) continue;
      if (text.charCodeAt(first) === 35) {
        dialect7.comment?.(text.slice(first, stop));
        continue;
      }
      let sp = stop - 1;
      while (sp > first && !isBlank(text.charCodeAt(sp))) sp--;
      let weight;
      if (sp > first) weight = weightOf ? weightOf(text.slice(sp + 1, stop)) : countAt(text, sp + 1, stop);
      if (weight === void 0) {
        if (invalid++ === 0) {
          firstInvalid = lineNo;
          firstInvalidText = text.slice(first, Math.min(stop, first + 80));
        }
        continue;
      }
      let stackEnd = sp;
      while (stackEnd > first && isBlank(text.charCodeAt(stackEnd - 1))) stackEnd--;
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
      if (nextQuote !== -1 && nextQuote < first) nextQuote = text.indexOf('"', first);
      const hasQuotes = nextQuote !== -1 && nextQuote < stackEnd;
      while (!same) {
        let semi = hasQuotes ? nextSeparator(text, f, stackEnd) : text.indexOf(";", f);
        if (semi === -1 || semi > stackEnd) semi = stackEnd;
        const table = depth === 0 ? rootCache : cache;
        const label = text.slice(f, semi);
        let id = table.get(label);
        if (id === void 0) {
          const key = detach(label);
          id = profile.intern(dialect7.frame(key, depth));
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
    dialect7,
    opts,
    { profile, invalidLines: invalid, lines: lineNo },
    samples,
    firstInvalid,
    firstInvalidText,
    into
  );
}
function targetProfile(into, meta) {
  if (into === void 0) return new Profile(meta);
  into.profile ??= new Profile(meta);
  return into.profile;
}
function finish(input, dialect7, opts, result, samples, firstInvalid, firstInvalidText, into) {
  const invalid = result.invalidLines;
  if (samples === 0) {
    if (invalid > 0) {
      throw new InputError(
        input.fileName,
        { line: firstInvalid },
        `not a ${dialect7.what} line: '${firstInvalidText}' (expected ${dialect7.expected ?? DEFAULT_EXPECTED})`
      );
    }
    throw new NoSamplesError(input.fileName);
  }
  if (invalid > 0) {
    const profile = result.profile;
    if (into === void 0 || profile.meta.source === void 0)
      profile.meta.extra = { ...profile.meta.extra, ignoredLines: String(invalid) };
    opts.onWarning?.(
      `${input.fileName}: ignored ${invalid} line${invalid === 1 ? "" : "s"} with invalid format (first at line ${firstInvalid})`
    );
  }
  return result;
}
function countAt(text, start, end) {
  if (end - start > 15 || end === start) return parseCount(text.slice(start, end));
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return parseCount(text.slice(start, end));
    v = v * 10 + (c - 48);
  }
  return v;
}
function growInt32(a) {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
function isBlank(c) {
  return c === 32 || c === 9 || c === 13;
}
function nextSeparator(text, from, end) {
  let inQuotes = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 59 && !inQuotes) return i;
  }
  return -1;
}
function parseFoldedBytes(input, pieces, dialect7, meta, opts, into) {
  const profile = targetProfile(into, meta);
  const table = into?.table ?? new FrameBytesTable();
  const weightOf = dialect7.weight;
  let buf = new Int32Array(256);
  let ends = new Int32Array(256);
  let invalid = 0;
  let firstInvalid = 0;
  let firstInvalidText = "";
  let lineNo = 0;
  let samples = 0;
  let nextQuote = 0;
  let prevFirst = 0;
  let prevLen = -1;
  let prevDepth = 0;
  let reserved = false;
  for (const text of pieces) {
    const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
    if (!reserved) {
      const size = Math.max(inputByteSize(input), into?.bytes ?? 0);
      if (into !== void 0) into.bytes = 0;
      const stacks = profile.stacks;
      stacks.reserve(
        stacks.length + Math.min(size >>> 7, 1 << 24),
        stacks.depthSum + Math.min(size >>> 3, 1 << 28)
      );
      reserved = true;
    }
    prevLen = -1;
    nextQuote = 0;
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
      if (text[first] === 35) {
        dialect7.comment?.(text.toString("utf8", first, stop));
        continue;
      }
      let sp = stop - 1;
      while (sp > first && !isBlank(text[sp])) sp--;
      let weight;
      if (sp > first)
        weight = weightOf ? weightOf(text.toString("utf8", sp + 1, stop)) : countAtBytes(text, sp + 1, stop);
      if (weight === void 0) {
        if (invalid++ === 0) {
          firstInvalid = lineNo;
          firstInvalidText = text.toString("utf8", first, stop).slice(0, 80);
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
      const limit8 = limit - 7;
      while (common < limit8 && view.getInt32(first + common, true) === view.getInt32(prevFirst + common, true) && view.getInt32(first + common + 4, true) === view.getInt32(prevFirst + common + 4, true))
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
        let semi;
        let id;
        if (hasQuotes) {
          semi = nextSeparatorBytes(text, f, stackEnd);
          if (semi === -1) semi = stackEnd;
          id = table.get(text, f, semi, root);
        } else {
          id = table.getFrame(text, f, stackEnd, root);
          semi = table.frameEnd;
        }
        if (id === -1) {
          id = profile.intern(dialect7.frame(text.toString("utf8", f, semi), depth));
          table.set(text, f, semi, root, id);
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
  const result = { profile, invalidLines: invalid, lines: lineNo };
  return finish(input, dialect7, opts, result, samples, firstInvalid, firstInvalidText, into);
}
function countAtBytes(text, start, end) {
  if (end - start > 15 || end === start) return parseCount(text.toString("utf8", start, end));
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c < 48 || c > 57) return parseCount(text.toString("utf8", start, end));
    v = v * 10 + (c - 48);
  }
  return v;
}
function nextSeparatorBytes(text, from, end) {
  let inQuotes = false;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 59 && !inQuotes) return i;
  }
  return -1;
}

// src/formats/lines.ts
function forEachLine(text, fn) {
  const n = text.length;
  let start = 0;
  let lineNo = 0;
  while (start < n) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = n;
    lineNo++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    fn(text.slice(start, stop), lineNo);
    start = end + 1;
  }
}
function firstLines(text, max, skipComments = true) {
  const out = [];
  let start = 0;
  const n = text.length;
  while (start < n && out.length < max) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = n;
    const line = text.slice(start, end).trim();
    if (line !== "" && !(skipComments && line.startsWith("#"))) out.push(line);
    start = end + 1;
  }
  return out;
}

// src/formats/async-profiler.ts
var KIND = { j: "jit", i: "inlined", k: "kernel", "0": "java", "1": "jit" };
function asyncFrame(label) {
  const n = label.length;
  if (n > 4 && label.charCodeAt(n - 1) === 93 && label[n - 3] === "[" && label[n - 4] === "_") {
    const kind2 = KIND[label[n - 2]];
    if (kind2) return { name: label.slice(0, n - 4), kind: kind2 };
  }
  if (/^[\w$]+([./][\w$<>]+)+$/.test(label) && !label.includes("::")) return { name: label, kind: "java" };
  return { name: label, kind: "native" };
}
var dialect = {
  what: "async-profiler collapsed stack",
  frame: asyncFrame
};
function looksLikeAsyncProfiler(input) {
  const lines = firstLines(headText(input), 20);
  return lines.some((l) => /_\[[01]\](;| \d+$)/.test(l) || /_\[j\]/.test(l) && /(^|;)java\/lang\//.test(l));
}
var asyncProfilerFormat = {
  name: "async-profiler",
  description: "async-profiler collapsed stacks (`_[0] _[1] _[j] _[i] _[k]` annotations)",
  matchesName: () => false,
  is: looksLikeAsyncProfiler,
  import(input, opts) {
    return parseFoldedText(input, dialect, { format: "async-profiler", sampler: "async-profiler" }, opts).profile;
  }
};

// src/formats/frame-parsers.ts
function parseColonFrame(label) {
  const c2 = label.lastIndexOf(":");
  if (c2 <= 0) return void 0;
  const c1 = label.lastIndexOf(":", c2 - 1);
  if (c1 < 0) return void 0;
  const lineText = label.slice(c2 + 1);
  if (lineText !== "" && !/^\d+$/.test(lineText)) return void 0;
  const file = label.slice(0, c1);
  const name = label.slice(c1 + 1, c2);
  return { name, file, line: lineText === "" ? 0 : Number(lineText), kind: kindFromFile(file) };
}
var IDLE_NAMES = /* @__PURE__ */ new Set(["(idle)", "<idle>", "idle", "[idle]"]);
function isIdleLabel(label) {
  return IDLE_NAMES.has(label);
}
function colonOrPlainFrame(label) {
  if (isIdleLabel(label)) return { name: label, kind: "idle" };
  return parseColonFrame(label) ?? parseFrameLabel(label);
}

// src/formats/austin.ts
var METRICS = ["time", "cpu", "memory", "memory-released"];
function austinFrame(label, depth) {
  if (depth <= 1) {
    if (/^P\d+$/.test(label)) return { name: label, kind: "process" };
    if (/^T[\w.:]+$/.test(label)) return { name: label, kind: "thread" };
  }
  if (label === ":GC:") return { name: "GC", kind: "gc" };
  if (label === ":INVALID:") return { name: "INVALID", kind: "other" };
  const f = colonOrPlainFrame(label);
  return f.kind === "other" && f.file ? { ...f, kind: "python" } : f;
}
function metricParser(mode, metric) {
  return (token) => {
    const parts = token.split(",");
    for (const p of parts) if (!/^-?\d+$/.test(p)) return void 0;
    const nums = parts.map(Number);
    if (nums.length === 3) {
      const [time, idle, mem] = nums;
      if (metric === "time") return time;
      if (metric === "cpu") return idle ? 0 : time;
      if (metric === "memory") return Math.max(mem, 0);
      return mem < 0 ? -mem : 0;
    }
    if (nums.length !== 1) return void 0;
    const v = nums[0];
    if (mode === "memory") {
      if (metric === "memory-released") return v < 0 ? -v : 0;
      return Math.max(v, 0);
    }
    return v;
  };
}
function looksLikeAustin(input) {
  const head = headText(input);
  if (/^# austin: /m.test(head)) return true;
  const lines = firstLines(head, 5);
  return lines.length > 0 && lines.some((l) => /^P\d+;T[\w.:]+(;| )/.test(l));
}
var austinFormat = {
  name: "austin",
  description: "austin samples (`P<pid>;T<iid>:<tid>;file:func:line metric`, time/memory/full modes)",
  matchesName: (fileName) => /\.austin(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikeAustin,
  import(input, opts) {
    const extra = {};
    const head = headText(input, 16384);
    for (const m of head.matchAll(/^# ([\w -]+): (.*)$/gm)) extra[m[1].trim()] = m[2].trim();
    const mode = extra.mode ?? "wall";
    const requested = opts.sampleType;
    if (requested && !METRICS.includes(requested)) {
      throw new UserError(
        `${input.fileName}: unknown austin sample type '${requested}' (expected one of ${METRICS.join(", ")})`
      );
    }
    const metric = requested ?? (mode === "memory" ? "memory" : "time");
    const dialect7 = {
      what: "valid austin sample",
      frame: austinFrame,
      weight: metricParser(mode, metric),
      comment: (line) => {
        const m = /^# ([\w -]+): (.*)$/.exec(line);
        if (m) extra[m[1].trim()] = m[2].trim();
      },
      expected: "`P<pid>;T<iid>:<tid>;file:function:line;... metric`"
    };
    const unit = metric === "memory" || metric === "memory-released" ? "bytes" : "microseconds";
    const { profile } = parseFoldedText(input, dialect7, { format: "austin", sampler: "austin", unit }, opts);
    const meta = profile.meta;
    meta.sampleType = metric;
    meta.extra = { ...extra, ...meta.extra };
    const interval = Number(extra.interval);
    if (Number.isFinite(interval) && interval > 0) meta.intervalNs = interval * 1e3;
    const duration = Number(extra.duration);
    if (Number.isFinite(duration) && duration > 0) meta.durationNs = duration * 1e3;
    return profile;
  }
};

// src/formats/json-input.ts
function jsonHead(input, max = 4096) {
  const b = input.bytes;
  if (b.length >= 2 && (b[0] === 255 && b[1] === 254 || b[0] === 254 && b[1] === 255)) {
    try {
      return input.text().slice(0, max);
    } catch {
      return "";
    }
  }
  const start = b.length >= 3 && b[0] === 239 && b[1] === 187 && b[2] === 191 ? 3 : 0;
  return new TextDecoder().decode(b.subarray(start, start + max));
}
function parseJson(input, what) {
  const text = input.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg2 = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(msg2);
    const pos = m ? Number(m[1]) : text.length;
    const line = lineAt(text, pos);
    const short = msg2.replace(/\s*\(line \d+ column \d+\)/, "").replace(/, "[\s\S]*" is not valid JSON/, "").replace(/ in JSON at position \d+/, "");
    throw new InputError(input.fileName, { line }, `invalid JSON: ${short} (expected ${what})`);
  }
}
function lineAt(text, pos) {
  let line = 1;
  const end = Math.min(pos, text.length);
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
var JsonChecker = class {
  constructor(fileName) {
    this.fileName = fileName;
  }
  fileName;
  fail(path4, problem) {
    throw new InputError(this.fileName, void 0, `${path4}: ${problem}`);
  }
  object(v, path4) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      this.fail(path4, `found ${describe(v)} (expected an object)`);
    }
    return v;
  }
  array(v, path4) {
    if (!Array.isArray(v)) this.fail(path4, `found ${describe(v)} (expected an array)`);
    return v;
  }
  number(v, path4) {
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail(path4, `found ${describe(v)} (expected a number)`);
    return v;
  }
  integer(v, path4) {
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.fail(path4, `found ${describe(v)} (expected an integer)`);
    }
    return v;
  }
  string(v, path4) {
    if (typeof v !== "string") this.fail(path4, `found ${describe(v)} (expected a string)`);
    return v;
  }
  optionalString(v, path4) {
    return v === void 0 || v === null ? void 0 : this.string(v, path4);
  }
  optionalNumber(v, path4) {
    return v === void 0 || v === null ? void 0 : this.number(v, path4);
  }
};
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string")
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v === "number") return `the number ${v}`;
  if (v === void 0) return "nothing";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}
function noSamples(fileName) {
  return new NoSamplesError(fileName);
}

// src/formats/cpuprofile.ts
var KIND_BY_NAME = {
  "(idle)": "idle",
  "(garbage collector)": "gc",
  "(program)": "native"
};
var cpuprofileFormat = {
  name: "cpuprofile",
  description: "V8 CPU profile (.cpuprofile from `node --cpu-prof` or Chrome DevTools), incl. the legacy head form",
  matchesName: (fileName) => /\.cpuprofile(\.gz)?$/i.test(fileName),
  is: (input) => isCpuprofile(jsonHead(input)),
  import: (input) => importCpuprofile(input)
};
function isCpuprofile(head) {
  const t = head.trimStart();
  if (/^\{\s*"traceEvents"\s*:/.test(t)) return true;
  if (t.startsWith("["))
    return /^\[\s*\{/.test(t) && /"ph"\s*:\s*"[A-Za-z]"/.test(t) && /"(ts|pid)"\s*:/.test(t);
  if (!t.startsWith("{")) return false;
  return /"(nodes|head)"\s*:/.test(t) && /"(callFrame|functionName)"\s*:/.test(t);
}
function importCpuprofile(input) {
  const check = new JsonChecker(input.fileName);
  const parsed = parseJson(input, "a V8 .cpuprofile object or a Chrome trace");
  const profile = new Profile({ unit: "nanoseconds", sampler: "v8", format: "cpuprofile" });
  const traced = traceProfiles(check, parsed);
  if (traced === void 0) {
    addV8Profile(check, check.object(parsed, "$"), profile);
  } else {
    if (traced.length === 0) {
      check.fail(
        "$",
        "no CPU profile in this trace (expected Profile/ProfileChunk events; record with the JavaScript samples option on)"
      );
    }
    for (const t of traced)
      addV8Profile(new JsonChecker(`${input.fileName} (trace profile ${t.key})`), t.profile, profile);
  }
  if (profile.stackCount === 0) throw noSamples(input.fileName);
  return profile;
}
function addV8Profile(check, root, profile) {
  const legacy = root.nodes === void 0 && root.head !== void 0;
  const { nodes, indexById } = legacy ? legacyNodes(check, root.head) : currentNodes(check, root.nodes);
  const samples = root.samples === void 0 ? void 0 : check.array(root.samples, "$.samples");
  const nodeWeight = new Float64Array(nodes.length);
  if (samples === void 0 || samples.length === 0) {
    for (let i = 0; i < nodes.length; i++) nodeWeight[i] = nodes[i].hitCount;
    profile.meta.unit = "samples";
  } else {
    const sampleIdx = new Int32Array(samples.length);
    const dense = denseIndex(indexById);
    for (let i = 0; i < samples.length; i++) {
      const raw = samples[i];
      const id = Number.isInteger(raw) ? raw : check.integer(raw, `$.samples[${i}]`);
      const d = id >= 0 && id < dense.length ? dense[id] : -1;
      const idx = d >= 0 ? d : indexById.get(id);
      if (idx === void 0)
        check.fail(`$.samples[${i}]`, `unknown node id ${id} (expected the id of a node)`);
      sampleIdx[i] = idx;
    }
    const times = sampleTimes(check, root, legacy, samples.length);
    if (times) {
      const { weights, intervalUs } = sampleDurations(times);
      for (let i = 0; i < samples.length; i++) nodeWeight[sampleIdx[i]] += weights[i] * 1e3;
      profile.meta.intervalNs ??= Math.round(intervalUs * 1e3);
      const duration = durationNs(root, legacy, times, intervalUs);
      profile.meta.durationNs = Math.max(profile.meta.durationNs ?? 0, duration);
    } else {
      for (let i = 0; i < samples.length; i++) nodeWeight[sampleIdx[i]] += 1;
      profile.meta.unit = "samples";
    }
  }
  addNodeStacks(profile, nodes, nodeWeight);
}
function traceProfiles(check, parsed) {
  let events;
  let base;
  if (Array.isArray(parsed)) {
    events = parsed;
    base = "$";
  } else if (parsed !== null && typeof parsed === "object" && Array.isArray(parsed.traceEvents)) {
    events = parsed.traceEvents;
    base = "$.traceEvents";
  } else {
    return void 0;
  }
  const byKey = /* @__PURE__ */ new Map();
  const get = (key) => {
    let p = byKey.get(key);
    if (!p) byKey.set(key, p = { nodes: [], samples: [], timeDeltas: [] });
    return p;
  };
  const append = (to, from, path4) => {
    if (from === void 0) return;
    for (const x of check.array(from, path4)) to.push(x);
  };
  events.forEach((e, i) => {
    if (e === null || typeof e !== "object") return;
    const ev = e;
    if (ev.name !== "Profile" && ev.name !== "ProfileChunk" && ev.name !== "CpuProfile") return;
    const path4 = `${base}[${i}].args.data`;
    const args = check.object(ev.args, `${base}[${i}].args`);
    const data = check.object(args.data, path4);
    const key = `${String(ev.pid ?? "")}:${String(ev.id ?? ev.tid ?? "")}`;
    if (ev.name === "CpuProfile") {
      const cp = check.object(data.cpuProfile, `${path4}.cpuProfile`);
      const p2 = get(key);
      append(p2.nodes, cp.nodes, `${path4}.cpuProfile.nodes`);
      append(p2.samples, cp.samples, `${path4}.cpuProfile.samples`);
      append(p2.timeDeltas, cp.timeDeltas, `${path4}.cpuProfile.timeDeltas`);
      if (typeof cp.startTime === "number") p2.startTime ??= cp.startTime;
      return;
    }
    const p = get(key);
    if (ev.name === "Profile") {
      if (typeof data.startTime === "number") p.startTime = data.startTime;
      return;
    }
    if (data.cpuProfile !== void 0) {
      const cp = check.object(data.cpuProfile, `${path4}.cpuProfile`);
      append(p.nodes, cp.nodes, `${path4}.cpuProfile.nodes`);
      append(p.samples, cp.samples, `${path4}.cpuProfile.samples`);
    }
    append(p.timeDeltas, data.timeDeltas, `${path4}.timeDeltas`);
  });
  return [...byKey.entries()].filter(([, p]) => p.nodes.length > 0).map(([key, p]) => ({ key, profile: { ...p } }));
}
function denseIndex(indexById) {
  let max = -1;
  for (const id of indexById.keys()) if (id > max) max = id;
  if (max < 0 || max > 4 * indexById.size + 1024) return new Int32Array(0);
  const dense = new Int32Array(max + 1).fill(-1);
  for (const [id, i] of indexById) if (id >= 0) dense[id] = i;
  return dense;
}
function frameOf(check, cf, path4) {
  const fn = check.optionalString(cf.functionName, `${path4}.functionName`) ?? "";
  const url = check.optionalString(cf.url, `${path4}.url`) ?? "";
  const lineNumber = check.optionalNumber(cf.lineNumber, `${path4}.lineNumber`) ?? -1;
  if (fn === "(root)") return void 0;
  const name = fn === "" ? "(anonymous)" : fn;
  const kind2 = KIND_BY_NAME[name] ?? "js";
  return { name, file: fileFromUrl(url), line: lineNumber >= 0 ? lineNumber + 1 : 0, kind: kind2 };
}
function fileFromUrl(url) {
  if (!url.startsWith("file://")) return url;
  const path4 = url.slice("file://".length);
  try {
    return decodeURIComponent(path4);
  } catch {
    return path4;
  }
}
function currentNodes(check, raw) {
  const list = check.array(raw, "$.nodes");
  const nodes = [];
  const indexById = /* @__PURE__ */ new Map();
  const objs = list.map((n, i) => check.object(n, `$.nodes[${i}]`));
  objs.forEach((n, i) => {
    const id = check.integer(n.id, `$.nodes[${i}].id`);
    if (indexById.has(id)) check.fail(`$.nodes[${i}].id`, `duplicate node id ${id} (expected unique ids)`);
    indexById.set(id, i);
    const cf = check.object(n.callFrame, `$.nodes[${i}].callFrame`);
    const hitCount = check.optionalNumber(n.hitCount, `$.nodes[${i}].hitCount`) ?? 0;
    nodes.push({ frame: frameOf(check, cf, `$.nodes[${i}].callFrame`), parent: -1, hitCount });
  });
  objs.forEach((n, i) => {
    if (n.parent !== void 0) {
      const pid = check.integer(n.parent, `$.nodes[${i}].parent`);
      const p = indexById.get(pid);
      if (p === void 0)
        check.fail(`$.nodes[${i}].parent`, `unknown node id ${pid} (expected the id of a node)`);
      nodes[i].parent = p;
    }
    if (n.children === void 0) return;
    check.array(n.children, `$.nodes[${i}].children`).forEach((c, k) => {
      const path4 = `$.nodes[${i}].children[${k}]`;
      const cid = check.integer(c, path4);
      const ci = indexById.get(cid);
      if (ci === void 0) check.fail(path4, `unknown node id ${cid} (expected the id of a node)`);
      nodes[ci].parent = i;
    });
  });
  checkAcyclic(check, nodes, "$.nodes");
  return { nodes, indexById };
}
function legacyNodes(check, head) {
  const nodes = [];
  const indexById = /* @__PURE__ */ new Map();
  const todo = [
    { raw: head, path: "$.head", parent: -1 }
  ];
  while (todo.length > 0) {
    const { raw, path: path4, parent } = todo.pop();
    const n = check.object(raw, path4);
    const index = nodes.length;
    const id = n.id === void 0 ? index + 1 : check.integer(n.id, `${path4}.id`);
    if (indexById.has(id)) check.fail(`${path4}.id`, `duplicate node id ${id} (expected unique ids)`);
    indexById.set(id, index);
    const hitCount = check.optionalNumber(n.hitCount, `${path4}.hitCount`) ?? 0;
    nodes.push({ frame: frameOf(check, n, path4), parent, hitCount });
    if (n.children === void 0) continue;
    const kids = check.array(n.children, `${path4}.children`);
    for (let k = kids.length - 1; k >= 0; k--)
      todo.push({ raw: kids[k], path: `${path4}.children[${k}]`, parent: index });
  }
  return { nodes, indexById };
}
function checkAcyclic(check, nodes, path4) {
  const state = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      j = nodes[j].parent;
    }
    if (j !== -1 && state[j] === 1) check.fail(path4, `node ${i} is its own ancestor (expected a tree)`);
    for (let k = i; k !== -1 && state[k] === 1; k = nodes[k].parent) state[k] = 2;
  }
}
function sampleTimes(check, root, legacy, n) {
  const times = new Float64Array(n);
  if (legacy || root.timeDeltas === void 0 && root.timestamps !== void 0) {
    if (root.timestamps === void 0) return void 0;
    const ts = check.array(root.timestamps, "$.timestamps");
    const skip = ts.length === n + 1 ? 1 : 0;
    if (ts.length - skip !== n) {
      check.fail("$.timestamps", `${ts.length} timestamps for ${n} samples (expected one per sample)`);
    }
    for (let i = 0; i < n; i++) {
      const v = ts[i + skip];
      times[i] = typeof v === "number" && Number.isFinite(v) ? v : check.number(v, `$.timestamps[${i + skip}]`);
    }
  } else {
    if (root.timeDeltas === void 0) return void 0;
    const deltas = check.array(root.timeDeltas, "$.timeDeltas");
    if (deltas.length !== n) {
      check.fail("$.timeDeltas", `${deltas.length} time deltas for ${n} samples (expected one per sample)`);
    }
    let t = check.optionalNumber(root.startTime, "$.startTime") ?? 0;
    for (let i = 0; i < n; i++) {
      const d = deltas[i];
      t += typeof d === "number" && Number.isFinite(d) ? d : check.number(d, `$.timeDeltas[${i}]`);
      times[i] = t;
    }
  }
  for (let i = 1; i < n; i++) if (times[i] < times[i - 1]) times[i] = times[i - 1];
  return times;
}
function sampleDurations(times) {
  const n = times.length;
  const weights = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) weights[i] = times[i + 1] - times[i];
  let count = 0;
  const positive = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) if (weights[i] > 0) positive[count++] = weights[i];
  const sorted = positive.subarray(0, count).sort();
  const intervalUs = count ? sorted[Math.floor(count / 2)] : 1e3;
  if (n > 0) weights[n - 1] = intervalUs;
  return { weights, intervalUs };
}
function durationNs(root, legacy, times, intervalUs) {
  const start = typeof root.startTime === "number" ? root.startTime : void 0;
  const end = typeof root.endTime === "number" ? root.endTime : void 0;
  if (!legacy && start !== void 0 && end !== void 0 && end > start)
    return Math.round((end - start) * 1e3);
  return Math.round((times[times.length - 1] - times[0] + intervalUs) * 1e3);
}
function addNodeStacks(profile, nodes, weight) {
  const frameId = new Int32Array(nodes.length).fill(-2);
  const stack = [];
  for (let i = 0; i < nodes.length; i++) {
    if (!(weight[i] > 0)) continue;
    stack.length = 0;
    for (let j = i; j !== -1; j = nodes[j].parent) {
      if (frameId[j] === -2) {
        const f = nodes[j].frame;
        frameId[j] = f ? profile.intern(f) : -1;
      }
      if (frameId[j] >= 0) stack.push(frameId[j]);
    }
    stack.reverse();
    if (stack.length > 0) profile.addStack(stack, weight[i]);
  }
}

// src/formats/cpython-sampling.ts
function cpythonFrame(label, depth) {
  if (depth === 0 && /^tid:\d+$/.test(label)) return { name: label, kind: "thread" };
  const f = colonOrPlainFrame(label);
  if (f.name === "<GC>") return { ...f, kind: "gc" };
  if (f.name === "<native>") return { ...f, kind: "native" };
  return f.kind === "other" && f.file ? { ...f, kind: "python" } : f;
}
var dialect2 = {
  what: "CPython sampling-profiler stack",
  frame: cpythonFrame,
  expected: "`tid:N;file.py:function:line;... count`"
};
function looksLikeCpythonSampling(input) {
  const lines = firstLines(headText(input), 5);
  return lines.length > 0 && lines.every((l, i) => i === lines.length - 1 && lines.length > 1 || /^tid:\d+(;| \d+$)/.test(l));
}
var cpythonFormat = {
  name: "cpython",
  description: "CPython 3.15 `python -m profiling.sampling` collapsed stacks (`tid:N;file.py:func:line`)",
  matchesName: () => false,
  is: looksLikeCpythonSampling,
  import(input, opts) {
    return parseFoldedText(input, dialect2, { format: "cpython", sampler: "profiling.sampling" }, opts).profile;
  }
};

// src/profile/folded-writer.ts
function writeFolded(p, opts = {}) {
  let out = "";
  const decoder = new TextDecoder();
  writeFoldedChunks(
    p,
    (chunk) => {
      out += decoder.decode(chunk);
    },
    opts
  );
  return out;
}
var CHUNK = 1 << 20;
function writeFoldedChunks(p, write, opts = {}) {
  const labels = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) labels[id] = sanitizeLabel(frameLabel(p.frame(id), opts));
  const rank = labelRanks(labels);
  const labelStart = new Uint32Array(labels.length + 1);
  for (let id = 0; id < labels.length; id++)
    labelStart[id + 1] = labelStart[id] + Buffer.byteLength(labels[id]);
  const labelBytes = Buffer.from(labels.join(""), "utf8");
  const { ids, offsets, weights, length } = p.stacks.columns();
  const order = canonicalOrder(ids, offsets, length, rank);
  const labelLen = new Uint32Array(labels.length);
  for (let id = 0; id < labels.length; id++) labelLen[id] = labelStart[id + 1] - labelStart[id];
  let buf = new Uint8Array(CHUNK);
  let pos = 0;
  let prevStack = -1;
  let prevPos = -1;
  for (let j = 0; j < length; j++) {
    const i = order === void 0 ? j : order[j];
    const w = weights[i];
    if (!(w > 0)) continue;
    const a = offsets[i];
    const b = offsets[i + 1];
    let k = a;
    let prefixBytes = 0;
    if (prevPos >= 0) {
      const pa = offsets[prevStack];
      const pb = offsets[prevStack + 1];
      while (pa + (k - a) < pb && k < b && ids[pa + (k - a)] === ids[k])
        prefixBytes += labelLen[ids[k++]] + 1;
      if (k - a < 2) {
        k = a;
        prefixBytes = 0;
      }
    }
    const whole = w <= MAX_DIGITS_WEIGHT && Number.isInteger(w);
    const weightText = whole ? "" : formatWeight(w);
    let need = prefixBytes + (whole ? 16 : weightText.length) + 2;
    for (let m = k; m < b; m++) need += labelLen[ids[m]] + 1;
    if (pos + need > buf.length) {
      if (pos > 0) write(buf.subarray(0, pos));
      pos = 0;
      k = a;
      prefixBytes = 0;
      if (need > buf.length) buf = new Uint8Array(need);
    }
    const lineStart = pos;
    if (prefixBytes > 0) {
      buf.copyWithin(pos, prevPos, prevPos + prefixBytes - 1);
      pos += prefixBytes - 1;
    }
    prevStack = i;
    prevPos = lineStart;
    for (; k < b; k++) {
      if (k !== a) buf[pos++] = 59;
      const from = labelStart[ids[k]];
      const to = from + labelLen[ids[k]];
      if (to - from < 32) for (let c = from; c < to; c++) buf[pos++] = labelBytes[c];
      else pos += labelBytes.copy(buf, pos, from, to);
    }
    buf[pos++] = 32;
    if (whole) pos = writeDigits(buf, pos, w);
    else for (let c = 0; c < weightText.length; c++) buf[pos++] = weightText.charCodeAt(c);
    buf[pos++] = 10;
  }
  if (pos > 0) write(buf.subarray(0, pos));
}
var MAX_DIGITS_WEIGHT = 999999999999999;
function writeDigits(buf, pos, w) {
  let digits = 1;
  for (let t = w; t >= 10; t = Math.floor(t / 10)) digits++;
  let v = w;
  for (let k = pos + digits - 1; k >= pos; k--) {
    const q = Math.floor(v / 10);
    buf[k] = 48 + (v - q * 10);
    v = q;
  }
  return pos + digits;
}
function canonicalOrder(ids, offsets, length, rank) {
  let sorted = true;
  for (let i = 1; i < length && sorted; i++) sorted = compareStacks(ids, offsets, rank, i - 1, i, 0) < 0;
  if (sorted) return void 0;
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  multikeySort(order, ids, offsets, rank);
  return order;
}
function compareStacks(ids, offsets, rank, x, y, d) {
  const ax = offsets[x];
  const nx = offsets[x + 1] - ax;
  const ay = offsets[y];
  const ny = offsets[y + 1] - ay;
  const n = Math.min(nx, ny);
  for (let k = d; k < n; k++) {
    const diff = rank[ids[ax + k]] - rank[ids[ay + k]];
    if (diff !== 0) return diff;
  }
  return nx !== ny ? nx - ny : x - y;
}
function keyAt(ids, offsets, rank, i, d) {
  const at = offsets[i] + d;
  return at < offsets[i + 1] ? rank[ids[at]] : -1;
}
function multikeySort(order, ids, offsets, rank) {
  const todo = [0, order.length, 0];
  while (todo.length > 0) {
    const d = todo.pop();
    const hi = todo.pop();
    const lo = todo.pop();
    if (hi - lo < 12) {
      insertionSort(order, lo, hi, ids, offsets, rank, d);
      continue;
    }
    const pivot = medianOf3(
      keyAt(ids, offsets, rank, order[lo], d),
      keyAt(ids, offsets, rank, order[lo + hi >>> 1], d),
      keyAt(ids, offsets, rank, order[hi - 1], d)
    );
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const k = keyAt(ids, offsets, rank, order[i], d);
      if (k < pivot) {
        const t = order[lt];
        order[lt++] = order[i];
        order[i++] = t;
      } else if (k > pivot) {
        const t = order[gt];
        order[gt--] = order[i];
        order[i] = t;
      } else i++;
    }
    if (lo < lt) todo.push(lo, lt, d);
    if (gt + 1 < hi) todo.push(gt + 1, hi, d);
    if (pivot === -1)
      order.subarray(lt, gt + 1).sort();
    else todo.push(lt, gt + 1, d + 1);
  }
}
function medianOf3(a, b, c) {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
function insertionSort(order, lo, hi, ids, offsets, rank, d) {
  for (let i = lo + 1; i < hi; i++) {
    const v = order[i];
    let j = i - 1;
    while (j >= lo && compareStacks(ids, offsets, rank, order[j], v, d) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}
function formatWeight(w) {
  if (Number.isInteger(w)) return String(w);
  return String(Number(w.toFixed(6)));
}
function sanitizeLabel(label) {
  return /[;\n\r]/.test(label) ? label.replace(/;/g, ":").replace(/[\n\r]/g, " ") : label;
}
function labelRanks(labels) {
  const idx = labels.map((_, i) => i);
  idx.sort((a, b) => labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : a - b);
  const rank = new Int32Array(labels.length);
  let r = 0;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && labels[idx[j]] !== labels[idx[j - 1]]) r++;
    rank[idx[j]] = r;
  }
  return rank;
}

// src/formats/diff-folded.ts
var TWO_COUNTS = /\S\s+\d+(?:\.\d*)?\s+\d+(?:\.\d*)?$/;
function importDiffFolded(fileOrInput, bytes, opts = {}) {
  const input = typeof fileOrInput === "string" ? makeInput(fileOrInput, bytes ?? new Uint8Array()) : fileOrInput;
  const meta = { format: "diff-folded" };
  const before = new Profile({ ...meta, sampleType: "before" });
  const after = new Profile({ ...meta, sampleType: "after" });
  const ids = /* @__PURE__ */ new Map();
  const buf = [];
  let invalid = 0;
  let firstInvalid = 0;
  let rows = 0;
  forEachLine(input.text(), (raw, lineNo) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const sp2 = lastBlank(line);
    const rest = sp2 > 0 ? line.slice(0, sp2).trimEnd() : "";
    const sp1 = lastBlank(rest);
    const c2 = sp2 > 0 ? parseCount(line.slice(sp2 + 1)) : void 0;
    const c1 = sp1 > 0 ? parseCount(rest.slice(sp1 + 1)) : void 0;
    if (c1 === void 0 || c2 === void 0) {
      if (invalid++ === 0) firstInvalid = lineNo;
      return;
    }
    rows++;
    buf.length = 0;
    for (const label of rest.slice(0, sp1).trimEnd().split(";")) {
      let id = ids.get(label);
      if (id === void 0) {
        const init = parseFrameLabel(label);
        id = before.intern(init);
        after.intern(init);
        ids.set(label, id);
      }
      buf.push(id);
    }
    before.addStack(buf, c1);
    after.addStack(buf, c2);
  });
  if (rows === 0) {
    if (invalid > 0) {
      throw new InputError(
        input.fileName,
        { line: firstInvalid },
        "not a differential folded line (expected `frame;frame;... count_before count_after`)"
      );
    }
    throw new NoSamplesError(input.fileName);
  }
  if (invalid > 0) {
    for (const p of [before, after]) p.meta.extra = { ignoredLines: String(invalid) };
    opts.onWarning?.(
      `${input.fileName}: ignored ${invalid} line${invalid === 1 ? "" : "s"} with invalid format (first at line ${firstInvalid})`
    );
  }
  return { before, after };
}
function lastBlank(s) {
  return Math.max(s.lastIndexOf(" "), s.lastIndexOf("	"));
}
function looksDiffFolded(input) {
  const lines = firstLines(headText(input), 20);
  const sample2 = lines.length > 1 ? lines.slice(0, -1) : lines;
  return sample2.length > 0 && sample2.every((l) => TWO_COUNTS.test(l));
}
var diffFoldedFormat = {
  name: "diff-folded",
  description: "two-column differential folded text of difffolded.pl (`stack before after`)",
  matchesName: (fileName) => /\.diff-?folded(\.gz)?$/i.test(fileName),
  is: looksDiffFolded,
  import(input, opts) {
    const both = importDiffFolded(input, void 0, opts);
    return opts.sampleType === "before" ? both.before : both.after;
  }
};

// src/formats/folded.ts
var dialect3 = {
  what: "folded stack",
  frame: (label) => parseFrameLabel(label)
};
function isFoldedLine(line) {
  return /\S\s+\d+(\.\d*)?$/.test(line);
}
function looksFolded(input) {
  const lines = firstLines(headText(input), 20);
  if (lines.length === 0) return false;
  const sample2 = lines.length > 1 ? lines.slice(0, -1) : lines;
  const ok = sample2.filter(isFoldedLine).length;
  return ok > 0 && ok >= sample2.length / 2;
}
var foldedFormat = {
  name: "folded",
  description: "FlameGraph / Inferno folded stacks (`a;b;c 12`), fractional counts allowed",
  matchesName: (fileName) => /\.(folded|collapsed)(\.gz)?$/i.test(fileName),
  is: looksFolded,
  import(input, opts) {
    return parseFoldedText(input, dialect3, { format: "folded" }, opts).profile;
  }
};
function parseFoldedInto(input, opts, target) {
  return parseFoldedText(input, dialect3, { format: "folded" }, opts, target).profile;
}

// src/formats/memory.ts
var FIL_FRAME = /^(.+):(\d+) \((.*?)\)(?:[;\s\u2800\u00a0].*)?$/s;
function memoryFrame(label) {
  const cut = label.search(/[\u2800\u00a0]/);
  const clean = cut >= 0 ? label.slice(0, cut).trimEnd() : label;
  const fil = FIL_FRAME.exec(clean);
  if (fil) {
    const file = fil[1];
    return { name: fil[3], file, line: Number(fil[2]), kind: file.endsWith(".py") ? "python" : "native" };
  }
  const colon = /\.py:[^:]*:\d+$/.test(clean) ? parseColonFrame(clean) : void 0;
  return colon ? { ...colon, kind: "python" } : parseFrameLabel(clean);
}
var dialect4 = {
  what: "memory profile stack",
  frame: memoryFrame,
  expected: "`file.py:LINE (function);... bytes`"
};
function looksLikeMemoryProfile(input) {
  const lines = firstLines(headText(input), 10);
  return lines.some((l) => /(^|;)[^;]+\.py:\d+ \([^;]*\)/.test(l) && / \d+$/.test(l));
}
var memoryFormat = {
  name: "memory",
  description: "Fil / memray-style memory profiles (folded stacks weighted in bytes)",
  matchesName: (fileName) => /(^|[/\\])(peak-memory|out-of-memory)\.prof$|\.mem(ory)?\.folded(\.gz)?$/i.test(fileName),
  is: looksLikeMemoryProfile,
  import(input, opts) {
    const meta = { format: "memory", unit: "bytes", sampleType: "memory" };
    return parseFoldedText(input, dialect4, meta, opts).profile;
  }
};

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
  const all = options.all === true;
  const c = {
    profile: new Profile({ format: "perf-script", sampler: "perf" }),
    opts: {
      pid: options.pid === true,
      tid: options.tid === true,
      kernel: all || options.kernel === true,
      jit: all || options.jit === true,
      all,
      addrs: options.addrs === true
    },
    eventFilter: options.eventFilter ?? "",
    eventDefaulted: false,
    eventWarning: false,
    pname: void 0,
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
    command: void 0
  };
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
  if (c.samples === 0) throw new NoSamplesError(input.fileName);
  const meta = c.profile.meta;
  meta.unit = unitFor(c.event, c.sawPeriod);
  if (c.event) meta.extra = { ...meta.extra, event: c.event };
  if (c.command) meta.command = c.command;
  return c.profile;
}
function collapseBytes(c, bytes, importOpts) {
  const n = bytes.length;
  let start = 0;
  while (start < n) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = n;
    const lineEnd = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    if (lineEnd > start && isSpace(bytes[start])) {
      if (c.pname !== void 0) stackLineBytes(c, bytes, start, lineEnd);
    } else if (lineEnd === start) {
      endSample(c);
    } else {
      const line = bytes.toString("utf8", start, lineEnd);
      processLine(c, line, 0, line.length, importOpts);
    }
    start = end + 1;
  }
}
function stackLineBytes(c, b, start, end) {
  let s = start;
  while (s < end && CLASS[b[s]] === SPACE) s++;
  let e = s;
  while (e < end && CLASS[b[e]] === WORD) e++;
  let f = e;
  while (f < end && CLASS[b[f]] === SPACE) f++;
  const java = c.pname === "java";
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
  let period = "";
  const ev = EVENT.exec(line);
  if (ev) {
    period = ev[1] ?? "";
    const event = ev[2];
    if (c.eventFilter === "") {
      c.eventFilter = event;
      c.eventDefaulted = true;
    } else if (event !== c.eventFilter) {
      if (c.eventDefaulted && !c.eventWarning) {
        importOpts.onWarning?.(`Filtering for events of type: ${event}`);
        c.eventWarning = true;
      }
      return;
    }
    c.event = c.eventFilter;
  }
  if (period !== "" && period !== "0") {
    c.period = Number(period);
    c.sawPeriod = true;
  } else {
    c.period = 1;
  }
  let pname = c.opts.tid ? `${comm}-${pid}/${tid}` : c.opts.pid ? `${comm}-${pid}` : comm;
  pname = pname.replace(/ /g, "_");
  c.pname = pname;
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
    const kind2 = c.opts.tid ? "thread" : "process";
    id = c.profile.intern({ name: detach(pname), kind: kind2 });
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
  const cache = c.pname === "java" ? c.javaLineCache : c.lineCache;
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
    if (c.pname === "java" && func.includes("/") && func.charCodeAt(0) === 76) func = func.slice(1);
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
    let init = parseFrameLabel(label);
    if (frameLabel({ file: "", line: 0, module: "", kind: "other", ...init }) !== label) {
      init = { name: label, kind: "native" };
    } else if (init.kind === "other") {
      init = { ...init, kind: "native" };
    }
    id = c.profile.intern(init);
    c.labelIds.set(label, id);
  }
  return id;
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

// src/formats/pprof.ts
import { constants, gunzipSync as gunzipSync2 } from "node:zlib";

// node_modules/pprof-format/dist/esm/index.js
var _StringTable_encodings;
var _StringTable_positions;
var lowMaxBig = 2n ** 32n - 1n;
var lowMax = 2 ** 32 - 1;
var lowMaxPlus1 = lowMax + 1;
function countNumberBytes(buffer) {
  if (!buffer.length)
    return 0;
  let i = 0;
  while (i < buffer.length && buffer[i++] >= 128)
    ;
  return i;
}
function decodeBigNumber(buffer) {
  if (!buffer.length)
    return BigInt(0);
  let value = BigInt(buffer[0] & 127);
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= BigInt(buffer[i] & 127) << BigInt(7 * i);
  }
  return value;
}
function makeValue(value, offset = 0) {
  return { value, offset };
}
function getValue(mode, buffer) {
  switch (mode) {
    case kTypeVarInt:
      for (let i = 0; i < buffer.length; i++) {
        if (!(buffer[i] & 128)) {
          return makeValue(buffer.subarray(0, i + 1));
        }
      }
      return makeValue(buffer);
    case kTypeLengthDelim: {
      const offset = countNumberBytes(buffer);
      const size = decodeNumber(buffer);
      return makeValue(buffer.subarray(offset, Number(size) + offset), offset);
    }
    default:
      throw new Error(`Unrecognized value type: ${mode}`);
  }
}
function lowBits(number) {
  return typeof number !== "bigint" ? (number >>> 0) % lowMaxPlus1 : Number(number & lowMaxBig);
}
function highBits(number) {
  return typeof number !== "bigint" ? number / lowMaxPlus1 >>> 0 : Number(number >> 32n & lowMaxBig);
}
function long(number) {
  const sign = number < 0;
  if (sign)
    number = -number;
  let lo = lowBits(number);
  let hi = highBits(number);
  if (sign) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > lowMax) {
      lo = 0;
      if (++hi > lowMax) {
        hi = 0;
      }
    }
  }
  return [hi, lo];
}
var kTypeVarInt = 0;
var kTypeLengthDelim = 2;
function decodeNumber(buffer) {
  const size = countNumberBytes(buffer);
  if (size > 4)
    return decodeBigNumber(buffer);
  if (!buffer.length)
    return 0;
  let value = buffer[0] & 127;
  let i = 0;
  while (buffer[i++] >= 128) {
    value |= (buffer[i] & 127) << 7 * i;
  }
  return value;
}
function push(value, list) {
  if (list == null) {
    return [value];
  }
  list.push(value);
  return list;
}
function measureNumber(number) {
  if (number === 0 || number === 0n)
    return 0;
  const [hi, lo] = long(number);
  const a = lo;
  const b = (lo >>> 28 | hi << 4) >>> 0;
  const c = hi >>> 24;
  if (c !== 0) {
    return c < 128 ? 9 : 10;
  }
  if (b !== 0) {
    if (b < 16384) {
      return b < 128 ? 5 : 6;
    }
    return b < 2097152 ? 7 : 8;
  }
  if (a < 16384) {
    return a < 128 ? 1 : 2;
  }
  return a < 2097152 ? 3 : 4;
}
function measureValue(value) {
  if (typeof value === "undefined")
    return 0;
  if (typeof value === "number" || typeof value === "bigint") {
    return measureNumber(value) || 1;
  }
  return value.length;
}
function measureNumberField(number) {
  const length = measureNumber(number);
  return length ? 1 + length : 0;
}
function measureLengthDelimField(value) {
  const length = measureValue(value);
  return length ? 1 + measureNumber(length) + length : 0;
}
function measureLengthDelimArrayField(values) {
  let total = 0;
  for (const value of values) {
    total += measureLengthDelimField(value);
  }
  return total;
}
function encodeNumber(buffer, i, number) {
  if (number === 0 || number === 0n) {
    buffer[i++] = 0;
    return i;
  }
  let [hi, lo] = long(number);
  while (hi) {
    buffer[i++] = lo & 127 | 128;
    lo = (lo >>> 7 | hi << 25) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    buffer[i++] = lo & 127 | 128;
    lo = lo >>> 7;
  }
  buffer[i++] = lo;
  return i;
}
_StringTable_encodings = /* @__PURE__ */ new WeakMap(), _StringTable_positions = /* @__PURE__ */ new WeakMap();
function decode(buffer, decoder) {
  const data = {};
  let index = 0;
  while (index < buffer.length) {
    const field = buffer[index] >> 3;
    const mode = buffer[index] & 7;
    index++;
    const { offset, value } = getValue(mode, buffer.subarray(index));
    index += value.length + offset;
    decoder(data, field, value);
  }
  return data;
}
var Mapping = class _Mapping {
  static create(data) {
    return data instanceof _Mapping ? data : new _Mapping(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.memoryStart = data.memoryStart || 0;
    this.memoryLimit = data.memoryLimit || 0;
    this.fileOffset = data.fileOffset || 0;
    this.filename = data.filename || 0;
    this.buildId = data.buildId || 0;
    this.hasFunctions = !!data.hasFunctions;
    this.hasFilenames = !!data.hasFilenames;
    this.hasLineNumbers = !!data.hasLineNumbers;
    this.hasInlineFrames = !!data.hasInlineFrames;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.memoryStart);
    total += measureNumberField(this.memoryLimit);
    total += measureNumberField(this.fileOffset);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.buildId);
    total += measureNumberField(this.hasFunctions ? 1 : 0);
    total += measureNumberField(this.hasFilenames ? 1 : 0);
    total += measureNumberField(this.hasLineNumbers ? 1 : 0);
    total += measureNumberField(this.hasInlineFrames ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.memoryStart) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.memoryStart);
    }
    if (this.memoryLimit) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.memoryLimit);
    }
    if (this.fileOffset) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.fileOffset);
    }
    if (this.filename) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.buildId) {
      buffer[offset++] = 48;
      offset = encodeNumber(buffer, offset, this.buildId);
    }
    if (this.hasFunctions) {
      buffer[offset++] = 56;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasFilenames) {
      buffer[offset++] = 64;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasLineNumbers) {
      buffer[offset++] = 72;
      offset = encodeNumber(buffer, offset, 1);
    }
    if (this.hasInlineFrames) {
      buffer[offset++] = 80;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.memoryStart = decodeNumber(buffer);
        break;
      case 3:
        data.memoryLimit = decodeNumber(buffer);
        break;
      case 4:
        data.fileOffset = decodeNumber(buffer);
        break;
      case 5:
        data.filename = decodeNumber(buffer);
        break;
      case 6:
        data.buildId = decodeNumber(buffer);
        break;
      case 7:
        data.hasFunctions = !!decodeNumber(buffer);
        break;
      case 8:
        data.hasFilenames = !!decodeNumber(buffer);
        break;
      case 9:
        data.hasLineNumbers = !!decodeNumber(buffer);
        break;
      case 10:
        data.hasInlineFrames = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Line = class _Line {
  static create(data) {
    return data instanceof _Line ? data : new _Line(data);
  }
  constructor(data) {
    this.functionId = data.functionId || 0;
    this.line = data.line || 0;
    this.column = data.column || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.functionId);
    total += measureNumberField(this.line);
    total += measureNumberField(this.column);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.functionId) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.functionId);
    }
    if (this.line) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.line);
    }
    if (this.column) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.column);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.functionId = decodeNumber(buffer);
        break;
      case 2:
        data.line = decodeNumber(buffer);
        break;
      case 3:
        data.column = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Location = class _Location {
  static create(data) {
    return data instanceof _Location ? data : new _Location(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.mappingId = data.mappingId || 0;
    this.address = data.address || 0;
    this.line = (data.line || []).map(Line.create);
    this.isFolded = !!data.isFolded;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.mappingId);
    total += measureNumberField(this.address);
    total += measureLengthDelimArrayField(this.line);
    total += measureNumberField(this.isFolded ? 1 : 0);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.mappingId) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.mappingId);
    }
    if (this.address) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.address);
    }
    for (const line of this.line) {
      buffer[offset++] = 34;
      offset = encodeNumber(buffer, offset, line.length);
      offset = line._encodeToBuffer(buffer, offset);
    }
    if (this.isFolded) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, 1);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.mappingId = decodeNumber(buffer);
        break;
      case 3:
        data.address = decodeNumber(buffer);
        break;
      case 4:
        data.line = push(Line.decode(buffer), data.line);
        break;
      case 5:
        data.isFolded = !!decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};
var Function = class _Function {
  static create(data) {
    return data instanceof _Function ? data : new _Function(data);
  }
  constructor(data) {
    this.id = data.id || 0;
    this.name = data.name || 0;
    this.systemName = data.systemName || 0;
    this.filename = data.filename || 0;
    this.startLine = data.startLine || 0;
  }
  get length() {
    let total = 0;
    total += measureNumberField(this.id);
    total += measureNumberField(this.name);
    total += measureNumberField(this.systemName);
    total += measureNumberField(this.filename);
    total += measureNumberField(this.startLine);
    return total;
  }
  _encodeToBuffer(buffer, offset = 0) {
    if (this.id) {
      buffer[offset++] = 8;
      offset = encodeNumber(buffer, offset, this.id);
    }
    if (this.name) {
      buffer[offset++] = 16;
      offset = encodeNumber(buffer, offset, this.name);
    }
    if (this.systemName) {
      buffer[offset++] = 24;
      offset = encodeNumber(buffer, offset, this.systemName);
    }
    if (this.filename) {
      buffer[offset++] = 32;
      offset = encodeNumber(buffer, offset, this.filename);
    }
    if (this.startLine) {
      buffer[offset++] = 40;
      offset = encodeNumber(buffer, offset, this.startLine);
    }
    return offset;
  }
  encode(buffer = new Uint8Array(this.length)) {
    this._encodeToBuffer(buffer, 0);
    return buffer;
  }
  static decodeValue(data, field, buffer) {
    switch (field) {
      case 1:
        data.id = decodeNumber(buffer);
        break;
      case 2:
        data.name = decodeNumber(buffer);
        break;
      case 3:
        data.systemName = decodeNumber(buffer);
        break;
      case 4:
        data.filename = decodeNumber(buffer);
        break;
      case 5:
        data.startLine = decodeNumber(buffer);
        break;
    }
  }
  static decode(buffer) {
    return new this(decode(buffer, this.decodeValue));
  }
};

// src/formats/protobuf-wire.ts
var VARINT = 0;
var LEN = 2;
var V = { wire: "varint" };
var PACKED = { wire: "varint-or-packed" };
var msg = (message) => ({ wire: "len", message });
var SCHEMA = {
  Profile: {
    1: msg("ValueType"),
    2: msg("Sample"),
    3: msg("Mapping"),
    4: msg("Location"),
    5: msg("Function"),
    6: { wire: "len" },
    // string_table
    7: V,
    8: V,
    9: V,
    10: V,
    11: msg("ValueType"),
    12: V,
    13: PACKED,
    14: V,
    15: V
  },
  ValueType: { 1: V, 2: V },
  Sample: { 1: PACKED, 2: PACKED, 3: msg("Label") },
  Label: { 1: V, 2: V, 3: V, 4: V },
  Mapping: { 1: V, 2: V, 3: V, 4: V, 5: V, 6: V, 7: V, 8: V, 9: V, 10: V },
  Location: { 1: V, 2: V, 3: V, 4: msg("Line"), 5: V },
  Line: { 1: V, 2: V, 3: V },
  Function: { 1: V, 2: V, 3: V, 4: V, 5: V }
};
var FIELD_NAMES = {
  "Profile.1": "sample_type",
  "Profile.2": "sample",
  "Profile.3": "mapping",
  "Profile.4": "location",
  "Profile.5": "function",
  "Profile.6": "string_table",
  "Profile.11": "period_type",
  "Sample.1": "location_id",
  "Sample.2": "value",
  "Sample.3": "label",
  "Location.4": "line"
};
var WireError = class extends Error {
  constructor(offset, problem) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
  }
  offset;
  problem;
};
function looksLikeProfileWire(head, complete) {
  if (head.length === 0) return false;
  const index = { fieldCount: 0 };
  try {
    walk(head, 0, head.length, "Profile", true, index);
    return index.fieldCount >= 1;
  } catch (err) {
    if (!complete && err instanceof WireError && err.problem.startsWith("truncated"))
      return index.fieldCount >= 2;
    return false;
  }
}
function checkMessage(buf, start, end, name) {
  walk(buf, start, end, name, false, void 0);
}
function walk(buf, start, end, name, strict, index) {
  const fields = SCHEMA[name];
  let pos = start;
  while (pos < end) {
    const tagAt = pos;
    const [tag, afterTag] = readVarint(buf, pos, end, `${name} field tag`);
    pos = afterTag;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    const spec = fields[field];
    const label = `${name}.${FIELD_NAMES[`${name}.${field}`] ?? field}`;
    if (field === 0) throw new WireError(tagAt, `field number 0 in ${name} (expected a protobuf field tag)`);
    if (wire !== VARINT && wire !== LEN) {
      throw new WireError(tagAt, `${label} has wire type ${wire} (expected varint or length-delimited)`);
    }
    if (!spec) {
      if (strict) throw new WireError(tagAt, `unknown field ${field} in ${name}`);
    } else if (spec.wire === "varint" && wire !== VARINT || spec.wire === "len" && wire !== LEN) {
      throw new WireError(
        tagAt,
        `${label} has wire type ${wire} (expected ${spec.wire === "len" ? "length-delimited" : "varint"})`
      );
    }
    if (wire === VARINT) {
      pos = readVarint(buf, pos, end, label)[1];
    } else {
      const [len, afterLen] = readVarint(buf, pos, end, `${label} length`);
      if (len > end - afterLen) {
        throw new WireError(
          pos,
          `truncated ${label}: length ${len} runs past the end (expected at most ${end - afterLen} bytes)`
        );
      }
      const bodyEnd = afterLen + len;
      if (spec?.message) walk(buf, afterLen, bodyEnd, spec.message, strict, void 0);
      else if (spec?.wire === "varint-or-packed") checkPacked(buf, afterLen, bodyEnd, label);
      pos = bodyEnd;
    }
    if (index) index.fieldCount++;
  }
}
function checkPacked(buf, start, end, label) {
  let pos = start;
  while (pos < end) pos = readVarint(buf, pos, end, label)[1];
}
function readVarint(buf, pos, end, what) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new WireError(pos, `truncated varint in ${what} (expected more bytes)`);
    const b = buf[pos++];
    value += (b & 127) * scale;
    scale *= 128;
    if (b < 128) return [value, pos];
  }
  throw new WireError(pos - 10, `varint longer than 10 bytes in ${what} (expected a protobuf varint)`);
}

// src/formats/pprof-decode.ts
var TWO_64 = 2 ** 64;
var TWO_63 = 2 ** 63;
var Reader = class {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  pos = 0;
  /** A varint as a float (exact below 2^53); int64 values past 2^63 come back negative. */
  varint(end, what) {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < end && buf[pos] < 128) {
      this.pos = pos + 1;
      return buf[pos];
    }
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) throw new WireError(pos, `truncated varint in ${what} (expected more bytes)`);
      const b = buf[pos++];
      value += (b & 127) * scale;
      scale *= 128;
      if (b < 128) {
        this.pos = pos;
        return value >= TWO_63 ? value - TWO_64 : value;
      }
    }
    throw new WireError(pos - 10, `varint longer than 10 bytes in ${what} (expected a protobuf varint)`);
  }
  /** Reads a length prefix and returns the end of the body, checked against `end`. */
  body(end, what) {
    const at = this.pos;
    const len = this.varint(end, `${what} length`);
    if (len < 0 || len > end - this.pos) {
      throw new WireError(
        at,
        `truncated ${what}: length ${len} runs past the end (expected at most ${end - this.pos} bytes)`
      );
    }
    return this.pos + len;
  }
};
var TOP_FIELDS = {
  1: [2, "sample_type"],
  2: [2, "sample"],
  3: [2, "mapping"],
  4: [2, "location"],
  5: [2, "function"],
  6: [2, "string_table"],
  7: [0, "drop_frames"],
  8: [0, "keep_frames"],
  9: [0, "time_nanos"],
  10: [0, "duration_nanos"],
  11: [2, "period_type"],
  12: [0, "period"],
  14: [0, "default_sample_type"],
  15: [0, "doc_url"]
};
function decodePprof(buf) {
  const out = {
    sampleTypes: [],
    locStart: [0],
    locIds: [],
    valStart: [0],
    values: [],
    sampleOffsets: [],
    mappings: [],
    locations: [],
    locationOffsets: [],
    functions: [],
    strings: [],
    periodType: void 0,
    period: 0,
    durationNanos: 0,
    defaultSampleType: 0,
    comments: []
  };
  const r = new Reader(buf);
  const end = buf.length;
  const utf8 = new TextDecoder();
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.varint(end, "Profile field tag");
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw new WireError(tagAt, "field number 0 in Profile (expected a protobuf field tag)");
    const known = TOP_FIELDS[field];
    const label = `Profile.${known?.[1] ?? field}`;
    if (field === 13) {
      if (wire === 0) out.comments.push(r.varint(end, label));
      else if (wire === 2) {
        const stop2 = r.body(end, label);
        while (r.pos < stop2) out.comments.push(r.varint(stop2, label));
      } else throw wireTypeError(tagAt, label, wire, "varint or length-delimited");
      continue;
    }
    if (known && known[0] !== wire) {
      throw wireTypeError(tagAt, label, wire, known[0] === 0 ? "varint" : "length-delimited");
    }
    if (wire === 0) {
      const v = r.varint(end, label);
      if (field === 10) out.durationNanos = v;
      else if (field === 12) out.period = v;
      else if (field === 14) out.defaultSampleType = v;
      continue;
    }
    if (wire !== 2) throw wireTypeError(tagAt, label, wire, "varint or length-delimited");
    const stop = r.body(end, label);
    const start = r.pos;
    switch (field) {
      case 1:
        out.sampleTypes.push(valueType(r, stop));
        break;
      case 2:
        out.sampleOffsets.push(tagAt);
        sample(r, stop, out);
        break;
      case 3:
        checkMessage(buf, start, stop, "Mapping");
        out.mappings.push(Mapping.decode(buf.subarray(start, stop)));
        break;
      case 4:
        checkMessage(buf, start, stop, "Location");
        out.locationOffsets.push(tagAt);
        out.locations.push(Location.decode(buf.subarray(start, stop)));
        break;
      case 5:
        checkMessage(buf, start, stop, "Function");
        out.functions.push(Function.decode(buf.subarray(start, stop)));
        break;
      case 6:
        out.strings.push(utf8.decode(buf.subarray(start, stop)));
        break;
      case 11:
        out.periodType = valueType(r, stop);
        break;
    }
    r.pos = stop;
  }
  return out;
}
function wireTypeError(at, label, wire, expected) {
  return new WireError(at, `${label} has wire type ${wire} (expected ${expected})`);
}
function valueType(r, stop) {
  const vt = { type: 0, unit: 0 };
  while (r.pos < stop) {
    const at = r.pos;
    const tag = r.varint(stop, "ValueType field tag");
    if (tag % 8 !== 0) throw wireTypeError(at, `ValueType.${tag >> 3}`, tag % 8, "varint");
    const v = r.varint(stop, "ValueType");
    if (tag === 8) vt.type = v;
    else if (tag === 16) vt.unit = v;
  }
  return vt;
}
function sample(r, stop, out) {
  while (r.pos < stop) {
    const at = r.pos;
    const tag = r.varint(stop, "Sample field tag");
    const field = tag >> 3;
    const wire = tag & 7;
    const list = field === 1 ? out.locIds : field === 2 ? out.values : void 0;
    const label = field === 1 ? "Sample.location_id" : field === 2 ? "Sample.value" : `Sample.${field}`;
    if (wire === 0) {
      const v = r.varint(stop, label);
      list?.push(v);
    } else if (wire === 2) {
      const end = r.body(stop, label);
      if (list) packed(r, end, list, label);
      else if (field === 3) checkMessage(r.buf, r.pos, end, "Label");
      r.pos = end;
    } else {
      throw wireTypeError(at, label, wire, "varint or length-delimited");
    }
  }
  out.locStart.push(out.locIds.length);
  out.valStart.push(out.values.length);
}
function packed(r, end, list, label) {
  const buf = r.buf;
  let pos = r.pos;
  while (pos < end) {
    const start = pos;
    let v = 0;
    let shift = 0;
    let b = 128;
    while (b >= 128 && shift < 28 && pos < end) {
      b = buf[pos++];
      v |= (b & 127) << shift;
      shift += 7;
    }
    if (b >= 128) {
      r.pos = start;
      list.push(r.varint(end, label));
      pos = r.pos;
    } else {
      list.push(v);
    }
  }
  r.pos = pos;
}

// src/formats/pprof.ts
var TWO_642 = 1n << 64n;
var TWO_632 = 1n << 63n;
function num(x) {
  if (x === void 0) return 0;
  if (typeof x === "number") return x;
  return Number(x >= TWO_632 ? x - TWO_642 : x);
}
function mapUnit(type, unit) {
  switch (unit) {
    case "nanoseconds":
      return { unit: "nanoseconds", factor: 1 };
    case "microseconds":
      return { unit: "nanoseconds", factor: 1e3 };
    case "milliseconds":
      return { unit: "nanoseconds", factor: 1e6 };
    case "seconds":
      return { unit: "nanoseconds", factor: 1e9 };
    case "bytes":
      return { unit: "bytes", factor: 1 };
    case "kilobytes":
      return { unit: "bytes", factor: 1024 };
    case "megabytes":
      return { unit: "bytes", factor: 1024 ** 2 };
    case "gigabytes":
      return { unit: "bytes", factor: 1024 ** 3 };
    default:
      return { unit: type === "samples" ? "samples" : "count", factor: 1 };
  }
}
var pprofFormat = {
  name: "pprof",
  description: "pprof protobuf (.pb, .pb.gz, .pprof; .prof by content), any sample type via --sample-type",
  matchesName: (fileName) => /\.(pb|pprof)(\.gz)?$/i.test(fileName),
  is: (input) => isPprof(input.bytes),
  import: (input, opts) => importPprof(input, opts)
};
var SNIFF_BYTES = 8192;
function isPprof(bytes) {
  let head = bytes.subarray(0, SNIFF_BYTES);
  let complete = bytes.length <= SNIFF_BYTES;
  if (isGzip2(bytes)) {
    try {
      const out = gunzipSync2(bytes.subarray(0, SNIFF_BYTES), { finishFlush: constants.Z_SYNC_FLUSH });
      head = out.subarray(0, SNIFF_BYTES);
      complete = complete && out.length <= SNIFF_BYTES;
    } catch {
      return false;
    }
  }
  return looksLikeProfileWire(head, complete);
}
function isGzip2(b) {
  return b.length >= 2 && b[0] === 31 && b[1] === 139;
}
function importPprof(input, opts = {}) {
  const file = input.fileName;
  const bytes = gunzipIfNeeded(file, input.bytes);
  let raw;
  try {
    raw = decodePprof(bytes);
  } catch (err) {
    if (err instanceof WireError) {
      throw new InputError(file, { offset: err.offset }, `${err.problem}; not a valid pprof profile`);
    }
    throw err;
  }
  return new PprofConverter(file, raw).convert(opts.sampleType);
}
var PprofConverter = class {
  constructor(file, raw) {
    this.file = file;
    this.raw = raw;
    this.locationFrames = new Array(raw.locations.length);
  }
  file;
  raw;
  functions = /* @__PURE__ */ new Map();
  locations = /* @__PURE__ */ new Map();
  // location id -> index in raw.locations
  denseLocations;
  locationFrames;
  mappingModules = /* @__PURE__ */ new Map();
  out = new Profile({ unit: "samples", sampler: "pprof", format: "pprof" });
  convert(requested) {
    const { raw, out } = this;
    const types = raw.sampleTypes.map((vt) => ({ type: this.str(vt.type), unit: this.str(vt.unit) }));
    if (raw.sampleOffsets.length === 0 || types.length === 0) throw noSamples(this.file);
    const index = this.pickSampleType(types, requested);
    const { unit, factor } = mapUnit(types[index].type, types[index].unit);
    out.meta.unit = unit;
    out.meta.sampleType = `${types[index].type}/${types[index].unit}`;
    out.meta.extra = { sampleTypes: types.map((t) => `${t.type}/${t.unit}`).join(", ") };
    this.setPeriodAndDuration();
    this.indexTables();
    this.addSamples(index, types.length, factor);
    if (out.stackCount === 0) throw noSamples(this.file);
    return out;
  }
  /** opts.sampleType by name (`cpu`), `type/unit`, or index; else default_sample_type, else the last. */
  pickSampleType(types, requested) {
    const names = types.map((t) => `${t.type}/${t.unit}`);
    if (requested !== void 0 && requested !== "") {
      let i = types.findIndex((t, k) => t.type === requested || names[k] === requested);
      if (i < 0 && /^\d+$/.test(requested) && Number(requested) < types.length) i = Number(requested);
      if (i < 0) {
        throw new InputError(
          this.file,
          void 0,
          `no sample type '${requested}' (expected one of: ${names.join(", ")})`
        );
      }
      return i;
    }
    const def = this.raw.defaultSampleType;
    if (def !== 0) {
      const i = types.findIndex((t) => t.type === this.raw.strings[def]);
      if (i >= 0) return i;
    }
    return types.length - 1;
  }
  setPeriodAndDuration() {
    const { raw, out } = this;
    if (raw.durationNanos > 0) out.meta.durationNs = raw.durationNanos;
    if (raw.periodType) {
      const { unit, factor } = mapUnit(this.str(raw.periodType.type), this.str(raw.periodType.unit));
      if (unit === "nanoseconds" && raw.period > 0) out.meta.intervalNs = raw.period * factor;
    }
    const comments = raw.comments.map((c) => this.str(c)).filter((c) => c !== "");
    if (comments.length && out.meta.extra) out.meta.extra.comments = comments.join("; ");
  }
  indexTables() {
    for (const m of this.raw.mappings) this.mappingModules.set(num(m.id), basename(this.str(m.filename)));
    for (const f of this.raw.functions) {
      const name = this.str(f.name) || this.str(f.systemName);
      this.functions.set(num(f.id), { name, file: this.str(f.filename) });
    }
    let maxId = 0;
    this.raw.locations.forEach((loc, i) => {
      const id = num(loc.id);
      this.locations.set(id, i);
      if (id > maxId) maxId = id;
    });
    if (maxId <= 4 * this.raw.locations.length + 1024) {
      this.denseLocations = new Int32Array(maxId + 1).fill(-1);
      for (const [id, i] of this.locations) if (id >= 0 && Number.isInteger(id)) this.denseLocations[id] = i;
    }
  }
  addSamples(index, typeCount, factor) {
    const { locStart, locIds, valStart, values, sampleOffsets } = this.raw;
    const n = sampleOffsets.length;
    let stack = new Int32Array(256);
    for (let si = 0; si < n; si++) {
      const nv = valStart[si + 1] - valStart[si];
      if (nv !== typeCount) {
        this.fail(
          sampleOffsets[si],
          `sample ${si} has ${nv} values (expected ${typeCount}, one per sample type)`
        );
      }
      const w = values[valStart[si] + index] * factor;
      if (!(w > 0)) continue;
      let depth = 0;
      for (let k = locStart[si + 1] - 1; k >= locStart[si]; k--) {
        const frames = this.framesOf(locIds[k], si);
        if (depth + frames.length > stack.length) {
          const bigger = new Int32Array(Math.max(stack.length * 2, depth + frames.length));
          bigger.set(stack);
          stack = bigger;
        }
        stack.set(frames, depth);
        depth += frames.length;
      }
      this.out.stacks.add(stack, w, 0, depth);
    }
  }
  /** A location's frames, outermost first: pprof lists inlined callees before their caller. */
  framesOf(id, sampleIndex) {
    const dense = this.denseLocations;
    const d = dense && id >= 0 && id < dense.length ? dense[id] : -1;
    const li = d >= 0 ? d : this.locations.get(id);
    if (li === void 0) {
      this.fail(
        this.raw.sampleOffsets[sampleIndex],
        `sample ${sampleIndex} refers to location ${id}, which is not defined (expected a location id)`
      );
    }
    const cached = this.locationFrames[li];
    if (cached) return cached;
    const loc = this.raw.locations[li];
    const module = this.mappingModules.get(num(loc.mappingId)) ?? "";
    const ids = [];
    if (loc.line.length === 0) {
      const addr = typeof loc.address === "bigint" ? loc.address : BigInt(loc.address);
      const name = module !== "" ? `[${module}]` : `0x${addr.toString(16)}`;
      ids.push(this.out.intern({ name, module, kind: moduleKind(module) }));
    }
    for (let j = loc.line.length - 1; j >= 0; j--) {
      const line = loc.line[j];
      const fn = this.functions.get(num(line.functionId));
      if (!fn) {
        this.fail(
          this.raw.locationOffsets[li],
          `location ${num(loc.id)} refers to function ${num(line.functionId)}, which is not defined (expected a function id)`
        );
      }
      const kind2 = j < loc.line.length - 1 ? "inlined" : frameKind(fn.file, module);
      ids.push(
        this.out.intern({
          name: fn.name || "??",
          file: fn.file,
          line: Math.max(0, num(line.line)),
          module,
          kind: kind2
        })
      );
    }
    const frames = Int32Array.from(ids);
    this.locationFrames[li] = frames;
    return frames;
  }
  str(i) {
    const k = num(i);
    const strings = this.raw.strings;
    if (k < 0 || k >= strings.length) {
      this.fail(
        void 0,
        `string index ${k} is out of range (expected below ${strings.length}, the string table size)`
      );
    }
    return strings[k];
  }
  fail(offset, problem) {
    throw new InputError(this.file, offset === void 0 ? void 0 : { offset }, problem);
  }
};
function basename(path4) {
  const i = Math.max(path4.lastIndexOf("/"), path4.lastIndexOf("\\"));
  return i >= 0 ? path4.slice(i + 1) : path4;
}
function moduleKind(module) {
  return module.startsWith("[kernel") || module === "vmlinux" ? "kernel" : "native";
}
function frameKind(file, module) {
  const k = kindFromFile(file);
  if (k !== "other") return k;
  if (module.startsWith("[kernel") || module === "vmlinux") return "kernel";
  return file === "" && module !== "" ? "native" : "other";
}

// src/formats/marshal.ts
var MarshalError = class extends Error {
  constructor(offset, problem) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
  }
  offset;
  problem;
};
var FLAG_REF = 128;
var MAX_DEPTH = 200;
var MarshalReader = class {
  constructor(buf) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  buf;
  pos = 0;
  refs = [];
  view;
  get offset() {
    return this.pos;
  }
  /** Reads one complete object; throws MarshalError if bytes are left over or missing. */
  readAll() {
    const v = this.read(0);
    if (this.pos !== this.buf.length) {
      throw new MarshalError(
        this.pos,
        `${this.buf.length - this.pos} bytes after the end of the data (expected one marshalled object)`
      );
    }
    return v;
  }
  read(depth) {
    if (depth > MAX_DEPTH)
      throw new MarshalError(this.pos, `nesting deeper than ${MAX_DEPTH} (expected flat data)`);
    const at = this.pos;
    const code = this.byte();
    const flag = (code & FLAG_REF) !== 0;
    const type = String.fromCharCode(code & ~FLAG_REF);
    const slot = flag ? this.refs.push(null) - 1 : -1;
    const value = this.readTyped(type, at, depth, slot);
    if (slot >= 0) this.refs[slot] = value;
    return value;
  }
  readTyped(type, at, depth, slot) {
    switch (type) {
      case "N":
        return null;
      case "F":
        return false;
      case "T":
        return true;
      case "i":
        return this.int32();
      case "l":
        return this.long();
      case "g":
        return this.float64();
      case "f":
        return this.textFloat();
      case "s":
        return this.bytes(this.length());
      case "u":
      case "t":
      case "a":
      case "A":
        return this.utf8(this.length());
      case "z":
      case "Z":
        return this.utf8(this.byte());
      case "(":
      case "[":
      case "<":
      case ">":
        return this.sequence(this.length(), depth, slot);
      case ")":
        return this.sequence(this.byte(), depth, slot);
      case "{":
        return this.dict(depth, slot);
      case "r": {
        const i = this.int32();
        if (i < 0 || i >= this.refs.length) {
          throw new MarshalError(
            at,
            `reference ${i} to an object not read yet (expected below ${this.refs.length})`
          );
        }
        return this.refs[i];
      }
      case "c":
        throw new MarshalError(
          at,
          "code object (expected plain data; record with cProfile, not the profile module)"
        );
      default:
        throw new MarshalError(
          at,
          `unsupported marshal type code 0x${type.charCodeAt(0).toString(16).padStart(2, "0")} (expected a data value such as a dict, tuple, string or number)`
        );
    }
  }
  sequence(n, depth, slot) {
    const out = [];
    if (slot >= 0) this.refs[slot] = out;
    for (let i = 0; i < n; i++) out.push(this.read(depth + 1));
    return out;
  }
  dict(depth, slot) {
    const d = { kind: "dict", entries: [] };
    if (slot >= 0) this.refs[slot] = d;
    for (; ; ) {
      this.need(1);
      if (this.buf[this.pos] === 48) {
        this.pos++;
        return d;
      }
      const offset = this.pos;
      const key = this.read(depth + 1);
      const value = this.read(depth + 1);
      d.entries.push({ key, value, offset });
    }
  }
  need(n) {
    if (this.pos + n > this.buf.length) {
      throw new MarshalError(
        this.pos,
        `truncated data: ${n} more bytes needed (expected a complete marshal stream)`
      );
    }
  }
  byte() {
    this.need(1);
    return this.buf[this.pos++];
  }
  int32() {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  length() {
    const at = this.pos;
    const n = this.int32();
    if (n < 0 || n > this.buf.length)
      throw new MarshalError(at, `bad length ${n} (expected a size that fits the file)`);
    return n;
  }
  float64() {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  textFloat() {
    const at = this.pos;
    const s = this.utf8(this.byte());
    const v = Number(s);
    if (Number.isNaN(v) && s !== "nan")
      throw new MarshalError(at, `bad float text ${JSON.stringify(s)} (expected a number)`);
    return v;
  }
  /** Python longs: a signed digit count, then 15-bit digits, least significant first. */
  long() {
    const n = this.int32();
    const count = Math.abs(n);
    if (count > this.buf.length)
      throw new MarshalError(this.pos - 4, `bad long size ${n} (expected a size that fits the file)`);
    this.need(count * 2);
    let v = 0n;
    for (let i = count - 1; i >= 0; i--) v = v << 15n | BigInt(this.view.getUint16(this.pos + i * 2, true));
    this.pos += count * 2;
    if (n < 0) v = -v;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
  bytes(n) {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  utf8(n) {
    const b = this.bytes(n);
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8");
  }
};

// src/formats/pstats.ts
var PSTATS_DERIVED = "derived from a deterministic profiler (cProfile): stacks are estimated from caller edges";
var SECONDS_TO_NS = 1e9;
var PRUNE_FRACTION = 1e-6;
var MAX_DEPTH2 = 256;
var MAX_NODES = 2e5;
var pstatsFormat = {
  name: "pstats",
  description: "cProfile pstats dump (Python marshal); stacks estimated from call edges, flameprof-style",
  matchesName: (fileName) => /\.(pstats|cprof|cprofile)$/i.test(fileName),
  is: (input) => isPstats(input.bytes),
  import: (input) => importPstats(input)
};
function isPstats(b) {
  if (b.length < 2 || (b[0] & 127) !== 123) return false;
  if (b[1] === 48) return b.length === 2;
  const t = b[1] & 127;
  if (t === 41) return b.length > 2 && b[2] === 3;
  if (t === 40) return b.length > 5 && b[2] === 3 && b[3] === 0 && b[4] === 0 && b[5] === 0;
  return false;
}
function importPstats(input) {
  const file = input.fileName;
  let root;
  try {
    root = new MarshalReader(input.bytes).readAll();
  } catch (err) {
    if (err instanceof MarshalError)
      throw new InputError(file, { offset: err.offset }, `${err.problem}; not a pstats file`);
    throw err;
  }
  const fns = readStats(file, root);
  const out = new Profile({
    unit: "nanoseconds",
    sampler: "cProfile",
    format: "pstats",
    derived: PSTATS_DERIVED
  });
  new StackBuilder(fns, out).build();
  if (out.stackCount === 0) throw noSamples(file);
  let totalTt = 0;
  for (const f of fns) totalTt += f.tt;
  out.meta.durationNs = Math.round(totalTt * SECONDS_TO_NS);
  return out;
}
function isDict(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Uint8Array) && v.kind === "dict";
}
function toNumber(v) {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return void 0;
}
function readStats(file, root) {
  if (!isDict(root))
    throw new InputError(file, { offset: 0 }, "top-level object is not a dict (expected a pstats dump)");
  const fns = [];
  const byKey = /* @__PURE__ */ new Map();
  const fnIndex = (key, offset) => {
    const frame = funcFrame(file, key, offset);
    const k = `${frame.file}\0${frame.line}\0${frame.name}\0${frame.kind}`;
    let i = byKey.get(k);
    if (i === void 0) {
      i = fns.length;
      byKey.set(k, i);
      fns.push({ frame, nc: 0, tt: 0, ct: 0, hasCallers: false, callees: [] });
    }
    return i;
  };
  const callerLists = [];
  for (const { key, value, offset } of root.entries) {
    const i = fnIndex(key, offset);
    const v = Array.isArray(value) ? value : [];
    const nums = v.slice(0, 4).map(toNumber);
    if (v.length !== 5 || nums.some((x) => x === void 0) || !isDict(v[4])) {
      throw new InputError(
        file,
        { offset },
        "bad stats entry (expected (cc, nc, tottime, cumtime, callers))"
      );
    }
    const f = fns[i];
    f.nc = nums[1];
    f.tt = Math.max(0, nums[2]);
    f.ct = Math.max(0, nums[3]);
    callerLists.push({ callee: i, callers: v[4] });
  }
  let edgeCount = 0;
  for (const { callee, callers } of callerLists) {
    for (const { key, value, offset } of callers.entries) {
      const c = fnIndex(key, offset);
      const edge = edgeTimes(file, value, fns[callee], offset);
      fns[callee].hasCallers = true;
      fns[c].callees.push({ id: edgeCount++, callee, ...edge });
    }
  }
  return fns;
}
function funcFrame(file, key, offset) {
  if (!Array.isArray(key) || key.length !== 3 || typeof key[0] !== "string" || typeof key[2] !== "string") {
    throw new InputError(file, { offset }, "bad function key (expected a (filename, line, name) tuple)");
  }
  const line = toNumber(key[1]);
  if (line === void 0)
    throw new InputError(file, { offset }, "bad line number in function key (expected an int)");
  if (key[0] === "~") return { name: key[2], kind: "native" };
  return { name: key[2], file: key[0], line: Math.max(0, line), kind: "python" };
}
function edgeTimes(file, value, callee, offset) {
  const n = toNumber(value);
  if (n !== void 0) {
    const share = callee.nc > 0 ? n / callee.nc : 0;
    return { tt: callee.tt * share, ct: callee.ct * share };
  }
  if (Array.isArray(value) && value.length === 4) {
    const tt = toNumber(value[2]);
    const ct = toNumber(value[3]);
    if (tt !== void 0 && ct !== void 0) return { tt: Math.max(0, tt), ct: Math.max(0, ct) };
  }
  throw new InputError(file, { offset }, "bad caller entry (expected (nc, cc, tottime, cumtime))");
}
var StackBuilder = class {
  constructor(fns, out) {
    this.fns = fns;
    this.out = out;
    this.frameIds = new Int32Array(fns.length).fill(-1);
    let edges = 0;
    for (const f of fns) edges += f.callees.length;
    this.onPath = new Uint8Array(edges);
  }
  fns;
  out;
  frameIds;
  onPath;
  stack = [];
  minTime = 0;
  nodes = 0;
  build() {
    let totalTt = 0;
    for (const f of this.fns) totalTt += f.tt;
    this.minTime = totalTt * PRUNE_FRACTION;
    for (const r of this.roots(totalTt)) {
      const f = this.fns[r];
      this.expand(r, f.ct, f.tt, 0);
    }
  }
  /**
   * Functions nobody called are roots. When their time falls short of the total (a script run
   * by `python -m cProfile` starts in `exec`, which nested imports call again), the function
   * with the largest cumtime is added too, as flameprof does.
   */
  roots(totalTt) {
    const roots = [];
    let covered = 0;
    this.fns.forEach((f, i) => {
      if (!f.hasCallers) {
        roots.push(i);
        covered += f.ct;
      }
    });
    if (totalTt > 0 && covered / totalTt < 0.8) {
      let best = -1;
      this.fns.forEach((f, i) => {
        if (f.hasCallers && (best < 0 || f.ct > this.fns[best].ct)) best = i;
      });
      if (best >= 0 && (covered + this.fns[best].ct) / totalTt < 1.2) roots.push(best);
    }
    return roots;
  }
  frameId(i) {
    if (this.frameIds[i] === -1) this.frameIds[i] = this.out.intern(this.fns[i].frame);
    return this.frameIds[i];
  }
  /** Adds the context (current path + fn) with inclusive time `total` and own time `self`. */
  expand(fn, total, self, depth) {
    this.nodes++;
    this.stack.push(this.frameId(fn));
    const f = this.fns[fn];
    const rest = Math.max(0, total - self);
    let own = self;
    let followable = 0;
    for (const e of f.callees) if (!this.onPath[e.id]) followable += e.ct;
    if (followable > 0 && rest > 0 && depth < MAX_DEPTH2 && this.nodes < MAX_NODES) {
      const scale = rest / followable;
      for (const e of f.callees) {
        if (this.onPath[e.id]) continue;
        const t = e.ct * scale;
        if (t < this.minTime) {
          own += t;
          continue;
        }
        this.onPath[e.id] = 1;
        this.expand(e.callee, t, Math.min(t, e.tt * scale), depth + 1);
        this.onPath[e.id] = 0;
      }
    } else {
      own = total;
    }
    this.out.addStack(this.stack, Math.round(own * SECONDS_TO_NS * 1e3) / 1e3);
    this.stack.pop();
  }
};

// src/formats/pyflame.ts
function pyflameFrame(label) {
  if (label === "(failed)") return { name: label, kind: "other" };
  const f = colonOrPlainFrame(label);
  if (f.kind === "other" && f.file) return { ...f, kind: "python" };
  return f;
}
var dialect5 = {
  what: "pyflame stack",
  frame: pyflameFrame,
  expected: "`file.py:function:line;... count`"
};
var TIMESTAMP = /^\d{9,}$/;
var COLON_FRAME = /^[^;]+:[^;:]*:\d+(;|\s+\d+$)/;
function looksLikePyflame(input) {
  const lines = firstLines(headText(input), 10, false);
  if (lines.length === 0) return false;
  if (lines[0].startsWith("tid:") || /^P\d+;T/.test(lines[0])) return false;
  if (TIMESTAMP.test(lines[0]) && lines.length > 1 && /[^:]+:[^:]*:\d+/.test(lines[1])) return true;
  return lines.some((l) => /^\((idle|failed)\) \d+$/.test(l) || COLON_FRAME.test(l) && /\.py:/.test(l));
}
function importTimestamped(input, _opts) {
  const profile = new Profile({ format: "pyflame", sampler: "pyflame" });
  const cache = /* @__PURE__ */ new Map();
  const buf = [];
  let first = -1;
  let last = -1;
  let samples = 0;
  forEachLine(input.text(), (raw, lineNo) => {
    const line = raw.trim();
    if (line === "") return;
    if (TIMESTAMP.test(line)) {
      const t = Number(line);
      if (first < 0) first = t;
      last = t;
      return;
    }
    if (first < 0) {
      throw new InputError(
        input.fileName,
        { line: lineNo },
        "stack before the first timestamp (expected a microsecond timestamp line)"
      );
    }
    buf.length = 0;
    for (const label of line.split(";")) {
      let id = cache.get(label);
      if (id === void 0) {
        id = profile.intern(pyflameFrame(label));
        cache.set(label, id);
      }
      buf.push(id);
    }
    profile.addStack(buf, 1);
    samples++;
  });
  if (samples === 0) throw new NoSamplesError(input.fileName);
  if (last > first) profile.meta.durationNs = (last - first) * 1e3;
  profile.meta.extra = { ...profile.meta.extra, mode: "timestamped" };
  return profile;
}
var pyflameFormat = {
  name: "pyflame",
  description: "pyflame output (`file.py:func:line` frames, (idle)/(failed), -T timestamped mode)",
  matchesName: (fileName) => /\.pyflame(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikePyflame,
  import(input, opts) {
    const head = firstLines(headText(input), 1, false);
    if (head.length > 0 && TIMESTAMP.test(head[0])) return importTimestamped(input, opts);
    return parseFoldedText(input, dialect5, { format: "pyflame", sampler: "pyflame" }, opts).profile;
  }
};

// src/formats/pyspy.ts
var THREAD = /^thread \((0x[0-9a-fA-F]+|\d+)\)/;
var PROCESS = /^process \d+:/;
function pyspyFrame(label) {
  if (PROCESS.test(label)) return { name: label, kind: "process" };
  if (THREAD.test(label)) return { name: label, kind: "thread" };
  if (isIdleLabel(label)) return { name: label, kind: "idle" };
  return parseFrameLabel(label);
}
var dialect6 = {
  what: "py-spy raw stack",
  frame: pyspyFrame,
  expected: "`function (file.py:line);... count`"
};
var PY_FRAME = /^[^;]* \([^();]*\.pyx?(:\d+)?\)$/;
var ROOT = /^(process \d+:"|thread \((0x[0-9a-fA-F]+|\d+)\))/;
function looksLikePyspy(input) {
  const lines = firstLines(headText(input), 10).filter((l) => / \d+(\.\d*)?$/.test(l));
  if (lines.length === 0) return false;
  if (lines.some((l) => ROOT.test(l))) return true;
  let frames = 0;
  let py = 0;
  for (const l of lines) {
    for (const f of l.slice(0, l.lastIndexOf(" ")).split(";")) {
      frames++;
      if (PY_FRAME.test(f)) py++;
    }
  }
  return py * 2 > frames;
}
var pyspyFormat = {
  name: "py-spy",
  description: "py-spy `record --format raw` folded stacks (`func (file.py:12)`, --threads, --subprocesses)",
  matchesName: (fileName) => /\.py-?spy(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikePyspy,
  import(input, opts) {
    return parseFoldedText(input, dialect6, { format: "py-spy", sampler: "py-spy" }, opts).profile;
  }
};

// src/profile/types.ts
var FRAME_KINDS = [
  "python",
  "native",
  "kernel",
  "jit",
  "inlined",
  "waker",
  "js",
  "java",
  "go",
  "idle",
  "gc",
  "thread",
  "process",
  "other"
];

// src/formats/speedscope.ts
var SPEEDSCOPE_SCHEMA = "https://www.speedscope.app/file-format-schema.json";
var UNITS = {
  none: { unit: "samples", factor: 1 },
  nanoseconds: { unit: "nanoseconds", factor: 1 },
  microseconds: { unit: "nanoseconds", factor: 1e3 },
  milliseconds: { unit: "nanoseconds", factor: 1e6 },
  seconds: { unit: "nanoseconds", factor: 1e9 },
  bytes: { unit: "bytes", factor: 1 }
};
var KIND_BY_SUFFIX = { k: "kernel", j: "jit", i: "inlined", w: "waker" };
var UNIT_NAMES = ["samples", "nanoseconds", "microseconds", "bytes", "count"];
var speedscopeFormat = {
  name: "speedscope",
  description: "speedscope JSON (sampled and evented profiles; all merged, or one chosen with --sample-type)",
  matchesName: (fileName) => /\.speedscope\.json(\.gz)?$/i.test(fileName),
  is: (input) => isSpeedscope(jsonHead(input)),
  import: (input, opts) => importSpeedscope(input, opts)
};
function isSpeedscope(head) {
  const t = head.trimStart();
  if (!t.startsWith("{")) return false;
  return t.includes("speedscope.app/file-format-schema") || /"exporter"\s*:\s*"speedscope@/.test(t);
}
function frameFromSpeedscope(name, file, kind2) {
  if (kind2 !== void 0 && FRAME_KINDS.includes(kind2)) {
    return { name, file, kind: kind2 };
  }
  const n = name.length;
  if (n > 4 && name.endsWith("]") && name[n - 4] === "_" && name[n - 3] === "[" && KIND_BY_SUFFIX[name[n - 2]]) {
    return { name: name.slice(0, n - 4), file, kind: KIND_BY_SUFFIX[name[n - 2]] };
  }
  return { name, file, kind: kindFromFile(file) };
}
function importSpeedscope(input, opts = {}) {
  const check = new JsonChecker(input.fileName);
  const root = check.object(parseJson(input, "a speedscope JSON file"), "$");
  const shared2 = check.object(root.shared, "$.shared");
  const rawFrames = check.array(shared2.frames, "$.shared.frames");
  const frames = rawFrames.map((f, i) => readFrame(check, f, `$.shared.frames[${i}]`));
  const list = check.array(root.profiles, "$.profiles");
  const all = list.map((p, i) => ({ raw: check.object(p, `$.profiles[${i}]`), path: `$.profiles[${i}]` }));
  const chosen = selectProfiles(check, all, opts.sampleType);
  const out = new Profile({ format: "speedscope" });
  const ids = new Int32Array(frames.length).fill(-1);
  const frameId = (i) => {
    if (ids[i] === -1) ids[i] = out.intern(frames[i]);
    return ids[i];
  };
  let unit;
  for (const { raw, path: path4 } of chosen) {
    const { unit: u, factor, meta } = profileUnit(check, raw, path4);
    if (unit !== void 0 && u !== unit) {
      check.fail(
        `${path4}.unit`,
        `unit ${u} differs from the first profile's ${unit} (expected one unit; choose a profile with --sample-type)`
      );
    }
    if (unit === void 0) Object.assign(out.meta, meta);
    unit = u;
    const type = check.string(raw.type, `${path4}.type`);
    if (type === "sampled") addSampled(check, out, raw, path4, frames.length, frameId, factor);
    else if (type === "evented") addEvented(check, out, raw, path4, frames, frameId, factor);
    else
      check.fail(
        `${path4}.type`,
        `unknown profile type ${JSON.stringify(type)} (expected "sampled" or "evented")`
      );
  }
  out.meta.unit = unit ?? "samples";
  if (chosen.length > 1 || list.length > 1) {
    out.meta.extra = { ...out.meta.extra, profiles: chosen.map((c) => String(c.raw.name ?? "")).join(", ") };
  }
  if (out.stackCount === 0) throw noSamples(input.fileName);
  return out;
}
function readFrame(check, raw, path4) {
  const f = check.object(raw, path4);
  const name = check.string(f.name, `${path4}.name`);
  const file = check.optionalString(f.file, `${path4}.file`) ?? "";
  const line = check.optionalNumber(f.line, `${path4}.line`) ?? 0;
  const module = check.optionalString(f.module, `${path4}.module`) ?? "";
  const kind2 = check.optionalString(f.kind, `${path4}.kind`);
  return { ...frameFromSpeedscope(name, file, kind2), line: line > 0 ? Math.floor(line) : 0, module };
}
function selectProfiles(check, all, wanted) {
  if (all.length === 0) check.fail("$.profiles", "empty list (expected at least one profile)");
  if (wanted === void 0 || wanted === "") return all;
  const byName = all.filter((p) => p.raw.name === wanted);
  if (byName.length > 0) return byName;
  if (/^\d+$/.test(wanted) && Number(wanted) < all.length) return [all[Number(wanted)]];
  const names = all.map((p, i) => typeof p.raw.name === "string" ? JSON.stringify(p.raw.name) : String(i));
  return check.fail(
    "$.profiles",
    `no profile named ${JSON.stringify(wanted)} (expected a name or index: ${names.join(", ")})`
  );
}
function profileUnit(check, raw, path4) {
  const name = check.string(raw.unit, `${path4}.unit`);
  const mapped = UNITS[name];
  if (!mapped) {
    check.fail(
      `${path4}.unit`,
      `unknown unit ${JSON.stringify(name)} (expected one of ${Object.keys(UNITS).join(", ")})`
    );
  }
  const ext = raw.flamediff;
  if (ext === void 0 || ext === null || typeof ext !== "object") return { ...mapped, meta: {} };
  const meta = {};
  const e = ext;
  for (const key of ["intervalNs", "durationNs"]) if (typeof e[key] === "number") meta[key] = e[key];
  for (const key of ["sampler", "command", "derived", "sampleType"]) {
    if (typeof e[key] === "string") meta[key] = e[key];
  }
  if (typeof e.unit === "string" && UNIT_NAMES.includes(e.unit)) {
    return { unit: e.unit, factor: 1, meta };
  }
  return { ...mapped, meta };
}
function scaled(w, factor) {
  return factor === 1 ? w : Math.round(w * factor * 1e3) / 1e3;
}
function addSampled(check, out, raw, path4, frameCount, frameId, factor) {
  const samples = check.array(raw.samples, `${path4}.samples`);
  const weights = raw.weights === void 0 ? void 0 : check.array(raw.weights, `${path4}.weights`);
  if (weights && weights.length !== samples.length) {
    check.fail(
      `${path4}.weights`,
      `${weights.length} weights for ${samples.length} samples (expected one per sample)`
    );
  }
  const stack = [];
  for (let i = 0; i < samples.length; i++) {
    const s = check.array(samples[i], `${path4}.samples[${i}]`);
    stack.length = s.length;
    for (let k = 0; k < s.length; k++) {
      const f = s[k];
      if (typeof f !== "number" || !Number.isInteger(f) || f < 0 || f >= frameCount) {
        frameIndexError(check, `${path4}.samples[${i}][${k}]`, f, frameCount);
      }
      stack[k] = frameId(f);
    }
    const w = weights ? check.number(weights[i], `${path4}.weights[${i}]`) : 1;
    out.addStack(stack, scaled(w, factor));
  }
}
function frameIndexError(check, path4, f, frameCount) {
  return check.fail(
    path4,
    `frame index ${JSON.stringify(f)} (expected an integer from 0 to ${frameCount - 1})`
  );
}
function addEvented(check, out, raw, path4, frames, frameId, factor) {
  const events = check.array(raw.events, `${path4}.events`);
  const open = [];
  const openedAt = [];
  const stack = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const ep = `${path4}.events[${i}]`;
    const e = check.object(events[i], ep);
    const at = check.number(e.at, `${ep}.at`);
    const f = e.frame;
    if (typeof f !== "number" || !Number.isInteger(f) || f < 0 || f >= frames.length) {
      frameIndexError(check, `${ep}.frame`, f, frames.length);
    }
    if (at < last)
      check.fail(
        `${ep}.at`,
        `time ${at} is before the previous event's ${last} (expected events in time order)`
      );
    if (open.length > 0 && at > last) out.addStack(stack, scaled(at - last, factor));
    last = at;
    if (e.type === "O") {
      open.push(f);
      openedAt.push(at);
      stack.push(frameId(f));
    } else if (e.type === "C") {
      const top = open[open.length - 1];
      if (top === void 0)
        check.fail(
          ep,
          `frame ${f} (${frames[f].name}) closed but no frame is open (expected an O event first)`
        );
      if (top !== f) {
        check.fail(
          ep,
          `frame ${f} (${frames[f].name}) closed while frame ${top} (${frames[top].name}) is still open inside it (expected properly nested events)`
        );
      }
      open.pop();
      openedAt.pop();
      stack.pop();
    } else {
      check.fail(`${ep}.type`, `found ${JSON.stringify(e.type)} (expected "O" or "C")`);
    }
  }
  if (open.length > 0) {
    const f = open[open.length - 1];
    check.fail(
      `${path4}.events`,
      `frame ${f} (${frames[f].name}) opened at ${openedAt[openedAt.length - 1]} is never closed (expected a C event for every O event)`
    );
  }
}

// src/formats/index.ts
var FORMATS = [
  pprofFormat,
  pstatsFormat,
  cpuprofileFormat,
  speedscopeFormat,
  perfScriptFormat,
  austinFormat,
  pyflameFormat,
  cpythonFormat,
  memoryFormat,
  asyncProfilerFormat,
  pyspyFormat,
  diffFoldedFormat,
  foldedFormat
];
var FOLDED_FAMILY = /* @__PURE__ */ new Set([
  "austin",
  "pyflame",
  "cpython",
  "memory",
  "async-profiler",
  "py-spy",
  "diff-folded",
  "folded"
]);
function formatByName(name) {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) {
    throw new UserError(`unknown format '${name}'; expected one of ${FORMATS.map((x) => x.name).join(", ")}`);
  }
  return f;
}
function detectFormat(input) {
  const byName = FORMATS.find((f) => f.matchesName(input.fileName));
  if (byName && byName.name !== "folded") return byName;
  const candidates = byName ? FORMATS.filter((f) => FOLDED_FAMILY.has(f.name)) : FORMATS;
  for (const f of candidates) {
    if (safeSniff(f, input)) return f;
  }
  return byName ?? (looksBinary(input.bytes) ? void 0 : foldedFormat);
}
function safeSniff(f, input) {
  try {
    return f.is(input);
  } catch {
    return false;
  }
}
function importProfile(fileName, bytes, opts = {}) {
  if (opts.format) formatByName(opts.format);
  if (bytes.length === 0) throw emptyFile(fileName);
  return importInput(makeInput(fileName, bytes), opts);
}
function emptyFile(fileName) {
  return new NoSamplesError(fileName, " (the file is empty)");
}
function importInput(input, opts = {}) {
  const fileName = input.fileName;
  const format = opts.format ? formatByName(opts.format) : detectFormat(input);
  if (!format) {
    throw new UserError(
      `${fileName}: not a profile format flamediff knows (expected one of ${FORMATS.map((f) => f.name).join(", ")}; pass --format to choose)`
    );
  }
  const profile = format.import(input, opts);
  profile.meta.source ??= fileName;
  profile.meta.format ??= format.name;
  return profile;
}
var STREAMED = /* @__PURE__ */ new Set([
  "folded",
  "perf-script",
  "py-spy",
  "async-profiler",
  "cpython",
  "memory"
]);
async function importProfileFile(path4, opts = {}, shownName = path4) {
  const size = await fileSize(path4, shownName);
  if (opts.format) formatByName(opts.format);
  if (size === 0) throw emptyFile(shownName);
  if (size >= STREAM_FILE_AT) {
    const head = readHead(path4);
    if (!isGzip(head) && sniffEncoding(head).encoding === "utf-8") {
      const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
      if (format && STREAMED.has(format.name)) {
        return importInput(makeFileInput(path4, shownName), { ...opts, format: format.name });
      }
    }
  }
  return importInput(makeInput(shownName, await readBytes(path4, shownName)), opts);
}
async function fileSize(path4, shown) {
  try {
    return (await stat(path4)).size;
  } catch (err) {
    throw fsError(shown, "cannot read", err);
  }
}
async function readBytes(path4, shown) {
  try {
    return await readFile(path4);
  } catch (err) {
    throw fsError(shown, "cannot read", err);
  }
}

// src/lib/random.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function seedFor(base, key, salt = 0) {
  let h = (2166136261 ^ base) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  h ^= salt;
  return Math.imul(h, 16777619) >>> 0;
}

// src/history/settings.ts
var DEFAULT_CHANGE_POINT_SETTINGS = {
  permutations: 99,
  pValue: 0.01,
  minSegment: 5,
  minRelativeChange: 0.05,
  minAbsoluteChange: 1e-3,
  minNoiseMultiple: 1.5,
  seed: 1
};
var DEFAULT_CREEP_SETTINGS = {
  window: 10,
  minRelativeRise: 0.05,
  minAbsoluteRise: 2e-3,
  trendPValue: 0.05,
  minNoiseMultiple: 3
};
var DEFAULT_TREND_SETTINGS = {
  changePoints: DEFAULT_CHANGE_POINT_SETTINGS,
  creep: DEFAULT_CREEP_SETTINGS,
  sparklineLength: 20
};

// src/history/e-divisive.ts
var Workspace = class {
  constructor(capacity) {
    this.capacity = capacity;
    this.vals = new Float64Array(capacity);
    this.ranks = new Int32Array(capacity);
    this.cnt = new Int32Array(capacity + 1);
    this.sum = new Float64Array(capacity + 1);
    this.wl = new Float64Array(capacity + 1);
    this.wr = new Float64Array(capacity + 1);
  }
  capacity;
  vals;
  ranks;
  cnt;
  sum;
  wl;
  wr;
  order = [];
};
var shared = null;
function workspace(n) {
  if (!shared || shared.capacity < n) shared = new Workspace(Math.max(n, 64));
  return shared;
}
function pairSums(ws, len, forward, out) {
  const { vals, ranks, cnt, sum } = ws;
  cnt.fill(0, 0, len + 1);
  sum.fill(0, 0, len + 1);
  let totC = 0;
  let totS = 0;
  let acc = 0;
  out[forward ? 0 : len] = 0;
  for (let step = 0; step < len; step++) {
    const i = forward ? step : len - 1 - step;
    const z = vals[i];
    const rank = ranks[i] + 1;
    let c = 0;
    let s = 0;
    for (let j = rank; j > 0; j -= j & -j) {
      c += cnt[j];
      s += sum[j];
    }
    acc += z * c - s + (totS - s) - z * (totC - c);
    for (let j = rank; j <= len; j += j & -j) {
      cnt[j]++;
      sum[j] += z;
    }
    totC++;
    totS += z;
    out[forward ? i + 1 : i] = acc;
  }
}
function withinSums(ws, len) {
  pairSums(ws, len, true, ws.wl);
  pairSums(ws, len, false, ws.wr);
}
function bestSplit(ws, len, minSegment) {
  withinSums(ws, len);
  const { wl, wr } = ws;
  const total = wl[len];
  let best = { tau: -1, q: Number.NEGATIVE_INFINITY };
  for (let tau = minSegment; tau <= len - minSegment; tau++) {
    const m = tau;
    const k = len - tau;
    const between = total - wl[tau] - wr[tau];
    const e = 2 * between / (m * k) - (m > 1 ? 2 * wl[tau] / (m * (m - 1)) : 0) - (k > 1 ? 2 * wr[tau] / (k * (k - 1)) : 0);
    const q = m * k / (m + k) * e;
    if (q > best.q) best = { tau, q };
  }
  return best;
}
function loadSegment(ws, series, start, end) {
  const len = end - start;
  const order = ws.order;
  order.length = len;
  for (let i = 0; i < len; i++) {
    ws.vals[i] = series[start + i];
    order[i] = i;
  }
  order.sort((a, b) => ws.vals[a] - ws.vals[b] || a - b);
  for (let r = 0; r < len; r++) ws.ranks[order[r]] = r;
  return len;
}
function shuffle(ws, len, random) {
  const { vals, ranks } = ws;
  for (let i = len - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const v = vals[i];
    vals[i] = vals[j];
    vals[j] = v;
    const r = ranks[i];
    ranks[i] = ranks[j];
    ranks[j] = r;
  }
}
function permutationPValue(ws, len, observed, s, random) {
  let exceed = 0;
  const limit = s.pValue * (s.permutations + 1) - 1 + 1e-9;
  for (let p = 0; p < s.permutations; p++) {
    shuffle(ws, len, random);
    if (bestSplit(ws, len, s.minSegment).q >= observed * (1 - 1e-12)) {
      exceed++;
      if (exceed > limit) return (exceed + 1) / (p + 2);
    }
  }
  return (exceed + 1) / (s.permutations + 1);
}
function bigEnough(before, after, s, scale = 1) {
  const delta = Math.abs(after - before);
  return delta >= scale * s.minAbsoluteChange && delta >= scale * s.minRelativeChange * Math.abs(before) && delta >= scale * s.minNoiseMultiple * s.noise;
}
var SEARCH_FLOOR_SCALE = 0.5;
function noiseLevel(series) {
  const n = series.length;
  if (n < 3) return 0;
  const d = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) d[i - 1] = Math.abs(series[i] - series[i - 1]);
  d.sort();
  const m = d.length >> 1;
  const med = d.length % 2 ? d[m] : (d[m - 1] + d[m]) / 2;
  return 1.4826 * med / Math.SQRT2;
}
function detectChangePoints(series, settings = {}, seed) {
  const s = { ...DEFAULT_CHANGE_POINT_SETTINGS, ...settings };
  const n = series.length;
  const minSeg = Math.max(2, Math.floor(s.minSegment));
  const cfg = { ...s, minSegment: minSeg, noise: noiseLevel(series) };
  const random = seededRandom(seed ?? s.seed);
  const ws = workspace(n);
  const found = /* @__PURE__ */ new Map();
  const todo = [[0, n]];
  while (todo.length > 0) {
    const [start, end] = todo.pop();
    if (end - start < 2 * minSeg) continue;
    const len = loadSegment(ws, series, start, end);
    const split = bestSplit(ws, len, minSeg);
    if (split.tau < 0 || !(split.q > 0)) continue;
    const at = start + split.tau;
    if (!bigEnough(mean(series, start, at), mean(series, at, end), cfg, SEARCH_FLOOR_SCALE)) continue;
    const p = permutationPValue(ws, len, split.q, cfg, random);
    if (p > s.pValue) continue;
    found.set(at, p);
    todo.push([at, end], [start, at]);
  }
  return describe2(series, found, cfg);
}
function describe2(series, found, s) {
  const idx = [...found.keys()].sort((a, b) => a - b);
  for (; ; ) {
    const cps = idx.map((index, i) => {
      const before = mean(series, i === 0 ? 0 : idx[i - 1], index);
      const after = mean(series, index, i === idx.length - 1 ? series.length : idx[i + 1]);
      const delta = after - before;
      return {
        index,
        before,
        after,
        delta,
        relative: before !== 0 ? delta / Math.abs(before) : null,
        pValue: found.get(index)
      };
    });
    let weakest = -1;
    for (let i = 0; i < cps.length; i++) {
      if (bigEnough(cps[i].before, cps[i].after, s)) continue;
      if (weakest < 0 || Math.abs(cps[i].delta) < Math.abs(cps[weakest].delta)) weakest = i;
    }
    if (weakest < 0) return cps;
    idx.splice(weakest, 1);
  }
}

// src/history/creep.ts
function upperTail(z) {
  if (z < 0) return 1 - upperTail(-z);
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
}
function mannKendallUp(xs) {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(xs[j] - xs[i]);
  const variance = n * (n - 1) * (2 * n + 5) / 18;
  if (s <= 0) return 1;
  return upperTail((s - 1) / Math.sqrt(variance));
}
function theilSen(xs) {
  const slopes = [];
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++) slopes.push((xs[j] - xs[i]) / (j - i));
  const slope = median(slopes);
  return { slope, intercept: median(xs.map((x, i) => x - slope * i)) };
}
function lineSse(xs) {
  const n = xs.length;
  const mx = (n - 1) / 2;
  const my = xs.reduce((a, b2) => a + b2, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * (xs[i] - my);
    sxx += (i - mx) ** 2;
  }
  const b = sxy / sxx;
  return xs.reduce((acc, x, i) => acc + (x - (my + b * (i - mx))) ** 2, 0);
}
function stepSse(xs) {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 2; k <= xs.length - 2; k++) {
    const a = xs.slice(0, k);
    const b = xs.slice(k);
    const ma = a.reduce((s, x) => s + x, 0) / a.length;
    const mb = b.reduce((s, x) => s + x, 0) / b.length;
    const sse = a.reduce((s, x) => s + (x - ma) ** 2, 0) + b.reduce((s, x) => s + (x - mb) ** 2, 0);
    best = Math.min(best, sse);
  }
  return best;
}
function detectCreep(series, settings = {}) {
  const s = { ...DEFAULT_CREEP_SETTINGS, ...settings };
  const w = Math.max(4, Math.floor(s.window));
  if (series.length < w) return null;
  const from = series.length - w;
  const xs = Array.from({ length: w }, (_, i) => series[from + i]);
  const { slope, intercept } = theilSen(xs);
  const start = intercept;
  const end = intercept + slope * (w - 1);
  const rise = end - start;
  if (!(rise >= s.minAbsoluteRise) || !(start > 0) || rise / start < s.minRelativeRise) return null;
  if (rise < s.minNoiseMultiple * noiseLevel(series)) return null;
  const pValue = mannKendallUp(xs);
  if (pValue > s.trendPValue) return null;
  if (lineSse(xs) > stepSse(xs)) return null;
  const steps = xs.slice(1).map((x, i) => ({ index: from + i + 1, delta: x - xs[i] })).filter((st) => st.delta > 0).sort((a, b) => b.delta - a.delta || a.index - b.index).slice(0, 3);
  return { from, to: series.length - 1, start, end, rise, relative: rise / start, pValue, steps };
}

// src/history/series.ts
function frameSeries(h, filter) {
  const n = h.entries.length;
  const byKey = /* @__PURE__ */ new Map();
  h.entries.forEach((e, i) => {
    for (const f of e.frames) {
      let s = byKey.get(f.key);
      if (!s) {
        if (filter && !filter(f.key)) continue;
        s = { key: f.key, start: i, values: new Array(n - i).fill(0), self: new Array(n - i).fill(0) };
        byKey.set(f.key, s);
      }
      s.values[i - s.start] = f.share;
      s.self[i - s.start] = f.selfShare;
    }
  });
  return [...byKey.values()].sort(
    (a, b) => b.values[b.values.length - 1] - a.values[a.values.length - 1] || (a.key < b.key ? -1 : 1)
  );
}

// src/history/sparkline.ts
var BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(values) {
  const finite2 = values.filter((v) => Number.isFinite(v));
  if (finite2.length === 0) return "";
  if (finite2.length === 1) return "-";
  const lo = Math.min(...finite2);
  const hi = Math.max(...finite2);
  const span = hi - lo;
  return values.map((v) => {
    if (!Number.isFinite(v)) return "\xB7";
    if (span <= Math.abs(hi) * 1e-9) return BLOCKS[3];
    return BLOCKS[Math.round((v - lo) / span * 7)];
  }).join("");
}

// src/history/analyze.ts
function mergeSettings(s = {}) {
  return {
    changePoints: { ...DEFAULT_TREND_SETTINGS.changePoints, ...s.changePoints },
    creep: { ...DEFAULT_TREND_SETTINGS.creep, ...s.creep },
    sparklineLength: s.sparklineLength ?? DEFAULT_TREND_SETTINGS.sparklineLength
  };
}
function padded(values, n) {
  const tail = values.slice(-n);
  return [...new Array(n - tail.length).fill(Number.NaN), ...tail];
}
function placeChanges(cps, start, shas) {
  return cps.map((c) => ({ ...c, entry: start + c.index, sha: shas[start + c.index] }));
}
function analyzeHistory(h, opts = {}) {
  const settings = mergeSettings(opts.settings);
  const shas = h.entries.map((e) => e.sha);
  const cp = settings.changePoints;
  const detect = opts.changePoints !== false;
  const totals = h.entries.map((e) => e.total);
  const frames = frameSeries(h, opts.filter).map((s) => {
    const changes = detect ? detectChangePoints(s.values, cp, seedFor(cp.seed, s.key)) : [];
    const creep = detectCreep(s.values, settings.creep);
    return {
      key: s.key,
      start: s.start,
      values: s.values,
      self: s.self,
      latest: s.values[s.values.length - 1],
      changePoints: placeChanges(changes, s.start, shas),
      creep: creep && {
        ...creep,
        fromSha: shas[s.start + creep.from],
        toSha: shas[s.start + creep.to],
        stepShas: creep.steps.map((st) => shas[s.start + st.index])
      },
      sparkline: sparkline(padded(s.values, Math.min(settings.sparklineLength, shas.length)))
    };
  });
  const totalChanges = detect ? detectChangePoints(totals, { ...cp, minAbsoluteChange: 0 }, seedFor(cp.seed, "\0total")) : [];
  return {
    branch: h.branch,
    totalMeasure: h.entries[h.entries.length - 1]?.totalMeasure ?? "seconds",
    commits: h.entries.map((e) => ({ sha: e.sha, date: e.date, total: e.total, pull: e.pull ?? null })),
    total: { values: totals, changePoints: placeChanges(totalChanges, 0, shas) },
    frames,
    creeping: frames.filter((f) => f.creep).map((f) => f.key),
    settings
  };
}
var pct = (x) => `${(x * 100).toFixed(2)}%`;
var signedPct = (x) => `${x >= 0 ? "+" : "-"}${Math.abs(x * 100).toFixed(1)}%`;
var pp = (x) => `${x >= 0 ? "+" : "-"}${Math.abs(x * 100).toFixed(2)} pp`;
function creepNote(c) {
  const steps = c.steps.map((st, i) => `${shortSha(c.stepShas[i])} ${pp(st.delta)}`).join(", ");
  const n = c.to - c.from + 1;
  return `creeping: ${signedPct(c.relative)} (${pct(c.start)} \u2192 ${pct(c.end)}) over the last ${n} baselines ${shortSha(c.fromSha)}..${shortSha(c.toSha)}${steps ? `; largest steps ${steps}` : ""}`;
}

// src/history/types.ts
var DEFAULT_HISTORY_LIMITS = { topK: 50, maxFrames: 300, maxEntries: 1e3 };
var HISTORY_SCHEMA = 2;

// src/history/append.ts
var byShare = (a, b) => b.share - a.share || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
function appendHistory(h, entry, limits = {}) {
  const lim = { ...DEFAULT_HISTORY_LIMITS, ...limits };
  const at = h.entries.findIndex((e) => e.sha === entry.sha);
  const tracked = at >= 0 ? keysOf(h.entries.filter((e) => e.sha !== entry.sha)) : trackedKeys(h.entries);
  const sorted = [...entry.frames].sort(byShare);
  const frames = sorted.filter((f, i) => i < lim.topK || tracked.has(f.key));
  const kept = { ...entry, frames };
  let entries = at >= 0 ? h.entries.map((e, i) => i === at ? kept : e) : [...h.entries, kept];
  const keys = new Set(tracked);
  for (const f of frames) keys.add(f.key);
  if (entries.length > lim.maxEntries) entries = entries.slice(entries.length - lim.maxEntries);
  else if (keys.size <= lim.maxFrames) trackedCache.set(entries, keys);
  return { schema: HISTORY_SCHEMA, branch: h.branch, entries: capFrames(entries, lim.maxFrames) };
}
var trackedCache = /* @__PURE__ */ new WeakMap();
function trackedKeys(entries) {
  return trackedCache.get(entries) ?? keysOf(entries);
}
function keysOf(entries) {
  const keys = /* @__PURE__ */ new Set();
  for (const e of entries) for (const f of e.frames) keys.add(f.key);
  return keys;
}
function capFrames(entries, max) {
  const cached = trackedCache.get(entries);
  if (cached && cached.size <= max) return entries;
  const peak = /* @__PURE__ */ new Map();
  for (const e of entries) for (const f of e.frames) peak.set(f.key, Math.max(peak.get(f.key) ?? 0, f.share));
  if (peak.size <= max) return entries;
  const keep = new Set(
    [...peak.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, max).map(([k]) => k)
  );
  return entries.map((e) => ({ ...e, frames: e.frames.filter((f) => keep.has(f.key)) }));
}
function emptyHistory(branch) {
  return { schema: HISTORY_SCHEMA, branch, entries: [] };
}

// src/history/frame-trends.ts
function frameTrends(h, keys, settings) {
  const wanted = new Set(keys);
  const report = analyzeHistory(h, { filter: (k) => wanted.has(k), settings, changePoints: false });
  const byKey = new Map(report.frames.map((f) => [f.key, f]));
  return keys.map((key) => {
    const f = byKey.get(key);
    return { key, sparkline: f?.sparkline ?? "", creepNote: f?.creep ? creepNote(f.creep) : null };
  });
}

// src/history/json-offset.ts
function jsonErrorOffset(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const literal = (word) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 32) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 1; k <= 4; k++) {
            if (/[0-9a-fA-F]/.test(text[i + k] ?? "")) continue;
            i += k;
            fail();
          }
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m[0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") container("}", true);
    else if (c === "[") container("]", false);
    else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || c >= "0" && c <= "9") number();
    else fail();
  };
  const container = (close, object) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (; ; ) {
      if (object) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
      }
      value();
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail();
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    if (typeof at === "number") return Math.min(at, text.length);
    throw at;
  }
}
function lineAt2(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

// src/history/parse.ts
var Reader2 = class {
  constructor(path4) {
    this.path = path4;
  }
  path;
  fail(where, problem) {
    throw new InputError(this.path, void 0, `${where}: ${problem}`);
  }
  object(v, where) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(where, `${kind(v)} (expected an object)`);
    return v;
  }
  array(v, where) {
    if (!Array.isArray(v)) this.fail(where, `${kind(v)} (expected an array)`);
    return v;
  }
  string(v, where) {
    if (typeof v !== "string") this.fail(where, `${kind(v)} (expected a string)`);
    return v;
  }
  number(v, where, min = Number.NEGATIVE_INFINITY) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < min)
      this.fail(where, `${kind(v)} (expected a finite number${min > -Infinity ? ` >= ${min}` : ""})`);
    return v;
  }
  int(v, where, min = 0) {
    const n = this.number(v, where, min);
    if (!Number.isInteger(n)) this.fail(where, `${n} (expected an integer >= ${min})`);
    return n;
  }
  optionalInt(v, where, min = 0) {
    return v === void 0 || v === null ? void 0 : this.int(v, where, min);
  }
};
function kind(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 40)}...` : v}"`;
  if (typeof v === "object") return "an object";
  return String(v);
}
function parseHistory(text, path4) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg2 = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    const line = lineAt2(text, jsonErrorOffset(text));
    throw new InputError(path4, { line }, `not valid JSON: ${msg2} (expected a flamediff history file)`);
  }
  const r = new Reader2(path4);
  const top = r.object(raw, "top level");
  const schema = r.int(top.schema, "schema", 1);
  if (schema > HISTORY_SCHEMA)
    r.fail(
      "schema",
      `${schema} was written by a newer flamediff (expected schema <= ${HISTORY_SCHEMA}); upgrade flamediff, the file is left untouched`
    );
  const branch = r.string(top.branch, "branch");
  const entries = schema === 1 ? readV1(r, top) : readV2(r, top);
  return { schema: HISTORY_SCHEMA, branch, entries };
}
function readHead2(r, e, where) {
  const out = {
    sha: r.string(e.sha, `${where}.sha`),
    date: r.string(e.date, `${where}.date`),
    total: r.number(e.total, `${where}.total`, 0),
    totalMeasure: r.string(e.totalMeasure, `${where}.totalMeasure`)
  };
  if (!/^[0-9a-f]{4,64}$/i.test(out.sha))
    r.fail(`${where}.sha`, `${kind(out.sha)} (expected a hex commit sha)`);
  if (!/^\d{4}-\d\d-\d\d/.test(out.date) || Number.isNaN(Date.parse(out.date)))
    r.fail(`${where}.date`, `${kind(out.date)} (expected an ISO date)`);
  const pull = r.optionalInt(e.pull, `${where}.pull`, 1);
  const runs = r.optionalInt(e.runs, `${where}.runs`, 1);
  if (pull !== void 0) out.pull = pull;
  if (runs !== void 0) out.runs = runs;
  return out;
}
function readV1(r, top) {
  return r.array(top.entries, "entries").map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const frames = r.array(e.frames, `${where}.frames`).map((fv, j) => {
      const fw = `${where}.frames[${j}]`;
      const f = r.object(fv, fw);
      const time = f.timeSeconds;
      return {
        key: r.string(f.key, `${fw}.key`),
        share: r.number(f.share, `${fw}.share`, 0),
        selfShare: r.number(f.selfShare, `${fw}.selfShare`, 0),
        timeSeconds: time === null || time === void 0 ? null : r.number(time, `${fw}.timeSeconds`, 0)
      };
    });
    return { ...readHead2(r, e, where), frames };
  });
}
function readV2(r, top) {
  const keys = r.array(top.frames, "frames").map((k, i) => r.string(k, `frames[${i}]`));
  return r.array(top.entries, "entries").map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const f = r.array(e.f, `${where}.f`);
    if (f.length % 3 !== 0) r.fail(`${where}.f`, `${f.length} numbers (expected a multiple of 3)`);
    const fromTotal = e.t === "total";
    const t = e.t === void 0 || fromTotal ? null : r.array(e.t, `${where}.t`);
    if (t && t.length !== f.length / 3) r.fail(`${where}.t`, `${t.length} values (expected ${f.length / 3})`);
    const head = readHead2(r, e, where);
    const frames = [];
    for (let j = 0; j < f.length; j += 3) {
      const k = r.int(f[j], `${where}.f[${j}]`);
      if (k >= keys.length) r.fail(`${where}.f[${j}]`, `frame index ${k} (expected < ${keys.length})`);
      const tv = t ? t[j / 3] : null;
      const share = r.int(f[j + 1], `${where}.f[${j + 1}]`) / 1e6;
      frames.push({
        key: keys[k],
        share,
        selfShare: r.int(f[j + 2], `${where}.f[${j + 2}]`) / 1e6,
        timeSeconds: fromTotal ? share * head.total : tv === null || tv === void 0 ? null : r.int(tv, `${where}.t[${j / 3}]`) / 1e6
      });
    }
    return { ...head, frames };
  });
}

// src/history/serialize.ts
var ppm = (x) => Math.round(x * 1e6);
function timesFollowTotal(e) {
  if (e.frames.length === 0) return false;
  const tol = 1e-6 * Math.max(1, e.total);
  return e.frames.every(
    (f) => f.timeSeconds !== null && Math.abs(ppm(f.share) / 1e6 * e.total - f.timeSeconds) <= tol
  );
}
function serializeHistory(h) {
  const index = /* @__PURE__ */ new Map();
  for (const e of h.entries) for (const f of e.frames) if (!index.has(f.key)) index.set(f.key, index.size);
  const lines = h.entries.map((e) => {
    const f = [];
    const t = [];
    for (const fr of e.frames) {
      f.push(index.get(fr.key), ppm(fr.share), ppm(fr.selfShare));
      t.push(fr.timeSeconds === null ? null : ppm(fr.timeSeconds));
    }
    const out = {
      sha: e.sha,
      date: e.date,
      total: Number(e.total.toPrecision(9)),
      totalMeasure: e.totalMeasure
    };
    if (e.pull !== void 0) out.pull = e.pull;
    if (e.runs !== void 0) out.runs = e.runs;
    out.f = f;
    if (timesFollowTotal(e)) out.t = "total";
    else if (t.some((x) => x !== null)) out.t = t;
    return JSON.stringify(out);
  });
  const head = `{"schema":${HISTORY_SCHEMA},"branch":${JSON.stringify(h.branch)},
"frames":${JSON.stringify([...index.keys()])},
"entries":[`;
  return `${head}${lines.length ? `
${lines.join(",\n")}
` : ""}]}
`;
}

// src/store/json-file.ts
async function readJson(reader, path4, expected) {
  const bytes = await reader.read(path4);
  if (bytes === null) return null;
  return parseJson2(bytes, reader.describe(path4), expected);
}
function parseJson2(bytes, where, expected) {
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  } catch (err) {
    const msg2 = err instanceof Error ? err.message : String(err);
    throw new InputError(where, void 0, `not valid JSON (${msg2}); expected ${expected}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(where, void 0, `expected ${expected} (a JSON object)`);
  }
  checkSchema(value, where, 1);
  return value;
}
function checkSchema(value, where, supported) {
  const s = value.schema;
  if (typeof s !== "number" || !Number.isInteger(s) || s < 1) {
    throw new InputError(
      where,
      void 0,
      `missing or bad "schema" field (expected an integer, got ${JSON.stringify(s)})`
    );
  }
  if (s > supported) {
    throw new UserError(
      `${where}: written by a newer flamediff (schema ${s}; this version reads schema ${supported}); upgrade flamediff \u2014 nothing was changed`
    );
  }
}
function jsonBytes(value) {
  return `${JSON.stringify(value, null, 1)}
`;
}

// src/store/baselines.ts
async function checkStore(tx, plan) {
  const meta = await readJson(tx, layout.meta, "the store description");
  if (meta) checkSchema(meta, tx.describe(layout.meta), STORE_SCHEMA);
  else tx.write?.(layout.meta, jsonBytes({ schema: STORE_SCHEMA, layout: "flamediff-store" }));
  if (!plan) return;
  await readHistory(tx, plan.branch);
  if (plan.baseline) await readBaselineIndex(tx, plan.branch);
  if (plan.pulls) await readPullsIndex(tx);
}
async function readHistory(reader, branch) {
  const path4 = layout.history(branch);
  const bytes = await reader.read(path4);
  if (bytes === null) return emptyHistory(branch);
  const where = reader.describe(path4);
  let h;
  try {
    h = parseHistory(new TextDecoder().decode(bytes), where);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new InputError(
      where,
      void 0,
      `history does not parse (${err instanceof Error ? err.message : String(err)})`
    );
  }
  if (!h || typeof h !== "object" || !Array.isArray(h.entries)) {
    throw new InputError(where, void 0, "expected a history file ({ schema, branch, entries: [...] })");
  }
  checkSchema(h, where, HISTORY_SCHEMA);
  return h;
}
async function readBaselineIndex(reader, branch) {
  const path4 = layout.baselineIndex(branch);
  const idx = await readJson(reader, path4, "a baseline index ({ schema, branch, baselines })");
  if (!idx) return { schema: 1, branch, baselines: [] };
  if (!Array.isArray(idx.baselines) || idx.baselines.some((b) => typeof b?.sha !== "string")) {
    throw new InputError(
      reader.describe(path4),
      void 0,
      'expected "baselines": [{ sha, recordedAt }, ...]'
    );
  }
  return idx;
}
async function writeBaseline(tx, b) {
  await checkStore(tx);
  const history = await readHistory(tx, b.branch);
  const index = await readBaselineIndex(tx, b.branch);
  const dir = layout.baselineDir(b.branch, b.sha);
  await tx.remove(dir);
  const runs = b.profiles.map((r, i) => {
    const file = layout.runFile(i + 1);
    const gz = gzipSync(Buffer.from(writeFolded(r.profile)), { level: 6 });
    tx.write(`${dir}/${file}`, gz);
    return {
      index: i + 1,
      file,
      sha256: sha256(gz),
      bytes: gz.length,
      samples: r.profile.totalWeight(),
      unit: r.profile.meta.unit,
      intervalNs: r.profile.meta.intervalNs ?? null,
      wallSeconds: r.wallSeconds,
      cpuSeconds: r.cpuSeconds,
      peakRssBytes: r.peakRssBytes
    };
  });
  const stored = { schema: 1, branch: b.branch, sha: b.sha, ...b.runs, runs };
  tx.write(`${dir}/runs.json`, jsonBytes(stored));
  tx.write(`${dir}/summary.json`, jsonBytes({ schema: 1, branch: b.branch, sha: b.sha, ...b.summary }));
  if (b.flameSvg !== null) tx.write(`${dir}/flamegraph.svg`, b.flameSvg);
  const baselines = index.baselines.filter((x) => x.sha !== b.sha);
  baselines.push({ sha: b.sha, recordedAt: b.runs.recordedAt });
  const drop = baselines.splice(0, Math.max(0, baselines.length - b.retention));
  for (const old of drop) await tx.remove(layout.baselineDir(b.branch, old.sha));
  tx.write(layout.baselineIndex(b.branch), jsonBytes({ schema: 1, branch: b.branch, baselines }));
  const updated = appendHistory(history, b.historyEntry);
  tx.write(layout.history(b.branch), serializeHistory(updated));
  if (b.dashboard) {
    const site = b.dashboard(updated, new Set(baselines.map((x) => x.sha)));
    for (const [name, data] of site) tx.write(`${layout.dashboardDir(b.branch)}/${name}`, data);
  }
}
async function loadBaseline(reader, branch, sha) {
  const dir = layout.baselineDir(branch, sha);
  const runsPath = `${dir}/runs.json`;
  const runs = await readJson(reader, runsPath, "a baseline runs.json");
  if (!runs) return null;
  if (!Array.isArray(runs.runs) || runs.runs.length === 0) {
    throw new InputError(reader.describe(runsPath), void 0, 'expected "runs": [ ...one entry per run ]');
  }
  const inputs = [];
  for (const r of runs.runs) inputs.push(await loadRun(reader, dir, r));
  const summaryPath = `${dir}/summary.json`;
  const summaryBytes = await reader.read(summaryPath);
  const summary = summaryBytes ? parseJson2(summaryBytes, reader.describe(summaryPath), "a baseline summary.json") : null;
  return { runs, inputs, summary };
}
async function loadRun(reader, dir, r) {
  if (typeof r?.file !== "string" || !/^run-\d+\.folded\.gz$/.test(r.file)) {
    throw new InputError(
      reader.describe(`${dir}/runs.json`),
      void 0,
      `bad run file name ${JSON.stringify(r?.file)} (expected run-<i>.folded.gz)`
    );
  }
  const path4 = `${dir}/${r.file}`;
  const where = reader.describe(path4);
  const gz = await reader.read(path4);
  if (gz === null)
    throw new InputError(where, void 0, "missing (listed in runs.json); the baseline is incomplete");
  if (typeof r.sha256 === "string" && sha256(gz) !== r.sha256) {
    throw new InputError(
      where,
      void 0,
      `corrupt or truncated (${gz.length} bytes, sha256 does not match runs.json; expected ${r.bytes} bytes)`
    );
  }
  let text;
  try {
    text = gunzipSync3(gz);
  } catch (err) {
    throw new InputError(
      where,
      void 0,
      `corrupt or truncated gzip data (${err.message}); expected a gzipped folded profile`
    );
  }
  const profile = importProfile(where.replace(/\.gz$/, ""), text, { format: "folded" });
  profile.meta.unit = r.unit ?? "samples";
  if (r.intervalNs) profile.meta.intervalNs = r.intervalNs;
  return {
    profile,
    wallSeconds: r.wallSeconds ?? void 0,
    cpuSeconds: r.cpuSeconds ?? void 0
  };
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

// src/store/pulls.ts
async function writePullReport(tx, pull, sha, files, retention, now = (/* @__PURE__ */ new Date()).toISOString()) {
  await checkStore(tx);
  const index = await readPullsIndex(tx);
  await tx.remove(layout.pullDir(pull));
  const dir = layout.pullShaDir(pull, sha);
  for (const [name, data] of Object.entries(files)) tx.write(`${dir}/${name}`, data);
  const pulls = index.pulls.filter((p) => p.pull !== pull);
  pulls.push({ pull, sha, updatedAt: now });
  const drop = pulls.splice(0, Math.max(0, pulls.length - retention));
  for (const p of drop) {
    await tx.remove(layout.pullDir(p.pull));
    await tx.remove(layout.acceptances(p.pull));
  }
  tx.write(layout.pullsIndex, jsonBytes({ schema: 1, pulls }));
}
async function readPullsIndex(reader) {
  const index = await readJson(reader, layout.pullsIndex, "a pulls index") ?? {
    schema: 1,
    pulls: []
  };
  if (!Array.isArray(index.pulls)) {
    throw new InputError(
      reader.describe(layout.pullsIndex),
      void 0,
      'expected "pulls": [{ pull, sha, updatedAt }, ...]'
    );
  }
  return index;
}

// src/store/open.ts
import { stat as stat3 } from "node:fs/promises";
import path3 from "node:path";

// src/store/dir-store.ts
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile as readFile2, rename, rm, rmdir, stat as stat2, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

// src/store/types.ts
var Staging = class {
  writes = /* @__PURE__ */ new Map();
  removed = /* @__PURE__ */ new Set();
  write(path4, data) {
    const p = normalizePath(path4);
    this.removed.delete(p);
    this.writes.set(p, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }
  get empty() {
    return this.writes.size === 0 && this.removed.size === 0;
  }
};
function normalizePath(path4) {
  const parts = path4.split("/").filter((x) => x !== "" && x !== ".");
  if (path4.startsWith("/") || parts.some((x) => x === ".." || x.includes("\0") || x.includes("\\"))) {
    throw new Error(`store path '${path4}' is not a relative path inside the store`);
  }
  return parts.join("/");
}
var StagedTx = class {
  constructor(base, staging = new Staging()) {
    this.base = base;
    this.staging = staging;
  }
  base;
  staging;
  describe(path4) {
    return this.base.describe(path4);
  }
  async read(path4) {
    const p = normalizePath(path4);
    const staged = this.staging.writes.get(p);
    if (staged) return staged;
    if (this.isRemoved(p)) return null;
    return this.base.read(p);
  }
  async list(prefix) {
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const under = (p) => pre === "" || p === pre || p.startsWith(`${pre}/`);
    const all = new Set((await this.base.list(pre)).filter((p) => !this.isRemoved(p)));
    for (const p of this.staging.writes.keys()) if (under(p)) all.add(p);
    return [...all].sort();
  }
  write(path4, data) {
    this.staging.write(path4, data);
  }
  async remove(pathOrDir) {
    const p = normalizePath(pathOrDir);
    for (const f of await this.list(p)) {
      this.staging.writes.delete(f);
      this.staging.removed.add(f);
    }
  }
  isRemoved(p) {
    return this.staging.removed.has(p);
  }
};

// src/store/dir-store.ts
var LOCK = ".lock";
var STALE_LOCK_MS = 15 * 6e4;
var DirStore = class {
  constructor(root) {
    this.root = root;
    this.location = root;
  }
  root;
  kind = "dir";
  location;
  describe(p) {
    return path.join(this.root, p);
  }
  async read(p) {
    try {
      return await readFile2(path.join(this.root, normalizePath(p)));
    } catch (err) {
      const code = err.code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      throw fsError(this.describe(p), "cannot read", err);
    }
  }
  async list(prefix) {
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const out = [];
    const walk2 = async (rel) => {
      let entries;
      try {
        entries = await readdir(path.join(this.root, rel), { withFileTypes: true });
      } catch (err) {
        const code = err.code;
        if (code === "ENOENT") return;
        if (code === "ENOTDIR") {
          out.push(rel);
          return;
        }
        throw err;
      }
      for (const e of entries) {
        const child = rel === "" ? e.name : `${rel}/${e.name}`;
        if (rel === "" && (e.name === LOCK || e.name.startsWith(".tmp-"))) continue;
        if (e.isDirectory()) await walk2(child);
        else if (e.isFile() && !e.name.startsWith(".tmp-")) out.push(child);
      }
    };
    await walk2(pre);
    return out.sort();
  }
  async update(_message, fn) {
    await mkdir(this.root, { recursive: true });
    const release = await this.lock();
    try {
      const tx = new StagedTx(this);
      await fn(tx);
      await this.apply(tx);
      return [...tx.staging.writes.keys()].sort();
    } finally {
      await release();
    }
  }
  async close() {
  }
  async apply(tx) {
    for (const [p, data] of tx.staging.writes) {
      const file = path.join(this.root, p);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = path.join(path.dirname(file), `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      await writeFile(tmp, data);
      await rename(tmp, file);
    }
    for (const p of tx.staging.removed) {
      await unlink(path.join(this.root, p)).catch(() => {
      });
      await this.removeEmptyParents(path.dirname(p));
    }
  }
  async removeEmptyParents(rel) {
    let dir = rel;
    while (dir !== "." && dir !== "") {
      try {
        await rmdir(path.join(this.root, dir));
      } catch {
        return;
      }
      dir = path.dirname(dir);
    }
  }
  async lock() {
    const dir = path.join(this.root, LOCK);
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(dir);
        await writeFile(path.join(dir, "owner"), `${process.pid} ${hostname()}
`).catch(() => {
        });
        return () => rm(dir, { recursive: true, force: true });
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
        const age = await stat2(dir).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0
        );
        const owner = await lockOwner(dir);
        if (age > STALE_LOCK_MS || owner?.dead) {
          await rm(dir, { recursive: true, force: true });
          continue;
        }
        if (attempt > 600) {
          const who = owner ? `process ${owner.pid} on ${owner.host}` : "another flamediff job";
          throw new UserError(
            `${dir}: the store is locked by ${who} (expected it to finish within a minute; if no flamediff job is running, remove ${dir})`
          );
        }
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  }
};
async function lockOwner(dir) {
  const text = await readFile2(path.join(dir, "owner"), "utf8").catch(() => "");
  const m = /^(\d+) (\S+)/.exec(text);
  if (!m) return null;
  const pid = Number(m[1]);
  const host = m[2];
  let dead = false;
  if (host === hostname()) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      dead = err.code === "ESRCH";
    }
  }
  return { pid, host, dead };
}

// src/store/git-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";
var EMPTY_SHA = "0000000000000000000000000000000000000000";
var IDENTITY = {
  GIT_AUTHOR_NAME: "flamediff",
  GIT_AUTHOR_EMAIL: "flamediff@users.noreply.github.com",
  GIT_COMMITTER_NAME: "flamediff",
  GIT_COMMITTER_EMAIL: "flamediff@users.noreply.github.com"
};
var CommitReader = class {
  constructor(repo, commit, branch) {
    this.repo = repo;
    this.commit = commit;
    this.branch = branch;
  }
  repo;
  commit;
  branch;
  describe(p) {
    return `${this.branch}:${p}`;
  }
  async read(p) {
    if (!this.commit) return null;
    const r = await git(this.repo, ["cat-file", "blob", `${this.commit}:${normalizePath(p)}`]);
    return r.code === 0 ? new Uint8Array(r.stdout) : null;
  }
  async list(prefix) {
    if (!this.commit) return [];
    const pre = prefix === "" ? "" : normalizePath(prefix);
    const args = ["ls-tree", "-r", "--name-only", "-z", this.commit];
    if (pre !== "") args.push("--", pre);
    const r = await git(this.repo, args);
    if (r.code !== 0) return [];
    return r.stdout.toString("utf8").split("\0").filter((x) => x !== "").sort();
  }
};
var GitStore = class _GitStore {
  constructor(opts, repo) {
    this.opts = opts;
    this.repo = repo;
    this.location = `${opts.remote} ${opts.branch}`;
  }
  opts;
  repo;
  kind = "git";
  location;
  ref = `refs/flamediff/tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  tip;
  tmpDir = null;
  /** Checks the repository and remote, and fetches the data branch. */
  static async open(opts) {
    const repo = path2.resolve(opts.repoDir);
    const r = await git(repo, ["rev-parse", "--git-dir"]).catch(() => null);
    if (r?.code !== 0) {
      throw new UserError(
        `${repo}: not a git repository (the git store needs one; use store: dir otherwise)`
      );
    }
    const store = new _GitStore(opts, repo);
    await store.fetch();
    return store;
  }
  describe(p) {
    return `${this.opts.branch}:${p}`;
  }
  /** The fetched tip of the data branch (null: the branch does not exist yet). */
  get head() {
    return this.tip ?? null;
  }
  async read(p) {
    return this.reader().read(p);
  }
  async list(prefix) {
    return this.reader().list(prefix);
  }
  async update(message, fn) {
    const attempts = this.opts.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await this.fetch();
      const tx = new StagedTx(this.reader());
      await fn(tx);
      if (tx.staging.empty) return [];
      const commit = await this.commit(tx, message, this.tip ?? null);
      const pushed = await this.push(commit);
      if (pushed) {
        this.tip = commit;
        return [...tx.staging.writes.keys()].sort();
      }
      if (attempt >= attempts) {
        throw new UserError(
          `${this.location}: push rejected ${attempts} times (other jobs keep writing); try again later`
        );
      }
      this.opts.onRetry?.(attempt);
      await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 200 * attempt));
    }
  }
  /**
   * Replaces the branch history with one commit holding the current files (see docs/store.md).
   * Uses a lease: if another job pushed meanwhile, nothing is replaced and false is returned.
   */
  async squash(message = "flamediff: squash data branch history") {
    await this.fetch();
    if (!this.tip) return false;
    const tree = await gitText(this.repo, ["rev-parse", `${this.tip}^{tree}`], "squash");
    const commit = await gitText(this.repo, ["commit-tree", "--no-gpg-sign", tree, "-m", message], "squash", {
      env: IDENTITY
    });
    const r = await git(this.repo, [
      "push",
      "--quiet",
      "--no-verify",
      `--force-with-lease=refs/heads/${this.opts.branch}:${this.tip}`,
      this.opts.remote,
      `${commit}:refs/heads/${this.opts.branch}`
    ]);
    if (r.code !== 0) return false;
    this.tip = commit;
    return true;
  }
  async close() {
    await git(this.repo, ["update-ref", "-d", this.ref]);
    if (this.tmpDir) await rm2(this.tmpDir, { recursive: true, force: true });
    this.tmpDir = null;
  }
  reader() {
    return new CommitReader(this.repo, this.tip ?? null, this.opts.branch);
  }
  async fetch() {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      "fetch",
      "--quiet",
      "--no-tags",
      remote,
      `+refs/heads/${branch}:${this.ref}`
    ]);
    if (r.code === 0) {
      this.tip = await gitText(this.repo, ["rev-parse", "--verify", `${this.ref}^{commit}`], "fetch");
      return;
    }
    if (/couldn't find remote ref/i.test(r.stderr)) {
      this.tip = null;
      return;
    }
    throw new UserError(
      `git store: cannot fetch ${branch} from ${remote}: ${firstLine(r.stderr) || `git exited with ${r.code}`}`
    );
  }
  async commit(tx, message, parent) {
    this.tmpDir ??= await mkdtemp(path2.join(os.tmpdir(), "flamediff-git-"));
    const env = {
      ...IDENTITY,
      GIT_INDEX_FILE: path2.join(this.tmpDir, `index-${randomBytes2(4).toString("hex")}`)
    };
    const run = (args2, input) => gitText(this.repo, args2, "git store", { env, input });
    await run(parent ? ["read-tree", parent] : ["read-tree", "--empty"]);
    const lines = [];
    for (const p of tx.staging.removed) lines.push(`0 ${EMPTY_SHA}	${p}`);
    for (const [p, data] of tx.staging.writes) {
      const blob = await run(["hash-object", "-w", "--stdin"], data);
      lines.push(`100644 ${blob}	${p}`);
    }
    await run(["update-index", "-z", "--index-info"], lines.map((l) => `${l}\0`).join(""));
    const tree = await run(["write-tree"]);
    const args = ["commit-tree", "--no-gpg-sign", tree, "-m", message];
    if (parent) args.push("-p", parent);
    const commit = await run(args);
    await rm2(env.GIT_INDEX_FILE, { force: true });
    return commit;
  }
  /** Pushes without force; false when the remote moved on (rejected), throws on other failures. */
  async push(commit) {
    const { remote, branch } = this.opts;
    const r = await git(this.repo, [
      "push",
      "--quiet",
      "--no-verify",
      "--porcelain",
      remote,
      `${commit}:refs/heads/${branch}`
    ]);
    if (r.code === 0) return true;
    const text = `${r.stdout.toString("utf8")}
${r.stderr}`;
    if (/\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info|\[remote rejected\].*(lock|already exists)/i.test(
      text
    )) {
      return false;
    }
    throw new UserError(
      `git store: cannot push ${branch} to ${remote}: ${firstLine(r.stderr) || firstLine(text)}`
    );
  }
};

// src/store/open.ts
async function openStore(opts, cwd) {
  if (opts.store === "git")
    return GitStore.open({ repoDir: cwd, remote: opts.remote, branch: opts.dataBranch });
  const root = path3.resolve(cwd, opts.storeDir);
  const st = await stat3(root).catch(() => null);
  if (st && !st.isDirectory())
    throw new UserError(`${root}: not a directory (expected the dir store, store-dir)`);
  return new DirStore(root);
}

// src/profile/totals.ts
function frameTotals(p) {
  const n = p.frames.size;
  const inclusive = new Float64Array(n);
  const self = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const { ids, offsets, weights, length } = p.stacks.columns();
  let total = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    const a = offsets[s];
    const b = offsets[s + 1];
    total += w;
    if (b === a) continue;
    for (let k = a; k < b; k++) {
      const id = ids[k];
      if (stamp[id] !== s) {
        stamp[id] = s;
        inclusive[id] += w;
      }
    }
    self[ids[b - 1]] += w;
  }
  return { inclusive, self, total };
}

// src/profile/transform.ts
function mapFrames(p, fn) {
  const out = p.emptyLike();
  const map = new Int32Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) map[id] = out.intern(fn(p.frame(id)));
  const buf = [];
  p.forEachStack((ids, w) => {
    buf.length = 0;
    let prev = -1;
    for (let k = 0; k < ids.length; k++) {
      const m = map[ids[k]];
      if (m !== prev) buf.push(m);
      prev = m;
    }
    out.addStack(buf, w);
  });
  return out;
}
function atGranularity(p, g) {
  switch (g) {
    case "line":
      return p;
    case "function":
      return mapFrames(p, (f) => ({ ...f, line: 0 }));
    case "module":
      return mapFrames(p, (f) => {
        const name = f.module || f.file || f.name;
        return { name, kind: f.kind };
      });
  }
}
function mergeProfiles(profiles) {
  if (profiles.length === 0) throw new UserError("no profiles to merge");
  const unit = profiles[0].meta.unit;
  const out = profiles[0].emptyLike();
  let buf = new Int32Array(256);
  for (const p of profiles) {
    if (p.meta.unit !== unit) {
      throw new UserError(
        `cannot merge profiles with different units: ${p.meta.source ?? "a profile"} is in ${p.meta.unit}, expected ${unit}`
      );
    }
    const map = new Int32Array(p.frames.size);
    let same = out.stacks.length === 0;
    for (let id = 0; id < p.frames.size; id++) {
      map[id] = out.intern(p.frame(id));
      if (map[id] !== id) same = false;
    }
    if (same && allPositive(p)) {
      out.stacks.copyFrom(p.stacks);
      continue;
    }
    const { ids, offsets, weights, length } = p.stacks.columns();
    for (let i = 0; i < length; i++) {
      const w = weights[i];
      if (!(w > 0)) continue;
      const a = offsets[i];
      const n = offsets[i + 1] - a;
      if (n > buf.length) buf = new Int32Array(n * 2);
      for (let k = 0; k < n; k++) buf[k] = map[ids[a + k]];
      out.stacks.addLater(buf, w, 0, n);
    }
  }
  return out;
}
function allPositive(p) {
  const { weights, length } = p.stacks.columns();
  for (let i = 0; i < length; i++) if (!(weights[i] > 0)) return false;
  return true;
}

// src/analyse/facts.ts
function topFrames(p, g, k = 30) {
  const q = atGranularity(p, g);
  const t = frameTotals(q);
  if (!(t.total > 0)) return [];
  const out = [];
  for (let id = 0; id < q.frames.size; id++) {
    out.push({
      key: frameLabel(q.frame(id)),
      share: t.inclusive[id] / t.total,
      selfShare: t.self[id] / t.total
    });
  }
  out.sort(
    (a, b) => b.share - a.share || b.selfShare - a.selfShare || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
  return out.slice(0, k).map((f) => ({ key: f.key, share: round(f.share), selfShare: round(f.selfShare) }));
}
function round(x) {
  return Math.round(x * 1e6) / 1e6;
}
function sideTotals(inputs) {
  const mean2 = (xs) => xs.every((x) => typeof x === "number" && Number.isFinite(x)) && xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  const samples = mean2(inputs.map((r) => r.profile.totalWeight())) ?? 0;
  const interval = inputs[0]?.profile.meta.intervalNs;
  const unit = inputs[0]?.profile.meta.unit;
  let profileSeconds = null;
  if (unit === "samples" && interval) profileSeconds = samples * interval / 1e9;
  else if (unit === "nanoseconds") profileSeconds = samples / 1e9;
  else if (unit === "microseconds") profileSeconds = samples / 1e6;
  return {
    samples,
    wallSeconds: mean2(inputs.map((r) => r.wallSeconds)),
    cpuSeconds: mean2(inputs.map((r) => r.cpuSeconds)),
    profileSeconds
  };
}
function historyEntry(sha, date, totals, frames, timePerShare) {
  const [total, totalMeasure] = totals.wallSeconds !== null ? [totals.wallSeconds, "wallSeconds"] : totals.profileSeconds !== null ? [totals.profileSeconds, "profileSeconds"] : [totals.samples, "samples"];
  return {
    sha,
    date,
    total,
    totalMeasure,
    frames: frames.map((f) => ({
      key: f.key,
      share: f.share,
      selfShare: f.selfShare,
      timeSeconds: timePerShare === null ? null : Math.round(f.share * timePerShare * 1e6) / 1e6
    }))
  };
}
function machineWarning(base, head) {
  if (!base || !head) return null;
  const fields = ["cpuModel", "cores", "arch", "kernel"];
  const diffs = fields.filter((f) => String(base[f]) !== String(head[f])).map((f) => `${f} ${String(base[f])} vs ${String(head[f])}`);
  if (diffs.length === 0) return null;
  return `Baseline and head ran on different machines (${diffs.join("; ")}): times and the total are less comparable; baseline: rerun measures both sides here.`;
}
function machineText(m) {
  if (!m) return "unknown machine";
  return `${m.cpuModel}, ${m.cores} cores, ${m.platform}/${m.arch} ${m.kernel}, load ${m.loadAvg.map((x) => x.toFixed(2)).join(" ")}`;
}
function firstLines2(profiles, g) {
  const out = /* @__PURE__ */ new Map();
  if (g !== "function") return out;
  for (const p of profiles) addFirstLines(p, out);
  return out;
}
function addFirstLines(p, out) {
  for (let id = 0; id < p.frames.size; id++) {
    const f = p.frame(id);
    if (!(f.line > 0) || f.file === "") continue;
    const key = frameLabel({ ...f, line: 0 });
    const prev = out.get(key);
    if (prev === void 0 || f.line < prev) out.set(key, f.line);
  }
}

// src/store/persist.ts
async function persist(store, a, t) {
  return t.kind === "baseline" ? persistBaseline(store, a, t) : persistPull(store, a, t);
}
async function persistBaseline(store, a, t) {
  const side = a.runSets.head;
  const totals = a.head.totals;
  const date = t.commitDate ?? t.recordedAt;
  return store.update(
    `flamediff: baseline ${t.branch} ${shortSha(t.sha)}`,
    (tx) => writeBaseline(tx, {
      branch: t.branch,
      sha: t.sha,
      runs: {
        recordedAt: t.recordedAt,
        sampler: side.sampler,
        samplerVersion: side.samplerVersion,
        command: side.command,
        rateHz: side.rateHz,
        machine: side.machine
      },
      profiles: side.runs.map((r) => ({
        profile: r.profile,
        wallSeconds: finite(r.wallSeconds),
        cpuSeconds: finite(r.cpuSeconds),
        peakRssBytes: finite(r.peakRssBytes)
      })),
      summary: {
        recordedAt: t.recordedAt,
        commitDate: date,
        runs: side.runs.length,
        sampler: `${side.sampler} ${side.samplerVersion}`.trim(),
        machine: side.machine,
        totals,
        droppedShare: a.head.droppedShare,
        topFrames: a.head.top,
        settings: a.settings
      },
      flameSvg: a.pictures.flameSvg,
      historyEntry: historyEntry(
        t.sha,
        date,
        totals,
        a.head.top,
        totals.wallSeconds ?? totals.profileSeconds
      ),
      retention: t.retention,
      dashboard: t.dashboard
    })
  );
}
async function persistPull(store, a, t) {
  const { diffSvg, diffPng } = a.pictures;
  if (!a.reportJson || !diffSvg || !diffPng) return [];
  return store.update(
    `flamediff: report for #${t.pull} at ${shortSha(t.sha)}`,
    (tx) => writePullReport(
      tx,
      t.pull,
      t.sha,
      {
        "diff.svg": diffSvg,
        "diff.png": diffPng,
        "report.json": a.reportJson ?? "",
        "comment.md": t.comment
      },
      t.retention
    )
  );
}
function finite(x) {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

export {
  shortSha,
  analyzeHistory,
  creepNote,
  frameTrends,
  mapFrames,
  atGranularity,
  mergeProfiles,
  topFrames,
  sideTotals,
  machineWarning,
  machineText,
  firstLines2 as firstLines,
  stripControl,
  mdCode,
  mdText,
  safeUrl,
  mdFence,
  isGzip,
  sniffEncoding,
  makeInput,
  STREAM_FILE_AT,
  makeFileInput,
  readHead,
  inputByteSize,
  foldedTarget,
  writeFolded,
  writeFoldedChunks,
  parseFoldedInto,
  SPEEDSCOPE_SCHEMA,
  frameFromSpeedscope,
  FORMATS,
  formatByName,
  detectFormat,
  importProfile,
  importProfileFile,
  parseHistory,
  readJson,
  parseJson2 as parseJson,
  jsonBytes,
  writePullReport,
  readPullsIndex,
  checkStore,
  readHistory,
  readBaselineIndex,
  loadBaseline,
  openStore,
  persist
};
