import type { Profile } from '../profile/profile.js';
import { hex, type Rgb } from './colors.js';
import { escapeXml, jsonForScript } from './escape.js';
import { type FrameInfo, frameInfo } from './frame-info.js';
import type { FlameLayout } from './layout.js';
import script from './svg-script.js?raw';
import type { CallTree } from './tree.js';
import { CHAR_WIDTH, FONT_SIZE, fitText } from './truncate.js';

// Assembles the standalone SVG: static rectangles and labels (so it reads without JavaScript,
// in resvg for the PNG and in <img>), plus one JSON blob and one script for the interactive parts.

export const FRAME_HEIGHT = 16;
export const XPAD = 10;
const TITLE_PAD = 36;
const SUBTITLE_PAD = 20;
const BOTTOM_PAD = 34;

export interface SceneFrameStyle {
  fill: Rgb;
  /** Dashed outline: frames that exist only on this side of a comparison. */
  mark?: 'new' | 'gone';
}

export interface Scene {
  profile: Profile;
  tree: CallTree;
  layout: FlameLayout;
  width: number;
  direction: 'flame' | 'icicle';
  title: string;
  subtitle?: string;
  /** Per drawn frame (layout index). */
  style: (i: number) => SceneFrameStyle;
  /** Extra SVG drawn under the title (already escaped) and the height it needs. */
  legend?: { svg: string; height: number };
  /** Per profile frame id, extra tooltip data for the script (diffs); null when none. */
  extra?: (frameId: number) => unknown;
  /** Extra top-level JSON fields for the script. */
  meta?: Record<string, unknown>;
}

interface Geometry {
  height: number;
  /** y of depth 0 and the step per depth (negative for flames: the root is at the bottom). */
  y0: number;
  dy: number;
  top: number;
}

function geometry(s: Scene): Geometry {
  const top = TITLE_PAD + (s.subtitle ? SUBTITLE_PAD : 0) + (s.legend?.height ?? 0);
  const framesH = (s.layout.maxDepth + 1) * FRAME_HEIGHT;
  const height = top + framesH + BOTTOM_PAD;
  return s.direction === 'icicle'
    ? { height, y0: top, dy: FRAME_HEIGHT, top }
    : { height, y0: top + framesH - FRAME_HEIGHT, dy: -FRAME_HEIGHT, top };
}

export function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/**
 * Frames narrower than this many px are not drawn one element each: at rest they are painted as
 * strips (see `strips`), and the script creates their elements when a zoom, a search match or the
 * keyboard needs them. Most elements of a big graph are such slivers, and every element costs the
 * browser parse, style, layout and paint time (and resvg the same for the PNG).
 */
export const SLIVER_PX = 1;
/** Corners are rounded only on frames this wide: on narrower ones nobody sees it, but it costs paint. */
const ROUND_PX = 4;

