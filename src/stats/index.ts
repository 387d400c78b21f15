// Contract of the statistics stage: merge consistent hotspots and compare run sets.

export { compareRuns } from './compare.js';
export { mergeConsistent } from './merge.js';
export { DEFAULT_COMPARE_SETTINGS } from './settings.js';
export type * from './types.js';
