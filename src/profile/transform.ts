import { UserError } from '../errors.js';
import { functionFrame } from './frame-identity.js';
import type { Profile } from './profile.js';
import type { Frame, FrameInit } from './types.js';

/**
 * Frame identity for comparisons and rendering:
 * - `line`: as parsed (name, file, line);
 * - `function`: lines dropped, so one function's lines merge (the default for comparisons);
 *   anonymous functions keep their line (frame-identity.ts);
 * - `module`: one frame per module (or file when the format has no module).
 */
export type Granularity = 'function' | 'line' | 'module';

/** Rebuilds `p` with every frame mapped through `fn`; equal results merge, stacks re-merge. */
export function mapFrames(p: Profile, fn: (f: Frame) => FrameInit): Profile {
  const out = p.emptyLike();
  const map = new Int32Array(p.frames.size);
  for (let id = 0; id < p.frames.size; id++) map[id] = out.intern(fn(p.frame(id)));
  const buf: number[] = [];
  p.forEachStack((ids, w) => {
    buf.length = 0;
    let prev = -1;
    for (let k = 0; k < ids.length; k++) {
      const m = map[ids[k]];
      // Adjacent frames that collapse into one (module level) are one frame, not recursion.
      if (m !== prev) buf.push(m);
      prev = m;
    }
    out.addStack(buf, w);
  });
  return out;
}

export function atGranularity(p: Profile, g: Granularity): Profile {
  switch (g) {
    case 'line':
      return p;
    case 'function':
      return mapFrames(p, functionFrame);
    case 'module':
      return mapFrames(p, (f) => {
        const name = f.module || f.file || f.name;
        return { name, kind: f.kind };
      });
  }
}

export interface FilterOptions {
  /** Drop stacks whose leaf is an idle frame (py-spy/pyflame idle, V8 (idle), kernel idle). */
  dropIdle?: boolean;
  /** Keep only stacks whose thread frame matches. */
  thread?: RegExp;
  /** Keep only stacks whose process frame matches. */
  process?: RegExp;
  /** Keep only stacks with at least one frame label matching. */
  include?: RegExp;
  /** Drop stacks with any frame label matching. */
  exclude?: RegExp;
  /** Remove thread/process root frames after filtering (merges threads). */
  stripThreads?: boolean;
}

export function filterProfile(p: Profile, opts: FilterOptions): Profile {
  const n = p.frames.size;
  const kinds = p.frames.kinds;
  const names = p.frames.names;
  const test = (re: RegExp | undefined, id: number): boolean => {
    if (!re) return false;
    re.lastIndex = 0;
    return re.test(names[id]);
  };
  // Precompute per-frame facts once instead of per stack.
  const isIncl = new Uint8Array(n);
  const isExcl = new Uint8Array(n);
  for (let id = 0; id < n; id++) {
    if (test(opts.include, id)) isIncl[id] = 1;
    if (test(opts.exclude, id)) isExcl[id] = 1;
  }
  const out = p.emptyLike();
  const map = new Int32Array(n).fill(-1);
  const buf: number[] = [];
  p.forEachStack((ids, w) => {
    if (ids.length === 0) return;
    if (opts.dropIdle && kinds[ids[ids.length - 1]] === 'idle') return;
    let threadOk = !opts.thread;
    let processOk = !opts.process;
    let inclOk = !opts.include;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (isExcl[id]) return;
      if (isIncl[id]) inclOk = true;
      if (kinds[id] === 'thread' && !threadOk) threadOk = test(opts.thread, id);
      if (kinds[id] === 'process' && !processOk) processOk = test(opts.process, id);
    }
    if (!threadOk || !processOk || !inclOk) return;
    buf.length = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (opts.stripThreads && (kinds[id] === 'thread' || kinds[id] === 'process')) continue;
      if (map[id] === -1) map[id] = out.intern(p.frame(id));
      buf.push(map[id]);
    }
    out.addStack(buf, w);
  });
  return out;
}

/** Sums several profiles into one. Units must agree; metadata comes from the first. */
export function mergeProfiles(profiles: readonly Profile[]): Profile {
  if (profiles.length === 0) throw new UserError('no profiles to merge');
  const unit = profiles[0].meta.unit;
  const out = profiles[0].emptyLike();
  let buf = new Int32Array(256);
  for (const p of profiles) {
    if (p.meta.unit !== unit) {
      throw new UserError(
        `cannot merge profiles with different units: ${p.meta.source ?? 'a profile'} is in ${p.meta.unit}, expected ${unit}`,
      );
    }
    const map = new Int32Array(p.frames.size);
    let same = out.stacks.length === 0;
    for (let id = 0; id < p.frames.size; id++) {
      map[id] = out.intern(p.frame(id));
      if (map[id] !== id) same = false;
    }
    // Into an empty profile, with every frame id unchanged (and no weight that adding would
    // drop): the stacks are copied as they are.
    if (same && allPositive(p)) {
      out.stacks.copyFrom(p.stacks);
      continue;
    }
    const { ids, offsets, weights, length } = p.stacks.columns();
    for (let i = 0; i < length; i++) {
      const w = weights[i];
      if (!(w > 0)) continue;
      const a = offsets[i];
      const n = offsets[i + 1] - a;
      if (n > buf.length) buf = new Int32Array(n * 2);
      for (let k = 0; k < n; k++) buf[k] = map[ids[a + k]];
      out.stacks.addLater(buf, w, 0, n);
    }
  }
  return out;
}

function allPositive(p: Profile): boolean {
  const { weights, length } = p.stacks.columns();
  for (let i = 0; i < length; i++) if (!(weights[i] > 0)) return false;
  return true;
}
