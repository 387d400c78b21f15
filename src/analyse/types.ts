// What `analyse` takes and returns. An Analysis is everything the later stages show or store,
// computed once: the comparison report (and its JSON, serialised once), the pictures and the
// compact facts of each side.
import type { FrameTrend } from '../history/types.js';
import type { Profile } from '../profile/profile.js';
import type { RunSets } from '../sample/types.js';
import type { Refactors } from '../stats/refactors.js';
import type { CompareSettings, ComparisonReport } from '../stats/types.js';
import type { SideTotals, TopFrame } from './facts.js';

export interface AnalyseOptions {
  /** Title of the head's flamegraph, e.g. "feature/x @ 1a2b3c4". */
  headTitle: string;
  /** Title of the differential flamegraph, e.g. "1a2b3c4 → 5d6e7f8". */
  diffTitle: string;
  /** Draw the pictures (SVG, PNG, text flamegraph); `compare` on the command line needs none. */
  pictures?: boolean;
  /** The metric to compare; default: time for interleaved runs, else the settings' (shares). */
  metric?: 'share' | 'time';
  /** Base frames to compare as head frames (renamed or moved functions), with a note for the report. */
  refactors?: Refactors;
}

export interface SideSummary {
  runs: number;
  totals: SideTotals;
  /** Frames with the largest inclusive share, keyed as the comparison keys them. */
  top: TopFrame[];
  /** The representative (consistent-merged) profile and the share dropped as inconsistent. */
  merged: Profile;
  droppedShare: number;
}

export interface Analysis {
  runSets: RunSets;
  /** The settings the comparison used (metric and sessions follow how the runs were measured). */
  settings: CompareSettings;
  head: SideSummary;
  /** null when there was no base to compare with. */
  base: SideSummary | null;
  report: ComparisonReport | null;
  /** report.json's text (schema 1), or null without a report. */
  reportJson: string | null;
  /** First line each function was seen at, for links at function granularity. */
  frameLines: ReadonlyMap<string, number>;
  pictures: {
    flameSvg: string | null;
    diffSvg: string | null;
    diffPng: Uint8Array | null;
    /** Text flamegraph of the head with the comparison's marks (Markdown style). */
    textFlame: string | null;
  };
  /** Sparklines and creep notes of the ranked frames over the stored history. */
  trends: FrameTrend[];
}
