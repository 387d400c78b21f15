// Contract of the statistics stage: merge consistent hotspots and compare run sets.
import type { Profile } from '../profile/profile.js';
import type { DroppedFrame } from './types.js';

export { type CompareInputs, compareRuns } from './compare.js';
export { mergeConsistent } from './merge.js';
export type { BaselineShares } from './session-noise.js';
export { DEFAULT_COMPARE_SETTINGS } from './settings.js';
export type * from './types.js';
export { isImprovement, isRegression, rankedRegressions } from './verdict.js';

/** One run's profile plus what the runner measured about it. */
export interface RunInput {
  profile: Profile;
  wallSeconds?: number;
  cpuSeconds?: number;
}

export interface ConsistentMerge {
  /** Representative profile for rendering (normalised per-stack median across runs). */
  profile: Profile;
  dropped: DroppedFrame[];
  /** Mean share of weight dropped as inconsistent. */
  droppedShare: number;
}
