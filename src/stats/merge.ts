// mergeConsistent: one representative profile from a side's runs, for rendering. Frames that are
// not hotspots in a quorum of runs are pruned (their stacks are cut just above them, as a
// flamegraph's minimum width would), then each remaining stack gets the median of its per-run
// shares, and the medians are normalised back to the mean run total.
import { UserError } from '../errors.js';
import { Profile } from '../profile/profile.js';
import { StackTable } from '../profile/stack-table.js';
import { FrameKeys } from './frame-keys.js';
import { padMetrics, sharedRunMetrics } from './run-metrics.js';
import { resolveSettings } from './settings.js';
import type { CompareSettings, ConsistentMerge, DroppedFrame } from './types.js';

const MAX_DROPPED_LISTED = 200;

/**
 * `sharedKeys`: the key space of a comparison of the same runs (compareRuns' `inputs.keys`), so
 * that each run's frames are mapped to keys once; it must have this merge's granularity and no
 * renames (a merge keeps every frame under its own name).
 */
export function mergeConsistent(
  runs: readonly Profile[],
  partial: Partial<CompareSettings> = {},
  sharedKeys?: FrameKeys,
): ConsistentMerge {
  const s = resolveSettings(partial);
  if (runs.length === 0) throw new UserError('no runs to merge (expected at least one profile)');
  if (sharedKeys && (sharedKeys.granularity !== s.granularity || sharedKeys.hasRenames)) {
    throw new Error('mergeConsistent: shared keys must have the merge granularity and no renames');
  }
  const keys = sharedKeys ?? new FrameKeys(s.granularity);
  const metrics = runs.map((p) => sharedRunMetrics(p, keys));
  for (const m of metrics) padMetrics(m, keys.size);
  const need = Math.max(1, Math.ceil(s.quorum * runs.length - 1e-9));
  const kept = new Uint8Array(keys.size);
  const dropped: DroppedFrame[] = [];
  for (let id = 0; id < keys.size; id++) {
    let present = 0;
    let maxShare = 0;
    for (const m of metrics) {
      const share = m.total > 0 ? m.inclusive[id] / m.total : 0;
      if (share >= s.minShare) present++;
      maxShare = Math.max(maxShare, share);
    }
    if (present >= need) kept[id] = 1;
    else if (present > 0)
      dropped.push({
        key: keys.keys[id],
        name: keys.frames[id].name,
        maxShare,
        presence: present / runs.length,
      });
  }
  dropped.sort((x, y) => y.maxShare - x.maxShare || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  // Truncated stacks over key ids, with each run's share per stack.
  const table = new StackTable();
  const perRun: { idx: number[]; share: number[] }[] = [];
  const droppedShares: number[] = [];
  let buf = new Int32Array(256);
  runs.forEach((p, r) => {
    const m = metrics[r];
    const idx: number[] = [];
    const share: number[] = [];
    let lost = 0;
    if (m.total > 0) {
      const { ids, offsets, weights, length } = p.stacks.columns();
      for (let st = 0; st < length; st++) {
        let len = 0;
        let cut = false;
        if (offsets[st + 1] - offsets[st] > buf.length)
          buf = new Int32Array(2 * (offsets[st + 1] - offsets[st]));
        for (let k = offsets[st]; k < offsets[st + 1]; k++) {
          const id = m.keyOf[ids[k]];
          if (!kept[id]) {
            cut = true;
            break;
          }
          if (len === 0 || buf[len - 1] !== id) buf[len++] = id;
        }
        const w = weights[st] / m.total;
        if (cut) lost += w;
        if (len === 0) continue;
        idx.push(table.add(buf, 1, 0, len));
        share.push(w);
      }
    }
    perRun.push({ idx, share });
    droppedShares.push(lost);
  });

  const n = table.length;
  const matrix = new Float64Array(n * runs.length);
  perRun.forEach(({ idx, share }, r) => {
    for (let i = 0; i < idx.length; i++) matrix[idx[i] * runs.length + r] += share[i];
  });
  const medians = new Float64Array(n);
  let sum = 0;
  const col = new Float64Array(runs.length);
  for (let i = 0; i < n; i++) {
    // Most rare stacks are absent from over half the runs: their median is 0, no sort needed.
    let zeros = 0;
    for (let r = 0; r < runs.length; r++) if (matrix[i * runs.length + r] === 0) zeros++;
    if (zeros * 2 > runs.length) continue;
    for (let r = 0; r < runs.length; r++) col[r] = matrix[i * runs.length + r];
    col.sort();
    const mid = runs.length >> 1;
    medians[i] = runs.length % 2 ? col[mid] : (col[mid - 1] + col[mid]) / 2;
    sum += medians[i];
  }
  const meanTotal = metrics.reduce((t, m) => t + m.total, 0) / runs.length;
  const out = new Profile({ ...runs[0].meta, source: undefined, extra: undefined });
  const frameIds = new Int32Array(keys.size).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!(medians[i] > 0)) continue;
    const stack = table.frames(i);
    const ids = new Int32Array(stack.length);
    for (let k = 0; k < stack.length; k++) {
      const key = stack[k];
      if (frameIds[key] < 0) frameIds[key] = out.intern(keys.frames[key]);
      ids[k] = frameIds[key];
    }
    out.addStack(ids, (medians[i] / sum) * meanTotal);
  }
  return {
    profile: out,
    dropped: dropped.slice(0, MAX_DROPPED_LISTED),
    droppedShare: droppedShares.reduce((t, x) => t + x, 0) / runs.length,
  };
}
