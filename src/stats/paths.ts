import { pathTo } from './culprits.js';
import type { FrameKeys } from './frame-keys.js';
import type { RunMetrics } from './run-metrics.js';
import type { RunInput } from './types.js';

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
  const path = (id: number): number[] => {
    // Heaviest stack by share of its run, over all head runs (found during the metrics pass).
    let ri = -1;
    let best = -1;
    h.metrics.forEach((m, i) => {
      const share = m.bestStack[id] >= 0 ? m.bestWeight[id] / m.total : -1;
      if (share > best) {
        best = share;
        ri = i;
      }
    });
    if (ri < 0 || h.metrics[ri].bestStack[id] < 0) return [id];
    return pathTo(h.runs[ri].profile, h.metrics[ri].keyOf, h.metrics[ri].bestStack[id], id);
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
