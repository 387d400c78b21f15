// Defaults of the trend analysis. docs/trends.md documents each one; tests check that flat noisy
// series give no change points and known shifts are found at exactly these settings.

export interface ChangePointSettings {
  /** Permutations per significance test (the p-value resolution is 1 / (permutations + 1)). */
  permutations: number;
  /** A split is a change point when its permutation p-value is at most this. */
  pValue: number;
  /** Fewest commits on either side of a change point. */
  minSegment: number;
  /** Smallest shift reported, relative to the level before it (0.05 = 5%). */
  minRelativeChange: number;
  /** Smallest shift reported in the series' own unit (shares: 0.001 = 0.1 percentage points). */
  minAbsoluteChange: number;
  /**
   * Smallest shift reported as a multiple of the series' run-to-run noise (a robust standard
   * deviation from the median absolute difference of consecutive values).
   */
  minNoiseMultiple: number;
  /** Seed of the permutation shuffles. */
  seed: number;
}

export interface CreepSettings {
  /** How many latest baselines the creep test looks at. */
  window: number;
  /** Smallest rise over the window, relative to its start (0.05 = 5%). */
  minRelativeRise: number;
  /** Smallest rise in share (0.002 = 0.2 percentage points), so tiny frames do not flag. */
  minAbsoluteRise: number;
  /** One-sided Mann-Kendall p-value the upward trend must reach. */
  trendPValue: number;
  /** Smallest rise as a multiple of the frame's run-to-run noise (see ChangePointSettings). */
  minNoiseMultiple: number;
}

export interface TrendSettings {
  changePoints: ChangePointSettings;
  creep: CreepSettings;
  /** Baselines shown in a sparkline. */
  sparklineLength: number;
}

export const DEFAULT_CHANGE_POINT_SETTINGS: ChangePointSettings = {
  permutations: 99,
  pValue: 0.01,
  minSegment: 5,
  minRelativeChange: 0.05,
  minAbsoluteChange: 0.001,
  minNoiseMultiple: 1.5,
  seed: 1,
};

export const DEFAULT_CREEP_SETTINGS: CreepSettings = {
  window: 10,
  minRelativeRise: 0.05,
  minAbsoluteRise: 0.002,
  trendPValue: 0.05,
  minNoiseMultiple: 3,
};

export const DEFAULT_TREND_SETTINGS: TrendSettings = {
  changePoints: DEFAULT_CHANGE_POINT_SETTINGS,
  creep: DEFAULT_CREEP_SETTINGS,
  sparklineLength: 20,
};
