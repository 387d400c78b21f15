#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);

// src/profile/frame-table.ts
var FrameTable = class _FrameTable {
  names = [];
  files = [];
  lines = [];
  modules = [];
  kinds = [];
  /** Key -> id; built on first use for a table made by fromColumns. */
  keys = /* @__PURE__ */ new Map();
  get size() {
    return this.names.length;
  }
  /**
   * A table with these columns (as another table's, e.g. from a worker thread); its key index is
   * built only when intern() or find() first needs it.
   */
  static fromColumns(c) {
    const t = new _FrameTable();
    for (let id = 0; id < c.names.length; id++) {
      t.names.push(c.names[id]);
      t.files.push(c.files[id]);
      t.lines.push(c.lines[id]);
      t.modules.push(c.modules[id]);
      t.kinds.push(c.kinds[id]);
    }
    t.keys = void 0;
    return t;
  }
  get byKey() {
    if (this.keys === void 0) {
      this.keys = /* @__PURE__ */ new Map();
      for (let id = 0; id < this.names.length; id++) {
        const key = frameKey(
          this.names[id],
          this.files[id],
          this.lines[id],
          this.modules[id],
          this.kinds[id]
        );
        if (!this.keys.has(key)) this.keys.set(key, id);
      }
    }
    return this.keys;
  }
  intern(init) {
    const file = init.file ?? "";
    const line = init.line ?? 0;
    const module = init.module ?? "";
    const kind = init.kind ?? "other";
    const key = frameKey(init.name, file, line, module, kind);
    let id = this.byKey.get(key);
    if (id === void 0) {
      id = this.names.length;
      this.byKey.set(key, id);
      this.names.push(init.name);
      this.files.push(file);
      this.lines.push(line);
      this.modules.push(module);
      this.kinds.push(kind);
    }
    return id;
  }
  /**
   * Appends a frame the caller knows is not in the table yet (a parser that keeps its own index
   * of what it added, so that the key index here would be a second one to fill): its id. The
   * key index is dropped, and built again if intern() or find() is called later.
   */
  addNew(init) {
    const id = this.names.length;
    this.keys = void 0;
    this.names.push(init.name);
    this.files.push(init.file ?? "");
    this.lines.push(init.line ?? 0);
    this.modules.push(init.module ?? "");
    this.kinds.push(init.kind ?? "other");
    return id;
  }
  get(id) {
    return {
      name: this.names[id],
      file: this.files[id],
      line: this.lines[id],
      module: this.modules[id],
      kind: this.kinds[id]
    };
  }
  find(init) {
    return this.byKey.get(
      frameKey(init.name, init.file ?? "", init.line ?? 0, init.module ?? "", init.kind ?? "other")
    );
  }
};
function frameKey(name, file, line, module, kind) {
  if (file === "" && module === "" && line === 0) return kind === "other" ? name : `${name}\0${kind}`;
  return `${name}\0${kind}\0${file}\0${line}\0${module}`;
}

