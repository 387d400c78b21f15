import type { Profile } from '../profile/profile.js';

/**
 * Call tree of a profile: stacks merged by shared prefix (root first). Node 0 is the synthetic
 * root ("all"). Columns, not objects, so million-stack profiles stay cheap.
 */
export interface CallTree {
  /** Number of nodes, root included. */
  size: number;
  /** Profile frame id of each node (-1 for the root). */
  frame: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  /** Inclusive weight: everything sampled in this node's subtree. */
  total: Float64Array;
  /** Weight of stacks ending exactly at this node. */
  self: Float64Array;
  /** Children of node n are kids[kidStart[n] .. kidStart[n + 1]), in creation (input) order. */
  kidStart: Uint32Array;
  kids: Int32Array;
  maxDepth: number;
}

/**
 * Builds the tree in one pass over the distinct stacks. Consecutive stacks usually share a long
 * prefix (folded files are sorted, samplers repeat), so the previous stack's node path is reused
 * up to the first differing frame and only the rest is looked up in the child map.
 */
export function buildCallTree(p: Profile): CallTree {
  const { ids, offsets, weights, length } = p.stacks.columns();
  let cap = Math.max(16, Math.min(p.stacks.depthSum + 1, 1 << 20));
  let frame = new Int32Array(cap);
  let parent = new Int32Array(cap);
  let depth = new Int32Array(cap);
  let total = new Float64Array(cap);
  let self = new Float64Array(cap);
  frame[0] = -1;
  parent[0] = -1;
  let size = 1;
  const childOf = new ChildIndex();
  let path = new Int32Array(64); // path[d] = node at depth d+1 of the previous stack
  let prevA = 0;
  let prevB = 0;
  const grow = (): void => {
    cap *= 2;
    frame = resize(frame, new Int32Array(cap));
    parent = resize(parent, new Int32Array(cap));
    depth = resize(depth, new Int32Array(cap));
    total = resize(total, new Float64Array(cap));
    self = resize(self, new Float64Array(cap));
  };
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    if (!(w > 0)) continue;
    const a = offsets[s];
    const b = offsets[s + 1];
    const n = b - a;
    if (n > path.length) path = resize(path, new Int32Array(Math.max(n, path.length * 2)));
    // Common prefix with the previous stack: those nodes are already known.
    let k = 0;
    const m = Math.min(n, prevB - prevA);
    while (k < m && ids[a + k] === ids[prevA + k]) k++;
    let node = k === 0 ? 0 : path[k - 1];
    for (; k < n; k++) {
      const f = ids[a + k];
      let child = childOf.get(node, f);
      if (child < 0) {
        if (size === cap) grow();
        child = size++;
        frame[child] = f;
        parent[child] = node;
        depth[child] = k + 1;
        childOf.set(node, f, child);
      }
      path[k] = child;
      node = child;
    }
    self[node] += w;
    prevA = a;
    prevB = b;
  }
  // Children are created after their parents, so a reverse sweep sums totals bottom-up.
  for (let i = 0; i < size; i++) total[i] = self[i];
  let maxDepth = 0;
  for (let i = size - 1; i > 0; i--) {
    total[parent[i]] += total[i];
    if (depth[i] > maxDepth) maxDepth = depth[i];
  }
  const { kidStart, kids } = childrenOf(parent, size);
  return {
    size,
    frame: frame.subarray(0, size),
    parent: parent.subarray(0, size),
    depth: depth.subarray(0, size),
    total: total.subarray(0, size),
    self: self.subarray(0, size),
    kidStart,
    kids,
    maxDepth,
  };
}

/** CSR child lists; node ids grow with creation order, so each list is in input order. */
function childrenOf(parent: Int32Array, size: number): { kidStart: Uint32Array; kids: Int32Array } {
  const kidStart = new Uint32Array(size + 1);
  for (let i = 1; i < size; i++) kidStart[parent[i] + 1]++;
  for (let i = 0; i < size; i++) kidStart[i + 1] += kidStart[i];
  const fill = kidStart.slice(0, size);
  const kids = new Int32Array(Math.max(0, size - 1));
  for (let i = 1; i < size; i++) kids[fill[parent[i]]++] = i;
  return { kidStart, kids };
}

function resize<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from.subarray(0, Math.min(from.length, to.length)));
  return to;
}

/**
 * (parent node, frame id) -> child node, open addressing over typed arrays: a Map keyed by
 * numbers above 2^31 boxes every key and was 10x slower on million-node trees.
 */
