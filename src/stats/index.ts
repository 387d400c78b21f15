// Contract of the statistics stage (issue 4 replaces the bodies; keep the signatures).
import type { Profile } from '../profile/profile.js';
import type { CompareSettings, ComparisonReport, DroppedFrame } from './types.js';

export type * from './types.js';

/** One run's profile plus what the runner measured about it. */
export interface RunInput {
  profile: Profile;
  wallSeconds?: number;
  cpuSeconds?: number;
}

/** Documented defaults (see docs/statistics.md). */
export const DEFAULT_COMPARE_SETTINGS: CompareSettings = {
  alpha: 0.05,
  minShare: 0.005,
  quorum: 0.8,
  minEffect: 0.002,
  minRelEffect: 0.05,
  granularity: 'function',
  gateFrameShare: 0.01,
  gateTotal: null,
  seed: 1,
};

export interface ConsistentMerge {
  /** Representative profile for rendering (normalised per-stack median across runs). */
  profile: Profile;
  dropped: DroppedFrame[];
  /** Mean share of weight dropped as inconsistent. */
  droppedShare: number;
}

export function mergeConsistent(
  _runs: readonly Profile[],
  _settings: Partial<CompareSettings> = {},
): ConsistentMerge {
  throw new Error('mergeConsistent: not implemented yet');
}

export function compareRuns(
  _base: readonly RunInput[],
  _head: readonly RunInput[],
  _settings: Partial<CompareSettings> = {},
): ComparisonReport {
  throw new Error('compareRuns: not implemented yet');
}
