// Contract of the statistics stage: merge consistent hotspots and compare run sets.

export { type CompareInputs, compareRuns } from './compare.js';
export { FrameKeys } from './frame-keys.js';
export { mergeConsistent } from './merge.js';
export type { BaselineShares } from './session-noise.js';
export { DEFAULT_COMPARE_SETTINGS } from './settings.js';
export type * from './types.js';
export { isImprovement, isRegression, rankedRegressions } from './verdict.js';
