// Verdicts across sessions: base and head measured in separate sessions (another job, another
// runner), with a history of stored baselines each from its own session, as the data branch
// holds them. A session multiplies the cost of some stacks by a factor shared by all its runs:
// - runtime frames (V8-style `(garbage collector)` and `(program)` at the root, CPython-style
//   `gc_collect_main` under user code) by a log-normal factor of 12% sd;
// - `subtree`: every stack under one module (I/O) by 8% sd, together;
// - `memory`: six memory-bound leaf functions by 10% sd each;
// - `drift`: one module's cost follows a random walk, 4% sd per session;
// - `large`: a ~650-frame profile with 30-deep recursion, runtime frames shifting.
// Head variants: A/A, a rename (with the rename mapping the pipeline passes), a move under another
// caller, a new small function below the share floor, and injected regressions for power.
import { decideConfirm, reconcile } from '../../src/pipeline/confirm.js';
import type { CompareInputs } from '../../src/stats/compare.js';
import { compareRuns, type RunInput } from '../../src/stats/index.js';
import type { BaselineShares } from '../../src/stats/session-noise.js';
import { makeRng, normal, type Rng } from '../../test/support/random.js';
import {
  buildModel,
  type Model,
  type NoiseParams,
  type SimRun,
  simulateRun,
} from '../../test/support/simulate.js';

export type Scenario = 'runtime' | 'subtree' | 'memory' | 'drift' | 'large';
export type Variant = 'aa' | 'rename' | 'move' | 'newsmall' | 'power5' | 'power1';

export interface SessionCell {
  scenario: Scenario;
  variant: Variant;
  /** Stored baselines before base (0: the prior alone). */
  history: number;
  trials: number;
  runs: number;
  samples: number;
}

export interface SessionResult {
  trials: number;
  /** Verdict `fail` after the confirmation (`confirm: auto`, the default): what the check does. */
  fails: number;
  /** Verdict `fail` of the stored-baseline comparison alone (`confirm: never`). */
  storedFails: number;
  /** Any ranked regression (`summary.regressions` > 0). */
  flagged: number;
  /** The variant's target ranked #1 (power: the injected frame; newsmall: the new function). */
  targetFirst: number;
  /** newsmall: the unchanged caller ranked #1. */
  callerFirst: number;
  /** Frames the first failing trial failed on (for the notes). */
  failedOn: string[];
}

interface World {
  model: Model;
  /** Stack indices per effect group. */
  runtime: number[];
  subtree: number[];
  memory: number[];
  drift: number[];
}

/** The simulator's ~130-frame model plus runtime frames (20% of the cost). */
function standardWorld(): World {
  const m = buildModel();
  return withRuntime(m, 'mod6', 'mod7', [
    'leaf_0_0_a',
    'leaf_1_1_b',
    'leaf_2_2_a',
    'leaf_3_3_b',
    'leaf_4_4_a',
    'fn_5_2',
  ]);
}

/** ~650 frames: main -> 20 modules -> 10 functions -> 2 leaves, a 30-deep recursive walk, hotspots. */
function largeWorld(): World {
  const rng = makeRng(11);
  const frames: string[] = [];
  const idx = new Map<string, number>();
  const id = (name: string) => {
    let i = idx.get(name);
    if (i === undefined) {
      i = frames.length;
      frames.push(name);
      idx.set(name, i);
    }
    return i;
  };
  const stacks: number[][] = [];
  const raw: number[] = [];
  const main = id('main');
  for (let m = 0; m < 20; m++)
    for (let f = 0; f < 10; f++) {
      const fn = id(`fn_${m}_${f}`);
      stacks.push([main, id(`mod${m}`), fn]);
      raw.push(Math.exp(normal(rng)));
      for (const leaf of ['a', 'b']) {
        stacks.push([main, id(`mod${m}`), fn, id(`leaf_${m}_${f}_${leaf}`)]);
        raw.push(Math.exp(normal(rng)));
      }
    }
  const sum = raw.reduce((a, b) => a + b, 0);
  const cost = raw.map((x) => (x / sum) * 0.64);
  // Deep recursion: walk -> walk -> ... (depth 1..30), each level 0.2%.
  const walk = id('walk');
  for (let d = 1; d <= 30; d++) {
    stacks.push([main, id('mod19'), ...Array(d).fill(walk)]);
    cost.push(0.1 / 30);
  }
  const hot5 = id('hot5');
  const hot1 = id('hot1');
  const hot20 = id('hot20');
  stacks.push([main, id('mod2'), id('fn_2_0'), hot20]);
  cost.push(0.2);
  stacks.push([main, id('mod3'), id('fn_3_0'), hot5]);
  cost.push(0.03);
  stacks.push([main, id('mod4'), id('fn_4_1'), hot5]);
  cost.push(0.02);
  stacks.push([main, id('mod5'), id('fn_5_0'), hot1]);
  cost.push(0.01);
  const m = finish({ frames, stacks, cost, targets: { '1%': hot1, '5%': hot5, '20%': hot20 } });
  return withRuntime(m, 'mod6', 'mod7', ['leaf_0_0_a', 'leaf_1_1_b', 'leaf_2_2_a']);
}

