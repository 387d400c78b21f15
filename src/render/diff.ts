import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import { atGranularity } from '../profile/transform.js';
import type { Frame } from '../profile/types.js';
import type { ComparisonReport, FrameResult, Metric } from '../stats/types.js';
import { diffColor, hex, neutralColor, type Rgb } from './colors.js';
import { escapeXml } from './escape.js';
import { labelRanks } from './frame-info.js';
import { layoutFlame } from './layout.js';
import { innerWidth, resolveOptions } from './options.js';
import { num, renderEmpty, renderScene, XPAD } from './svg.js';
import { buildPrunedTree } from './tree.js';
import type { FlameOptions } from './types.js';

// The differential flamegraph. Widths come from one side (head, or base with `negate`); colour
// comes from the comparison: a frame is red (grew) or blue (shrank) by its *inclusive* change,
// with saturation proportional to the size of the change, and only when the statistics call the
// change significant (status regressed / improved). Everything else is neutral grey.

const LEGEND_HEIGHT = 42;

/**
 * Key of a frame in ComparisonReport.frames, for a frame of atGranularity(profile, g): its whole
 * label, as src/stats/frame-keys.ts builds keys. At function granularity an anonymous function
 * (`(anonymous)`, `<lambda>`) keeps its line, so a label without lines would miss its result.
 */
export function comparisonKey(f: Frame): string {
  return frameLabel(f);
}

export function isSignificant(r: FrameResult | undefined): boolean {
  return r !== undefined && (r.status === 'regressed' || r.status === 'improved');
}

/** Full-colour point of the scale: the largest significant change (or the caller's fixed scale). */
export function diffScaleMax(c: ComparisonReport, fixed?: number): number {
  if (fixed !== undefined && fixed > 0) return fixed;
  let max = 0;
  for (const f of c.frames) if (isSignificant(f)) max = Math.max(max, Math.abs(f.delta));
  return max;
}

export function diffSvg(base: Profile, head: Profile, c: ComparisonReport, opts: FlameOptions): string {
  const r = resolveOptions(opts);
  const negate = opts.negate === true;
  const title =
    opts.title ?? (negate ? 'Differential Flame Graph (widths: base)' : 'Differential Flame Graph');
  const g = c.settings?.granularity ?? 'function';
  const side = atGranularity(negate ? base : head, g);
  if (!(side.totalWeight() > 0)) {
    return renderEmpty(title, r.width, `the ${negate ? 'base' : 'head'} profile has no samples to draw`);
  }
  const byKey = new Map<string, FrameResult>();
  for (const f of c.frames) byKey.set(f.key, f);
  const dropped = new Set(c.dropped.map((d) => d.key));
  const max = diffScaleMax(c, opts.diffScale);
  // Only what can be drawn is built: frames under minWidth px are cut at their first level.
  const tree = buildPrunedTree(side, (r.minWidth * side.totalWeight()) / innerWidth(r), r.maxDepth);
  const layout = layoutFlame(tree, {
    widthPx: innerWidth(r),
    minWidthPx: r.minWidth,
    order: r.order,
    rank: labelRanks(side),
    maxDepth: r.maxDepth,
  });
  const keys: string[] = new Array(side.frames.size);
  const results: (FrameResult | undefined)[] = new Array(side.frames.size);
  for (let id = 0; id < side.frames.size; id++) {
    keys[id] = comparisonKey(side.frame(id));
    results[id] = byKey.get(keys[id]);
  }
  const colorBlind = opts.colorBlind === true;
  return renderScene({
    profile: side,
    tree,
    layout,
    width: r.width,
    direction: r.direction,
    title,
    subtitle: opts.subtitle,
    legend: { svg: legendSvg(c, r.width, max, colorBlind, negate), height: LEGEND_HEIGHT },
    style: (i) => {
      const fid = tree.frame[layout.node[i]];
      if (fid < 0) return { fill: [225, 225, 225] as Rgb };
      const res = results[fid];
      const fill = isSignificant(res)
        ? diffColor(
            (res as FrameResult).delta > 0,
            max > 0 ? Math.abs((res as FrameResult).delta) / max : 1,
            colorBlind,
          )
        : neutralColor(side.frames.names[fid]);
      const mark =
        res?.status === 'new' && !negate ? 'new' : res?.status === 'gone' && negate ? 'gone' : undefined;
      return { fill, mark };
    },
    extra: (fid) => (fid < 0 ? totalLines(c) : tipLines(results[fid], c, dropped.has(keys[fid]))),
    meta: { diff: { negate, test: c.settings?.test ?? null, runs: [c.total.base.runs, c.total.head.runs] } },
  });
}

const isShare = (m: Metric): boolean => m === 'inclusiveShare' || m === 'selfShare';

const METRIC_NAME: Record<Metric, string> = {
  inclusiveShare: 'inclusive share',
  selfShare: 'self share',
  inclusiveTime: 'inclusive time',
  selfTime: 'self time',
};

