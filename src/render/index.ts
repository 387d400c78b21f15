// The rendering stage: pure functions from a profile (and a comparison) to SVG, PNG or text.
// See docs/rendering.md.
import type { Profile } from '../profile/profile.js';
import type { ComparisonReport } from '../stats/types.js';
import { diffSvg } from './diff.js';
import { flameSvg } from './flame.js';
import type { PngOptions } from './png.js';
import { textFlame } from './text-flame.js';
import type { FlameOptions, TextFlameOptions } from './types.js';

export { checkPalette, PALETTES } from './colors.js';
export { comparisonKey, diffScaleMax, isSignificant } from './diff.js';
export { escapeXml, jsonForScript } from './escape.js';
export type { PngOptions } from './png.js';

export type { FlameOptions, TextFlameOptions } from './types.js';

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
