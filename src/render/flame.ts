import type { Profile } from '../profile/profile.js';
import { diffuse, frameColor, type Rgb } from './colors.js';
import { labelRanks } from './frame-info.js';
import { layoutFlame } from './layout.js';
import { innerWidth, resolveOptions } from './options.js';
import { renderEmpty, renderScene } from './svg.js';
import { buildPrunedTree } from './tree.js';
import type { FlameOptions } from './types.js';

const ROOT_COLOR: Rgb = [225, 225, 225];
const NO_RANKS = new Int32Array(0);

export function flameSvg(p: Profile, opts: FlameOptions): string {
  const r = resolveOptions(opts);
  const title =
    opts.title ??
    (opts.flamechart ? 'Flame Chart' : r.direction === 'icicle' ? 'Icicle Graph' : 'Flame Graph');
  if (!(p.totalWeight() > 0)) return renderEmpty(title, r.width, 'the profile has no samples to draw');
  // Only what can be drawn is built: frames under minWidth px are cut at their first level.
  const tree = buildPrunedTree(p, (r.minWidth * p.totalWeight()) / innerWidth(r), r.maxDepth);
  // A flame chart keeps input order: no sibling is ever compared, so no label is ranked (on a
  // profile of many frames, ranking them all is a sizeable part of a render).
  const rank = r.order === 'input' ? NO_RANKS : labelRanks(p);
  const layout = layoutFlame(tree, {
    widthPx: innerWidth(r),
    minWidthPx: r.minWidth,
    order: r.order,
    rank,
    maxDepth: r.maxDepth,
  });
  const colors = new Map<number, Rgb>();
  return renderScene({
    profile: p,
    tree,
    layout,
    width: r.width,
    direction: r.direction,
    title,
    subtitle: opts.subtitle,
    style: (i) => {
      const fid = tree.frame[layout.node[i]];
      let c = ROOT_COLOR;
      if (fid >= 0) {
        let known = colors.get(fid);
        if (!known) colors.set(fid, (known = frameColor(p.frame(fid), r.palette)));
        c = known;
      }
      return { fill: r.colorDiffusion ? diffuse(c, layout.w[i] / layout.total) : c };
    },
  });
}