// src/profile/stack-table.ts
var StackTable = class _StackTable {
  ids = new Int32Array(1 << 12);
  idsLen = 0;
  offsets = new Uint32Array(1 << 10);
  // offsets[i]..offsets[i+1] are stack i's frames
  w = new Float64Array(1 << 10);
  count = 0;
  // Open addressing, one Int32 per slot: stack index + 1 (0 = empty). No hash is kept in the slot:
  // a probe that meets another stack compares it from the leaf (stacks whose probes meet mostly
  // share their parents, so the leaf settles it), and a big table is half the fresh memory,
  // which on first touch costs more than the compares.
  slots = new Int32Array(1 << 11);
  mask = (1 << 11) - 1;
  /** Copy target for add() calls with plain arrays, so the hot loops only ever see Int32Array. */
  scratch = new Int32Array(256);
  /** Stacks appended by addLater() and not merged yet: the last `pending` ones; their hashes. */
  pending = 0;
  pendingHash = new Int32Array(BATCH);
  pendingHome = new Int32Array(BATCH);
  /**
   * Stacks in the next batch: the first one is small, so that a parser's hot loop (with addLater
   * inlined) has called flush() before it is first optimised. A call never made by then is
   * compiled as a bail-out, and the loop was optimised twice (a bail-out and a recompile in
   * every fresh process).
   */
  batch = FIRST_BATCH;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: written so the prefetching loads in flush() are kept
  prefetched = 0;
  get length() {
    if (this.pending !== 0) this.flush();
    return this.count;
  }
  /** Total number of frame ids stored (sum of stack depths). */
  get depthSum() {
    if (this.pending !== 0) this.flush();
    return this.idsLen;
  }
  /**
   * Sizes the table for about `stacks` distinct stacks holding about `frames` frame ids in all
   * (hints, e.g. from a folded file's size), so that filling it does not grow it again and again.
   * Over-estimates are cheap: memory that is never written is never touched, while every growth
   * copies into fresh memory (page faults are a large part of building a 1M-stack table).
   */
  reserve(stacks, frames = 0) {
    if (this.pending !== 0) this.flush();
    let cap = this.mask + 1;
    while (tooFull(stacks, cap) && cap < 1 << 26) cap *= 2;
    if (cap !== this.mask + 1) {
      const old = this.slots;
      this.slots = freshSlots(cap);
      this.mask = cap - 1;
      this.reinsert(old);
    }
    if (stacks + 2 > this.offsets.length) this.growStacks(stacks + 2);
    if (frames > this.ids.length) this.growIds(frames);
  }
  /**
   * Makes this table a copy of `other` (its stacks, weights and hash table, in the same order):
   * for a merge whose first profile's frame ids carry over unchanged, copying the columns costs
   * far less than adding every stack again.
   */
  copyFrom(other) {
    if (other.pending !== 0) other.flush();
    this.pending = 0;
    this.ids = other.ids.slice(0, Math.max(other.idsLen, 1));
    this.idsLen = other.idsLen;
    this.offsets = other.offsets.slice(0, other.count + 2);
    this.w = other.w.slice(0, other.count + 2);
    this.count = other.count;
    this.slots = other.slots.slice();
    this.mask = other.mask;
  }
  /**
   * The table's columns and hash slots as they are (for a transfer to another thread: the arrays
   * are this table's own, so the table must not be used afterwards).
   */
  toState() {
    if (this.pending !== 0) this.flush();
    return {
      ids: this.ids,
      idsLen: this.idsLen,
      offsets: this.offsets,
      w: this.w,
      count: this.count,
      slots: this.slots,
      mask: this.mask
    };
  }
  /** A table made from toState() of another: the same stacks, weights, order and hash slots. */
  static fromState(state) {
    const t = new _StackTable();
    t.ids = state.ids;
    t.idsLen = state.idsLen;
    t.offsets = state.offsets;
    t.w = state.w;
    t.count = state.count;
    t.slots = state.slots;
    t.mask = state.mask;
    return t;
  }
  /** Adds `weight` to the stack with these frame ids (root first), creating it when new. */
  add(frameIds, weight, start = 0, end = frameIds.length) {
    if (this.pending !== 0) this.flush();
    if (frameIds instanceof Int32Array) return this.addInt32(frameIds, weight, start, end);
    const n = end - start;
    if (n > this.scratch.length) this.scratch = new Int32Array(Math.max(n, this.scratch.length * 2));
    const buf = this.scratch;
    for (let k = 0; k < n; k++) buf[k] = frameIds[start + k];
    return this.addInt32(buf, weight, 0, n);
  }
  /**
   * add() without the index: the stack is appended now and merged with an equal stack at the next
   * flush. Batching the hash-table probes lets the CPU overlap their cache misses, which one
   * probe between two parsed lines cannot; for a big table those misses are most of the cost.
   */
  addLater(frameIds, weight, start, end) {
    this.append(frameIds, start, end, weight);
    hashIds(frameIds, start, end);
    this.pendingHash[this.pending] = hashed.hash;
    this.pendingHome[this.pending++] = hashed.home;
    if (this.pending === this.batch) {
      this.batch = BATCH;
      this.flush();
    }
  }
  addInt32(frameIds, weight, start, end) {
    hashIds(frameIds, start, end);
    const h = hashed.hash;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashed.home & mask;
    const step = probeStep(h);
    for (; ; ) {
      const s = slots[slot] - 1;
      if (s === -1) break;
      if (this.equals(s, frameIds, start, end)) {
        this.w[s] += weight;
        return s;
      }
      slot = slot + step & mask;
    }
    const index = this.append(frameIds, start, end, weight);
    slots[slot] = index + 1;
    if (tooFull(this.count, mask + 1)) this.rehash();
    return index;
  }
  /**
   * Merges the pending stacks, in order, as add() would have: a stack equal to an earlier one
   * (pending or not) adds its weight there and is dropped; the others move down over the dropped
   * ones, so indices stay dense and in first-seen order.
   */
  flush() {
    const n = this.pending;
    this.pending = 0;
    const first = this.count - n;
    while (tooFull(this.count, this.mask + 1)) this.rehash();
    const { ids, offsets, w, slots, mask, pendingHash, pendingHome } = this;
    let touched = 0;
    for (let j = 0; j < n; j++) touched |= slots[pendingHome[j] & mask];
    this.prefetched = touched;
    let write = first;
    let a = offsets[first];
    for (let j = 0; j < n; j++) {
      const i = first + j;
      const b = offsets[i + 1];
      const h = pendingHash[j];
      const weight = w[i];
      let slot = pendingHome[j] & mask;
      const step = probeStep(h);
      let found = -1;
      for (; ; ) {
        const s = slots[slot] - 1;
        if (s === -1) break;
        if (this.equals(s, ids, a, b)) {
          found = s;
          break;
        }
        slot = slot + step & mask;
      }
      if (found !== -1) w[found] += weight;
      else {
        if (write !== i) {
          const to = offsets[write];
          ids.copyWithin(to, a, b);
          offsets[write + 1] = to + (b - a);
          w[write] = weight;
        }
        slots[slot] = write + 1;
        write++;
      }
      a = b;
    }
    this.count = write;
    this.idsLen = offsets[write];
  }
  weight(i) {
    if (this.pending !== 0) this.flush();
    return this.w[i];
  }
  setWeight(i, weight) {
    if (this.pending !== 0) this.flush();
    this.w[i] = weight;
  }
  /** A view (not a copy) of stack i's frame ids, root first. Do not keep it across add(). */
  frames(i) {
    if (this.pending !== 0) this.flush();
    return this.ids.subarray(this.offsets[i], this.offsets[i + 1]);
  }
  depth(i) {
    if (this.pending !== 0) this.flush();
    return this.offsets[i + 1] - this.offsets[i];
  }
  /** Raw columns for hot loops: frame ids of stack i are ids[offsets[i]..offsets[i+1]). */
  columns() {
    if (this.pending !== 0) this.flush();
    return { ids: this.ids, offsets: this.offsets, weights: this.w, length: this.count };
  }
  append(frameIds, start, end, weight) {
    const n = end - start;
    if (this.idsLen + n > this.ids.length) this.growIds(Math.max(this.ids.length * GROWTH, this.idsLen + n));
    const ids = this.ids;
    const at = this.idsLen;
    for (let k = 0; k < n; k++) ids[at + k] = frameIds[start + k];
    if (this.count + 2 > this.offsets.length) this.growStacks(this.offsets.length * GROWTH);
    const index = this.count++;
    this.offsets[index] = at;
    this.idsLen = at + n;
    this.offsets[index + 1] = this.idsLen;
    this.w[index] = weight;
    return index;
  }
  growIds(cap) {
    const next = new Int32Array(cap);
    next.set(this.ids.subarray(0, this.idsLen));
    this.ids = next;
  }
  growStacks(cap) {
    this.offsets = grow(this.offsets, new Uint32Array(cap), this.count + 1);
    this.w = grow(this.w, new Float64Array(cap), this.count);
  }
  equals(s, frameIds, start, end) {
    const a = this.offsets[s];
    const n = this.offsets[s + 1] - a;
    if (n !== end - start) return false;
    const ids = this.ids;
    for (let k = n - 1; k >= 0; k--) if (ids[a + k] !== frameIds[start + k]) return false;
    return true;
  }
  rehash() {
    const old = this.slots;
    this.slots = freshSlots(old.length * 2);
    this.mask = old.length * 2 - 1;
    this.reinsert(old);
  }
  reinsert(old) {
    const slots = this.slots;
    const mask = this.mask;
    const { ids, offsets } = this;
    for (let j = 0; j < old.length; j++) {
      const v = old[j];
      if (v === 0) continue;
      hashIds(ids, offsets[v - 1], offsets[v]);
      let slot = hashed.home & mask;
      const step = probeStep(hashed.hash);
      while (slots[slot] !== 0) slot = slot + step & mask;
      slots[slot] = v;
    }
  }
};
function tooFull(count, slots) {
  return count * 10 > slots * 7;
}
var BATCH = 1024;
var FIRST_BATCH = 16;
function freshSlots(n) {
  const slots = new Int32Array(n);
  if (n >= 1 << 16) slots.fill(0);
  return slots;
}
var GROWTH = 4;
function grow(from, to, used) {
  to.set(from.subarray(0, used));
  return to;
}
var hashed = { hash: 0, home: 0 };
function hashIds(ids, start, end) {
  let h = 2166136261 ^ end - start;
  for (let k = start; k < end - 1; k++) {
    h = Math.imul(h ^ ids[k], 16777619);
    h ^= h >>> 15;
  }
  if (end - start < 2) {
    if (end > start) {
      h = Math.imul(h ^ ids[start], 16777619);
      h ^= h >>> 15;
    }
    hashed.hash = h | 0;
    hashed.home = h | 0;
    return;
  }
  let p = Math.imul(h ^ h >>> 16, 2246822507);
  p ^= p >>> 13;
  h = Math.imul(h ^ ids[end - 1], 16777619);
  h ^= h >>> 15;
  hashed.hash = h | 0;
  hashed.home = p + (h & 255) | 0;
}
function probeStep(h) {
  return h >>> 8 << 1 | 1;
}

