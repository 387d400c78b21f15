// Moves are not regressions: when unchanged code moves under another caller (a refactor), the new
// caller's inclusive share grows and the old caller's shrinks by the same amount, although nothing
// got slower. A frame's change is explained by a move when an unchanged frame M below it gained
// (or lost) that much weight under it while M's own total stayed put (conservation: a caller that
// calls M more makes M's total grow too, and stays a regression). See docs/statistics.md.
import { closeRanks } from './composition.js';
import type { FrameKeys } from './frame-keys.js';
import type { RunMetrics } from './run-metrics.js';
import type { FrameResult } from './types.js';

interface SideRuns {
  runs: readonly { profile: import('../profile/profile.js').Profile }[];
  metrics: RunMetrics[];
}

/**
 * `frames[i]` is kept key `keptIds[i]` (before sorting). `userView[i]`: the frame is compared on
 * the user mass scaled by `scale` (compare.ts); its moved weight is measured on the same scale.
 */
export function undoMoves(
  frames: FrameResult[],
  keptIds: readonly number[],
  keys: FrameKeys,
  b: SideRuns,
  h: SideRuns,
  userView: readonly boolean[],
  scale: number,
  floorAbs: number,
  minRelEffect: number,
): void {
  const targets: number[] = [];
  frames.forEach((f, i) => {
    if (f.status === 'regressed' || f.status === 'new' || f.status === 'improved') targets.push(i);
  });
  if (targets.length === 0) return;
  const nk = frames.length;
  const keptIdx = new Int32Array(keys.size).fill(-1);
  keptIds.forEach((id, i) => {
    keptIdx[id] = i;
  });
  const targetOf = new Int32Array(nk).fill(-1);
  targets.forEach((i, t) => {
    targetOf[i] = t;
  });
  const under = (side: SideRuns): Float64Array => {
    const acc = new Float64Array(targets.length * nk);
    const stampT = new Int32Array(targets.length).fill(-1);
    const stampM = new Int32Array(nk).fill(-1);
    let tag = 0;
    side.runs.forEach((r, ri) => {
      const m = side.metrics[ri];
      const { ids, offsets, weights, length } = r.profile.stacks.columns();
      for (let s = 0; s < length; s++) {
        const a = offsets[s];
        const e = offsets[s + 1];
        for (let k = a; k < e; k++) {
          const i = keptIdx[m.keyOf[ids[k]]];
          const t = i < 0 ? -1 : targetOf[i];
          if (t < 0 || stampT[t] === s + ri * 0x100000) continue;
          stampT[t] = s + ri * 0x100000; // outermost occurrence only
          const w = userView[i] ? (scale * weights[s]) / m.userTotal : weights[s] / m.total;
          tag++;
          for (let j = k + 1; j < e; j++) {
            const mi = keptIdx[m.keyOf[ids[j]]];
            if (mi < 0 || mi === i || stampM[mi] === tag) continue;
            stampM[mi] = tag;
            acc[t * nk + mi] += w;
          }
        }
      }
    });
    const n = Math.max(1, side.runs.length);
    for (let x = 0; x < acc.length; x++) acc[x] /= n;
    return acc;
  };
  const ub = under(b);
  const uh = under(h);
  const dropped = new Set<string>();
  targets.forEach((i, t) => {
    const f = frames[i];
    const sign = f.status === 'improved' ? -1 : 1;
    let best = -1;
    let moved = 0;
    for (let mi = 0; mi < nk; mi++) {
      const m = frames[mi];
      if (m.status !== 'unchanged' && m.status !== 'inconclusive') continue;
      const d = uh[t * nk + mi] - ub[t * nk + mi];
      if (sign * d <= sign * moved) continue;
      // Conservation: M's own total moved by well under what moved under f.
      if (Math.abs(m.delta) >= Math.abs(d) / 2) continue;
      best = mi;
      moved = d;
    }
    if (best < 0) return;
    const residual = f.delta - moved;
    const stillClear = sign > 0 ? f.ci.lo - moved > 0 : f.ci.hi - moved < 0;
    const big =
      sign * residual >= floorAbs && (f.base.mean <= 0 || (sign * residual) / f.base.mean >= minRelEffect);
    if (stillClear && big) return;
    f.status = 'unchanged';
    f.moved = frames[best].key;
    if (f.rank !== null) dropped.add(f.key);
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  });
  closeRanks(frames, dropped);
}
