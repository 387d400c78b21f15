/**
 * Distinct stacks stored flat: all frame ids in one Int32Array, an offset per stack, a weight per
 * stack. Identical stacks are merged on insert through an open-addressing hash table over the id
 * sequences, so 1M+ distinct stacks cost a few arrays and no per-stack or per-sample object.
 * Stacks are root first.
 */
export class StackTable {
  private ids = new Int32Array(1 << 12);
  private idsLen = 0;
  private offsets = new Uint32Array(1 << 10); // offsets[i]..offsets[i+1] are stack i's frames
  private w = new Float64Array(1 << 10);
  private count = 0;
  // Open addressing, two Int32 per slot: [stack index + 1 (0 = empty), hash]. The hash sits next
  // to the index so that a probe touches one cache line, not the stack's frames, on a mismatch.
  private slots = new Int32Array(2 << 11);
  private mask = (1 << 11) - 1;
  /** Copy target for add() calls with plain arrays, so the hot loops only ever see Int32Array. */
  private scratch = new Int32Array(256);

  get length(): number {
    return this.count;
  }

  /** Total number of frame ids stored (sum of stack depths). */
  get depthSum(): number {
    return this.idsLen;
  }

  /**
   * Sizes the table for about `stacks` distinct stacks holding about `frames` frame ids in all
   * (hints, e.g. from a folded file's size), so that filling it does not grow it again and again.
   * Over-estimates are cheap: memory that is never written is never touched, while every growth
   * copies into fresh memory (page faults are a large part of building a 1M-stack table).
   */
  reserve(stacks: number, frames = 0): void {
    let cap = this.mask + 1;
    while (cap < stacks * 2 && cap < 1 << 26) cap *= 2;
    if (cap !== this.mask + 1) {
      const old = this.slots;
      this.slots = new Int32Array(2 * cap);
      this.mask = cap - 1;
      this.reinsert(old);
    }
    if (stacks + 2 > this.offsets.length) this.growStacks(stacks + 2);
    if (frames > this.ids.length) this.growIds(frames);
  }

  /** Adds `weight` to the stack with these frame ids (root first), creating it when new. */
  add(frameIds: ArrayLike<number>, weight: number, start = 0, end = frameIds.length): number {
    if (frameIds instanceof Int32Array) return this.addInt32(frameIds, weight, start, end);
    const n = end - start;
    if (n > this.scratch.length) this.scratch = new Int32Array(Math.max(n, this.scratch.length * 2));
    const buf = this.scratch;
    for (let k = 0; k < n; k++) buf[k] = frameIds[start + k];
    return this.addInt32(buf, weight, 0, n);
  }

  private addInt32(frameIds: Int32Array, weight: number, start: number, end: number): number {
    const h = hashIds(frameIds, start, end);
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const s = slots[2 * slot] - 1;
      if (s === -1) break;
      if (slots[2 * slot + 1] === h && this.equals(s, frameIds, start, end)) {
        this.w[s] += weight;
        return s;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.append(frameIds, start, end, weight);
    slots[2 * slot] = index + 1;
    slots[2 * slot + 1] = h;
    if (this.count * 2 > mask + 1) this.rehash();
    return index;
  }

  weight(i: number): number {
    return this.w[i];
  }

  setWeight(i: number, weight: number): void {
    this.w[i] = weight;
  }

  /** A view (not a copy) of stack i's frame ids, root first. Do not keep it across add(). */
  frames(i: number): Int32Array {
    return this.ids.subarray(this.offsets[i], this.offsets[i + 1]);
  }

  depth(i: number): number {
    return this.offsets[i + 1] - this.offsets[i];
  }

  /** Raw columns for hot loops: frame ids of stack i are ids[offsets[i]..offsets[i+1]). */
  columns(): { ids: Int32Array; offsets: Uint32Array; weights: Float64Array; length: number } {
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
    for (let k = 0; k < n; k++) if (ids[a + k] !== frameIds[start + k]) return false;
    return true;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.reinsert(old);
  }

  private reinsert(old: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    for (let j = 0; j < old.length; j += 2) {
      const v = old[j];
      if (v === 0) continue;
      const h = old[j + 1];
      let slot = h & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = v;
      slots[2 * slot + 1] = h;
    }
  }
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

function hashIds(ids: Int32Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) {
    h = Math.imul(h ^ ids[k], 0x01000193);
    h ^= h >>> 15;
  }
  return h | 0;
}
