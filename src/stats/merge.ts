// mergeConsistent: one representative profile from a side's runs, for rendering. Frames that are
// not hotspots in a quorum of runs are pruned (their stacks are cut just above them, as a
// flamegraph's minimum width would), then each remaining stack gets the median of its per-run
// shares, and the medians are normalised back to the mean run total.
import { UserError } from '../errors.js';
import { Profile } from '../profile/profile.js';
import { StackTable } from '../profile/stack-table.js';
import { FrameKeys } from './frame-keys.js';
import type { ConsistentMerge } from './index.js';
import { padMetrics, runMetrics } from './run-metrics.js';
import { resolveSettings } from './settings.js';
import type { CompareSettings, DroppedFrame } from './types.js';

const MAX_DROPPED_LISTED = 200;

export function mergeConsistent(runs: readonly Profile[], partial: Partial<CompareSettings> = {}): ConsistentMerge {
  const s = resolveSettings(partial);
  if (runs.length === 0) throw new UserError('no runs to merge (expected at least one profile)');
  const keys = new FrameKeys(s.granularity);
  const metrics = runs.map((p) => runMetrics(p, keys));
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
    else if (present > 0) dropped.push({ key: keys.keys[id], name: keys.frames[id].name, maxShare, presence: present / runs.length });
  }
  dropped.sort((x, y) => y.maxShare - x.maxShare || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  // Truncated stacks over key ids, with each run's share per stack.
  const table = new StackTable();
  const perRun: { idx: number[]; share: number[] }[] = [];
  const droppedShares: number[] = [];
  const buf: number[] = [];
  runs.forEach((p, r) => {
    const m = metrics[r];
    const idx: number[] = [];
    const share: number[] = [];
    let lost = 0;
    if (m.total > 0) {
      const { ids, offsets, weights, length } = p.stacks.columns();
      for (let st = 0; st < length; st++) {
        buf.length = 0;
        let cut = false;
        for (let k = offsets[st]; k < offsets[st + 1]; k++) {
          const id = m.keyOf[ids[k]];
          if (!kept[id]) {
            cut = true;
            break;
          }
          if (buf.length === 0 || buf[buf.length - 1] !== id) buf.push(id);
        }
        const w = weights[st] / m.total;
        if (cut) lost += w;
        if (buf.length === 0) continue;
        idx.push(table.add(buf, 1));
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
    for (let r = 0; r < runs.length; r++) col[r] = matrix[i * runs.length + r];
    col.sort();
    const mid = runs.length >> 1;
    medians[i] = runs.length % 2 ? col[mid] : (col[mid - 1] + col[mid]) / 2;
    sum += medians[i];
  }
  const meanTotal = metrics.reduce((t, m) => t + m.total, 0) / runs.length;
  const out = new Profile({ ...runs[0].meta, source: undefined, extra: undefined });
  const frameIds = new Int32Array(keys.size).fill(-1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(medians[i] > 0)) continue;
    ids.length = 0;
    for (const key of table.frames(i)) {
      if (frameIds[key] < 0) frameIds[key] = out.intern(keys.frames[key]);
      ids.push(frameIds[key]);
    }
    out.addStack(ids, (medians[i] / sum) * meanTotal);
  }
  return {
    profile: out,
    dropped: dropped.slice(0, MAX_DROPPED_LISTED),
    droppedShare: droppedShares.reduce((t, x) => t + x, 0) / runs.length,
  };
}
