/**
 * Distinct stacks stored flat: all frame ids in one Int32Array, an offset per stack, a weight per
 * stack. Identical stacks are merged on insert through an open-addressing hash table over the id
 * sequences, so 1M+ distinct stacks cost a few arrays and no per-stack or per-sample object.
 * Stacks are root first.
 *
 * Bulk loaders (parsers, merges) may use addLater(): the stack is appended at once and merged
 * with an equal one in batches (see flush). Every reader flushes first, so what a caller sees is
 * always the same as if each stack had been added with add().
 */
/** A StackTable's internals, transferable to another thread (see toState). */
export interface StackTableState {
  ids: Int32Array<ArrayBuffer>;
  idsLen: number;
  offsets: Uint32Array<ArrayBuffer>;
  w: Float64Array<ArrayBuffer>;
  count: number;
  slots: Int32Array<ArrayBuffer>;
  mask: number;
}

export class StackTable {
  private ids = new Int32Array(1 << 12);
  private idsLen = 0;
  private offsets = new Uint32Array(1 << 10); // offsets[i]..offsets[i+1] are stack i's frames
  private w = new Float64Array(1 << 10);
  private count = 0;
  // Open addressing, one Int32 per slot: stack index + 1 (0 = empty). No hash is kept in the slot:
  // a probe that meets another stack compares it from the leaf (stacks whose probes meet mostly
  // share their parents, so the leaf settles it), and a big table is half the fresh memory,
  // which on first touch costs more than the compares.
  private slots = new Int32Array(1 << 11);
  private mask = (1 << 11) - 1;
  /** Copy target for add() calls with plain arrays, so the hot loops only ever see Int32Array. */
  private scratch = new Int32Array(256);
  /** Stacks appended by addLater() and not merged yet: the last `pending` ones; their hashes. */
  private pending = 0;
  private pendingHash = new Int32Array(BATCH);
  private pendingHome = new Int32Array(BATCH);
  /**
   * Stacks in the next batch: the first one is small, so that a parser's hot loop (with addLater
   * inlined) has called flush() before it is first optimised. A call never made by then is
   * compiled as a bail-out, and the loop was optimised twice (a bail-out and a recompile in
   * every fresh process).
   */
  private batch = FIRST_BATCH;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: written so the prefetching loads in flush() are kept
  private prefetched = 0;

  get length(): number {
    if (this.pending !== 0) this.flush();
    return this.count;
  }

  /** Total number of frame ids stored (sum of stack depths). */
  get depthSum(): number {
    if (this.pending !== 0) this.flush();
    return this.idsLen;
  }

