// The comparison result: JSON schema version 1 (documented in docs/report-schema.md).
// Produced by src/stats/compare.ts; consumed by render/, report/, pipeline/, github/.
// Field names are part of the stable schema: add fields, never rename or remove them.

import type { Profile } from '../profile/profile.js';
import type { RuntimeClass } from '../profile/runtime-frames.js';
import type { Granularity } from '../profile/transform.js';
import type { RenamePair } from './rename-match.js';

export type FrameStatus = 'regressed' | 'improved' | 'unchanged' | 'new' | 'gone' | 'inconclusive';
export type Verdict = 'pass' | 'fail';

/** Which quantity a frame's base/head/delta describe. */
export type Metric = 'inclusiveShare' | 'selfShare' | 'inclusiveTime' | 'selfTime';

export interface Interval {
  /** Lower and upper bound of the change, same units as `delta`. */
  lo: number;
  hi: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
}

/** One side's value for a frame: the mean over runs plus its spread. */
export interface SideValue {
  /** Mean over runs of the metric (share in [0,1] or time in seconds). */
  mean: number;
  /** Per-run values, in run order. */
  runs: number[];
  /** Sample standard deviation across runs (0 for one run). */
  sd: number;
  /** Mean self share (always reported beside the primary metric). */
  selfMean: number;
  /** Mean time per run in seconds when the unit allows it (samples x interval), else null. */
  timeSeconds: number | null;
}

export interface FrameResult {
  /** Stable key of the frame at the comparison's granularity (label text). */
  key: string;
  name: string;
  file: string;
  line: number;
  module: string;
  kind: string;
  status: FrameStatus;
  /** Primary metric used for the status (inclusive share unless settings say otherwise). */
  metric: Metric;
  base: SideValue;
  head: SideValue;
  /** head.mean - base.mean of the primary metric. */
  delta: number;
  /** delta / base.mean (null when base is 0). */
  relDelta: number | null;
  /** Change in self share (head - base). */
  selfDelta: number;
  ci: Interval;
  pValue: number;
  /** Benjamini-Hochberg adjusted p-value across all tested frames. */
  qValue: number;
  /** 1-based rank among culprit regressions; null for everything else. */
  rank: number | null;
  /** For ranked culprits: the change this frame itself added (self change, or inclusive when callees did not change). */
  ownDelta: number | null;
  /** Call path (root first, frame keys) to this frame in the head profile's heaviest stack. */
  path: string[];
  /** For regressed ancestors not ranked themselves: key of the culprit that explains them. */
  explainedBy: string | null;
  /**
   * Runtime class (docs/statistics.md "Runtime frames"): gc, compiler, interpreter, idle or
   * kernel; null for user code. Absent in reports written before it existed.
   */
  runtime?: RuntimeClass | null;
  /**
   * Set when the frame's change is only unchanged code moving under it (or away from it): the key
   * of that moved frame. Such a frame is `unchanged` (docs/statistics.md, "Moves").
   */
  moved?: string | null;
  /** The base key this frame was compared under when a `renames` input merged the two. */
  renamedFrom?: string | null;
}

/** What the report's readers count and list: one definition (src/stats/verdict.ts). */
export interface ReportSummary {
  /** Ranked culprits: regressed or new frames whose own change is significant. */
  regressions: number;
  /** Frames `improved` after the dilution check. */
  improvements: number;
  /** Frames absent from every base run and significant in head (`new`), ranked or not. */
  new: number;
  /** Frames absent from every head run, significant in base (`gone`). */
  gone: number;
  /** Frames compared under a rename (filled by whoever supplied the renames; 0 otherwise). */
  renamed: number;
  /** Keys of the ranked culprits, rank 1 first. */
  ranked: string[];
  /** Ranked regressions at or under the gate: detected, but they did not fail the check. */
  underGate: { key: string; delta: number; gate: number }[];
}

/** The between-session term: how much of it the stored history measured. */
export interface BetweenSessions {
  /** `separate` sessions add the term; `interleaved` runs share one session and add none. */
  applied: boolean;
  /** Stored baselines the history offered (the newest 30 at most are used). */
  baselines: number;
  /** `history` when at least 3 baselines were available, else `prior` (the default for every frame). */
  source: 'history' | 'prior';
  /** One sentence for the reader. */
  note: string;
  /** Frames whose between-session sd the history made wider than the prior, widest first (at most 20). */
  widened: { key: string; priorSd: number; sd: number }[];
}

export interface TotalSide {
  runs: number;
  /** Mean total samples (or weight) per run. */
  samples: number;
  /** Mean wall seconds per run, when known. */
  wallSeconds: number | null;
  /** Mean CPU seconds per run, when known. */
  cpuSeconds: number | null;
  /** Mean profile time per run (samples x interval) in seconds, when known. */
  profileSeconds: number | null;
}

