import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import type { Frame } from '../profile/types.js';

/** What the picture shows about one profile frame. */
export interface FrameInfo {
  name: string;
  /** Drawn in the box and truncated on the left: `file:function` (or the name alone). */
  text: string;
  /** Full label, as in folded output: searched and shown as the tooltip's first line. */
  label: string;
  /** `file:line`, `file` or ''. */
  loc: string;
  kind: string;
}

export function frameInfo(f: Frame): FrameInfo {
  const loc = f.file === '' ? '' : f.line > 0 ? `${f.file}:${f.line}` : f.file;
  return {
    name: f.name,
    text: f.file === '' ? f.name : `${f.file}:${f.name}`,
    label: frameLabel(f),
    loc,
    kind: f.kind,
  };
}

/** Rank of every frame's label in code-unit order (ties by id): FlameGraph's alphabetical order. */
export function labelRanks(p: Profile): Int32Array {
  const n = p.frames.size;
  const labels: string[] = new Array(n);
  for (let id = 0; id < n; id++) labels[id] = frameLabel(p.frame(id));
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : a - b));
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[idx[j]] = j;
  return rank;
}
