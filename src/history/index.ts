// Contract of the history stage (issue 9 replaces the bodies; keep the signatures).
// The store (issue 6) reads/writes history/<branch>.json through these functions only.

export interface HistoryFrame {
  key: string;
  /** Inclusive share 0-1. */
  share: number;
  selfShare: number;
  timeSeconds: number | null;
}

export interface HistoryEntry {
  sha: string;
  /** ISO date of the commit. */
  date: string;
  /** Mean total time per run in seconds (or samples when time is unknown). */
  total: number;
  totalMeasure: string;
  frames: HistoryFrame[];
}

export interface FrameTrend {
  key: string;
  /** Unicode block sparkline of the frame's share over the last baselines. */
  sparkline: string;
  /** Set when the frame has been creeping: names the commits. */
  creepNote: string | null;
}

export interface HistoryFile {
  schema: number;
  branch: string;
  entries: HistoryEntry[];
}

export function emptyHistory(branch: string): HistoryFile {
  return { schema: 1, branch, entries: [] };
}

/** Parses (and migrates) a history file; throws InputError naming `path` when it does not parse. */
export function parseHistory(text: string, _path: string): HistoryFile {
  return JSON.parse(text) as HistoryFile;
}

export function serializeHistory(h: HistoryFile): string {
  return `${JSON.stringify(h)}\n`;
}

/** Adds (or replaces, same sha) an entry; keeps the file compact (top-K frames). */
export function appendHistory(h: HistoryFile, entry: HistoryEntry): HistoryFile {
  return { ...h, entries: [...h.entries.filter((e) => e.sha !== entry.sha), entry] };
}

/** Sparklines and creep notes for the frames a PR comment ranks. */
export function frameTrends(_h: HistoryFile, keys: readonly string[]): FrameTrend[] {
  return keys.map((key) => ({ key, sparkline: '', creepNote: null }));
}
