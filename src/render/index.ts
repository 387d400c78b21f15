// Contract of the rendering stage (issue 5 replaces the bodies; keep the signatures).
import type { Profile } from '../profile/profile.js';
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
  palette?: string;
  /** Diff only: widths from base instead of head (what disappeared). */
  negate?: boolean;
  /** Diff only: colour-blind-safe scale. */
  colorBlind?: boolean;
}

export interface TextFlameOptions {
  /** Maximum characters of output. */
  budget?: number;
  /** 'markdown' (safe for GitHub comments), 'ansi' (terminal colours) or 'plain'. */
  style?: 'markdown' | 'ansi' | 'plain';
  comparison?: ComparisonReport;
}

export function renderFlameSvg(_p: Profile, _opts: FlameOptions = {}): string {
  throw new Error('renderFlameSvg: not implemented yet');
}

/** Differential flamegraph: widths from head (or base with negate), colours from the comparison. */
export function renderDiffSvg(
  _base: Profile,
  _head: Profile,
  _comparison: ComparisonReport,
  _opts: FlameOptions = {},
): string {
  throw new Error('renderDiffSvg: not implemented yet');
}

export async function svgToPng(_svg: string, _opts: { width?: number } = {}): Promise<Uint8Array> {
  throw new Error('svgToPng: not implemented yet');
}

export function renderTextFlame(_p: Profile, _opts: TextFlameOptions = {}): string {
  throw new Error('renderTextFlame: not implemented yet');
}
