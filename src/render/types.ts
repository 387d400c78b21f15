// Options of the rendering stage (flamegraphs, differential graphs, text flamegraphs).
import type { ComparisonReport } from '../stats/types.js';

export interface FlameOptions {
  title?: string;
  subtitle?: string;
  /** Image width in px (default 1200). */
  width?: number;
  /** Frames narrower than this many px are pruned (default 0.1, as flamegraph.pl). */
  minWidth?: number;
  /** 'flame' (root at bottom, default) or 'icicle' (root at top). */
  direction?: 'flame' | 'icicle';
  /** Sibling order: 'alpha' (default, FlameGraph) or 'width'. */
  order?: 'alpha' | 'width';
  /** Keep input order (time-ordered flamechart). */
  flamechart?: boolean;
  /** 'auto' (default: by language and frame kind), 'python', 'js', 'java', 'native', or a FlameGraph hue. */
  palette?: string;
  /** Diff only: widths from base instead of head (what disappeared). */
  negate?: boolean;
  /** Diff only: colour-blind-safe scale. */
  colorBlind?: boolean;
  /** Inferno-style colour diffusion: wider frames more saturated (not for diffs). */
  colorDiffusion?: boolean;
  /** Frames deeper than this are not drawn; their weight is listed in the parent's tooltip. */
  maxDepth?: number;
  /** Diff only: change (share, e.g. 0.05 = 5 pp) drawn at full colour; default the largest significant change. */
  diffScale?: number;
}

export interface TextFlameOptions {
  /** Maximum characters of output. */
  budget?: number;
  /** 'markdown' (safe for GitHub comments), 'ansi' (terminal colours) or 'plain'. */
  style?: 'markdown' | 'ansi' | 'plain';
  comparison?: ComparisonReport;
  /** Frames below this share of the total are not listed (default 0.005). */
  minShare?: number;
}
