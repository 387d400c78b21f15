// Adding a baseline keeps the file compact: each entry stores its own top-K frames plus every frame
// the file already tracks (so a tracked frame's series has no holes while it is still sampled).
import {
  DEFAULT_HISTORY_LIMITS,
  HISTORY_SCHEMA,
  type HistoryEntry,
  type HistoryFile,
  type HistoryFrame,
  type HistoryLimits,
} from './types.js';

const byShare = (a: HistoryFrame, b: HistoryFrame) =>
  b.share - a.share || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Adds (or replaces, same sha) an entry; keeps the file compact (top-K frames). */
export function appendHistory(
  h: HistoryFile,
  entry: HistoryEntry,
  limits: Partial<HistoryLimits> = {},
): HistoryFile {
  const lim = { ...DEFAULT_HISTORY_LIMITS, ...limits };
  const at = h.entries.findIndex((e) => e.sha === entry.sha);
  const tracked = at >= 0 ? keysOf(h.entries.filter((e) => e.sha !== entry.sha)) : trackedKeys(h.entries);
  const sorted = [...entry.frames].sort(byShare);
  const frames = sorted.filter((f, i) => i < lim.topK || tracked.has(f.key));
  const kept: HistoryEntry = { ...entry, frames };
  let entries = at >= 0 ? h.entries.map((e, i) => (i === at ? kept : e)) : [...h.entries, kept];
  const keys = new Set(tracked);
  for (const f of frames) keys.add(f.key);
  if (entries.length > lim.maxEntries) entries = entries.slice(entries.length - lim.maxEntries);
  else if (keys.size <= lim.maxFrames) trackedCache.set(entries, keys);
  return { schema: HISTORY_SCHEMA, branch: h.branch, entries: capFrames(entries, lim.maxFrames) };
}

// Appending a year of baselines one by one would rescan every entry each time; the key set of an
// entries array this module built is remembered instead (arrays are never mutated).
const trackedCache = new WeakMap<readonly HistoryEntry[], Set<string>>();

function trackedKeys(entries: readonly HistoryEntry[]): Set<string> {
  return trackedCache.get(entries) ?? keysOf(entries);
}

function keysOf(entries: readonly HistoryEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entries) for (const f of e.frames) keys.add(f.key);
  return keys;
}

/** Drops the frames whose largest share ever is smallest until at most `max` keys remain. */
function capFrames(entries: HistoryEntry[], max: number): HistoryEntry[] {
  const cached = trackedCache.get(entries);
  if (cached && cached.size <= max) return entries;
  const peak = new Map<string, number>();
  for (const e of entries) for (const f of e.frames) peak.set(f.key, Math.max(peak.get(f.key) ?? 0, f.share));
  if (peak.size <= max) return entries;
  const keep = new Set(
    [...peak.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, max)
      .map(([k]) => k),
  );
  return entries.map((e) => ({ ...e, frames: e.frames.filter((f) => keep.has(f.key)) }));
}

export function emptyHistory(branch: string): HistoryFile {
  return { schema: HISTORY_SCHEMA, branch, entries: [] };
}
