/**
 * Frame label bytes -> frame id, for the byte-level parsers: an open-addressing hash table over
 * the UTF-8 bytes of a label, so that looking up a frame seen before needs no JS string. Keys
 * are copied into one byte arena (one allocation, not one per frame). `root` keeps root frames
 * apart from the others (dialects may read a root label differently).
 */
export class FrameBytesTable {
  private slots = new Int32Array(2 << 12); // [entry + 1 (0 = empty), hash] per slot
  private mask = (1 << 12) - 1;
  private count = 0;
  private keyStart = new Uint32Array(1 << 11);
  private keyLen = new Uint32Array(1 << 11);
  private ids = new Int32Array(1 << 11);
  private arena = new Uint8Array(1 << 16);
  private arenaLen = 0;

  /** The id stored for bytes[start, end), or -1. */
  get(bytes: Uint8Array, start: number, end: number, root: boolean): number {
    const h = hashBytes(bytes, start, end, root);
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const e = slots[2 * slot] - 1;
      if (e === -1) return -1;
      if (slots[2 * slot + 1] === h && this.equals(e, bytes, start, end)) return this.ids[e];
      slot = (slot + 1) & mask;
    }
  }

  /** Stores id for bytes[start, end) (a key not in the table: call get first). */
  set(bytes: Uint8Array, start: number, end: number, root: boolean, id: number): void {
    const n = end - start;
    if (this.arenaLen + n > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + n));
      next.set(this.arena.subarray(0, this.arenaLen));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaLen);
    if (this.count === this.ids.length) {
      this.keyStart = growU32(this.keyStart);
      this.keyLen = growU32(this.keyLen);
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    const e = this.count++;
    this.keyStart[e] = this.arenaLen;
    this.keyLen[e] = n;
    this.ids[e] = id;
    this.arenaLen += n;
    const h = hashBytes(bytes, start, end, root);
    let slot = h & this.mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = e + 1;
    this.slots[2 * slot + 1] = h;
    if (this.count * 2 > this.mask + 1) this.rehash();
  }

  private equals(e: number, bytes: Uint8Array, start: number, end: number): boolean {
    const n = this.keyLen[e];
    if (n !== end - start) return false;
    const a = this.keyStart[e];
    const arena = this.arena;
    for (let k = 0; k < n; k++) if (arena[a + k] !== bytes[start + k]) return false;
    return true;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let slot = old[j + 1] & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[j];
      slots[2 * slot + 1] = old[j + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function growU32(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Four bytes per multiply (FNV-style over little-endian words, the root flag as a different
 * seed), then a final avalanche: frame labels are hashed once per occurrence, so this is hot.
 */
function hashBytes(bytes: Uint8Array, start: number, end: number, root: boolean): number {
  let h = (root ? 0x811c9dc5 : 0x050c5d1f) ^ (end - start);
  let i = start;
  for (; i + 3 < end; i += 4) {
    const w = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    h = Math.imul(h ^ w, 0x01000193);
    h ^= h >>> 15;
  }
  for (; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
