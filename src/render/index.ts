// The rendering stage: pure functions from a profile (and a comparison) to SVG, PNG or text.
// See docs/rendering.md.
import type { Profile } from '../profile/profile.js';
import type { ComparisonReport } from '../stats/types.js';
import { diffSvg } from './diff.js';
import { flameSvg } from './flame.js';
import type { PngOptions } from './png.js';
import { textFlame } from './text-flame.js';

export { checkPalette, PALETTES } from './colors.js';
export { comparisonKey, diffScaleMax, isSignificant } from './diff.js';
export { escapeXml, jsonForScript } from './escape.js';
export type { PngOptions } from './png.js';

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

export function renderFlameSvg(p: Profile, opts: FlameOptions = {}): string {
  return flameSvg(p, opts);
}

/** Differential flamegraph: widths from head (or base with negate), colours from the comparison. */
export function renderDiffSvg(
  base: Profile,
  head: Profile,
  comparison: ComparisonReport,
  opts: FlameOptions = {},
): string {
  return diffSvg(base, head, comparison, opts);
}

/** PNG of an SVG from this module, with the bundled font (identical bytes on every machine). */
export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Uint8Array> {
  // Imported on first use: resvg's wasm and the font are ~4 MB of bundle that an SVG or text
  // render, and every other command, never needs to load.
  const { pngFromSvg } = await import('./png.js');
  return pngFromSvg(svg, opts);
}

export function renderTextFlame(p: Profile, opts: TextFlameOptions = {}): string {
  return textFlame(p, opts);
}