// src/profile/profile.ts
var Profile = class _Profile {
  frames;
  stacks;
  meta;
  /** `frames` and `stacks`: tables to adopt (see toTransfer / fromTransfer); new ones by default. */
  constructor(meta = {}, frames = new FrameTable(), stacks = new StackTable()) {
    this.meta = { unit: "samples", ...meta };
    this.frames = frames;
    this.stacks = stacks;
  }
  /**
   * The profile as plain data for postMessage (with `transfer`, the typed arrays to move rather
   * than copy); the profile must not be used afterwards.
   */
  toTransfer() {
    const f = this.frames;
    const stacks = this.stacks.toState();
    const data = {
      meta: this.meta,
      frames: { names: f.names, files: f.files, lines: f.lines, modules: f.modules, kinds: f.kinds },
      stacks
    };
    return {
      data,
      transfer: [stacks.ids.buffer, stacks.offsets.buffer, stacks.w.buffer, stacks.slots.buffer]
    };
  }
  /** The profile toTransfer() described: the same frames, stacks and order. */
  static fromTransfer(d) {
    return new _Profile(d.meta, FrameTable.fromColumns(d.frames), StackTable.fromState(d.stacks));
  }
  intern(frame) {
    return this.frames.intern(frame);
  }
  /** Adds weight to a stack (frame ids, root first). Zero and negative weights are ignored. */
  addStack(frameIds, weight) {
    if (!(weight > 0)) return;
    this.stacks.add(frameIds, weight);
  }
  /** Convenience for tests and small parsers: frames as objects or names, root first. */
  addFrames(frames, weight) {
    const ids = frames.map((f) => this.intern(typeof f === "string" ? { name: f } : f));
    this.addStack(ids, weight);
  }
  frame(id) {
    return this.frames.get(id);
  }
  /** Sum of all stack weights. */
  totalWeight() {
    const { weights, length } = this.stacks.columns();
    let t = 0;
    for (let i = 0; i < length; i++) t += weights[i];
    return t;
  }
  get stackCount() {
    return this.stacks.length;
  }
  /** Calls fn for every stack; `ids` is a view valid only during the call. */
  forEachStack(fn) {
    const { ids, offsets, weights, length } = this.stacks.columns();
    const byDepth = [];
    for (let i = 0; i < length; i++) {
      const a = offsets[i];
      const n = offsets[i + 1] - a;
      let view = byDepth[n];
      if (view === void 0) {
        view = new Int32Array(n);
        byDepth[n] = view;
      }
      for (let k = 0; k < n; k++) view[k] = ids[a + k];
      fn(view, weights[i], i);
    }
  }
  /** A new empty profile with the same metadata (for transforms that rebuild stacks). */
  emptyLike() {
    return new _Profile({ ...this.meta, extra: this.meta.extra ? { ...this.meta.extra } : void 0 });
  }
};

