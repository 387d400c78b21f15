import { analyzeHistory, creepNote } from './analyze.js';
import type { TrendSettings } from './settings.js';
import type { FrameTrend, HistoryFile } from './types.js';

/**
 * Sparklines and creep notes for the frames a PR comment ranks. Keys the history never saw get an
 * empty sparkline. The text is Markdown-safe (blocks, digits, short shas): frame names never appear.
 */
export function frameTrends(
  h: HistoryFile,
  keys: readonly string[],
  settings?: Partial<TrendSettings>,
): FrameTrend[] {
  const wanted = new Set(keys);
  const report = analyzeHistory(h, { filter: (k) => wanted.has(k), settings, changePoints: false });
  const byKey = new Map(report.frames.map((f) => [f.key, f]));
  return keys.map((key) => {
    const f = byKey.get(key);
    return { key, sparkline: f?.sparkline ?? '', creepNote: f?.creep ? creepNote(f.creep) : null };
  });
}
