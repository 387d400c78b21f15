// Frame identity at a comparison granularity, without rebuilding profiles: every run's frame ids
// map to one shared key space. The mapping is the one atGranularity (src/profile) applies, so the
// keys equal frameLabel() of the frames of atGranularity(profile, g).
import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import type { Granularity } from '../profile/transform.js';
import type { Frame, FrameInit } from '../profile/types.js';

/** The frame atGranularity(p, g) turns `f` into. */
export function frameAtGranularity(f: Frame, g: Granularity): FrameInit {
  switch (g) {
    case 'line':
      return f;
    case 'function':
      return { ...f, line: 0 };
    case 'module':
      return { name: f.module || f.file || f.name, kind: f.kind };
  }
}

function fullFrame(init: FrameInit): Frame {
  return {
    name: init.name,
    file: init.file ?? '',
    line: init.line ?? 0,
    module: init.module ?? '',
    kind: init.kind ?? 'other',
  };
}

/** Shared key space: key text -> dense id, with the representative frame of each key. */
export class FrameKeys {
  readonly keys: string[] = [];
  readonly frames: Frame[] = [];
  private readonly ids = new Map<string, number>();

  constructor(readonly granularity: Granularity) {}

  get size(): number {
    return this.keys.length;
  }

  id(key: string): number | undefined {
    return this.ids.get(key);
  }

  /** Maps every frame id of `p` to a key id (interning new keys). */
  mapProfile(p: Profile): Int32Array {
    const n = p.frames.size;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const f = fullFrame(frameAtGranularity(p.frame(i), this.granularity));
      const key = frameLabel(f);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.ids.set(key, id);
        this.keys.push(key);
        this.frames.push(f);
      }
      out[i] = id;
    }
    return out;
  }
}
