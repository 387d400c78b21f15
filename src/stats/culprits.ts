// Culprits, not callers: for each regressed frame, the weight of stacks where no *other* regressed
// frame sits below it is what the frame added itself. An ancestor whose growth lives entirely in a
// regressed callee keeps ~0 of its own and is explained by that callee.
import type { Profile } from '../profile/profile.js';

export interface OwnWeights {
  /** Per candidate: weight of stacks where no other candidate is below its outermost occurrence. */
  own: Float64Array;
  /** explain[i * n + j]: weight of stacks where candidate j is the nearest other candidate below i. */
  explain: Float64Array;
}

/**
 * One pass over a run's stacks. `cand[keyId]` is the candidate index or -1; `keyOf` maps the
 * profile's frame ids to key ids.
 */
export function ownWeights(p: Profile, keyOf: Int32Array, cand: Int32Array, n: number): OwnWeights {
  const own = new Float64Array(n);
  const explain = new Float64Array(n * n);
  const stamp = new Int32Array(n).fill(-1);
  const decision = new Int32Array(n);
  const touched: number[] = [];
  const { ids, offsets, weights, length } = p.stacks.columns();
  for (let s = 0; s < length; s++) {
    const a = offsets[s];
    const b = offsets[s + 1];
    let last1 = -1; // most recent candidate seen walking up from the leaf
    let last2 = -1; // most recent candidate different from last1
    touched.length = 0;
    for (let k = b - 1; k >= a; k--) {
      const c = cand[keyOf[ids[k]]];
      if (c < 0) continue;
      const nearest = last1 !== c ? last1 : last2;
      if (stamp[c] !== s) {
        stamp[c] = s;
        touched.push(c);
      }
      decision[c] = nearest; // the outermost occurrence is visited last and wins
      if (c !== last1) {
        last2 = last1;
        last1 = c;
      }
    }
    if (touched.length === 0) continue;
    const w = weights[s];
    for (const c of touched) {
      const d = decision[c];
      if (d < 0) own[c] += w;
      else explain[c * n + d] += w;
    }
  }
  return { own, explain };
}

/** Root-first key ids of stack `s` up to the first occurrence of `target`, adjacent repeats merged. */
export function pathTo(p: Profile, keyOf: Int32Array, s: number, target: number): number[] {
  const ids = p.stacks.frames(s);
  const out: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const id = keyOf[ids[k]];
    if (out.length === 0 || out[out.length - 1] !== id) out.push(id);
    if (id === target) break;
  }
  return out;
}