export function renderScene(s: Scene): string {
  const g = geometry(s);
  const { layout, tree, profile } = s;
  const inner = s.width - 2 * XPAD;
  const scale = layout.total > 0 ? inner / layout.total : 0;
  const compact = new Map<number, number>(); // profile frame id -> index in `fr`
  const fr: unknown[] = [['all', 'all', '', 'all', 'root']];
  const extra: unknown[] = [s.extra ? s.extra(-1) : null];
  const infos: FrameInfo[] = [];
  const d: number[] = new Array(layout.count * 7);
  // Styles are few (a colour per function): each frame refers to one by index.
  const styleIndex = new Map<string, number>();
  const styles: string[] = [];
  const fs: number[] = new Array(layout.count);
  const parts: string[] = [];
  const slivers: number[] = [];
  const fills: string[] = new Array(layout.count);
  for (let i = 0; i < layout.count; i++) {
    const node = layout.node[i];
    const fid = tree.frame[node];
    let ci = 0;
    let info: FrameInfo = ROOT_INFO;
    if (fid >= 0) {
      const known = compact.get(fid);
      if (known === undefined) {
        info = frameInfo(profile.frame(fid));
        ci = fr.length;
        compact.set(fid, ci);
        infos[ci] = info;
        fr.push([info.name, info.label, info.loc, info.text, info.kind]);
        extra.push(s.extra ? s.extra(fid) : null);
      } else {
        ci = known;
        info = infos[ci];
      }
    }
    const depth = layout.depth[i];
    const o = i * 7;
    d[o] = ci;
    d[o + 1] = depth;
    d[o + 2] = layout.x[i];
    d[o + 3] = layout.w[i];
    d[o + 4] = tree.self[node];
    d[o + 5] = layout.prunedWeight[i];
    d[o + 6] = layout.prunedCount[i];
    const st = s.style(i);
    const fill = hex(st.fill);
    const key = st.mark ? `${fill} d` : fill;
    let si = styleIndex.get(key);
    if (si === undefined) {
      si = styles.length;
      styleIndex.set(key, si);
      styles.push(key);
    }
    fs[i] = si;
    fills[i] = fill;
    const w = layout.w[i] * scale;
    if (w < SLIVER_PX) slivers.push(i);
    else parts.push(frameSvg(st, fill, XPAD + layout.x[i] * scale, g.y0 + depth * g.dy, w, info));
  }
  const data = {
    v: 2,
    unit: profile.meta.unit,
    total: layout.total,
    W: s.width,
    xpad: XPAD,
    fh: FRAME_HEIGHT,
    y0: g.y0,
    dy: g.dy,
    cw: CHAR_WIDTH,
    sl: SLIVER_PX,
    fr,
    x: s.extra ? extra : undefined,
    d,
    st: styles,
    f: fs,
    ...s.meta,
  };
  return [
    header(s, g),
    `<g id="fd-frames" tabindex="0" role="group" aria-label="frames: click to zoom, arrow keys to move, Enter to zoom, Escape to reset">`,
    `<g id="fd-strips">${stripsSvg(slivers, layout, fills, scale, g)}</g>`,
    parts.join('\n'),
    '</g>',
    footer(s, g),
    `<script type="application/json" id="fd-data">${jsonForScript(data)}</script>`,
    `<script type="text/ecmascript"><![CDATA[\n${script}\n]]></script>`,
    '</svg>',
    '',
  ].join('\n');
}

const ROOT_INFO: FrameInfo = { name: 'all', text: 'all', label: 'all', loc: '', kind: 'root' };

/**
 * Slivers (frames under SLIVER_PX) painted as strips: touching slivers of one depth are merged
 * into rectangles at most SLIVER_PX wide, filled with their width-weighted mean colour, which is
 * what anti-aliasing would have blended them into. The script redraws strips the same way when
 * zooming (svg-script.js `strips`).
 */
function stripsSvg(
  slivers: number[],
  layout: FlameLayout,
  fills: string[],
  scale: number,
  g: Geometry,
): string {
  const byDepth = new Map<number, number[]>();
  for (const i of slivers) {
    const dep = layout.depth[i];
    let list = byDepth.get(dep);
    if (!list) byDepth.set(dep, (list = []));
    list.push(i);
  }
  const out: string[] = [];
  for (const [dep, list] of byDepth) {
    let k = 0;
    while (k < list.length) {
      const first = list[k];
      const x0 = XPAD + layout.x[first] * scale;
      let x1 = x0;
      let r = 0;
      let gr = 0;
      let b = 0;
      // Merge while the next sliver touches this one and the strip stays within SLIVER_PX.
      while (k < list.length) {
        const i = list[k];
        const xi = XPAD + layout.x[i] * scale;
        const wi = layout.w[i] * scale;
        if (i !== first && (Math.abs(xi - x1) > 1e-6 || xi + wi - x0 > SLIVER_PX)) break;
        const c = fills[i];
        r += parseInt(c.slice(1, 3), 16) * wi;
        gr += parseInt(c.slice(3, 5), 16) * wi;
        b += parseInt(c.slice(5, 7), 16) * wi;
        x1 = xi + wi;
        k++;
      }
      const w = x1 - x0;
      const fill = w > 0 ? hex([r / w, gr / w, b / w]) : fills[first];
      out.push(
        `<rect x="${num(x0)}" y="${g.y0 + dep * g.dy}" width="${num(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill}"/>`,
      );
    }
  }
  return out.join('');
}

