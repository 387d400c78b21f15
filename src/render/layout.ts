import type { CallTree } from './tree.js';

export interface LayoutOptions {
  /** Drawing width in px of the whole profile (image width minus padding). */
  widthPx: number;
  /** Frames narrower than this many px are not drawn (flamegraph.pl's --minwidth). */
  minWidthPx: number;
  /** 'alpha' sorts siblings by rank (label order), 'width' widest first, 'input' keeps input order. */
  order: 'alpha' | 'width' | 'input';
  /** Per profile frame id: rank of its label in sort order (needed for 'alpha' and ties). */
  rank: Int32Array;
  /** Frames deeper than this are not drawn (their weight shows as pruned in the parent). */
  maxDepth?: number;
}

/** Drawn frames in depth-first order (each depth's frames come in increasing x). */
export interface FlameLayout {
  count: number;
  node: Int32Array;
  depth: Int32Array;
  /** Start of the frame in weight units from the left edge. */
  x: Float64Array;
  /** Width in weight units (the node's inclusive weight). */
  w: Float64Array;
  /** Weight of children not drawn (too narrow or too deep) and how many there were. */
  prunedWeight: Float64Array;
  prunedCount: Int32Array;
  total: number;
  maxDepth: number;
}

/**
 * Positions every frame at least `minWidthPx` wide. Pruned children add to their parent's pruned
 * weight, so the tooltip can say what is hidden; their subtrees are never visited. Iterative so
 * 5,000-deep stacks do not hit the JS call-stack limit.
 */
export function layoutFlame(t: CallTree, o: LayoutOptions): FlameLayout {
  const total = t.total[0];
  const minW = total > 0 ? (o.minWidthPx * total) / o.widthPx : 0;
  const maxDepth = o.maxDepth ?? Number.POSITIVE_INFINITY;
  const out = new LayoutBuilder();
  if (!(total > 0)) return out.finish(0);
  const stackNode: number[] = [0];
  const stackX: number[] = [0];
  let deepest = 0;
  while (stackNode.length > 0) {
    const n = stackNode.pop() as number;
    const x = stackX.pop() as number;
    const d = t.depth[n];
    const slot = out.add(n, d, x, t.total[n]);
    if (d > deepest) deepest = d;
    const kids = orderedKids(t, n, o);
    let cx = x;
    const placed: number[] = [];
    const placedX: number[] = [];
    for (let j = 0; j < kids.length; j++) {
      const k = kids[j];
      const w = t.total[k];
      if (w < minW || d + 1 > maxDepth) {
        out.prunedWeight[slot] += w;
        out.prunedCount[slot]++;
      } else {
        placed.push(k);
        placedX.push(cx);
      }
      cx += w;
    }
    // Push in reverse so the leftmost child is visited (and emitted) first.
    for (let i = placed.length - 1; i >= 0; i--) {
      stackNode.push(placed[i]);
      stackX.push(placedX[i]);
    }
  }
  const layout = out.finish(deepest);
  layout.total = total;
  return layout;
}

const KEY_SPAN = 2 ** 22;

function orderedKids(t: CallTree, n: number, o: LayoutOptions): ArrayLike<number> {
  const a = t.kidStart[n];
  const b = t.kidStart[n + 1];
  const kids = t.kids.subarray(a, b);
  if (kids.length < 2 || o.order === 'input') return kids;
  const rank = o.rank;
  if (o.order === 'alpha' && kids.length < KEY_SPAN) {
    // One number per kid, rank first and position second (kids are in increasing node id, the
    // tie-break), sorted natively: the comparator sort was most of the layout time.
    const keys = new Float64Array(kids.length);
    for (let j = 0; j < kids.length; j++) keys[j] = rank[t.frame[kids[j]]] * KEY_SPAN + j;
    keys.sort();
    const out = new Int32Array(kids.length);
    for (let j = 0; j < kids.length; j++) out[j] = kids[keys[j] % KEY_SPAN];
    return out;
  }
  const list = Array.from(kids);
  if (o.order === 'alpha') {
    list.sort((x, y) => rank[t.frame[x]] - rank[t.frame[y]] || x - y);
  } else {
    list.sort((x, y) => t.total[y] - t.total[x] || rank[t.frame[x]] - rank[t.frame[y]] || x - y);
  }
  return list;
}

class LayoutBuilder {
  count = 0;
  node = new Int32Array(256);
  depth = new Int32Array(256);
  x = new Float64Array(256);
  w = new Float64Array(256);
  prunedWeight = new Float64Array(256);
  prunedCount = new Int32Array(256);

  add(node: number, depth: number, x: number, w: number): number {
    if (this.count === this.node.length) this.grow();
    const i = this.count++;
    this.node[i] = node;
    this.depth[i] = depth;
    this.x[i] = x;
    this.w[i] = w;
    return i;
  }

  private grow(): void {
    const cap = this.node.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.node = g(this.node, new Int32Array(cap));
    this.depth = g(this.depth, new Int32Array(cap));
    this.x = g(this.x, new Float64Array(cap));
    this.w = g(this.w, new Float64Array(cap));
    this.prunedWeight = g(this.prunedWeight, new Float64Array(cap));
    this.prunedCount = g(this.prunedCount, new Int32Array(cap));
  }

  finish(maxDepth: number): FlameLayout {
    const c = this.count;
    return {
      count: c,
      node: this.node.subarray(0, c),
      depth: this.depth.subarray(0, c),
      x: this.x.subarray(0, c),
      w: this.w.subarray(0, c),
      prunedWeight: this.prunedWeight.subarray(0, c),
      prunedCount: this.prunedCount.subarray(0, c),
      total: 0,
      maxDepth,
    };
  }
}
