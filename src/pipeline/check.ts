// Contract of the main job (issue 6 replaces the body; the action and the bot call runCheck).
import type { FlamediffOptions } from '../config/options.js';
import type { ComparisonReport } from '../stats/types.js';

/** Links the report can use; the action fills them from the repository, the CLI may leave them empty. */
export interface ReportLinks {
  /** URL of the differential flamegraph PNG (raw URL on the data branch). */
  imageUrl?: string;
  /** URL of the interactive SVG (GitHub Pages or file view). */
  svgUrl?: string;
  /** Link for a source location in the head commit, or null when it is not in the repository. */
  sourceUrl?: (file: string, line: number) => string | null;
  /** Put the text flamegraph inline instead of the image (private repositories). */
  inlineTextFlamegraph?: boolean;
}

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
  /** The baseline compared with, and a note when it is older than the merge-base or missing. */
  baseline: { sha: string; branch: string; note: string | null } | null;
  /** Paths written to the store (relative to the store root / data branch). */
  stored: string[];
}

export async function runCheck(_opts: FlamediffOptions, _ctx: CheckContext): Promise<CheckResult> {
  throw new Error('runCheck: not implemented yet');
}
