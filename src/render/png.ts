import { initWasm, Resvg } from '@resvg/resvg-wasm';
import wasm from '@resvg/resvg-wasm/index_bg.wasm?binary';
import font from '../../assets/fonts/DejaVuSans.ttf?binary';

// SVG -> PNG with resvg compiled to WebAssembly and the DejaVu Sans font shipped in assets/fonts:
// no system fonts, no native modules, so the pixels are the same on every machine and the bundled
// dist/ needs nothing beside itself.

export interface PngOptions {
  /** Output width in px (default: the SVG's own width). */
  width?: number;
  /** Largest number of pixels to allocate; taller pictures are scaled down to fit (default 40M). */
  maxPixels?: number;
}

let ready: Promise<void> | undefined;

/** Compiles and instantiates the wasm module once per process. */
function init(): Promise<void> {
  ready ??= initWasm(wasm).catch((err: unknown) => {
    ready = undefined;
    throw err;
  });
  return ready;
}

function svgSize(svg: string): { width: number; height: number } {
  const head = svg.slice(0, 4096);
  const m = /<svg\b[^>]*>/.exec(head);
  const tag = m ? m[0] : '';
  const num = (attr: string): number => {
    const a = new RegExp(`\\s${attr}="([0-9.]+)"`).exec(tag);
    return a ? Number(a[1]) : 0;
  };
  return { width: num('width') || 1200, height: num('height') || 800 };
}

/**
 * Drops what only the browser uses: the stylesheet (hover, zoom and search states; resvg matching
 * it against every element cost 4x the drawing), the scripts, titles (tooltips), and the hidden
 * Reset Zoom button and tooltip box. Everything visible at rest is in presentation attributes.
 * Frame names are escaped, so they cannot look like these tags. (Frames under 1 px are already
 * merged into strips by the SVG itself, which is what makes resvg fast on big graphs.)
 */
export function staticPart(svg: string): string {
  return (
    svg
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<script\b[\s\S]*?<\/script>/g, '')
      .replace(/<title>[^<]*<\/title>/g, '')
      // Controls a picture cannot use: Reset Zoom, Search and the case toggle.
      .replace(/<text id="fd-(?:unzoom|search|case)"[^>]*>[^<]*<\/text>/g, '')
      .replace(/<g id="fd-tip"[^>]*>[\s\S]*?<\/g>/, '')
  );
}

export async function pngFromSvg(svg: string, opts: PngOptions = {}): Promise<Uint8Array> {
  await init();
  const size = svgSize(svg);
  const width = Math.round(opts.width ?? size.width);
  const maxPixels = opts.maxPixels ?? 40_000_000;
  const height = (size.height * width) / size.width;
  // Keep both sides in proportion when scaling a very tall picture down to the pixel budget.
  let shrink = width * height > maxPixels ? Math.sqrt(maxPixels / (width * height)) : 1;
  // resvg rounds the scaled width up: step down until the rounded size fits too.
  while (shrink < 1 && Math.ceil(width * shrink) * Math.floor(height * shrink) > maxPixels) shrink *= 0.995;
  const fitTo =
    shrink < 1
      ? { mode: 'height' as const, value: Math.max(1, Math.floor(height * shrink)) }
      : { mode: 'width' as const, value: width };
  const r = new Resvg(staticPart(svg), {
    fitTo,
    background: '#ffffff',
    font: {
      fontBuffers: [font],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
      defaultFontSize: 12,
    },
  });
  try {
    const img = r.render();
    try {
      return img.asPng();
    } finally {
      img.free();
    }
  } finally {
    r.free();
  }
}