function finish(p: Pick<Model, 'frames' | 'stacks' | 'cost' | 'targets'>): Model {
  const groupOf = new Map<number, number>();
  const group = p.stacks.map((s) => {
    const leaf = s[s.length - 1];
    if (!groupOf.has(leaf)) groupOf.set(leaf, groupOf.size);
    return groupOf.get(leaf) as number;
  });
  const frameStacks: number[][] = p.frames.map(() => []);
  p.stacks.forEach((s, i) => {
    for (const f of new Set(s)) frameStacks[f].push(i);
  });
  return { ...p, group, groups: groupOf.size, frameStacks };
}

function withRuntime(m: Model, subtreeMod: string, driftMod: string, memoryLeaves: string[]): World {
  const frames = [...m.frames];
  const stacks = m.stacks.map((s) => [...s]);
  // Runtime frames take 20% of the cost; the hotspots keep their nominal shares (1%, 5%, 20%).
  const hot = new Set(Object.values(m.targets));
  const isHot = (s: number[]) => hot.has(s[s.length - 1]);
  const hotCost = m.cost.reduce((a, c, i) => a + (isHot(m.stacks[i]) ? c : 0), 0);
  const k = (0.8 - hotCost) / (1 - hotCost);
  const cost = m.cost.map((c, i) => (isHot(m.stacks[i]) ? c : c * k));
  const add = (names: string[], c: number) => {
    stacks.push(
      names.map((n) => {
        const i = frames.indexOf(n);
        if (i >= 0) return i;
        frames.push(n);
        return frames.length - 1;
      }),
    );
    cost.push(c);
  };
  add(['(garbage collector)'], 0.12);
  add(['(program)'], 0.05);
  add(['main', 'mod1', 'fn_1_0', 'gc_collect_main'], 0.03);
  const model = finish({ frames, stacks, cost, targets: m.targets });
  const has = (s: number[], name: string) => s.includes(frames.indexOf(name));
  const all = stacks.map((_, i) => i);
  return {
    model,
    runtime: all.filter((i) =>
      ['(garbage collector)', '(program)', 'gc_collect_main'].some((n) => has(stacks[i], n)),
    ),
    subtree: all.filter((i) => has(stacks[i], subtreeMod)),
    memory: all.filter((i) => memoryLeaves.includes(frames[stacks[i][stacks[i].length - 1]])),
    drift: all.filter((i) => has(stacks[i], driftMod)),
  };
}

const worlds = new Map<string, World>();
function world(s: Scenario): World {
  const k = s === 'large' ? 'large' : 'standard';
  let w = worlds.get(k);
  if (!w) {
    w = k === 'large' ? largeWorld() : standardWorld();
    worlds.set(k, w);
  }
  return w;
}

const lnFactor = (rng: Rng, sd: number) => {
  const s = Math.sqrt(Math.log(1 + sd * sd));
  return Math.exp(s * normal(rng) - (s * s) / 2);
};

/** One session's per-stack cost multipliers (`walk` carries the drift's random walk). */
function sessionMultipliers(w: World, s: Scenario, rng: Rng, walk: { x: number }): Float64Array {
  const mult = new Float64Array(w.model.stacks.length).fill(1);
  for (const i of w.runtime) mult[i] *= lnFactor(rng, 0.12);
  if (s === 'subtree') {
    const f = lnFactor(rng, 0.08);
    for (const i of w.subtree) mult[i] *= f;
  }
  if (s === 'memory' || s === 'large') for (const i of w.memory) mult[i] *= lnFactor(rng, 0.1);
  if (s === 'drift') {
    walk.x *= lnFactor(rng, 0.04);
    for (const i of w.drift) mult[i] *= walk.x;
  }
  return mult;
}

