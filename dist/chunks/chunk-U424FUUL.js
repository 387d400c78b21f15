#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  FrameBytesTable,
  STREAM_FILE_AT,
  STREAM_FOLDED_AT,
  detach,
  gunzipIfNeeded,
  headText,
  inputByteSize,
  isGzip,
  looksBinary,
  makeFileInput,
  makeInput,
  perfScriptFormat,
  readHead,
  sniffEncoding,
  utf8ByteChunks,
  zlib
} from "./chunk-EZECY7W2.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import {
  Profile,
  frameLabel,
  kindFromFile,
  parseFrameLabel
} from "./chunk-RM2AEMQK.js";
import {
  InputError,
  NoSamplesError,
  UserError
} from "./chunk-KISOPUCP.js";

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
    let need2 = prefixBytes + (whole ? 16 : weightText.length) + 2;
    for (let m = k; m < b; m++) need2 += labelLen[ids[m]] + 1;
    if (pos + need2 > buf.length) {
      if (pos > 0) write(buf.subarray(0, pos));
      pos = 0;
      k = a;
      prefixBytes = 0;
      if (need2 > buf.length) buf = new Uint8Array(need2);
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
    const lt = partitionStacks(order, lo, hi, ids, offsets, rank, d, pivot);
    const gt = equalEnd;
    if (lo < lt) todo.push(lo, lt, d);
    if (gt < hi) todo.push(gt, hi, d);
    if (pivot === -1)
      order.subarray(lt, gt).sort();
    else todo.push(lt, gt, d + 1);
  }
}
function partitionStacks(order, lo, hi, ids, offsets, rank, d, pivot) {
  let lt = lo;
  let gt = hi;
  let i = lo;
  while (i < gt) {
    const k = keyAt(ids, offsets, rank, order[i], d);
    if (k < pivot) {
      const t = order[lt];
      order[lt++] = order[i];
      order[i++] = t;
    } else if (k > pivot) {
      gt--;
      const t = order[gt];
      order[gt] = order[i];
      order[i] = t;
    } else i++;
  }
  equalEnd = gt;
  return lt;
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
  const units = new LabelUnits(labels);
  const idx = new Uint32Array(labels.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const todo = [0, idx.length, 0];
  while (todo.length > 0) {
    const d = todo.pop();
    const hi = todo.pop();
    const lo = todo.pop();
    if (hi - lo < 12) {
      insertionSortLabels(idx, lo, hi, units, d);
      continue;
    }
    const pivot = medianOf3(
      units.at(idx[lo], d),
      units.at(idx[lo + hi >>> 1], d),
      units.at(idx[hi - 1], d)
    );
    const lt = partitionLabels(idx, lo, hi, units, d, pivot);
    const gt = equalEnd;
    if (lo < lt) todo.push(lo, lt, d);
    if (gt < hi) todo.push(gt, hi, d);
    if (pivot !== -1) todo.push(lt, gt, d + 1);
  }
  const rank = new Int32Array(labels.length);
  let r = 0;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && labels[idx[j]] !== labels[idx[j - 1]]) r++;
    rank[idx[j]] = r;
  }
  return rank;
}
var LabelUnits = class {
  units;
  starts;
  constructor(labels) {
    this.starts = new Uint32Array(labels.length + 1);
    for (let i = 0; i < labels.length; i++) this.starts[i + 1] = this.starts[i] + labels[i].length;
    const bytes = Buffer.from(labels.join(""), "utf16le");
    if (BIG_ENDIAN) bytes.swap16();
    this.units = new Uint16Array(bytes.length >>> 1);
    new Uint8Array(this.units.buffer).set(bytes);
  }
  /** Code unit d of label i; -1 past its end (a label sorts before its extensions). */
  at(i, d) {
    const p = this.starts[i] + d;
    return p < this.starts[i + 1] ? this.units[p] : -1;
  }
  /** Labels i and j compared from code unit d (both are equal before it). */
  compare(i, j, d) {
    for (let k = d; ; k++) {
      const a = this.at(i, k);
      const b = this.at(j, k);
      if (a !== b || a === -1) return a - b;
    }
  }
};
var BIG_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
var equalEnd = 0;
function partitionLabels(idx, lo, hi, units, d, pivot) {
  let lt = lo;
  let gt = hi;
  let i = lo;
  while (i < gt) {
    const k = units.at(idx[i], d);
    if (k < pivot) {
      const t = idx[lt];
      idx[lt++] = idx[i];
      idx[i++] = t;
    } else if (k > pivot) {
      gt--;
      const t = idx[gt];
      idx[gt] = idx[i];
      idx[i] = t;
    } else i++;
  }
  equalEnd = gt;
  return lt;
}
function insertionSortLabels(idx, lo, hi, units, d) {
  for (let i = lo + 1; i < hi; i++) {
    const v = idx[i];
    let j = i - 1;
    while (j >= lo && units.compare(idx[j], v, d) > 0) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}

// src/formats/dispatch.ts
import { readFile, stat } from "node:fs/promises";

// src/formats/folded-core.ts
var DEFAULT_EXPECTED = "`frame;frame;... count`";
function foldedTarget(bytes = 0) {
  return { profile: void 0, table: new FrameBytesTable(), bytes };
}
var PIECE_BYTES = 1 << 20;
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
  const pieces = utf8ByteChunks(input, PIECE_BYTES);
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
        const table2 = depth === 0 ? rootCache : cache;
        const label = text.slice(f, semi);
        let id = table2.get(label);
        if (id === void 0) {
          const key = detach(label);
          id = profile.intern(dialect7.frame(key, depth));
          table2.set(key, id);
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
  if (opts.sniffed && invalid > 0 && invalid >= samples) {
    throw new InputError(
      input.fileName,
      { line: firstInvalid },
      `${invalid} of ${invalid + samples} lines are not a ${dialect7.what} (first: '${firstInvalidText}'; expected ${dialect7.expected ?? DEFAULT_EXPECTED}), so this is not that format; pass --format ${result.profile.meta.format ?? "folded"} to read its valid lines anyway`
    );
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
  const st = new ByteParse(targetProfile(into, meta), into?.table ?? new FrameBytesTable(), dialect7);
  let reserved = false;
  for (const text of pieces) {
    if (!reserved) {
      const size = Math.max(inputByteSize(input), into?.bytes ?? 0);
      if (into !== void 0) into.bytes = 0;
      const stacks = st.profile.stacks;
      stacks.reserve(
        stacks.length + Math.min(size >>> 7, 1 << 24),
        stacks.depthSum + Math.min(size >>> 3, 1 << 28)
      );
      reserved = true;
    }
    parsePiece(st, text);
  }
  const result = { profile: st.profile, invalidLines: st.invalid, lines: st.lineNo };
  return finish(input, dialect7, opts, result, st.samples, st.firstInvalid, st.firstInvalidText, into);
}
var ByteParse = class {
  constructor(profile, table2, dialect7) {
    this.profile = profile;
    this.table = table2;
    this.dialect = dialect7;
  }
  profile;
  table;
  dialect;
  /** Frame ids of the current stack, root first. */
  buf = new Int32Array(256);
  /** End offset (from line start) of each frame of the previous stack. */
  ends = new Int32Array(256);
  invalid = 0;
  firstInvalid = 0;
  firstInvalidText = "";
  lineNo = 0;
  samples = 0;
};
function parsePiece(st, text) {
  const { profile, table: table2, dialect: dialect7 } = st;
  const weightOf = dialect7.weight;
  let buf = st.buf;
  let ends = st.ends;
  let invalid = st.invalid;
  let lineNo = st.lineNo;
  let samples = st.samples;
  const view = new DataView(text.buffer, text.byteOffset, text.byteLength);
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
        st.firstInvalid = lineNo;
        st.firstInvalidText = text.toString("utf8", first, stop).slice(0, 80);
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
        id = table2.get(text, f, semi, root);
      } else {
        id = table2.getFrame(text, f, stackEnd, root);
        semi = table2.frameEnd;
      }
      if (id === -1) {
        id = profile.intern(dialect7.frame(text.toString("utf8", f, semi), depth));
        table2.set(text, f, semi, root, id);
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
    const kind = KIND[label[n - 2]];
    if (kind) return { name: label.slice(0, n - 4), kind };
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
  fail(path, problem) {
    throw new InputError(this.fileName, void 0, `${path}: ${problem}`);
  }
  object(v, path) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      this.fail(path, `found ${describe(v)} (expected an object)`);
    }
    return v;
  }
  array(v, path) {
    if (!Array.isArray(v)) this.fail(path, `found ${describe(v)} (expected an array)`);
    return v;
  }
  number(v, path) {
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail(path, `found ${describe(v)} (expected a number)`);
    return v;
  }
  integer(v, path) {
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.fail(path, `found ${describe(v)} (expected an integer)`);
    }
    return v;
  }
  string(v, path) {
    if (typeof v !== "string") this.fail(path, `found ${describe(v)} (expected a string)`);
    return v;
  }
  optionalString(v, path) {
    return v === void 0 || v === null ? void 0 : this.string(v, path);
  }
  optionalNumber(v, path) {
    return v === void 0 || v === null ? void 0 : this.number(v, path);
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
  if (/^\{\s*"metadata"\s*:/.test(t) && /"(?:traceEvents|dataOrigin)"\s*:/.test(t)) return true;
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
      addV8Profile(new JsonChecker(`${input.fileName} (trace profile ${t.key})`), t.profile, profile, true);
  }
  if (profile.stackCount === 0) throw noSamples(input.fileName);
  return profile;
}
function addV8Profile(check, root, profile, trace = false) {
  const legacy = root.nodes === void 0 && root.head !== void 0;
  const { nodes, indexById } = legacy ? legacyNodes(check, root.head) : currentNodes(check, root.nodes, trace);
  const samples = root.samples === void 0 ? void 0 : check.array(root.samples, "$.samples");
  const orphan = trace ? orphanNode(nodes, indexById) : -1;
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
      if (idx === void 0 && !trace)
        check.fail(`$.samples[${i}]`, `unknown node id ${id} (expected the id of a node)`);
      sampleIdx[i] = idx ?? orphan;
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
  const append = (to, from, path) => {
    if (from === void 0) return;
    for (const x of check.array(from, path)) to.push(x);
  };
  events.forEach((e, i) => {
    if (e === null || typeof e !== "object") return;
    const ev = e;
    if (ev.name !== "Profile" && ev.name !== "ProfileChunk" && ev.name !== "CpuProfile") return;
    const path = `${base}[${i}].args.data`;
    const args = check.object(ev.args, `${base}[${i}].args`);
    if (args.data === void 0 && ev.name !== "CpuProfile") return;
    const data = check.object(args.data, path);
    const key = `${String(ev.pid ?? "")}:${String(ev.id ?? ev.tid ?? "")}`;
    if (ev.name === "CpuProfile") {
      const cp = check.object(data.cpuProfile, `${path}.cpuProfile`);
      const p2 = get(key);
      append(p2.nodes, cp.nodes, `${path}.cpuProfile.nodes`);
      append(p2.samples, cp.samples, `${path}.cpuProfile.samples`);
      append(p2.timeDeltas, cp.timeDeltas, `${path}.cpuProfile.timeDeltas`);
      if (typeof cp.startTime === "number") p2.startTime ??= cp.startTime;
      return;
    }
    const p = get(key);
    if (ev.name === "Profile") {
      if (typeof data.startTime === "number") p.startTime = data.startTime;
      return;
    }
    if (data.cpuProfile !== void 0) {
      const cp = check.object(data.cpuProfile, `${path}.cpuProfile`);
      append(p.nodes, cp.nodes, `${path}.cpuProfile.nodes`);
      append(p.samples, cp.samples, `${path}.cpuProfile.samples`);
    }
    append(p.timeDeltas, data.timeDeltas, `${path}.timeDeltas`);
  });
  return [...byKey.entries()].filter(([, p]) => p.nodes.length > 0).map(([key, p]) => ({ key, profile: { ...p } }));
}
function orphanNode(nodes, indexById) {
  const key = Number.MIN_SAFE_INTEGER;
  let i = indexById.get(key);
  if (i === void 0) {
    i = nodes.push({ frame: { name: "", file: "", line: 0, kind: "other" }, parent: -1, hitCount: 0 }) - 1;
    indexById.set(key, i);
  }
  return i;
}
function denseIndex(indexById) {
  let max = -1;
  for (const id of indexById.keys()) if (id > max) max = id;
  if (max < 0 || max > 4 * indexById.size + 1024) return new Int32Array(0);
  const dense = new Int32Array(max + 1).fill(-1);
  for (const [id, i] of indexById) if (id >= 0) dense[id] = i;
  return dense;
}
function frameOf(check, cf, path) {
  const fn = check.optionalString(cf.functionName, `${path}.functionName`) ?? "";
  const url = check.optionalString(cf.url, `${path}.url`) ?? "";
  const lineNumber = check.optionalNumber(cf.lineNumber, `${path}.lineNumber`) ?? -1;
  if (fn === "(root)") return void 0;
  const name = fn === "" ? "(anonymous)" : fn;
  const kind = KIND_BY_NAME[name] ?? "js";
  return { name, file: fileFromUrl(url), line: lineNumber >= 0 ? lineNumber + 1 : 0, kind };
}
function fileFromUrl(url) {
  if (!url.startsWith("file://")) return url;
  const path = url.slice("file://".length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
function currentNodes(check, raw, trace = false) {
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
      if (p === void 0 && !trace)
        check.fail(`$.nodes[${i}].parent`, `unknown node id ${pid} (expected the id of a node)`);
      nodes[i].parent = p ?? -1;
    }
    if (n.children === void 0) return;
    check.array(n.children, `$.nodes[${i}].children`).forEach((c, k) => {
      const path = `$.nodes[${i}].children[${k}]`;
      const cid = check.integer(c, path);
      const ci = indexById.get(cid);
      if (ci === void 0) check.fail(path, `unknown node id ${cid} (expected the id of a node)`);
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
    const { raw, path, parent } = todo.pop();
    const n = check.object(raw, path);
    const index = nodes.length;
    const id = n.id === void 0 ? index + 1 : check.integer(n.id, `${path}.id`);
    if (indexById.has(id)) check.fail(`${path}.id`, `duplicate node id ${id} (expected unique ids)`);
    indexById.set(id, index);
    const hitCount = check.optionalNumber(n.hitCount, `${path}.hitCount`) ?? 0;
    nodes.push({ frame: frameOf(check, n, path), parent, hitCount });
    if (n.children === void 0) continue;
    const kids = check.array(n.children, `${path}.children`);
    for (let k = kids.length - 1; k >= 0; k--)
      todo.push({ raw: kids[k], path: `${path}.children[${k}]`, parent: index });
  }
  return { nodes, indexById };
}
function checkAcyclic(check, nodes, path) {
  const state = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      j = nodes[j].parent;
    }
    if (j !== -1 && state[j] === 1) check.fail(path, `node ${i} is its own ancestor (expected a tree)`);
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

// src/formats/gecko.ts
function isGecko(head) {
  const t = head.trimStart();
  if (!t.startsWith("{")) return false;
  if (!/"meta"\s*:\s*\{/.test(t)) return false;
  return /"(?:preprocessedProfileVersion|stackwalk|processType|importedFrom)"\s*:/.test(t);
}
var geckoFormat = {
  name: "gecko",
  description: "Firefox Profiler / Gecko profile JSON (samply, CPython profiling.sampling --gecko)",
  matchesName: (fileName) => /\.(gecko|fxprof)\.json(\.gz)?$/i.test(fileName),
  is: (input) => isGecko(jsonHead(input)),
  import: (input, opts) => importGecko(input, opts)
};
var WEIGHT_UNITS = {
  samples: { unit: "samples", factor: 1 },
  "tracing-ms": { unit: "nanoseconds", factor: 1e6 },
  bytes: { unit: "bytes", factor: 1 }
};
function importGecko(input, opts = {}) {
  const check = new JsonChecker(input.fileName);
  const root = check.object(parseJson(input, "a Firefox Profiler (Gecko) profile"), "$");
  const meta = check.object(root.meta, "$.meta");
  const out = new Profile({ format: "gecko" });
  const shared = root.shared && typeof root.shared === "object" ? root.shared : void 0;
  const sharedStrings = Array.isArray(shared?.stringArray) ? shared.stringArray : void 0;
  const threads = [];
  const collect = (proc, path) => {
    const list = check.array(proc.threads, `${path}.threads`);
    list.forEach((t, i) => {
      threads.push({ raw: check.object(t, `${path}.threads[${i}]`), path: `${path}.threads[${i}]` });
    });
    if (Array.isArray(proc.processes)) {
      proc.processes.forEach((p, i) => {
        collect(check.object(p, `${path}.processes[${i}]`), `${path}.processes[${i}]`);
      });
    }
  };
  collect(root, "$");
  const wanted = opts.sampleType;
  const chosen = wanted ? threads.filter((t) => t.raw.name === wanted) : threads;
  if (wanted && chosen.length === 0) {
    const names2 = [...new Set(threads.map((t) => String(t.raw.name ?? "")))].sort();
    throw new UserError(
      `${input.fileName}: no thread named '${wanted}' (threads: ${names2.join(", ") || "none"})`
    );
  }
  let unit;
  for (const t of chosen) {
    const strings = threadStrings(check, t.raw, t.path, sharedStrings);
    const u = addThread(check, out, t.raw, t.path, strings);
    if (u === null) continue;
    if (unit !== void 0 && u !== unit) {
      throw new UserError(
        `${input.fileName}: ${t.path}: samples weighted in ${u}, other threads in ${unit} (expected one unit; choose a thread with --sample-type)`
      );
    }
    unit = u;
  }
  if (out.stackCount === 0) throw noSamples(input.fileName);
  out.meta.unit = unit ?? "samples";
  const interval = check.optionalNumber(meta.interval, "$.meta.interval");
  if (interval && interval > 0 && out.meta.unit === "samples")
    out.meta.intervalNs = Math.round(interval * 1e6);
  const product = typeof meta.product === "string" ? meta.product : void 0;
  const from = typeof meta.importedFrom === "string" ? meta.importedFrom : void 0;
  out.meta.sampler = from ?? product ?? "gecko";
  const names = [...new Set(chosen.map((t) => String(t.raw.name ?? "")))].sort();
  out.meta.extra = { threads: names.join(", ") };
  if (wanted) out.meta.sampleType = wanted;
  return out;
}
function threadStrings(check, t, path, shared) {
  if (Array.isArray(t.stringArray)) return t.stringArray;
  if (Array.isArray(t.stringTable)) return t.stringTable;
  if (shared) return shared;
  return check.fail(`${path}`, "no string table (expected shared.stringArray, or stringArray / stringTable)");
}
function table(check, v, path) {
  const o = check.object(v, path);
  if (o.schema !== void 0) {
    const schema = check.object(o.schema, `${path}.schema`);
    const data = check.array(o.data, `${path}.data`);
    const rows = data.map((r, i) => check.array(r, `${path}.data[${i}]`));
    return {
      length: rows.length,
      col(name) {
        const at = schema[name];
        if (typeof at !== "number") return void 0;
        return (i) => rows[i][at];
      }
    };
  }
  let length = typeof o.length === "number" ? o.length : -1;
  return {
    get length() {
      if (length < 0) {
        const first = Object.values(o).find(Array.isArray);
        length = first ? first.length : 0;
      }
      return length;
    },
    col(name) {
      const c = o[name];
      if (c === void 0 || c === null) return void 0;
      const arr = check.array(c, `${path}.${name}`);
      return (i) => arr[i];
    }
  };
}
function addThread(check, out, t, path, strings) {
  const samples = table(check, t.samples, `${path}.samples`);
  if (samples.length === 0) return null;
  const stacks = table(check, t.stackTable, `${path}.stackTable`);
  const frames = table(check, t.frameTable, `${path}.frameTable`);
  const str = (v, where) => {
    if (typeof v === "string") return v;
    const i = check.integer(v, where);
    if (i < 0 || i >= strings.length || typeof strings[i] !== "string") {
      check.fail(where, `string index ${i} is outside the string table (${strings.length} strings)`);
    }
    return strings[i];
  };
  const frameInit = frameReader(check, t, path, frames, str);
  const stackFrame = need(check, stacks.col("frame"), `${path}.stackTable.frame`);
  const stackPrefix = need(check, stacks.col("prefix"), `${path}.stackTable.prefix`);
  const interned = /* @__PURE__ */ new Map();
  const frameId = (f) => {
    let id = interned.get(f);
    if (id === void 0) {
      if (!Number.isInteger(f) || f < 0 || f >= frames.length) {
        check.fail(`${path}.frameTable`, `frame ${f} does not exist (${frames.length} frames)`);
      }
      id = out.intern(frameInit(f));
      interned.set(f, id);
    }
    return id;
  };
  const memo = /* @__PURE__ */ new Map();
  const stackIds = (s2) => {
    const chain = [];
    let cur = s2;
    let hit;
    while (cur !== null) {
      hit = memo.get(cur);
      if (hit) break;
      if (!Number.isInteger(cur) || cur < 0 || cur >= stacks.length || chain.length > stacks.length) {
        check.fail(`${path}.stackTable`, `stack ${cur} does not exist or loops (${stacks.length} stacks)`);
      }
      chain.push(cur);
      const p = stackPrefix(cur);
      cur = p === null || p === void 0 ? null : p;
    }
    let ids = hit ?? [];
    for (let i = chain.length - 1; i >= 0; i--) {
      ids = [...ids, frameId(check.integer(stackFrame(chain[i]), `${path}.stackTable.frame[${chain[i]}]`))];
      memo.set(chain[i], ids);
    }
    return ids;
  };
  const sampleStack = need(check, samples.col("stack"), `${path}.samples.stack`);
  const weightCol = samples.col("weight");
  const s = check.object(t.samples, `${path}.samples`);
  const weightType = typeof s.weightType === "string" ? s.weightType : "samples";
  const wu = WEIGHT_UNITS[weightType];
  if (!wu) {
    check.fail(
      `${path}.samples.weightType`,
      `unknown weight type '${weightType}' (expected ${Object.keys(WEIGHT_UNITS).join(", ")})`
    );
  }
  let any = false;
  for (let i = 0; i < samples.length; i++) {
    const st = sampleStack(i);
    if (st === null || st === void 0) continue;
    const w = weightCol ? check.number(weightCol(i), `${path}.samples.weight[${i}]`) : 1;
    if (w === 0) continue;
    const ids = stackIds(check.integer(st, `${path}.samples.stack[${i}]`));
    if (ids.length === 0) continue;
    out.addStack(ids, w * wu.factor);
    any = true;
  }
  return any ? wu.unit : null;
}
function need(check, c, path) {
  if (!c) check.fail(path, "missing (expected a column of the table)");
  return c;
}
function frameReader(check, t, path, frames, str) {
  const line = frames.col("line");
  const func = frames.col("func");
  if (func) {
    const funcs = table(check, t.funcTable, `${path}.funcTable`);
    const name = need(check, funcs.col("name"), `${path}.funcTable.name`);
    const fileName = funcs.col("fileName");
    const lineNumber = funcs.col("lineNumber");
    return (f) => {
      const fi = check.integer(func(f), `${path}.frameTable.func[${f}]`);
      if (fi < 0 || fi >= funcs.length)
        check.fail(`${path}.frameTable.func[${f}]`, `function ${fi} does not exist`);
      const n = str(name(fi), `${path}.funcTable.name[${fi}]`);
      const fileRaw = fileName?.(fi);
      const file = fileRaw === null || fileRaw === void 0 ? "" : str(fileRaw, `${path}.funcTable.fileName[${fi}]`);
      const l = line?.(f) ?? lineNumber?.(fi);
      return frameOf2(n, file, typeof l === "number" ? l : 0);
    };
  }
  const location = need(check, frames.col("location"), `${path}.frameTable.location`);
  return (f) => {
    const loc = str(location(f), `${path}.frameTable.data[${f}]`);
    const m = /^(.*) \((.+?):(\d+)(?::\d+)?\)$/.exec(loc);
    const l = line?.(f);
    if (m) return frameOf2(m[1], m[2], typeof l === "number" ? l : Number(m[3]));
    return frameOf2(loc, "", typeof l === "number" ? l : 0);
  };
}
function frameOf2(name, file, line) {
  const kind = /\.pyw?$/.test(file) ? "python" : file ? kindFromFile(file) : "other";
  return { name, file, line, kind };
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
      const z = zlib();
      const out = z.gunzipSync(bytes.subarray(0, SNIFF_BYTES), { finishFlush: z.constants.Z_SYNC_FLUSH });
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
    if (out.stackCount === 0 && types.length > 1) {
      const names = types.map((t) => `${t.type}/${t.unit}`);
      throw new NoSamplesError(
        this.file,
        ` (sample type ${names[index]}${requested ? "" : ", the default,"} is zero in all ${raw.sampleOffsets.length} samples; choose another with --sample-type: ${names.join(", ")})`
      );
    }
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
      const kind = j < loc.line.length - 1 ? "inlined" : frameKind(fn.file, module);
      ids.push(
        this.out.intern({
          name: fn.name || "??",
          file: fn.file,
          line: Math.max(0, num(line.line)),
          module,
          kind
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
function basename(path) {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i >= 0 ? path.slice(i + 1) : path;
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
function frameFromSpeedscope(name, file, kind) {
  if (kind !== void 0 && FRAME_KINDS.includes(kind)) {
    return { name, file, kind };
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
  const shared = check.object(root.shared, "$.shared");
  const rawFrames = check.array(shared.frames, "$.shared.frames");
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
  for (const { raw, path } of chosen) {
    const { unit: u, factor, meta } = profileUnit(check, raw, path);
    if (unit !== void 0 && u !== unit) {
      check.fail(
        `${path}.unit`,
        `unit ${u} differs from the first profile's ${unit} (expected one unit; choose a profile with --sample-type)`
      );
    }
    if (unit === void 0) Object.assign(out.meta, meta);
    unit = u;
    const type = check.string(raw.type, `${path}.type`);
    if (type === "sampled") addSampled(check, out, raw, path, frames.length, frameId, factor);
    else if (type === "evented") addEvented(check, out, raw, path, frames, frameId, factor);
    else
      check.fail(
        `${path}.type`,
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
function readFrame(check, raw, path) {
  const f = check.object(raw, path);
  const name = check.string(f.name, `${path}.name`);
  const file = check.optionalString(f.file, `${path}.file`) ?? "";
  const line = check.optionalNumber(f.line, `${path}.line`) ?? 0;
  const module = check.optionalString(f.module, `${path}.module`) ?? "";
  const kind = check.optionalString(f.kind, `${path}.kind`);
  return { ...frameFromSpeedscope(name, file, kind), line: line > 0 ? Math.floor(line) : 0, module };
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
function profileUnit(check, raw, path) {
  const name = check.string(raw.unit, `${path}.unit`);
  const mapped = UNITS[name];
  if (!mapped) {
    check.fail(
      `${path}.unit`,
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
function addSampled(check, out, raw, path, frameCount, frameId, factor) {
  const samples = check.array(raw.samples, `${path}.samples`);
  const weights = raw.weights === void 0 ? void 0 : check.array(raw.weights, `${path}.weights`);
  if (weights && weights.length !== samples.length) {
    check.fail(
      `${path}.weights`,
      `${weights.length} weights for ${samples.length} samples (expected one per sample)`
    );
  }
  const stack = [];
  for (let i = 0; i < samples.length; i++) {
    const s = check.array(samples[i], `${path}.samples[${i}]`);
    stack.length = s.length;
    for (let k = 0; k < s.length; k++) {
      const f = s[k];
      if (typeof f !== "number" || !Number.isInteger(f) || f < 0 || f >= frameCount) {
        frameIndexError(check, `${path}.samples[${i}][${k}]`, f, frameCount);
      }
      stack[k] = frameId(f);
    }
    const w = weights ? check.number(weights[i], `${path}.weights[${i}]`) : 1;
    out.addStack(stack, scaled(w, factor));
  }
}
function frameIndexError(check, path, f, frameCount) {
  return check.fail(
    path,
    `frame index ${JSON.stringify(f)} (expected an integer from 0 to ${frameCount - 1})`
  );
}
function addEvented(check, out, raw, path, frames, frameId, factor) {
  const events = check.array(raw.events, `${path}.events`);
  const open = [];
  const openedAt = [];
  const stack = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const ep = `${path}.events[${i}]`;
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
      `${path}.events`,
      `frame ${f} (${frames[f].name}) opened at ${openedAt[openedAt.length - 1]} is never closed (expected a C event for every O event)`
    );
  }
}

// src/formats/dispatch.ts
var FORMATS = [
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
  const sniffed = opts.sniffed ?? (!opts.format && !format.matchesName(fileName));
  const profile = format.import(input, sniffed ? { ...opts, sniffed } : opts);
  profile.meta.source ??= fileName;
  profile.meta.format ??= format.name;
  return profile;
}
var STREAMED = /* @__PURE__ */ new Map([
  ["folded", STREAM_FOLDED_AT],
  ["perf-script", STREAM_FILE_AT],
  ["py-spy", STREAM_FOLDED_AT],
  ["async-profiler", STREAM_FOLDED_AT],
  ["cpython", STREAM_FOLDED_AT],
  ["memory", STREAM_FOLDED_AT]
]);
var STREAM_ANY_AT = Math.min(...STREAMED.values());
async function importProfileFile(path, opts = {}, shownName = path) {
  const size = await fileSize(path, shownName);
  if (opts.format) formatByName(opts.format);
  if (size === 0) throw emptyFile(shownName);
  if (size >= STREAM_ANY_AT) {
    const head = readHead(path);
    if (!isGzip(head) && sniffEncoding(head).encoding === "utf-8") {
      const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, head));
      if (format && size >= (STREAMED.get(format.name) ?? Number.POSITIVE_INFINITY)) {
        const sniffed = !opts.format && !format.matchesName(shownName);
        return importInput(makeFileInput(path, shownName), { ...opts, format: format.name, sniffed });
      }
    }
  }
  return importInput(makeInput(shownName, await readBytes(path, shownName)), opts);
}
async function fileSize(path, shown) {
  try {
    return (await stat(path)).size;
  } catch (err) {
    throw fsError(shown, "cannot read", err);
  }
}
async function readBytes(path, shown) {
  try {
    return await readFile(path);
  } catch (err) {
    throw fsError(shown, "cannot read", err);
  }
}

export {
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
  importProfileFile
};