class ChildIndex {
  private parents = new Int32Array(1 << 12);
  private frames = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12).fill(-1);
  private count = 0;

  get(parent: number, frame: number): number {
    const mask = this.values.length - 1;
    let slot = hash2(parent, frame) & mask;
    for (;;) {
      const v = this.values[slot];
      if (v < 0 || (this.parents[slot] === parent && this.frames[slot] === frame)) return v;
      slot = (slot + 1) & mask;
    }
  }

  /** Only called after get() returned -1 for the same key. */
  set(parent: number, frame: number, child: number): void {
    if ((this.count + 1) * 2 > this.values.length) this.rehash();
    const mask = this.values.length - 1;
    let slot = hash2(parent, frame) & mask;
    while (this.values[slot] >= 0) slot = (slot + 1) & mask;
    this.parents[slot] = parent;
    this.frames[slot] = frame;
    this.values[slot] = child;
    this.count++;
  }

  private rehash(): void {
    const { parents, frames, values } = this;
    const cap = values.length * 2;
    this.parents = new Int32Array(cap);
    this.frames = new Int32Array(cap);
    this.values = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let i = 0; i < values.length; i++) {
      if (values[i] < 0) continue;
      let slot = hash2(parents[i], frames[i]) & mask;
      while (this.values[slot] >= 0) slot = (slot + 1) & mask;
      this.parents[slot] = parents[i];
      this.frames[slot] = frames[i];
      this.values[slot] = values[i];
    }
  }
}

function hash2(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * The call tree as far as it can be drawn, built level by level: at each depth only the stacks
 * still inside a node at least `minWeight` heavy (and at most `maxDepth` deep) are looked at.
 * Lighter children are kept as leaves (their weight and position matter to the layout, which
 * prunes them) but their stacks are not followed. Gives the same drawing as buildCallTree, with
 * memory that follows what is drawn instead of the millions of nodes a big profile has: every
 * cut node ends at least one stack, so there are at most (stacks + drawn nodes) of them.
 *
 * Each loop of a level is its own function: in a fresh process the first level's loops run
 * once each before any is optimised, and one function holding them all was compiled (on-stack
 * replacement) and thrown away again at every loop it had not run yet (half a dozen times).
 */
export function buildPrunedTree(
  p: Profile,
  minWeight: number,
  maxDepth = Number.POSITIVE_INFINITY,
): CallTree {
  const { ids, offsets, weights, length } = p.stacks.columns();
  const nodes = new NodeColumns();
  nodes.add(-1, -1, 0, 0);
  const lv = new Level(length);
  let n = weightedStacks(lv, weights, length);
  nodes.total[0] = lv.sum;
  // Buffers reused by every level: a level has at most `n` (parent, frame) pairs. One pair
  // table serves every level too: a fresh one per level was ~1 MB of typed arrays each, freed
  // only by a full GC, so ten levels raised the peak memory by ~10 MB. Every stack starts in
  // pair 0, whose node is the root (both arrays start zeroed).
  lv.reserve(n);
  const table = new PairTable(n);
  let deepest = 0;
  let followed = 1;
  for (let k = 0; n > 0 && followed > 0; k++) {
    table.clear();
    n = scanLevel(lv, n, k, ids, offsets, weights, table, nodes.self);
    const pairs = lv.pairs;
    // Every (parent, frame) pair of this level becomes a node, in first-seen (input) order;
    // only the heavy ones are followed further down (the next scan skips the other stacks).
    followed = addLevelNodes(nodes, table, lv, pairs, k, k + 1 <= maxDepth, minWeight);
    if (pairs > 0) deepest = k + 1;
    if (n < lv.alive.length >> 2) lv.shrink(n);
  }
  const size = nodes.size;
  const parent = nodes.parent.subarray(0, size);
  const { kidStart, kids } = childrenOf(parent, size);
  return {
    size,
    frame: nodes.frame.subarray(0, size),
    parent,
    depth: nodes.depth.subarray(0, size),
    total: nodes.total.subarray(0, size),
    self: nodes.self.subarray(0, size),
    kidStart,
    kids,
    maxDepth: deepest,
  };
}

/** The per-level working columns of buildPrunedTree. */
class Level {
  /** Stacks that reached the last level scanned, and the pair each had there. */
  alive: Int32Array;
  slotOf = new Int32Array(0);
  /** Per pair of the last level: its weight, and its node if followed (else -1). */
  sums = new Float64Array(0);
  follow = new Int32Array(0);
  pairs = 0;
  sum = 0;

  constructor(stacks: number) {
    this.alive = new Int32Array(stacks);
  }

  reserve(n: number): void {
    this.slotOf = new Int32Array(n);
    this.sums = new Float64Array(n);
    this.follow = new Int32Array(n);
  }

  shrink(n: number): void {
    this.alive = this.alive.slice(0, n);
    this.slotOf = this.slotOf.slice(0, n);
  }
}

/** Writes the stacks of positive weight to lv.alive; returns how many (their sum in lv.sum). */
function weightedStacks(lv: Level, weights: Float64Array, length: number): number {
  const alive = lv.alive;
  let n = 0;
  let all = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    if (!(w > 0)) continue;
    all += w;
    alive[n++] = s;
  }
  lv.sum = all;
  return n;
}

/**
 * Level k: a stack whose pair of the level before is not followed is dropped; a followed one
 * either ends (its weight is its node's self weight) or has a frame at depth k, whose (parent
 * node, frame) pair is numbered in `table`; pair weights go to lv.sums and the number of pairs
 * to lv.pairs. Returns how many stacks go on (compacted in alive/slotOf, which now hold this
 * level's pairs). Dropping here, not in a pass of its own, reads each stack once per level.
 */
