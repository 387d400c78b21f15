// Types of the main job (`runCheck`): what callers tell it about the commit, and what it returns.
import type { Analysis } from '../analyse/types.js';
import type { ReportLinks } from '../report/types.js';
import type { Recorder } from '../sample/measure.js';
import type { RunSide } from '../sample/types.js';
import type { ComparisonReport } from '../stats/types.js';

export interface CheckContext {
  /** Commit being measured. */
  headSha: string;
  /** Branch or ref name of the head (e.g. 'main', 'feature/x'). */
  headRef: string;
  /** True when the head is on the base branch: record a baseline instead of comparing. */
  isBaseBranch: boolean;
  pullNumber?: number;
  links?: ReportLinks;
  /** Progress and log lines. */
  log?: (line: string) => void;
  /** Repository root: the workload's working directory and the dir store are relative to it (default process.cwd()). */
  cwd?: string;
  /** Ref(s) the merge-base is taken with (default origin/<baseBranch>, then <baseBranch>). */
  baseRef?: string;
  /** Compare with the baseline stored for exactly this commit (skips the merge-base search). */
  baselineSha?: string;
  /** https://github.com/owner/repo, for commit and pull request links in the dashboard. */
  repoUrl?: string;
  /** Extra environment for the head side only (the demo's injected regression). */
  headEnv?: Record<string, string>;
  /** Aborts the runs (Ctrl-C / SIGTERM): the workload is stopped and nothing is recorded. */
  signal?: AbortSignal;
  /**
   * Asked right before the pull request's report is stored; false stores nothing (the action: a
   * newer commit of the pull request was pushed meanwhile, and its report must not be replaced).
   */
  stillCurrent?: () => Promise<boolean>;
  /**
   * Head runs measured elsewhere (the bot's validated artifacts): nothing runs here, the job
   * analyses, presents and stores these. Only with `baseline: stored`.
   */
  headRuns?: RunSide;
}

export interface CheckResult {
  mode: 'baseline' | 'compare';
  /** 'none' when a baseline was recorded or no baseline was found to compare with. */
  verdict: 'pass' | 'fail' | 'none';
  report: ComparisonReport | null;
  regressions: number;
  /** Relative change of the total, when known. */
  totalChange: number | null;
  /** Files written under options.outDir (absolute paths). */
  files: {
    reportJson?: string;
    commentMd?: string;
    summaryMd?: string;
    diffSvg?: string;
    diffPng?: string;
    flameSvg?: string;
  };
  /** PR comment Markdown (under 65,536 characters), job summary Markdown, console text. */
  commentMarkdown: string;
  summaryMarkdown: string;
  consoleText: string;
  /**
   * The baseline compared with, and a note when it is older than the merge-base or missing
   * (sha '' when no baseline was found: the note says why). After recording: the recorded commit.
   */
  baseline: { sha: string; branch: string; note: string | null } | null;
  /** Paths written to the store (relative to the store root / data branch). */
  stored: string[];
  /** Everything analysed (pictures as bytes), for callers that store or post it themselves. */
  analysis?: Analysis;
}

/** The samplers, replaceable in tests that use hand-built profiles. */
export type CheckDeps = Recorder;