function frameSvg(
  st: SceneFrameStyle,
  fill: string,
  x: number,
  y: number,
  w: number,
  info: FrameInfo,
): string {
  const mark = st.mark ? ` stroke="#111" stroke-width="1" stroke-dasharray="3,2"` : '';
  const rx = w >= ROUND_PX ? ' rx="2"' : '';
  const rect = `<rect x="${num(x)}" y="${y}" width="${num(w)}" height="${FRAME_HEIGHT - 1}" fill="${fill}"${rx}${mark}/>`;
  const text = fitText(info.text, w);
  if (text === '') return rect;
  const dark = luminance(st.fill) < 0.4 ? ' fill="#fff"' : '';
  return `${rect}<text x="${num(x + 3)}" y="${y + 11.5}"${dark}>${escapeXml(text)}</text>`;
}

function luminance(c: Rgb): number {
  return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;
}

const STYLE = `
#fd-frames rect { cursor: pointer; }
#fd-frames > rect:hover, #fd-frames > rect.fd-sel { stroke: #000; stroke-width: 1.5; }
#fd-frames:focus { outline: none; }
#fd-frames text { pointer-events: none; }
.fd-hide { display: none; }
.fd-parent { opacity: 0.55; }
.fd-btn { cursor: pointer; }
.fd-btn:hover, .fd-btn:focus { fill: #00c; text-decoration: underline; outline: none; }
.fd-on { fill: #c0c; font-weight: bold; }
#fd-tip rect { fill: #ffffe8; stroke: #555; stroke-width: 0.5; }
`;

function header(s: Scene, g: Geometry): string {
  const W = s.width;
  const title = escapeXml(s.title);
  const sub = s.subtitle
    ? `<text x="${W / 2}" y="${TITLE_PAD + 10}" text-anchor="middle" fill="#555">${escapeXml(s.subtitle)}</text>`
    : '';
  const legend = s.legend
    ? `<g id="fd-legend" transform="translate(0,${g.top - s.legend.height})">${s.legend.svg}</g>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg version="1.1" width="${W}" height="${g.height}" viewBox="0 0 ${W} ${g.height}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    `<rect x="0" y="0" width="${W}" height="${g.height}" fill="#f6f6f6"/>`,
    `<text id="fd-title" x="${W / 2}" y="24" text-anchor="middle" style="font-size:17px">${title}</text>`,
    sub,
    legend,
    `<text id="fd-unzoom" class="fd-btn" display="none" fill="#333" x="${XPAD}" y="24" tabindex="0" role="button">Reset Zoom</text>`,
    `<text id="fd-search" class="fd-btn" fill="#333" x="${W - XPAD - 110}" y="24" tabindex="0" role="button">Search</text>`,
    `<text id="fd-case" class="fd-btn" fill="#333" x="${W - XPAD - 16}" y="24" tabindex="0" role="button" aria-label="ignore case">ic</text>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function footer(s: Scene, g: Geometry): string {
  const y = g.height - 14;
  return [
    `<text id="fd-details" x="${XPAD}" y="${y}"> </text>`,
    `<text id="fd-matched" x="${s.width - XPAD}" y="${y}" text-anchor="end"> </text>`,
    `<g id="fd-tip" visibility="hidden" pointer-events="none"><rect x="0" y="0" width="10" height="10" rx="3"/></g>`,
  ].join('\n');
}

/** The picture for a profile with no weight at all: says so instead of drawing nothing. */
export function renderEmpty(title: string, width: number, why: string): string {
  const h = 120;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg version="1.1" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, Verdana, sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${h}" fill="#f6f6f6"/>`,
    `<text x="${width / 2}" y="24" text-anchor="middle" font-size="17">${escapeXml(title)}</text>`,
    `<text id="fd-empty" x="${width / 2}" y="70" text-anchor="middle" font-size="16" fill="#555">No samples</text>`,
    `<text x="${width / 2}" y="94" text-anchor="middle" fill="#777">${escapeXml(why)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