/** A model variant: costs times `mult`, optional renamed/moved/added stacks. */
function variantModel(base: Model, mult: Float64Array, edit?: (m: Model) => Model): Model {
  const m: Model = { ...base, cost: base.cost.map((c, i) => c * mult[i]) };
  return edit ? edit(m) : m;
}

function sessionRuns(model: Model, noise: NoiseParams, n: number, rng: Rng): SimRun[] {
  return Array.from({ length: n }, () => simulateRun(model, noise, rng));
}

/** Mean inclusive share of every frame over a session's runs: one stored baseline. */
function baselineOf(model: Model, runs: SimRun[]): BaselineShares {
  const frames = model.frames.map((key, f) => {
    let s = 0;
    for (const r of runs) {
      let c = 0;
      for (const st of model.frameStacks[f]) c += r.counts[st];
      s += c / r.samples;
    }
    return { key, share: s / runs.length };
  });
  return { frames: frames.filter((f) => f.share > 0) };
}

const inputs = (runs: SimRun[]): RunInput[] => runs.map((r) => ({ profile: r.profile }));

/** The head's edit for a variant, and what the comparison is told. */
function headEdit(
  v: Variant,
  base: Model,
): { edit?: (m: Model) => Model; renames?: CompareInputs['renames'] } {
  const idOf = (name: string) => base.frames.indexOf(name);
  const hot5 = idOf('hot5');
  switch (v) {
    case 'rename':
      return {
        edit: (m) => finish({ ...m, frames: m.frames.map((n) => (n === 'hot5' ? 'hot5_renamed' : n)) }),
        renames: [{ from: 'hot5', to: 'hot5_renamed' }],
      };
    case 'move': {
      // hot5's call site under fn_3_0 (3% of the cost) moves under fn_6_0, cost unchanged.
      const [mod6, fn60] = [idOf('mod6'), idOf('fn_6_0')];
      return {
        edit: (m) =>
          finish({
            ...m,
            stacks: m.stacks.map((s) =>
              s[s.length - 1] === hot5 && s.includes(idOf('fn_3_0')) ? [s[0], mod6, fn60, hot5] : s,
            ),
          }),
      };
    }
    case 'newsmall':
      // A new function under fn_5_0 costing 0.45% of the run (below the 0.5% floor in most runs),
      // +50% of its caller's own time.
      return {
        edit: (m) => {
          const frames = [...m.frames, 'newfn'];
          const caller = m.stacks.findIndex((s) => s.length === 3 && m.frames[s[2]] === 'fn_5_0');
          const total = m.cost.reduce((a, b) => a + b, 0);
          const c = Math.max(0.0045 * total, 0.5 * m.cost[caller]);
          return finish({
            ...m,
            frames,
            stacks: [...m.stacks, [...m.stacks[caller], frames.length - 1]],
            cost: [...m.cost, c],
          });
        },
      };
    case 'power5':
    case 'power1': {
      const target = idOf(v === 'power5' ? 'hot5' : 'hot1');
      const effect = v === 'power5' ? 0.2 : 0.5;
      return {
        edit: (m) => ({
          ...m,
          cost: m.cost.map((c, i) => (m.stacks[i][m.stacks[i].length - 1] === target ? c * (1 + effect) : c)),
        }),
      };
    }
    default:
      return {};
  }
}

function cellSeed(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return (h >>> 0) & 0x3fffffff;
}