// src/profile/frame-label.ts
var SUFFIX_BY_KIND = {
  kernel: "_[k]",
  jit: "_[j]",
  inlined: "_[i]",
  waker: "_[w]"
};
var KIND_BY_SUFFIX = { k: "kernel", j: "jit", i: "inlined", w: "waker" };
function frameLabel(f, opts = {}) {
  let label = f.name;
  if (f.file !== "" && opts.files !== false) {
    label += f.line > 0 && opts.lines !== false ? ` (${f.file}:${f.line})` : ` (${f.file})`;
  }
  const suffix = SUFFIX_BY_KIND[f.kind];
  return suffix ? label + suffix : label;
}
function kindFromFile(file) {
  const dot = file.lastIndexOf(".");
  if (dot < 0) return "other";
  switch (file.slice(dot + 1).toLowerCase()) {
    case "py":
    case "pyx":
    case "pyw":
      return "python";
    case "js":
    case "mjs":
    case "cjs":
    case "ts":
    case "mts":
    case "cts":
    case "jsx":
    case "tsx":
      return "js";
    case "java":
    case "kt":
    case "scala":
      return "java";
    case "go":
      return "go";
    case "c":
    case "cc":
    case "cpp":
    case "cxx":
    case "h":
    case "hpp":
    case "rs":
    case "so":
      return "native";
    default:
      return "other";
  }
}
var FILE_PART = /^(.*\S) \(([^()]+?)(?::(\d+))?\)$/;
function parseFrameLabel(label) {
  let kind;
  let rest = label;
  const n = rest.length;
  if (n > 4 && rest.charCodeAt(n - 1) === 93 && rest.charCodeAt(n - 4) === 95 && rest[n - 3] === "[") {
    kind = KIND_BY_SUFFIX[rest[n - 2]];
    if (kind) rest = rest.slice(0, n - 4);
  }
  if (rest.charCodeAt(rest.length - 1) === 41) {
    const m = FILE_PART.exec(rest);
    if (m) {
      const line = m[3] ? Number(m[3]) : 0;
      return { name: m[1], file: m[2], line, kind: kind ?? kindFromFile(m[2]) };
    }
  }
  return { name: rest, kind: kind ?? "other" };
}

export {
  frameLabel,
  kindFromFile,
  parseFrameLabel,
  StackTable,
  Profile
};