function scanLevel(
  lv: Level,
  n: number,
  k: number,
  ids: Int32Array,
  offsets: Uint32Array,
  weights: Float64Array,
  table: PairTable,
  self: Float64Array,
): number {
  const { alive, slotOf, sums, follow } = lv;
  let pairs = 0;
  let m = 0;
  // Neighbouring stacks mostly share their prefix (input order): the previous stack's pair is
  // checked before the table.
  let lastNode = -2;
  let lastFrame = -2;
  let lastT = -1;
  for (let i = 0; i < n; i++) {
    const node = follow[slotOf[i]];
    if (node < 0) continue;
    const s = alive[i];
    const start = offsets[s];
    if (offsets[s + 1] - start <= k) {
      self[node] += weights[s]; // the stack ends here
      continue;
    }
    const f = ids[start + k];
    let t: number;
    if (node === lastNode && f === lastFrame) t = lastT;
    else {
      t = table.index(node, f);
      lastNode = node;
      lastFrame = f;
      lastT = t;
    }
    if (t === pairs) sums[pairs++] = 0;
    sums[t] += weights[s];
    alive[m] = s;
    slotOf[m++] = t; // i >= m: slotOf[i] was read above
  }
  lv.pairs = pairs;
  return m;
}

/**
 * One node per pair of the level; lv.follow[t] is the node of a pair to follow further down (at
 * least `minWeight` heavy, and `followable`: not past the maximum depth), else -1. Returns how
 * many pairs are followed.
 */
function addLevelNodes(
  nodes: NodeColumns,
  table: PairTable,
  lv: Level,
  pairs: number,
  k: number,
  followable: boolean,
  minWeight: number,
): number {
  const { sums, follow } = lv;
  let followed = 0;
  for (let t = 0; t < pairs; t++) {
    const id = nodes.add(table.frameAt(t), table.parentAt(t), k + 1, sums[t]);
    const go = followable && sums[t] >= minWeight;
    follow[t] = go ? id : -1;
    if (go) followed++;
  }
  return followed;
}

/** Growable node columns of buildPrunedTree (typed arrays: no boxing, no per-push checks). */
class NodeColumns {
  size = 0;
  frame = new Int32Array(1024);
  parent = new Int32Array(1024);
  depth = new Int32Array(1024);
  total = new Float64Array(1024);
  self = new Float64Array(1024);

  add(frame: number, parent: number, depth: number, total: number): number {
    if (this.size === this.frame.length) this.grow();
    const id = this.size++;
    this.frame[id] = frame;
    this.parent[id] = parent;
    this.depth[id] = depth;
    this.total[id] = total;
    return id;
  }

  private grow(): void {
    const cap = this.frame.length * 2;
    this.frame = resize(this.frame, new Int32Array(cap));
    this.parent = resize(this.parent, new Int32Array(cap));
    this.depth = resize(this.depth, new Int32Array(cap));
    this.total = resize(this.total, new Float64Array(cap));
    this.self = resize(this.self, new Float64Array(cap));
  }
}

/** (parent, frame) pairs of one level, numbered densely in first-seen order. */
class PairTable {
  private parents: Int32Array;
  private frames: Int32Array;
  private count = 0;
  private slots: Int32Array;
  private mask: number;

  /** `expected`: an upper bound on the pairs; the table starts at a fraction of it and grows. */
  constructor(expected: number) {
    const cap = Math.max(256, Math.min(expected, 1 << 16));
    this.parents = new Int32Array(cap);
    this.frames = new Int32Array(cap);
    let slots = 1024;
    while (slots < cap * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  /** Forgets every pair (the next level numbers its pairs from 0 again). */
  clear(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.slots.fill(-1);
  }

  index(parent: number, frame: number): number {
    const { slots, parents, frames, mask } = this;
    let slot = hash2(parent, frame) & mask;
    for (;;) {
      const t = slots[slot];
      if (t < 0) break;
      if (parents[t] === parent && frames[t] === frame) return t;
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, parent, frame);
  }

  private insert(slot: number, parent: number, frame: number): number {
    const t = this.count++;
    if (t === this.parents.length) {
      const p = new Int32Array(t * 2);
      p.set(this.parents);
      this.parents = p;
      const f = new Int32Array(t * 2);
      f.set(this.frames);
      this.frames = f;
    }
    this.parents[t] = parent;
    this.frames[t] = frame;
    this.slots[slot] = t;
    if (this.count * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.mask = this.slots.length - 1;
      for (let i = 0; i < this.count; i++) {
        let sl = hash2(this.parents[i], this.frames[i]) & this.mask;
        while (this.slots[sl] >= 0) sl = (sl + 1) & this.mask;
        this.slots[sl] = i;
      }
    }
    return t;
  }

  parentAt(t: number): number {
    return this.parents[t];
  }

  frameAt(t: number): number {
    return this.frames[t];
  }
}
