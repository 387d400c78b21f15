// Per-run frame metrics: inclusive and self weight per frame key, the run's total, and how weight
// converts to sample counts (for sampling noise) and to seconds (for time metrics).
import type { Profile } from '../profile/profile.js';
import type { FrameKeys } from './frame-keys.js';

export interface RunMetrics {
  /** Inclusive weight per key id (a recursive frame counts once per stack). */
  inclusive: Float64Array;
  /** Self (leaf) weight per key id. */
  self: Float64Array;
  /** Sum of all stack weights. */
  total: number;
  /**
   * The same over the user mass: stacks through a garbage-collector, compiler or idle frame
   * (runtime-frames.ts) left out, so a runtime shift between sessions cannot move user shares.
   */
  userInclusive: Float64Array;
  userSelf: Float64Array;
  userTotal: number;
  /** Sample counts per unit of weight (1 for sample-count profiles). */
  samplesPerWeight: number;
  /** Whether samplesPerWeight is known (false: weights are used as counts, noise unknown). */
  samplesKnown: boolean;
  /** Seconds per unit of weight, null when the unit has no time meaning. */
  secondsPerWeight: number | null;
  /** Frame id -> key id for this run's profile. */
  keyOf: Int32Array;
  /** Per key id: the heaviest stack containing it (index into the profile's stacks, -1: none). */
  bestStack: Int32Array;
  /** Per key id: that stack's weight. */
  bestWeight: Float64Array;
}

/** Converts weights to samples and seconds from the profile's unit and interval. */
export function weightUnits(
  p: Profile,
): Pick<RunMetrics, 'samplesPerWeight' | 'samplesKnown' | 'secondsPerWeight'> {
  const interval = p.meta.intervalNs && p.meta.intervalNs > 0 ? p.meta.intervalNs : null;
  switch (p.meta.unit) {
    case 'samples':
      return { samplesPerWeight: 1, samplesKnown: true, secondsPerWeight: interval ? interval / 1e9 : null };
    case 'nanoseconds':
      return interval
        ? { samplesPerWeight: 1 / interval, samplesKnown: true, secondsPerWeight: 1e-9 }
        : { samplesPerWeight: 1e-6, samplesKnown: false, secondsPerWeight: 1e-9 };
    case 'microseconds':
      return interval
        ? { samplesPerWeight: 1000 / interval, samplesKnown: true, secondsPerWeight: 1e-6 }
        : { samplesPerWeight: 1e-3, samplesKnown: false, secondsPerWeight: 1e-6 };
    default:
      return { samplesPerWeight: 1, samplesKnown: false, secondsPerWeight: null };
  }
}

/** One pass over the distinct stacks of `p`. Arrays are sized to the key space at call time. */
export function runMetrics(p: Profile, keys: FrameKeys): RunMetrics {
  const keyOf = keys.mapProfile(p);
  const n = keys.size;
  const inclusive = new Float64Array(n);
  const self = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const bestStack = new Int32Array(n).fill(-1);
  const bestWeight = new Float64Array(n);
  const userInclusive = new Float64Array(n);
  const userSelf = new Float64Array(n);
  const excluded = keys.excluded;
  const { ids, offsets, weights, length } = p.stacks.columns();
  let total = 0;
  let userTotal = 0;
  for (let s = 0; s < length; s++) {
    const w = weights[s];
    const a = offsets[s];
    const b = offsets[s + 1];
    total += w;
    let user = true;
    for (let k = a; k < b && user; k++) if (excluded[keyOf[ids[k]]] === 1) user = false;
    if (user) userTotal += w;
    if (b === a) continue;
    if (user) userSelf[keyOf[ids[b - 1]]] += w;
    for (let k = a; k < b; k++) {
      const id = keyOf[ids[k]];
      if (stamp[id] !== s) {
        stamp[id] = s;
        inclusive[id] += w;
        if (user) userInclusive[id] += w;
        // The same pass finds each frame's heaviest stack (for call paths): no second pass.
        if (w > bestWeight[id]) {
          bestWeight[id] = w;
          bestStack[id] = s;
        }
      }
    }
    self[keyOf[ids[b - 1]]] += w;
  }
  return {
    inclusive,
    self,
    total,
    userInclusive,
    userSelf,
    userTotal,
    keyOf,
    bestStack,
    bestWeight,
    ...weightUnits(p),
  };
}

// One run's metrics per key space: a differential render compares head with base and then merges
// head with the same FrameKeys, and mapping a big profile's frames to keys is the costly part of
// both. Keyed weakly, so nothing outlives the profiles or the key space.
const memo = new WeakMap<FrameKeys, WeakMap<Profile, RunMetrics>>();

/** runMetrics(p, keys), computed once per profile and key space. */
export function sharedRunMetrics(p: Profile, keys: FrameKeys): RunMetrics {
  let perKeys = memo.get(keys);
  if (perKeys === undefined) {
    perKeys = new WeakMap();
    memo.set(keys, perKeys);
  }
  let m = perKeys.get(p);
  if (m === undefined) {
    m = runMetrics(p, keys);
    perKeys.set(p, m);
  }
  return m;
}

/** Grows a run's arrays to the final key-space size (keys first seen in later runs are 0 here). */
export function padMetrics(m: RunMetrics, size: number): void {
  if (m.inclusive.length >= size) return;
  const inc = new Float64Array(size);
  inc.set(m.inclusive);
  const self = new Float64Array(size);
  self.set(m.self);
  const bestStack = new Int32Array(size).fill(-1);
  bestStack.set(m.bestStack);
  const bestWeight = new Float64Array(size);
  bestWeight.set(m.bestWeight);
  const userInc = new Float64Array(size);
  userInc.set(m.userInclusive);
  const userSelf = new Float64Array(size);
  userSelf.set(m.userSelf);
  m.inclusive = inc;
  m.self = self;
  m.userInclusive = userInc;
  m.userSelf = userSelf;
  m.bestStack = bestStack;
  m.bestWeight = bestWeight;
}
