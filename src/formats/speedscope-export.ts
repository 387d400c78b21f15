import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import type { Frame, Unit } from '../profile/types.js';
import { frameFromSpeedscope, SPEEDSCOPE_SCHEMA } from './speedscope.js';

// Our model -> speedscope's JSON file format, one `sampled` profile per input profile, frames
// shared. Output is canonical: stacks sorted frame by frame by label (as writeFolded sorts),
// frames numbered in order of first use, fixed key order, so equal profiles give equal bytes.
// Extra fields speedscope ignores (`kind`/`module` on frames, `flamediff` on profiles) keep what
// speedscope's schema cannot say, so importing our own export gives back the same profile.

const SPEEDSCOPE_UNIT: Record<Unit, string> = {
  samples: 'none',
  count: 'none',
  nanoseconds: 'nanoseconds',
  microseconds: 'microseconds',
  bytes: 'bytes',
};

interface SpeedscopeFrame {
  name: string;
  file?: string;
  line?: number;
  module?: string;
  kind?: string;
}

export function exportToSpeedscope(profiles: Profile[] | Profile, name?: string): string {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const frames: SpeedscopeFrame[] = [];
  const frameIndex = new Map<string, number>();
  const out = list.map((p, i) => exportProfile(p, i, frames, frameIndex));
  const doc = {
    $schema: SPEEDSCOPE_SCHEMA,
    exporter: 'flamediff',
    name: name ?? list[0]?.meta.source ?? 'flamediff',
    activeProfileIndex: 0,
    shared: { frames },
    profiles: out,
  };
  return `${JSON.stringify(doc)}\n`;
}

function exportProfile(
  p: Profile,
  index: number,
  frames: SpeedscopeFrame[],
  frameIndex: Map<string, number>,
) {
  const local = new Int32Array(p.frames.size).fill(-1);
  const shared = (id: number): number => {
    if (local[id] !== -1) return local[id];
    const f = p.frame(id);
    const key = `${f.name}\u0000${f.file}\u0000${f.line}\u0000${f.module}\u0000${f.kind}`;
    let k = frameIndex.get(key);
    if (k === undefined) {
      k = frames.length;
      frameIndex.set(key, k);
      frames.push(toSpeedscopeFrame(f));
    }
    local[id] = k;
    return k;
  };
  const samples: number[][] = [];
  const weights: number[] = [];
  let total = 0;
  const { ids, offsets, weights: w } = p.stacks.columns();
  for (const s of sortedStacks(p)) {
    if (!(w[s] > 0)) continue;
    const stack: number[] = [];
    for (let k = offsets[s]; k < offsets[s + 1]; k++) stack.push(shared(ids[k]));
    samples.push(stack);
    weights.push(w[s]);
    total += w[s];
  }
  const m = p.meta;
  const flamediff: Record<string, string | number> = { unit: m.unit };
  if (m.intervalNs !== undefined) flamediff.intervalNs = m.intervalNs;
  if (m.durationNs !== undefined) flamediff.durationNs = m.durationNs;
  for (const key of ['sampler', 'command', 'derived', 'sampleType'] as const) {
    const v = m[key];
    if (v !== undefined) flamediff[key] = v;
  }
  return {
    type: 'sampled',
    name: m.source ?? `profile ${index + 1}`,
    unit: SPEEDSCOPE_UNIT[m.unit],
    startValue: 0,
    endValue: total,
    samples,
    weights,
    flamediff,
  };
}

function toSpeedscopeFrame(f: Frame): SpeedscopeFrame {
  const out: SpeedscopeFrame = { name: f.name };
  if (f.file !== '') out.file = f.file;
  if (f.line > 0) out.line = f.line;
  if (f.module !== '') out.module = f.module;
  // Only when the importer would guess another kind from the name and file.
  if (
    frameFromSpeedscope(f.name, f.file, undefined).kind !== f.kind ||
    frameFromSpeedscope(f.name, f.file, undefined).name !== f.name
  ) {
    out.kind = f.kind;
  }
  return out;
}

/** Stack indices in canonical order: frame by frame by label, a stack before its extensions. */
function sortedStacks(p: Profile): Uint32Array {
  const labels: string[] = new Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) {
    const f = p.frame(id);
    // The label alone can tie (same name and file, other module): break ties on every field.
    labels[id] = `${frameLabel(f)}\u0000${f.module}\u0000${f.kind}\u0000${f.line}`;
  }
  const order = labels
    .map((_, i) => i)
    .sort((a, b) => (labels[a] < labels[b] ? -1 : labels[a] > labels[b] ? 1 : 0));
  const rank = new Int32Array(labels.length);
  order.forEach((id, r) => {
    rank[id] = r;
  });
  const { ids, offsets, length } = p.stacks.columns();
  const idx = new Uint32Array(length);
  for (let i = 0; i < length; i++) idx[i] = i;
  return idx.sort((x, y) => {
    const ax = offsets[x];
    const ay = offsets[y];
    const n = Math.min(offsets[x + 1] - ax, offsets[y + 1] - ay);
    for (let k = 0; k < n; k++) {
      const d = rank[ids[ax + k]] - rank[ids[ay + k]];
      if (d !== 0) return d;
    }
    return offsets[x + 1] - ax - (offsets[y + 1] - ay);
  });
}
