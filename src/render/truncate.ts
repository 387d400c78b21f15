// Fitting a label into a frame. The same rule runs in the browser (svg-script.js `fitText`):
// keep the end of the label (`file:function` is the informative part), mark the cut with an
// ellipsis, and draw nothing when fewer than 3 characters would fit.

/** Average glyph advance of DejaVu Sans / Verdana at 12 px, as flamegraph.pl estimates it. */
export const FONT_SIZE = 12;
export const CHAR_WIDTH = FONT_SIZE * 0.59;

export function fitText(label: string, widthPx: number): string {
  const fit = Math.floor((widthPx - 6) / CHAR_WIDTH);
  if (fit < 3) return '';
  if (label.length <= fit) return label;
  let start = label.length - (fit - 1);
  const c = label.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++; // never start on the second half of a surrogate pair
  return `\u2026${label.slice(start)}`;
}
