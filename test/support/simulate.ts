// Verdict-quality simulator: run sets drawn from a known profile with realistic noise.
// - multinomial sampling at a given number of samples per run (exact, via conditional binomials);
// - run-to-run jitter of every function's cost: log-normal with a given coefficient of variation,
//   plus a global speed factor for the run (changes samples per run, not shares);
// - occasional outlier runs (probability `outlierRate`): the run is 10-50% slower overall and its
//   per-function jitter is 3x larger (a noisy neighbour, a cold cache, a GC storm).
import { FrameTable } from '../../src/profile/frame-table.js';
import { Profile } from '../../src/profile/profile.js';
import { makeRng, multinomial, normal, type Rng } from './random.js';

export interface Model {
  /** Frame names; ids index this array. */
  frames: string[];
  /** Stacks as frame ids, root first. */
  stacks: number[][];
  /** Base cost per stack (sums to 1). */
  cost: number[];
  /** Jitter group per stack: the leaf function (stacks of one function jitter together). */
  group: number[];
  groups: number;
  /** For every frame, the stacks that contain it (for true inclusive shares). */
  frameStacks: number[][];
  /** Target frames for injected regressions, by nominal share. */
  targets: Record<'1%' | '5%' | '20%', number>;
}

export interface NoiseParams {
  samples: number;
  cv: number;
  outlierRate: number;
}

/** A ~130-frame profile: main -> 8 modules -> 5 functions -> 2 callees, plus three target hotspots. */
export function buildModel(seed = 7): Model {
  const rng = makeRng(seed);
  const frames: string[] = [];
  const id = (name: string) => {
    const i = frames.indexOf(name);
    if (i >= 0) return i;
    frames.push(name);
    return frames.length - 1;
  };
  const stacks: number[][] = [];
  const raw: number[] = [];
  const main = id('main');
  for (let m = 0; m < 8; m++) {
    const mod = id(`mod${m}`);
    for (let f = 0; f < 5; f++) {
      const fn = id(`fn_${m}_${f}`);
      stacks.push([main, mod, fn]);
      raw.push(Math.exp(normal(rng)));
      for (const leaf of ['a', 'b']) {
        stacks.push([main, mod, fn, id(`leaf_${m}_${f}_${leaf}`)]);
        raw.push(Math.exp(normal(rng)));
      }
    }
  }
  const rest = 1 - 0.26;
  const sum = raw.reduce((s, x) => s + x, 0);
  const cost = raw.map((x) => (x / sum) * rest);
  const hot20 = id('hot20');
  const hot5 = id('hot5');
  const hot1 = id('hot1');
  stacks.push([main, id('mod2'), id('fn_2_0'), hot20]);
  cost.push(0.2);
  stacks.push([main, id('mod3'), id('fn_3_0'), hot5]);
  cost.push(0.03);
  stacks.push([main, id('mod4'), id('fn_4_1'), hot5]);
  cost.push(0.02);
  stacks.push([main, id('mod5'), id('fn_5_0'), hot1]);
  cost.push(0.01);
  const groupOf = new Map<number, number>();
  const group = stacks.map((s) => {
    const leaf = s[s.length - 1];
    if (!groupOf.has(leaf)) groupOf.set(leaf, groupOf.size);
    return groupOf.get(leaf) as number;
  });
  const frameStacks: number[][] = frames.map(() => []);
  stacks.forEach((s, i) => {
    for (const f of new Set(s)) frameStacks[f].push(i);
  });
  return {
    frames,
    stacks,
    cost,
    group,
    groups: groupOf.size,
    frameStacks,
    targets: { '1%': hot1, '5%': hot5, '20%': hot20 },
  };
}

const tables = new WeakMap<Model, FrameTable>();

function frameTable(model: Model): FrameTable {
  let t = tables.get(model);
  if (!t) {
    t = new FrameTable();
    for (const name of model.frames) t.intern({ name });
    tables.set(model, t);
  }
  return t;
}

export interface SimRun {
  profile: Profile;
  /** Sample count per stack. */
  counts: Int32Array;
  samples: number;
}

/** One run: jittered costs (times 1 + effect for the target's stacks), then multinomial sampling. */
export function simulateRun(model: Model, noise: NoiseParams, rng: Rng, effect = 0, target = -1): SimRun {
  const outlier = rng.next() < noise.outlierRate;
  const cv = noise.cv * (outlier ? 3 : 1);
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mult = new Float64Array(model.groups);
  for (let g = 0; g < model.groups; g++) mult[g] = Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);
  const sigmaG = Math.sqrt(Math.log(1 + noise.cv * noise.cv));
  const speed =
    Math.exp(sigmaG * normal(rng) - (sigmaG * sigmaG) / 2) * (outlier ? 1.1 + 0.4 * rng.next() : 1);
  const w = model.cost.map((c, s) => {
    const hit = target >= 0 && model.stacks[s][model.stacks[s].length - 1] === target;
    return c * mult[model.group[s]] * (hit ? 1 + effect : 1);
  });
  const total = w.reduce((a, b) => a + b, 0);
  const probs = w.map((x) => x / total);
  const samples = Math.max(1, Math.round(noise.samples * total * speed));
  const counts = multinomial(rng, samples, probs);
  const profile = new Profile({
    unit: 'samples',
    intervalNs: 1_000_000,
    format: 'folded',
    sampler: 'simulator',
  });
  // Frame ids equal model ids: share one interned frame table (read-only downstream) instead of
  // re-interning ~130 names per simulated run.
  Object.defineProperty(profile, 'frames', { value: frameTable(model) });
  model.stacks.forEach((s, i) => {
    if (counts[i] > 0) profile.addStack(s, counts[i]);
  });
  return { profile, counts, samples };
}

/** A run set of n runs from one seed. */
export function simulateSet(
  model: Model,
  noise: NoiseParams,
  n: number,
  seed: number,
  effect = 0,
  target = -1,
): SimRun[] {
  const rng = makeRng(seed);
  return Array.from({ length: n }, () => simulateRun(model, noise, rng, effect, target));
}

/** Inclusive share of frame f in a simulated run. */
export function runShare(model: Model, run: SimRun, f: number): number {
  let c = 0;
  for (const s of model.frameStacks[f]) c += run.counts[s];
  return c / run.samples;
}

/** True inclusive share of each frame in the noiseless model (optionally with an effect). */
export function trueShares(model: Model, effect = 0, target = -1): number[] {
  const w = model.cost.map((c, s) =>
    target >= 0 && model.stacks[s][model.stacks[s].length - 1] === target ? c * (1 + effect) : c,
  );
  const total = w.reduce((a, b) => a + b, 0);
  return model.frameStacks.map((ss) => ss.reduce((a, s) => a + w[s], 0) / total);
}
