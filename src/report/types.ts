// Types of the presentation stage: what the view model takes (the analysis plus the facts only
// the caller knows: commits, links, files) and the display-ready view the templates arrange.
import type { FrameTrend } from '../history/types.js';
import type { ComparisonReport } from '../stats/types.js';

/** Links the report can use; the action fills them from the repository, the CLI may leave them empty. */
export interface ReportLinks {
  /** URL of the differential flamegraph PNG (raw URL on the data branch). */
  imageUrl?: string;
  /** URL of the interactive SVG (GitHub Pages or file view). */
  svgUrl?: string;
  /**
   * Link for a source location in the head commit, or null when it is not in the repository.
   * `file` is relative to the repository root when the profile's path lies under it.
   */
  sourceUrl?: (file: string, line: number) => string | null;
  /** Put the text flamegraph inline instead of the image (private repositories). */
  inlineTextFlamegraph?: boolean;
}

export interface MeasuredFacts {
  runsBase: number;
  runsHead: number;
  sampler: string;
  samplerVersion: string;
  machine: string;
  /** True when base and head ran interleaved on this machine (baseline: rerun). */
  rerun: boolean;
  rateHz: number | null;
}

export interface ReportInput {
  report: ComparisonReport | null;
  headSha: string;
  headRef: string;
  /** The baseline compared with; sha '' when none was found (the note says why). */
  baseline: { sha: string; branch: string; note: string | null; commitDate?: string | null } | null;
  headDate?: string | null;
  measured: MeasuredFacts;
  links?: ReportLinks;
  /** Text flamegraph (renderTextFlame, markdown style), if rendered. */
  textFlame?: string | null;
  trends?: FrameTrend[];
  /** Line to show for frames compared without lines (function granularity): key -> line. */
  frameLines?: ReadonlyMap<string, number>;
  /** Repository root: frame files under it are shown (and passed to sourceUrl) relative to it. */
  rootDir?: string;
  /** Local file names of the pictures, shown when there are no URLs (CLI runs). */
  localFiles?: { diffSvg?: string; diffPng?: string };
}

export interface FrameRow {
  rank: string;
  name: string;
  location: string;
  before: string;
  after: string;
  timeBefore: string;
  timeAfter: string;
  change: string;
  interval: string;
  q: string;
  trend: string;
  creep: string | null;
}

/** How much to show; the comment shrinks these in a stated order to fit GitHub's limit. */
export interface Detail {
  maxRegressions: number;
  maxImprovements: number;
  maxDropped: number;
  textFlame: boolean;
}

export interface ReportView {
  marker: string;
  status: 'fail' | 'pass' | 'none';
  verdictLine: string;
  reason: string;
  /** Confidence level of the intervals, e.g. "99%" (1 - alpha). */
  ciLevel: string;
  regressions: FrameRow[];
  regressionsMore: number;
  hasTrend: boolean;
  hasCreep: boolean;
  improvements: FrameRow[];
  improvementsMore: number;
  improvementCount: number;
  image: { markdown: string } | null;
  textFlame: string | null;
  textFlameOpen: boolean;
  measured: string[];
  baselineNote: string | null;
  noise: { summary: string; frames: string[]; more: number } | null;
  warnings: string[];
  omitted: string | null;
  /** What the interleaved re-measurement confirmed and how long it took (confirm setting), or null. */
  confirmation: string | null;
  /** Renamed and moved functions compared as one frame, one escaped line each. */
  refactors: string[];
}

/** What MeasuredFacts.machine says when the runs did not describe their machine. */
export const UNKNOWN_MACHINE = 'unknown machine';
