import { type FrameColumns, FrameTable } from './frame-table.js';
import { StackTable, type StackTableState } from './stack-table.js';
import type { Frame, FrameInit, ProfileMeta } from './types.js';

/** A profile as plain data, for worker threads (Profile.toTransfer / fromTransfer). */
export interface ProfileTransfer {
  meta: ProfileMeta;
  frames: FrameColumns;
  stacks: StackTableState;
}

/**
 * A profile: interned frames, distinct weighted stacks (root first) and metadata.
 * Parsers build one with `intern` + `addStack`; everything downstream reads it.
 */
export class Profile {
  readonly frames: FrameTable;
  readonly stacks: StackTable;
  meta: ProfileMeta;

  /** `frames` and `stacks`: tables to adopt (see toTransfer / fromTransfer); new ones by default. */
  constructor(meta: Partial<ProfileMeta> = {}, frames = new FrameTable(), stacks = new StackTable()) {
    this.meta = { unit: 'samples', ...meta };
    this.frames = frames;
    this.stacks = stacks;
  }

  /**
   * The profile as plain data for postMessage (with `transfer`, the typed arrays to move rather
   * than copy); the profile must not be used afterwards.
   */
  toTransfer(): { data: ProfileTransfer; transfer: ArrayBuffer[] } {
    const f = this.frames;
    const stacks = this.stacks.toState();
    const data: ProfileTransfer = {
      meta: this.meta,
      frames: { names: f.names, files: f.files, lines: f.lines, modules: f.modules, kinds: f.kinds },
      stacks,
    };
    return {
      data,
      transfer: [stacks.ids.buffer, stacks.offsets.buffer, stacks.w.buffer, stacks.slots.buffer],
    };
  }

  /** The profile toTransfer() described: the same frames, stacks and order. */
  static fromTransfer(d: ProfileTransfer): Profile {
    return new Profile(d.meta, FrameTable.fromColumns(d.frames), StackTable.fromState(d.stacks));
  }

  intern(frame: FrameInit): number {
    return this.frames.intern(frame);
  }

  /** Adds weight to a stack (frame ids, root first). Zero and negative weights are ignored. */
  addStack(frameIds: ArrayLike<number>, weight: number): void {
    if (!(weight > 0)) return;
    this.stacks.add(frameIds, weight);
  }

  /** Convenience for tests and small parsers: frames as objects or names, root first. */
  addFrames(frames: ReadonlyArray<FrameInit | string>, weight: number): void {
    const ids = frames.map((f) => this.intern(typeof f === 'string' ? { name: f } : f));
    this.addStack(ids, weight);
  }

  frame(id: number): Frame {
    return this.frames.get(id);
  }

  /** Sum of all stack weights. */
  totalWeight(): number {
    const { weights, length } = this.stacks.columns();
    let t = 0;
    for (let i = 0; i < length; i++) t += weights[i];
    return t;
  }

  get stackCount(): number {
    return this.stacks.length;
  }

  /** Calls fn for every stack; `ids` is a view valid only during the call. */
  forEachStack(fn: (ids: Int32Array, weight: number, index: number) => void): void {
    const { ids, offsets, weights, length } = this.stacks.columns();
    // A copy into a reused array per depth: a subarray view per stack would allocate a typed
    // array object for each of 1M+ stacks, which costs more than copying a few ids.
    const byDepth: Int32Array[] = [];
    for (let i = 0; i < length; i++) {
      const a = offsets[i];
      const n = offsets[i + 1] - a;
      let view = byDepth[n];
      if (view === undefined) {
        view = new Int32Array(n);
        byDepth[n] = view;
      }
      for (let k = 0; k < n; k++) view[k] = ids[a + k];
      fn(view, weights[i], i);
    }
  }

  /** A new empty profile with the same metadata (for transforms that rebuild stacks). */
  emptyLike(): Profile {
    return new Profile({ ...this.meta, extra: this.meta.extra ? { ...this.meta.extra } : undefined });
  }
}