  /**
   * Sizes the table for about `stacks` distinct stacks holding about `frames` frame ids in all
   * (hints, e.g. from a folded file's size), so that filling it does not grow it again and again.
   * Over-estimates are cheap: memory that is never written is never touched, while every growth
   * copies into fresh memory (page faults are a large part of building a 1M-stack table).
   */
  reserve(stacks: number, frames = 0): void {
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
  copyFrom(other: StackTable): void {
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
  toState(): StackTableState {
    if (this.pending !== 0) this.flush();
    return {
      ids: this.ids,
      idsLen: this.idsLen,
      offsets: this.offsets,
      w: this.w,
      count: this.count,
      slots: this.slots,
      mask: this.mask,
    };
  }

  /** A table made from toState() of another: the same stacks, weights, order and hash slots. */
  static fromState(state: StackTableState): StackTable {
    const t = new StackTable();
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
  add(frameIds: ArrayLike<number>, weight: number, start = 0, end = frameIds.length): number {
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
  addLater(frameIds: Int32Array, weight: number, start: number, end: number): void {
    this.append(frameIds, start, end, weight);
    hashIds(frameIds, start, end);
    this.pendingHash[this.pending] = hashed.hash;
    this.pendingHome[this.pending++] = hashed.home;
    if (this.pending === this.batch) {
      this.batch = BATCH;
      this.flush();
    }
  }

  private addInt32(frameIds: Int32Array, weight: number, start: number, end: number): number {
    hashIds(frameIds, start, end);
    const h = hashed.hash;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashed.home & mask;
    const step = probeStep(h);
    for (;;) {
      const s = slots[slot] - 1;
      if (s === -1) break;
      if (this.equals(s, frameIds, start, end)) {
        this.w[s] += weight;
        return s;
      }
      slot = (slot + step) & mask;
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
  private flush(): void {
    const n = this.pending;
    this.pending = 0;
    const first = this.count - n;
    while (tooFull(this.count, this.mask + 1)) this.rehash(); // room for all of them being new
    const { ids, offsets, w, slots, mask, pendingHash, pendingHome } = this;
    // First only load each pending stack's first slot: independent loads in a tight loop, whose
    // cache misses the CPU overlaps, so the probing below mostly finds them in cache.
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
      for (;;) {
        const s = slots[slot] - 1;
        if (s === -1) break;
        if (this.equals(s, ids, a, b)) {
          found = s;
          break;
        }
        slot = (slot + step) & mask;
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

  weight(i: number): number {
    if (this.pending !== 0) this.flush();
    return this.w[i];
  }

  setWeight(i: number, weight: number): void {
    if (this.pending !== 0) this.flush();
    this.w[i] = weight;
  }

  /** A view (not a copy) of stack i's frame ids, root first. Do not keep it across add(). */
  frames(i: number): Int32Array {
    if (this.pending !== 0) this.flush();
    return this.ids.subarray(this.offsets[i], this.offsets[i + 1]);
  }

  depth(i: number): number {
    if (this.pending !== 0) this.flush();
    return this.offsets[i + 1] - this.offsets[i];
  }

  /** Raw columns for hot loops: frame ids of stack i are ids[offsets[i]..offsets[i+1]). */
  columns(): { ids: Int32Array; offsets: Uint32Array; weights: Float64Array; length: number } {
    if (this.pending !== 0) this.flush();
    return { ids: this.ids, offsets: this.offsets, weights: this.w, length: this.count };
  }

  private append(frameIds: Int32Array, start: number, end: number, weight: number): number {
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

  private growIds(cap: number): void {
    const next = new Int32Array(cap);
    next.set(this.ids.subarray(0, this.idsLen));
    this.ids = next;
  }

  private growStacks(cap: number): void {
    this.offsets = grow(this.offsets, new Uint32Array(cap), this.count + 1);
    this.w = grow(this.w, new Float64Array(cap), this.count);
  }

  private equals(s: number, frameIds: Int32Array, start: number, end: number): boolean {
    const a = this.offsets[s];
    const n = this.offsets[s + 1] - a;
    if (n !== end - start) return false;
    const ids = this.ids;
    // From the leaf: stacks that meet in a probe mostly share their parents.
    for (let k = n - 1; k >= 0; k--) if (ids[a + k] !== frameIds[start + k]) return false;
    return true;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = freshSlots(old.length * 2);
    this.mask = old.length * 2 - 1;
    this.reinsert(old);
  }

  private reinsert(old: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const { ids, offsets } = this;
    for (let j = 0; j < old.length; j++) {
      const v = old[j];
      if (v === 0) continue;
      hashIds(ids, offsets[v - 1], offsets[v]);
      let slot = hashed.home & mask;
      const step = probeStep(hashed.hash);
      while (slots[slot] !== 0) slot = (slot + step) & mask;
      slots[slot] = v;
    }
  }
}

/**
 * The table grows past 70% full: with double hashing probes stay short at that load, and a
 * smaller table is fewer fresh pages to touch (every slot page of a big table gets written).
 */
function tooFull(count: number, slots: number): boolean {
  return count * 10 > slots * 7;
}

/** Stacks per addLater() batch: enough to overlap many misses, few enough to stay in cache. */
const BATCH = 1024;
const FIRST_BATCH = 16;

/**
 * A zeroed slot array whose pages are already written: probes read a slot before the insert
 * writes it, and a fresh page first read maps the shared zero page, then faults a second time on
 * its first write. Writing every page once up front halves those faults (for a big table, most
 * pages get a stack soon anyway).
 */
function freshSlots(n: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(n);
  if (n >= 1 << 16) slots.fill(0);
  return slots;
}

/**
 * The flat columns grow 4x at a time: the unused tail is never touched (so costs no memory),
 * and copying less often means touching less fresh memory, which is what growth costs.
 */
const GROWTH = 4;

function grow<T extends Uint32Array | Float64Array>(from: T, to: T, used: number): T {
  to.set(from.subarray(0, used));
  return to;
}

/** What hashIds() computed last (module state, so that the hot loops allocate nothing). */
const hashed = { hash: 0, home: 0 };

/**
 * A stack's hash, and its home: where its probe starts, a hash of its frames above the leaf
 * plus a few bits of the full hash (one pass gives both). Stacks that differ only in their leaf
 * (neighbours in a sorted file, siblings in a profile) so start in the same 2 KB of the table
 * instead of anywhere in tens of MB, which saves a cache and TLB miss per stack while a big table
 * fills. Probing then steps by the full hash (double hashing), so many siblings of one parent do
 * not pile up into one long run.
 */
function hashIds(ids: Int32Array, start: number, end: number): void {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end - 1; k++) {
    h = Math.imul(h ^ ids[k], 0x01000193);
    h ^= h >>> 15;
  }
  if (end - start < 2) {
    if (end > start) {
      h = Math.imul(h ^ ids[start], 0x01000193);
      h ^= h >>> 15;
    }
    hashed.hash = h | 0;
    hashed.home = h | 0;
    return;
  }
  let p = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  p ^= p >>> 13;
  h = Math.imul(h ^ ids[end - 1], 0x01000193);
  h ^= h >>> 15;
  hashed.hash = h | 0;
  hashed.home = (p + (h & 255)) | 0;
}

/** Odd, so that stepping visits every slot of the power-of-two table. */
function probeStep(h: number): number {
  return ((h >>> 8) << 1) | 1;
}
