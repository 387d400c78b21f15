import type { Profile } from './profile.js';

export interface FrameTotals {
  /** Weight of stacks containing the frame; a recursive frame counts once per stack. */
  inclusive: Float64Array;
  /** Weight of stacks whose leaf is the frame. */
  self: Float64Array;
  total: number;
}

/** Inclusive and self weight per frame id, in one pass over the distinct stacks. */
export function frameTotals(p: Profile): FrameTotals {
  const n = p.frames.size;
  const inclusive = new Float64Array(n);
  const self = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const { ids, offsets, weights, length } = p.stacks.columns();
  let total = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    const a = offsets[s];
    const b = offsets[s + 1];
    total += w;
    if (b === a) continue;
    for (let k = a; k < b; k++) {
      const id = ids[k];
      if (stamp[id] !== s) {
        stamp[id] = s;
        inclusive[id] += w;
      }
    }
    self[ids[b - 1]] += w;
  }
  return { inclusive, self, total };
}
