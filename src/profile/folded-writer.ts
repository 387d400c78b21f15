import { frameLabel, type LabelOptions } from './frame-label.js';
import type { Profile } from './profile.js';

/**
 * Canonical folded text: one `frame;frame;... weight` line per distinct stack, root first,
 * sorted frame by frame in code-unit order of the labels (a stack sorts before its extensions),
 * weights as integers when whole, else with up to 6 decimals. The same profile always gives the
 * same bytes. Semicolons and newlines inside a label are replaced (they would split the frame).
 */
export function writeFolded(p: Profile, opts: LabelOptions = {}): string {
  let out = '';
  const decoder = new TextDecoder();
  // Chunks end on line boundaries, so each decodes on its own.
  writeFoldedChunks(
    p,
    (chunk) => {
      out += decoder.decode(chunk);
    },
    opts,
  );
  return out;
}

const CHUNK = 1 << 20;

/**
 * The same bytes as writeFolded, as UTF-8 chunks of about 1 MB that each end with a newline:
 * large profiles can be streamed to a file without building one big string. A chunk is only
 * valid during the callback (the buffer is reused).
 */
export function writeFoldedChunks(
  p: Profile,
  write: (chunk: Uint8Array) => void,
  opts: LabelOptions = {},
): void {
  const labels: string[] = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) labels[id] = sanitizeLabel(frameLabel(p.frame(id), opts));
  const rank = labelRanks(labels);
  // All labels' UTF-8 in one buffer (one allocation, not one typed array per frame).
  const labelStart = new Uint32Array(labels.length + 1);
  for (let id = 0; id < labels.length; id++)
    labelStart[id + 1] = labelStart[id] + Buffer.byteLength(labels[id]);
  const labelBytes: Uint8Array = Buffer.from(labels.join(''), 'utf8');
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
  let buf = new Uint8Array(CHUNK);
  let pos = 0;
  for (let j = 0; j < length; j++) {
    const i = order[j];
    const w = weights[i];
    if (!(w > 0)) continue;
    const a = offsets[i];
    const b = offsets[i + 1];
    const weightText = formatWeight(w);
    let need = weightText.length + 2;
    for (let k = a; k < b; k++) need += labelStart[ids[k] + 1] - labelStart[ids[k]] + 1;
    if (pos + need > buf.length) {
      if (pos > 0) write(buf.subarray(0, pos));
      pos = 0;
      if (need > buf.length) buf = new Uint8Array(need);
    }
    for (let k = a; k < b; k++) {
      if (k !== a) buf[pos++] = 59; // ;
      const from = labelStart[ids[k]];
      const to = labelStart[ids[k] + 1];
      if (to - from < 24) for (let c = from; c < to; c++) buf[pos++] = labelBytes[c];
      else {
        buf.set(labelBytes.subarray(from, to), pos);
        pos += to - from;
      }
    }
    buf[pos++] = 32; // space
    for (let c = 0; c < weightText.length; c++) buf[pos++] = weightText.charCodeAt(c);
    buf[pos++] = 10; // \n
  }
  if (pos > 0) write(buf.subarray(0, pos));
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
