// Frame identity at a comparison granularity, without rebuilding profiles: every run's frame ids
// map to one shared key space. The mapping is the one atGranularity (src/profile) applies, so the
// keys equal frameLabel() of the frames of atGranularity(profile, g).
import { functionFrame } from '../profile/frame-identity.js';
import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import { EXCLUDED_FROM_USER_MASS, type RuntimeClass, runtimeClass } from '../profile/runtime-frames.js';
import type { Granularity } from '../profile/transform.js';
import type { Frame, FrameInit } from '../profile/types.js';

/** The frame atGranularity(p, g) turns `f` into. */
export function frameAtGranularity(f: Frame, g: Granularity): FrameInit {
  switch (g) {
    case 'line':
      return f;
    case 'function':
      return functionFrame(f);
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
  /** Per key id: its runtime class (runtime-frames.ts), null for user code. */
  readonly runtime: (RuntimeClass | null)[] = [];
  /** Per key id: 1 when stacks through it leave the mass user frames are compared on. */
  readonly excluded: number[] = [];
  /** Per key id: the key it was renamed from (a `renames` input merged the two). */
  readonly renamedFrom: (string | null)[] = [];
  private readonly ids = new Map<string, number>();
  private readonly alias: Map<string, string>;

  /** `renames` maps a base key to the head key it became: the two are compared as one frame. */
  constructor(
    readonly granularity: Granularity,
    renames: readonly { from: string; to: string }[] = [],
  ) {
    this.alias = new Map(renames.filter((r) => r.from !== r.to).map((r) => [r.from, r.to]));
  }

  /** Whether two keys are compared as one (a rename input). */
  get hasRenames(): boolean {
    return this.alias.size > 0;
  }

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
      const own = frameLabel(f);
      const key = this.alias.get(own) ?? own;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.ids.set(key, id);
        this.keys.push(key);
        this.frames.push(f);
        this.renamedFrom.push(null);
        const cls = runtimeClass(f);
        this.runtime.push(cls);
        this.excluded.push(cls !== null && EXCLUDED_FROM_USER_MASS.has(cls) ? 1 : 0);
      }
      if (key !== own) this.renamedFrom[id] = own;
      else if (this.renamedFrom[id] !== null) this.frames[id] = f; // the new name represents the pair
      out[i] = id;
    }
    return out;
  }
}
