// History stage: history/<branch>.json (schema, migration, compaction), per-frame change points
// and creeping regressions, PR-comment sparklines. (The static dashboard is its own stage:
// src/dashboard/.)
// The store reads and writes history files through parseHistory / serializeHistory only.

export {
  type AnalyzeOptions,
  analyzeHistory,
  type Commit,
  type CommitChange,
  type CommitCreep,
  creepNote,
  type FrameAnalysis,
  type TrendReport,
} from './analyze.js';
export { appendHistory, emptyHistory } from './append.js';
export { type Creep, detectCreep, mannKendallUp } from './creep.js';
export { type ChangePoint, detectChangePoints, noiseLevel } from './e-divisive.js';
export { frameTrends } from './frame-trends.js';
export { parseHistory } from './parse.js';
export { serializeHistory } from './serialize.js';
export { type FrameSeries, frameSeries } from './series.js';
export {
  type ChangePointSettings,
  type CreepSettings,
  DEFAULT_CHANGE_POINT_SETTINGS,
  DEFAULT_CREEP_SETTINGS,
  DEFAULT_TREND_SETTINGS,
  type TrendSettings,
} from './settings.js';
export { sparkline } from './sparkline.js';
export * from './types.js';
