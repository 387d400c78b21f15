// The in-memory shape of history/<branch>.json. On disk it is stored column-wise (see
// serialize.ts); these types are what the store, the pipeline and the dashboard work with.

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
  /** Pull request that produced the commit, when known (the dashboard links to its diff). */
  pull?: number;
  /** Runs merged into this baseline, when known. */
  runs?: number;
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

/** Limits appendHistory applies so the file stays small. */
export interface HistoryLimits {
  /** Frames kept per entry: its top K by inclusive share, plus frames already tracked. */
  topK: number;
  /** Most frames tracked over the whole file (the least important are dropped first). */
  maxFrames: number;
  /** Most entries kept (oldest dropped first). */
  maxEntries: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { topK: 50, maxFrames: 300, maxEntries: 1000 };

/** Schema written by this version; parseHistory migrates anything older. */
export const HISTORY_SCHEMA = 2;
