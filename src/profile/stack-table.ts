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
  private hashes = new Uint32Array(1 << 10);
  private count = 0;
  private slots = new Int32Array(1 << 11).fill(-1);

  get length(): number {
    return this.count;
  }

  /** Total number of frame ids stored (sum of stack depths). */
  get depthSum(): number {
    return this.idsLen;
  }

  /** Adds `weight` to the stack with these frame ids (root first), creating it when new. */
  add(frameIds: ArrayLike<number>, weight: number, start = 0, end = frameIds.length): number {
    const h = hashIds(frameIds, start, end);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const s = this.slots[slot];
      if (s === -1) break;
      if (this.hashes[s] === h && this.equals(s, frameIds, start, end)) {
        this.w[s] += weight;
        return s;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.append(frameIds, start, end, weight, h);
    this.slots[slot] = index;
    if (this.count * 2 > this.slots.length) this.rehash();
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

  private append(frameIds: ArrayLike<number>, start: number, end: number, weight: number, h: number): number {
    const n = end - start;
    if (this.idsLen + n > this.ids.length) {
      const next = new Int32Array(Math.max(this.ids.length * 2, this.idsLen + n));
      next.set(this.ids.subarray(0, this.idsLen));
      this.ids = next;
    }
    for (let k = 0; k < n; k++) this.ids[this.idsLen + k] = frameIds[start + k];
    if (this.count + 2 > this.offsets.length) {
      const cap = this.offsets.length * 2;
      this.offsets = grow(this.offsets, new Uint32Array(cap));
      this.w = grow(this.w, new Float64Array(cap));
      this.hashes = grow(this.hashes, new Uint32Array(cap));
    }
    const index = this.count++;
    this.offsets[index] = this.idsLen;
    this.idsLen += n;
    this.offsets[index + 1] = this.idsLen;
    this.w[index] = weight;
    this.hashes[index] = h;
    return index;
  }

  private equals(s: number, frameIds: ArrayLike<number>, start: number, end: number): boolean {
    const a = this.offsets[s];
    const b = this.offsets[s + 1];
    if (b - a !== end - start) return false;
    for (let k = 0; k < b - a; k++) if (this.ids[a + k] !== frameIds[start + k]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let s = 0; s < this.count; s++) {
      let slot = this.hashes[s] & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = s;
    }
    this.slots = slots;
  }
}

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function hashIds(ids: ArrayLike<number>, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) {
    h = Math.imul(h ^ ids[k], 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