export interface TotalResult {
  base: TotalSide;
  head: TotalSide;
  /** Which quantity the total change is measured in: 'cpuSeconds' | 'profileSeconds' | 'samples' (never wall time; reports written before may say 'wallSeconds'). */
  measure: string;
  /** Relative change of the total (head/base - 1), null when not comparable. */
  change: number | null;
  ci: Interval | null;
  pValue: number | null;
  status: FrameStatus;
}

export interface DroppedFrame {
  key: string;
  name: string;
  /** Largest share the frame reached in any run. */
  maxShare: number;
  /** Fraction of runs (both sides) where it passed the minimum share. */
  presence: number;
}

export interface CompareSettings {
  alpha: number;
  /** Minimum inclusive share (0-1) for a frame to be considered a hotspot in a run. */
  minShare: number;
  /** Fraction of runs in which a frame must reach minShare to be kept. */
  quorum: number;
  /** Absolute effect floor in share points (0.002 = 0.2 percentage points of total). */
  minEffect: number;
  /** Relative effect floor (0.05 = 5% of the frame's own base value). */
  minRelEffect: number;
  granularity: Granularity;
  /** Fail when any ranked frame regressed by more than this share of total (e.g. 0.01). */
  gateFrameShare: number;
  /** Fail when the total regressed by more than this relative change (e.g. 0.05); null = off. */
  gateTotal: number | null;
  /** Seed for anything random (permutation tests, bootstraps). */
  seed: number;
  /** Which metrics the comparison used and why (filled by compare). */
  metricNote?: string;
  /** Name of the statistical test used. */
  test?: string;
  /**
   * Primary metric: 'share' (inclusive share of the run, portable across machines; default) or
   * 'time' (inclusive seconds per run: only meaningful when base and head ran on the same
   * machine, e.g. interleaved). Falls back to 'share' when the profiles carry no time unit.
   */
  metric?: 'share' | 'time';
  /**
   * How base and head runs were measured: 'separate' (different sessions, e.g. a stored
   * baseline; default) or 'interleaved' (alternating in one session, e.g. baseline: rerun).
   * Separate sessions add a between-session term for environment-sensitive frames (garbage
   * collection), whose share follows the machine's load as much as the code.
   */
  sessions?: 'separate' | 'interleaved';
}

export interface ComparisonReport {
  schema: 1;
  verdict: Verdict;
  /** Human sentence explaining the verdict (which gate tripped). */
  reason: string;
  total: TotalResult;
  /** Every compared frame, regressions first by rank, then by |delta|. */
  frames: FrameResult[];
  dropped: DroppedFrame[];
  /** Weight share dropped as inconsistent, per side (mean over runs). */
  droppedShare: { base: number; head: number };
  settings: CompareSettings;
  /** Warnings for the reader (different machines, few samples, ...). */
  warnings: string[];
  /** Number of inconsistent frames in all (`dropped` lists at most the 200 heaviest). */
  droppedCount?: number;
  /** The fitted noise model (run-to-run jitter and how much frames share it). */
  noise?: NoiseSummary;
  /** Counts and lists every reader uses (regressions, improvements, new, gone, renamed, under the gate). */
  summary?: ReportSummary;
  /** The between-session term and what the stored history said about it. */
  betweenSessions?: BetweenSessions;
  /** Set when a stored-baseline verdict was re-measured interleaved (src/pipeline/confirm.ts). */
  confirmation?: Confirmation;
  /** Renamed and moved functions compared as one frame (src/stats/rename-match.ts). */
  renames?: RenamePair[];
}

/** The confirmation of a stored-baseline verdict by an interleaved re-measurement of the merge-base. */
export interface Confirmation {
  /** The `confirm` setting that asked for it. */
  mode: 'auto' | 'always';
  /**
   * confirmed: a gated regression regressed in both comparisons; not-confirmed: the stored
   * comparison failed, the interleaved one did not show it; nothing-to-confirm: neither gated
   * (confirm: always); unavailable: the merge-base could not be re-measured (`note` says why).
   */
  outcome: 'confirmed' | 'not-confirmed' | 'nothing-to-confirm' | 'unavailable';
  /** The commit re-measured as the base, null when unavailable. */
  baseSha: string | null;
  runs: { base: number; head: number };
  /** Wall seconds the confirmation took (checkout, runs, comparison). */
  seconds: number;
  storedVerdict: Verdict;
  interleavedVerdict: Verdict | null;
  /** Keys of regressed/new frames both comparisons agree on. */
  confirmed: string[];
  /** Keys of regressed/new frames the interleaved comparison did not show (now inconclusive). */
  notConfirmed: string[];
  /** Whether a gated total regression was confirmed (null when the total did not trip a gate). */
  totalConfirmed: boolean | null;
  note: string | null;
}

export interface NoiseSummary {
  /** Fitted relative run-to-run jitter (sd on the logit-share or log-time scale), e.g. 0.02 = 2%. */
  jitter: number;
  /** Prior degrees of freedom of the moderation (null = infinite: all frames share one noise level). */
  priorDf: number | null;
  /** Residual degrees of freedom per frame ((Nb - 1) + (Nh - 1)). */
  residualDf: number;
}

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
