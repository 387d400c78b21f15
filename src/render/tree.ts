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
  const nFrames = Math.max(1, p.frames.size);
  // Child lookup key parent * nFrames + frame: exact while below 2^53 (10^9 nodes x 10^6 frames).
  const childOf = new Map<number, number>();
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
      const key = node * nFrames + f;
      let child = childOf.get(key);
      if (child === undefined) {
        if (size === cap) grow();
        child = size++;
        frame[child] = f;
        parent[child] = node;
        depth[child] = k + 1;
        childOf.set(key, child);
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
