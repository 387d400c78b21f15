/**
 * Frame label bytes -> id, for the byte-level parsers: an open-addressing hash table over the
 * UTF-8 bytes of a label, so that looking up a frame seen before needs no JS string. Keys are
 * copied into one byte arena (one allocation, not one per frame), each at a 4-byte boundary, so
 * that a lookup compares the key four bytes at a time: hashing reads the probe's bytes as
 * little-endian words anyway and keeps them for the compare. `root` keeps root frames apart from
 * the others (dialects may read a root label differently).
 */
export class FrameBytesTable {
  // The fields a growing table replaces start as placeholders of the same type and are replaced
  // in the constructor: V8 compiles a field never reassigned as a constant, so the first rehash
  // or bigger arena used to throw away the optimised lookups of every fresh process.
  private slots = NO_WORDS; // [record + 1 (0 = empty), hash] per slot
  private mask = 0;
  private count = 0;
  // One record per key, in words: [byte length, id, the key's bytes (padded to a word)...], so
  // that a lookup touches the slot and one record (not parallel arrays of lengths, starts, ids).
  private arena = NO_BYTES;
  private arenaWords = NO_WORDS;
  private arenaLen = 0; // in words
  /** The words of the key last hashed by get(). */
  private words = NO_WORDS;
  /** Where the frame found by getFrame() ends (its `;` or the end given). */
  frameEnd = 0;
  /** A DataView of the last bytes looked up (parsers look up many keys in one buffer). */
  private viewBytes: Uint8Array = new Uint8Array(0); // never undefined: a stable field type
  private view: DataView = new DataView(new ArrayBuffer(0));

