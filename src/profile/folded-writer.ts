import { frameLabel, type LabelOptions } from './frame-label.js';
import type { Profile } from './profile.js';

/**
 * Canonical folded text: one `frame;frame;... weight` line per distinct stack, root first,
 * sorted frame by frame in code-unit order of the labels (a stack sorts before its extensions),
 * weights as integers when whole, else with up to 6 decimals. The same profile always gives the
 * same bytes. Semicolons and newlines inside a label are replaced (they would split the frame).
 */
export function writeFolded(p: Profile, opts: LabelOptions = {}): string {
  const labels: string[] = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) labels[id] = sanitizeLabel(frameLabel(p.frame(id), opts));
  const rank = labelRanks(labels);
  const { ids, offsets, weights, length } = p.stacks.columns();
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  order.sort((x, y) => {
    const ax = offsets[x];
    const bx = offsets[x + 1];
    const ay = offsets[y];
    const by = offsets[y + 1];
    const n = Math.min(bx - ax, by - ay);
    for (let k = 0; k < n; k++) {
      const d = rank[ids[ax + k]] - rank[ids[ay + k]];
      if (d !== 0) return d;
    }
    return bx - ax - (by - ay);
  });
  const lines: string[] = [];
  for (let j = 0; j < length; j++) {
    const i = order[j];
    const w = weights[i];
    if (!(w > 0)) continue;
    let line = '';
    for (let k = offsets[i]; k < offsets[i + 1]; k++) line += (k === offsets[i] ? '' : ';') + labels[ids[k]];
    lines.push(`${line} ${formatWeight(w)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatWeight(w: number): string {
  if (Number.isInteger(w)) return String(w);
  return String(Number(w.toFixed(6)));
}

export function sanitizeLabel(label: string): string {
  return /[;\n\r]/.test(label) ? label.replace(/;/g, ':').replace(/[\n\r]/g, ' ') : label;
}

function labelRanks(labels: string[]): Int32Array {
  const idx = labels.map((_, i) => i);
  idx.sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : a - b));
  const rank = new Int32Array(labels.length);
  let r = 0;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && labels[idx[j]] !== labels[idx[j - 1]]) r++;
    rank[idx[j]] = r;
  }
  return rank;
}