export function runSessionCell(c: SessionCell): SessionResult {
  const w = world(c.scenario);
  const noise: NoiseParams = { samples: c.samples, cv: 0.02, outlierRate: 0.05 };
  const out: SessionResult = {
    trials: c.trials,
    fails: 0,
    storedFails: 0,
    flagged: 0,
    targetFirst: 0,
    callerFirst: 0,
    failedOn: [],
  };
  const seed = cellSeed(`${c.scenario}/${c.variant}/${c.history}`);
  const { edit, renames } = headEdit(c.variant, w.model);
  for (let t = 0; t < c.trials; t++) {
    const rng = makeRng(seed + t);
    const walk = { x: 1 };
    const history: BaselineShares[] = [];
    for (let k = 0; k < c.history; k++) {
      const m = variantModel(w.model, sessionMultipliers(w, c.scenario, rng, walk));
      history.push(baselineOf(m, sessionRuns(m, noise, c.runs, rng)));
    }
    const bm = variantModel(w.model, sessionMultipliers(w, c.scenario, rng, walk));
    const base = sessionRuns(bm, noise, c.runs, rng);
    history.push(baselineOf(bm, base)); // the compared baseline is the newest stored one
    const hm = variantModel(w.model, sessionMultipliers(w, c.scenario, rng, walk), edit);
    const head = sessionRuns(hm, noise, c.runs, rng);
    const stored = compareRuns(
      inputs(base),
      inputs(head),
      {},
      {
        history: c.history > 0 ? history : [],
        renames,
      },
    );
    if (stored.verdict === 'fail') out.storedFails++;
    // confirm: auto (pipeline/confirm.ts): a failing stored comparison re-measures the merge-base
    // interleaved with the head in one more session (both sides share its multipliers), and the
    // check fails only where that comparison shows the same frame growing.
    let r = stored;
    if (decideConfirm('auto', stored, false)) {
      const cm = sessionMultipliers(w, c.scenario, rng, walk);
      const again = compareRuns(
        inputs(sessionRuns(variantModel(w.model, cm), noise, c.runs, rng)),
        inputs(sessionRuns(variantModel(w.model, cm, edit), noise, c.runs, rng)),
        { sessions: 'interleaved' },
        { renames },
      );
      r = reconcile(stored, again, { mode: 'auto', baseSha: '0'.repeat(40), seconds: 0 });
      if (process.env.SESSIONS_DEBUG) {
        const f = again.frames.find((y) => y.key === process.env.SESSIONS_DEBUG);
        console.error(
          `  interleaved: ${again.verdict} ${f?.status} ${f?.metric} d=${f?.delta} rel=${f?.relDelta} q=${f?.qValue}`,
        );
      }
    }
    if (process.env.SESSIONS_DEBUG) {
      const p = compareRuns(inputs(base), inputs(head), {}, { renames });
      const show = (x: typeof r) => {
        const f = x.frames.find((y) => y.key === process.env.SESSIONS_DEBUG);
        return f
          ? `${f.status} d=${(f.delta * 100).toFixed(2)} w=${((f.ci.hi - f.ci.lo) * 100).toFixed(2)} q=${f.qValue.toExponential(1)}`
          : '-';
      };
      console.error(`history: ${show(stored)} | prior: ${show(p)} | confirmed: ${show(r)}`);
    }
    if (r.verdict === 'fail') {
      out.fails++;
      if (out.failedOn.length === 0)
        out.failedOn = r.frames
          .filter((f) => f.status === 'regressed' || f.status === 'new')
          .slice(0, 3)
          .map((f) => `${f.key} ${(f.delta * 100).toFixed(1)} pp`);
    }
    if ((r.summary?.regressions ?? 0) > 0) out.flagged++;
    const first = r.summary?.ranked[0];
    if (
      process.env.SESSIONS_DEBUG &&
      first !== process.env.SESSIONS_DEBUG &&
      (r.summary?.regressions ?? 0) > 0
    ) {
      const show = (k?: string) => {
        const f = r.frames.find((y) => y.key === k);
        return f
          ? `${k} ${f.status} d=${(f.delta * 100).toFixed(2)} own=${((f.ownDelta ?? 0) * 100).toFixed(2)} self=${(f.selfDelta * 100).toFixed(2)} rank=${f.rank}`
          : `${k} -`;
      };
      console.error(`  not first: ${show(first)} | ${show(process.env.SESSIONS_DEBUG)}`);
    }
    if (c.variant === 'power5' && first === 'hot5') out.targetFirst++;
    if (c.variant === 'power1' && first === 'hot1') out.targetFirst++;
    if (c.variant === 'newsmall' && first === 'newfn') out.targetFirst++;
    if (c.variant === 'newsmall' && first === 'fn_5_0') out.callerFirst++;
  }
  return out;
}
