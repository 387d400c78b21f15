// Per-frame series out of a history: one value per entry from the first entry that recorded the
// frame. After that, an entry without the frame means it fell out of the profile (share 0): entries
// keep every tracked frame they saw (see append.ts).
import type { HistoryFile } from './types.js';

export interface FrameSeries {
  key: string;
  /** Entry index of values[0]. */
  start: number;
  /** Inclusive share per entry from `start` to the last entry. */
  values: number[];
  /** Self share per entry, aligned with values. */
  self: number[];
}

export function frameSeries(h: HistoryFile, filter?: (key: string) => boolean): FrameSeries[] {
  const n = h.entries.length;
  const byKey = new Map<string, FrameSeries>();
  h.entries.forEach((e, i) => {
    for (const f of e.frames) {
      let s = byKey.get(f.key);
      if (!s) {
        if (filter && !filter(f.key)) continue;
        s = { key: f.key, start: i, values: new Array(n - i).fill(0), self: new Array(n - i).fill(0) };
        byKey.set(f.key, s);
      }
      s.values[i - s.start] = f.share;
      s.self[i - s.start] = f.selfShare;
    }
  });
  // Largest latest share first, then key: a stable order for reports and the dashboard.
  return [...byKey.values()].sort(
    (a, b) => b.values[b.values.length - 1] - a.values[a.values.length - 1] || (a.key < b.key ? -1 : 1),
  );
}
