import { frameLabel, type LabelOptions } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import type { Frame } from '../profile/types.js';

/** frameLabel's default (file and line included), made once instead of per call. */
const FULL_LABEL: LabelOptions = {};

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
  const { names, files, lines, modules, kinds, size: n } = p.frames;
  const labels: string[] = new Array(n);
  const idx: number[] = new Array(n);
  // One Frame filled from the columns for every label: a profile has tens of thousands of
  // frames, and an object (and an options object) per label was garbage for the collector.
  const f: Frame = { name: '', file: '', line: 0, module: '', kind: 'other' };
  for (let id = 0; id < n; id++) {
    f.name = names[id];
    f.file = files[id];
    f.line = lines[id];
    f.module = modules[id];
    f.kind = kinds[id];
    labels[id] = frameLabel(f, FULL_LABEL);
    idx[id] = id;
  }
  idx.sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : a - b));
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[idx[j]] = j;
  return rank;
}