function value(v: number, m: Metric): string {
  return isShare(m) ? `${(v * 100).toFixed(2)}%` : `${(v * 1000).toFixed(2)} ms`;
}

function change(v: number, m: Metric): string {
  const sign = v > 0 ? '+' : v < 0 ? '\u2212' : '\u00b1';
  const a = Math.abs(v);
  return isShare(m) ? `${sign}${(a * 100).toFixed(2)} pp` : `${sign}${(a * 1000).toFixed(2)} ms`;
}

/** Tooltip lines for one frame of a differential graph (plain strings; the script sets textContent). */
export function tipLines(f: FrameResult | undefined, c: ComparisonReport, dropped: boolean): string[] {
  if (!f) {
    return [
      dropped
        ? 'not compared: not a consistent hotspot across runs'
        : 'not compared: below the hotspot threshold',
    ];
  }
  const m = f.metric;
  const rel = f.relDelta === null ? '' : ` (${f.relDelta > 0 ? '+' : ''}${(f.relDelta * 100).toFixed(1)}%)`;
  const level = Math.round((f.ci?.level ?? 0.95) * 100);
  const q = Number.isFinite(f.qValue) ? `, q = ${f.qValue.toPrecision(2)}` : '';
  return [
    `before ${value(f.base.mean, m)} \u2192 after ${value(f.head.mean, m)} (${METRIC_NAME[m]}, mean of ${c.total.base.runs} vs ${c.total.head.runs} runs)`,
    `change ${change(f.delta, m)}${rel}, ${level}% CI [${change(f.ci.lo, m)}, ${change(f.ci.hi, m)}]`,
    `status: ${f.status}${q}${isSignificant(f) ? '' : ' (drawn neutral)'}`,
  ];
}

function totalLines(c: ComparisonReport): string[] {
  const t = c.total;
  const ch = t.change === null ? 'n/a' : `${t.change > 0 ? '+' : ''}${(t.change * 100).toFixed(1)}%`;
  return [
    `total (${t.measure}): change ${ch}, status: ${t.status}`,
    `test: ${c.settings?.test ?? 'not stated'}`,
  ];
}

function legendSvg(
  c: ComparisonReport,
  width: number,
  max: number,
  colorBlind: boolean,
  negate: boolean,
): string {
  const steps = [1, 0.66, 0.33];
  const box = (x: number, fill: Rgb, extra = ''): string =>
    `<rect x="${x}" y="4" width="18" height="12" fill="${hex(fill)}"${extra}/>`;
  const parts: string[] = [];
  let x = XPAD;
  const metric: Metric = c.frames[0]?.metric ?? 'inclusiveShare';
  // With nothing significant there is no scale to state ("±0.00 pp" would read as a measurement).
  const scale = change(max, metric).slice(1);
  const left = max > 0 ? `shrank \u2212${scale}` : 'shrank';
  const right = max > 0 ? `+${scale} grew` : 'grew (no significant change)';
  const grewWord = colorBlind ? 'orange' : 'red';
  const shrankWord = colorBlind ? 'purple' : 'blue';
  parts.push(`<text x="${x}" y="14">${escapeXml(left)}</text>`);
  x += 16 + 7.1 * left.length;
  for (const s of steps) parts.push(box((x += 20) - 20, diffColor(false, s, colorBlind)));
  parts.push(box((x += 20) - 20, neutralColor('legend'), ' stroke="#999" stroke-width="0.5"'));
  for (const s of [...steps].reverse()) parts.push(box((x += 20) - 20, diffColor(true, s, colorBlind)));
  parts.push(`<text x="${num(x + 4)}" y="14">${escapeXml(right)}</text>`);
  x += 16 + 7.1 * (right.length + 1);
  parts.push(box(x, neutralColor('new'), ' stroke="#111" stroke-dasharray="3,2"'));
  parts.push(`<text x="${num(x + 24)}" y="14">${negate ? 'gone in head' : 'new in head'}</text>`);
  const fullTest = c.settings?.test ?? 'test not stated';
  // Long test descriptions keep their name (up to the first colon) in the legend line.
  const test = fullTest.split(':')[0].slice(0, 60);
  const alpha = c.settings?.alpha ?? 0.05;
  // Most important first: a narrow picture cuts the end of the line.
  const line = `Runs: base ${c.total.base.runs}, head ${c.total.head.runs} \u00b7 widths: ${negate ? 'base' : 'head'} \u00b7 test: ${test}, FDR q < ${alpha} \u00b7 colour: ${METRIC_NAME[metric]} change (head \u2212 base), ${grewWord} grew, ${shrankWord} shrank, grey not significant`;
  parts.push(`<text x="${XPAD}" y="33" fill="#333">${escapeXml(fitLegend(line, width))}</text>`);
  parts.unshift(`<title>${escapeXml(`${line}\nTest: ${fullTest}`)}</title>`);
  return parts.join('');
}

function fitLegend(line: string, width: number): string {
  const fit = Math.floor((width - 2 * XPAD) / 6.6);
  return line.length <= fit ? line : `${line.slice(0, fit - 1)}\u2026`;
}