  constructor() {
    this.slots = new Int32Array(2 << 12);
    this.mask = (1 << 12) - 1;
    this.arena = new Uint8Array(1 << 16);
    this.arenaWords = new Int32Array(this.arena.buffer);
    this.words = new Int32Array(64);
  }

  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.viewBytes) {
      this.viewBytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }

  /** The id stored for bytes[start, end), or -1. */
  get(bytes: Uint8Array, start: number, end: number, root: boolean): number {
    if ((end - start) >>> 2 > this.words.length) this.words = new Int32Array((end - start) >>> 1);
    const h = this.hash(bytes, start, end, root);
    return this.find(h, bytes, start, end);
  }

  private find(h: number, bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const r = slots[2 * slot] - 1;
      if (r === -1) return -1;
      if (slots[2 * slot + 1] === h && this.equals(r, bytes, start, end)) return this.arenaWords[r + 1];
      slot = (slot + 1) & mask;
    }
  }

  /** Stores id for bytes[start, end) (a key not in the table: call get first). */
  set(bytes: Uint8Array, start: number, end: number, root: boolean, id: number): void {
    const n = end - start;
    const room = 2 + ((n + 3) >>> 2);
    if ((this.arenaLen + room) * 4 > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, (this.arenaLen + room) * 8));
      next.set(this.arena.subarray(0, this.arenaLen * 4));
      this.arena = next;
      this.arenaWords = new Int32Array(next.buffer);
    }
    const r = this.arenaLen;
    this.arenaWords[r] = n;
    this.arenaWords[r + 1] = id;
    // A byte loop: keys are short, and subarray() would make a Buffer object per key.
    const arena = this.arena;
    const at = (r + 2) * 4 - start;
    for (let k = start; k < end; k++) arena[at + k] = bytes[k];
    this.arenaLen += room;
    this.count++;
    if (n >>> 2 > this.words.length) this.words = new Int32Array(n >>> 1);
    const h = this.hash(bytes, start, end, root);
    let slot = h & this.mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
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
  private hash(bytes: Uint8Array, start: number, end: number, root: boolean): number {
    const words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 0x811c9dc5 : 0x050c5d1f;
    let g = 0x2c1b3c6d;
    let i = start;
    let j = 0;
    // Two lanes (even and odd words), so that two multiply chains run side by side.
    for (; i + 7 < end; i += 8) {
      const w = view.getInt32(i, true);
      const v = view.getInt32(i + 4, true);
      words[j++] = w;
      words[j++] = v;
      h = Math.imul(h ^ w, 0x01000193);
      g = Math.imul(g ^ v, 0x01000193);
      h ^= h >>> 15;
      g ^= g >>> 15;
    }
    if (i + 3 < end) {
      const w = view.getInt32(i, true);
      words[j++] = w;
      h = Math.imul(h ^ w, 0x01000193);
      h ^= h >>> 15;
      i += 4;
    }
    h = lanes(h, g);
    for (; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return finalMix(h, end - start);
  }

  /**
   * The frame that starts at `from` and ends before the next `;` (or at `end`): its id, or -1;
   * where it ends is left in `frameEnd`. Finding the `;` and hashing are one pass over the bytes,
   * which for the short frames of deep stacks costs less than a search and then a hash.
   */
  getFrame(bytes: Uint8Array, from: number, end: number, root: boolean): number {
    let words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 0x811c9dc5 : 0x050c5d1f;
    let g = 0x2c1b3c6d;
    let i = from;
    let j = 0;
    for (; i + 3 < end; i += 4) {
      // One unaligned little-endian read; a `;` in it is a zero byte of w ^ ';;;;' (the usual
      // has-zero-byte test, exact about whether there is one).
      const w = view.getInt32(i, true);
      const x = w ^ 0x3b3b3b3b;
      if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
      if (j === words.length) {
        const more = new Int32Array(words.length * 2);
        more.set(words);
        this.words = more;
        words = more;
      }
      // The lanes of hash(): even words into h, odd ones into g.
      if ((j & 1) === 0) {
        h = Math.imul(h ^ w, 0x01000193);
        h ^= h >>> 15;
      } else {
        g = Math.imul(g ^ w, 0x01000193);
        g ^= g >>> 15;
      }
      words[j++] = w;
    }
    h = lanes(h, g);
    for (; i < end && bytes[i] !== 59; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    this.frameEnd = i;
    return this.find(finalMix(h, i - from), bytes, from, i);
  }

  /**
   * The key from `from` to the next `\n` (left in `frameEnd`; `end` when there is none): its id,
   * or -1. Finding the line end and hashing are one pass, eight bytes at a time as in hash(), so
   * a line parser needs no search for the `\n` first. The hash is hash()'s of those bytes.
   */
  getLine(bytes: Uint8Array, from: number, end: number, root: boolean): number {
    let words = this.words;
    const view = this.viewOf(bytes);
    let h = root ? 0x811c9dc5 : 0x050c5d1f;
    let g = 0x2c1b3c6d;
    let i = from;
    let j = 0;
    // Two lanes as in hash(); a `\n` in a word is a zero byte of w ^ '\n\n\n\n'.
    for (; i + 7 < end; i += 8) {
      const w = view.getInt32(i, true);
      const v = view.getInt32(i + 4, true);
      const x = w ^ 0x0a0a0a0a;
      const y = v ^ 0x0a0a0a0a;
      if ((((x - 0x01010101) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) break;
      if (j + 2 > words.length) words = this.moreWords();
      words[j++] = w;
      words[j++] = v;
      h = Math.imul(h ^ w, 0x01000193);
      g = Math.imul(g ^ v, 0x01000193);
      h ^= h >>> 15;
      g ^= g >>> 15;
    }
    // Fewer than eight bytes of the key are left: one more word, as in hash(), when it holds no `\n`.
    if (i + 3 < end) {
      const w = view.getInt32(i, true);
      const x = w ^ 0x0a0a0a0a;
      if (((x - 0x01010101) & ~x & 0x80808080) === 0) {
        if (j + 1 > words.length) words = this.moreWords();
        words[j++] = w;
        h = Math.imul(h ^ w, 0x01000193);
        h ^= h >>> 15;
        i += 4;
      }
    }
    h = lanes(h, g);
    for (; i < end && bytes[i] !== 10; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    this.frameEnd = i;
    return this.find(finalMix(h, i - from), bytes, from, i);
  }

  /** this.words, twice as long (its words kept). */
  private moreWords(): Int32Array<ArrayBuffer> {
    const more = new Int32Array(this.words.length * 2);
    more.set(this.words);
    this.words = more;
    return more;
  }

  /** Record r's key against bytes[start, end), whose whole words hash() just left in this.words. */
  private equals(r: number, bytes: Uint8Array, start: number, end: number): boolean {
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

const NO_WORDS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);

/** The two word lanes of a key's hash as one. */
function lanes(h: number, g: number): number {
  return Math.imul(h ^ (g >>> 7), 0x9e3779b1) ^ g;
}

function finalMix(hash: number, length: number): number {
  let h = hash ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/** The arena's words read the key's bytes as hash() builds them only on a little-endian host. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
