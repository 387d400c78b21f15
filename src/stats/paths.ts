import { heaviestStacks, pathTo } from './culprits.js';
import type { FrameKeys } from './frame-keys.js';
import type { RunInput } from './index.js';
import type { RunMetrics } from './run-metrics.js';

/**
 * Root-first call path (keys) to each kept frame in the heaviest head stack containing it. For a
 * frame explained by a culprit, the path continues down to the culprit when the culprit's heaviest
 * stack passes through the frame, so the reader sees how the caller reaches the real change.
 */
export function buildPaths(
  h: { runs: readonly RunInput[]; metrics: RunMetrics[] },
  keys: FrameKeys,
  keptIds: number[],
  explainedBy: (number | null)[],
): string[][] {
  const wanted = new Uint8Array(keys.size);
  for (const id of keptIds) wanted[id] = 1;
  const runs = h.runs.map((r, i) => ({
    profile: r.profile,
    keyOf: h.metrics[i].keyOf,
    total: h.metrics[i].total,
  }));
  const best = heaviestStacks(runs, wanted);
  const path = (id: number): number[] => {
    const ri = best.run[id];
    if (ri < 0) return [id];
    return pathTo(runs[ri].profile, runs[ri].keyOf, best.stack[id], id);
  };
  return keptIds.map((id, i) => {
    const culprit = explainedBy[i];
    if (culprit !== null) {
      const toCulprit = path(culprit);
      if (toCulprit.includes(id)) return toCulprit.map((k) => keys.keys[k]);
    }
    return path(id).map((k) => keys.keys[k]);
  });
}
