// compareRuns: per-run metrics -> consistent frames -> per-frame tests -> BH -> statuses ->
// culprits -> total -> verdict. Pure and deterministic (no randomness is needed; stable sorts).
import { UserError } from '../errors.js';
import { mean, sd } from '../lib/math.js';
import { EXCLUDED_FROM_USER_MASS } from '../profile/runtime-frames.js';
import {
  type Composition,
  cautiousKappa,
  clearOfSessionShift,
  compositionFactor,
  survives,
  undoInflation,
} from './composition.js';
import { type OwnWeights, ownWeights } from './culprits.js';
import { weightedBenjaminiHochberg } from './fdr.js';
import { FrameKeys } from './frame-keys.js';
import { undoMoves } from './moves.js';
import {
  type FrameData,
  fitNoise,
  type NoiseFit,
  type SideData,
  type TestResult,
  testFrame,
} from './noise-model.js';
import { buildPaths } from './paths.js';
import { padMetrics, type RunMetrics, sharedRunMetrics } from './run-metrics.js';
import {
  type BaselineShares,
  baselineSpread,
  IMPROVEMENT_REL_SD,
  MAX_BASELINES,
  MIN_BASELINES,
  PRIOR_REL_SD,
  type SpreadTable,
  sessionTerm,
} from './session-noise.js';
import { resolveSettings } from './settings.js';
import { compareTotals } from './total.js';
import type {
  BetweenSessions,
  CompareSettings,
  ComparisonReport,
  DroppedFrame,
  FrameResult,
  FrameStatus,
  Metric,
  RunInput,
  SideValue,
} from './types.js';
import { decideVerdict, summarise } from './verdict.js';

const MAX_DROPPED_LISTED = 200;
/** Below this many expected samples per run on both sides a frame's test is not trusted. */
const MIN_COUNT = 5;

interface Side {
  runs: readonly RunInput[];
  metrics: RunMetrics[];
}

/** What a comparison can use besides the two run sets (all optional). */
export interface CompareInputs {
  /**
   * The stored baselines of consecutive base-branch commits, oldest first (the history file's
   * `entries` as they are): the between-session noise of every frame is learned from them.
   */
  history?: readonly BaselineShares[];
  /**
   * Frames that are one function under two keys (a rename or a move the diff recognised): the
   * base key `from` and the head key `to` are compared as one frame, reported under `to` with
   * `renamedFrom`.
   */
  renames?: readonly { from: string; to: string }[];
  /**
   * The key space to compare in (a new FrameKeys of the settings' granularity and `renames`): a
   * caller that merges the same runs afterwards passes it to mergeConsistent too, and each run's
   * frames are mapped to keys once.
   */
  keys?: FrameKeys;
}

/**
 * How one frame's values are normalised: user frames are shares of the user mass (runtime GC,
 * compiler and idle stacks left out) times the mean user fraction of all runs, so they read as
 * shares of all samples and a runtime shift between sessions does not move them.
 */
interface View {
  user: boolean;
  scale: number;
}

export function compareRuns(
  base: readonly RunInput[],
  head: readonly RunInput[],
  partial: Partial<CompareSettings> = {},
  inputs: CompareInputs = {},
): ComparisonReport {
  const settings = resolveSettings(partial);
  if (base.length === 0 || head.length === 0) {
    throw new UserError(
      `compare needs at least one run per side (got ${base.length} base, ${head.length} head)`,
    );
  }
  const keys = inputs.keys ?? new FrameKeys(settings.granularity, inputs.renames ?? []);
  if (inputs.keys && (keys.granularity !== settings.granularity || (inputs.renames ?? []).length > 0)) {
    throw new Error('compareRuns: pass renames to the shared FrameKeys, at the settings granularity');
  }
  const b: Side = { runs: base, metrics: base.map((r) => sharedRunMetrics(r.profile, keys)) };
  const h: Side = { runs: head, metrics: head.map((r) => sharedRunMetrics(r.profile, keys)) };
  for (const m of [...b.metrics, ...h.metrics]) padMetrics(m, keys.size);
  for (const [name, side] of [
    ['base', b],
    ['head', h],
  ] as const) {
    side.metrics.forEach((m, i) => {
      if (!(m.total > 0)) {
        const src = side.runs[i].profile.meta.source ?? `${name} run ${i + 1}`;
        throw new UserError(`${src}: profile has no samples (expected at least one weighted stack)`);
      }
    });
  }
  const warnings: string[] = [];
  const useTime =
    settings.metric === 'time' && [...b.metrics, ...h.metrics].every((m) => m.secondsPerWeight !== null);
  if (settings.metric === 'time' && !useTime) {
    warnings.push(
      'metric "time" was requested but some profiles carry no time unit or interval; compared shares instead',
    );
  }
  const metric: Metric = useTime ? 'inclusiveTime' : 'inclusiveShare';
  settings.metricNote = useTime
    ? 'Inclusive time per frame (seconds per run): meaningful only because base and head ran on the same machine (settings.metric = time). Shares are reported beside it.'
    : 'Inclusive share of each run per frame: portable across machines and runner speeds. Time per frame is reported for reference only; the total is compared in its own measure.';
  settings.test =
    'Overdispersed quasi-binomial per-frame test: known multinomial sampling variance plus run-to-run jitter fitted across frames, moderated per frame (empirical Bayes), floored at the sampling variance; Benjamini-Hochberg across frames; absolute and relative effect floors.';

  const { kept, dropped, droppedCount } = consistentFrames(keys, b.metrics, h.metrics, settings);
  const keptIds: number[] = [];
  for (let id = 0; id < keys.size; id++) if (kept[id]) keptIds.push(id);

  const allMetrics = [...b.metrics, ...h.metrics];
  // Normalise user frames on the user mass only when every run has some (else: plain shares).
  const userScale =
    !useTime && allMetrics.every((m) => m.userTotal > 0)
      ? mean(allMetrics.map((m) => m.userTotal / m.total))
      : 1;
  const viewOf = (id: number): View => ({
    user: userScale < 1 && keys.runtime[id] === null,
    scale: userScale,
  });
  const views = keptIds.map(viewOf);
  const data = keptIds.map((id, i) =>
    frameData(
      b.metrics,
      h.metrics,
      (m) => (views[i].user ? m.userInclusive[id] : m.inclusive[id]),
      useTime,
      views[i],
    ),
  );
  const fit = fitNoise(data);
  const separate = settings.sessions !== 'interleaved';
  const history = inputs.history ?? [];
  const spread = separate && !useTime ? baselineSpread(history, userScale) : null;
  const widened: BetweenSessions['widened'] = [];
  keptIds.forEach((id, i) => {
    if (!separate) return;
    const runtime = keys.runtime[id] !== null;
    if (useTime) {
      data[i].fixedVar = runtime ? 2 * (PRIOR_REL_SD.runtime * mean(data[i].base.x)) ** 2 : 0;
      return;
    }
    const d = data[i];
    const level = (mean(d.base.x) + mean(d.head.x)) / 2;
    // What the per-frame test already counts (sampling and run-to-run jitter of both means) is
    // inside the baselines' differences too: only the rest is between-session.
    const withinVar = testFrame(d, fit, 1 - settings.alpha).se ** 2;
    const t = sessionTerm(spread, keys.keys[id], level, views[i].user ? userScale : 1, runtime, withinVar);
    d.fixedVar = 2 * t.perSession;
    if (Number.isFinite(t.df)) d.fixedDf = t.df;
    if (t.perSession > t.prior * 1.21 && t.diffs > 0)
      widened.push({ key: keys.keys[id], priorSd: Math.sqrt(t.prior), sd: Math.sqrt(t.perSession) });
  });
  widened.sort((x, y) => y.sd / y.priorSd - x.sd / x.priorSd || (x.key < y.key ? -1 : 1));
  const level = 1 - settings.alpha;
  const tests = data.map((d) => testFrame(d, fit, level));
  const q = weightedBenjaminiHochberg(
    tests.map((t) => t.pValue),
    keptIds.map((id) => familyWeight([...b.metrics, ...h.metrics].map((m) => m.inclusive[id] / m.total))),
  );

  const baseTotalSeconds = mean(b.metrics.map((m) => m.total * (m.secondsPerWeight ?? 0)));
  const floorAbs = useTime ? settings.minEffect * baseTotalSeconds : settings.minEffect;
  const statuses = keptIds.map((id, i) =>
    frameStatus(tests[i], q[i], data[i], settings, floorAbs, {
      baseAbsent: b.metrics.every((m) => m.inclusive[id] === 0),
      headAbsent: h.metrics.every((m) => m.inclusive[id] === 0),
      lowCounts:
        mean(b.metrics.map((m) => m.inclusive[id] * m.samplesPerWeight)) < MIN_COUNT &&
        mean(h.metrics.map((m) => m.inclusive[id] * m.samplesPerWeight)) < MIN_COUNT,
    }),
  );

  // Idle is not code: its share is compared and reported, but it is never a culprit.
  const idle = keptIds.map((id) => keys.runtime[id] === 'idle');
  const culprits = rankCulprits(
    keptIds,
    statuses,
    idle,
    tests,
    data,
    b,
    h,
    fit,
    settings,
    useTime,
    floorAbs,
    views,
  );
  // A promoted callee is a regression on two tests: its caller's (q) and the growth through it (p).
  for (const x of culprits.promoted) {
    statuses[x.i] = 'regressed';
    q[x.i] = Math.max(q[x.via], x.p);
  }
  const paths = buildPaths(h, keys, keptIds, culprits.explainedBy);

  const frames: FrameResult[] = keptIds.map((id, i) => {
    const f = keys.frames[id];
    const t = tests[i];
    const baseMean = mean(data[i].base.x);
    return {
      key: keys.keys[id],
      name: f.name,
      file: f.file,
      line: f.line,
      module: f.module,
      kind: f.kind,
      runtime: keys.runtime[id],
      renamedFrom: keys.renamedFrom[id],
      status: statuses[i],
      metric,
      base: sideValue(b.metrics, id, data[i].base, views[i]),
      head: sideValue(h.metrics, id, data[i].head, views[i]),
      delta: t.delta,
      relDelta: baseMean > 0 ? t.delta / baseMean : null,
      selfDelta: selfShare(h.metrics, id, views[i]) - selfShare(b.metrics, id, views[i]),
      ci: { lo: t.lo, hi: t.hi, level },
      pValue: t.pValue,
      qValue: q[i],
      rank: culprits.rank[i],
      ownDelta: culprits.ownDelta[i],
      path: paths[i],
      explainedBy: culprits.explainedBy[i] === null ? null : keys.keys[culprits.explainedBy[i] as number],
    };
  });
  if (!useTime) {
    const samples = (ms: RunMetrics[]) => ms.reduce((a, m) => a + m.total * m.samplesPerWeight, 0);
    const comp = compositionFactor(frames, samples(b.metrics), samples(h.metrics));
    if (comp !== null) undoInflation(frames, comp, floorAbs, settings.minRelEffect);
    undoDilution(frames, settings, floorAbs, separate, comp, userScale);
    undoMoves(
      frames,
      keptIds,
      keys,
      b,
      h,
      views.map((v) => v.user),
      userScale,
      floorAbs,
      settings.minRelEffect,
    );
  }
  frames.sort(frameOrder);

  const total = compareTotals(b, h, settings);
  warnings.push(...sideWarnings(b, h));
  const gcShift = frames.find(
    (f) => separate && f.runtime != null && f.status === 'inconclusive' && f.delta > 0,
  );
  if (gcShift) {
    warnings.push(
      `${gcShift.key} grew, but its share follows the machine's load as much as the code when base and head ran in separate sessions; measure them interleaved (baseline: rerun) to test it.`,
    );
  }
  const unit = useTime ? baseTotalSeconds : 1;
  const { verdict, reason } = decideVerdict(frames, total, settings, unit);
  const renamed = frames.filter((f) => f.renamedFrom != null).length;
  return {
    schema: 1,
    verdict,
    reason,
    total,
    frames,
    dropped,
    droppedShare: { base: droppedWeight(b.metrics, kept), head: droppedWeight(h.metrics, kept) },
    settings,
    warnings,
    droppedCount,
    noise: {
      jitter: Math.sqrt(fit.tau2),
      priorDf: Number.isFinite(fit.d0) ? fit.d0 : null,
      residualDf: fit.d,
    },
    summary: summarise(frames, settings, unit, renamed),
    betweenSessions: betweenSessionsNote(separate, useTime, history.length, spread, widened),
  };
}

function betweenSessionsNote(
  separate: boolean,
  useTime: boolean,
  offered: number,
  spread: SpreadTable | null,
  widened: BetweenSessions['widened'],
): BetweenSessions {
  const used = spread?.baselines ?? 0;
  const fromHistory = separate && !useTime && used >= MIN_BASELINES;
  const note = !separate
    ? 'Base and head ran interleaved in one session: no between-session term.'
    : fromHistory
      ? `Between-session noise learned from ${used} stored baselines${offered > MAX_BASELINES ? ` (the newest of ${offered})` : ''}, shrunk towards the default prior; the history widened ${widened.length} frame(s).`
      : `Between-session noise: default prior for every frame (${offered} stored baseline${offered === 1 ? '' : 's'}; at least ${MIN_BASELINES} are needed to learn it).`;
  return {
    applied: separate,
    baselines: fromHistory ? used : offered,
    source: fromHistory ? 'history' : 'prior',
    note,
    widened: widened.slice(0, 20),
  };
}

/**
 * Shares are compositional: when the ranked culprits grow, every other frame's share shrinks, so
 * a frame whose cost did not change looks "improved". An improvement is reported only when it
 * survives the largest dilution the data allow: head shares rescaled by the smaller of the
 * median-of-ratios factor (composition.ts, moved two standard errors towards more dilution) and
 * the factor implied by the ranked culprits' growth (x (1 - culprits' head share) / (1 - culprits'
 * base share)). When base and head ran interleaved on one machine, an improvement must instead
 * show in the frame's own time. An improvement that does not survive is reported unchanged.
 */
function undoDilution(
  frames: FrameResult[],
  s: CompareSettings,
  floorAbs: number,
  separate: boolean,
  comp: Composition | null,
  userScale: number,
): void {
  const candidates = [
    comp !== null ? cautiousKappa(comp, 1) : null,
    culpritKappa(frames, separate, userScale),
  ].filter((k): k is number => k !== null);
  for (const f of frames) {
    if (f.status !== 'improved') continue;
    const bt = f.base.timeSeconds;
    const ht = f.head.timeSeconds;
    const kappa = candidates.length === 0 ? 1 : Math.min(...candidates);
    const still =
      !separate && bt !== null && ht !== null && bt > 0
        ? (bt - ht) / bt >= s.minRelEffect
        : candidates.length === 0 || survives(f, kappa, floorAbs, s.minRelEffect, -1);
    if (!still) f.status = 'unchanged';
    // Nothing confirms an improvement: between sessions, user code's must also clear a session's
    // shift (IMPROVEMENT_REL_SD), else the data cannot tell it from the head session.
    else if (separate && f.runtime == null && !clearOfSessionShift(f, kappa, IMPROVEMENT_REL_SD))
      f.status = 'inconclusive';
  }
}

/**
 * Without a median-of-ratios factor: assume only the ranked culprits changed, so an unchanged
 * share moved by (1 - culprits' head share) / (1 - culprits' base share). Null when they did not
 * grow (nothing was diluted).
 */
function culpritKappa(frames: FrameResult[], separate: boolean, userScale: number): number | null {
  // Shares of the mass user frames are compared on: user frames' values are scaled by userScale;
  // runtime frames left out of that mass (GC, compiler, idle) dilute nothing in it.
  const onUserMass = (f: FrameResult, x: number) => (f.runtime == null ? x / userScale : x);
  const culprits = frames.filter(
    (f) =>
      (f.runtime == null || userScale >= 1 || !EXCLUDED_FROM_USER_MASS.has(f.runtime)) &&
      (f.rank !== null || (separate && f.runtime != null && f.status === 'inconclusive' && f.delta > 0)),
  );
  const cb = Math.min(
    0.95,
    culprits.reduce((a, f) => a + onUserMass(f, f.base.mean), 0),
  );
  const ch = Math.min(
    0.95,
    culprits.reduce((a, f) => a + onUserMass(f, f.head.mean), 0),
  );
  return ch <= cb ? null : (1 - ch) / (1 - cb);
}

/**
 * A frame is kept when it reaches minShare in at least a quorum of runs on either side. New code
 * is kept below that floor too: a frame absent from every base run with at least MIN_COUNT samples
 * in a quorum of head runs, so a small new function that made its caller grow is tested (and
 * ranked) itself instead of leaving the unchanged caller as the culprit.
 */
function consistentFrames(
  keys: FrameKeys,
  bm: RunMetrics[],
  hm: RunMetrics[],
  s: CompareSettings,
): { kept: Uint8Array; dropped: DroppedFrame[]; droppedCount: number } {
  const n = keys.size;
  const kept = new Uint8Array(n);
  const all: DroppedFrame[] = [];
  const need = (runs: number) => Math.max(1, Math.ceil(s.quorum * runs - 1e-9));
  for (let id = 0; id < n; id++) {
    let pb = 0;
    let ph = 0;
    let maxShare = 0;
    let inBase = false;
    let counted = 0;
    for (const m of bm) {
      const share = m.inclusive[id] / m.total;
      if (share >= s.minShare) pb++;
      if (share > maxShare) maxShare = share;
      if (m.inclusive[id] > 0) inBase = true;
    }
    for (const m of hm) {
      const share = m.inclusive[id] / m.total;
      if (share >= s.minShare) ph++;
      if (share > maxShare) maxShare = share;
      if (m.inclusive[id] * m.samplesPerWeight >= MIN_COUNT) counted++;
    }
    if (pb >= need(bm.length) || ph >= need(hm.length)) kept[id] = 1;
    else if (!inBase && counted >= need(hm.length)) kept[id] = 1;
    else if (pb + ph > 0) {
      all.push({
        key: keys.keys[id],
        name: keys.frames[id].name,
        maxShare,
        presence: (pb + ph) / (bm.length + hm.length),
      });
    }
  }
  all.sort((x, y) => y.maxShare - x.maxShare || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { kept, dropped: all.slice(0, MAX_DROPPED_LISTED), droppedCount: all.length };
}

/** Mean share of weight whose leaf frame was not kept (it is in no tested frame's self). */
function droppedWeight(ms: RunMetrics[], kept: Uint8Array): number {
  return mean(
    ms.map((m) => {
      let d = 0;
      for (let id = 0; id < m.self.length; id++) if (!kept[id]) d += m.self[id];
      return d / m.total;
    }),
  );
}

/** Per-run values and sampling variances of one frame quantity (weights from `get`). */
export function frameData(
  bm: readonly RunMetrics[],
  hm: readonly RunMetrics[],
  get: (m: RunMetrics) => number,
  useTime: boolean,
  view: View = { user: false, scale: 1 },
): FrameData {
  return { base: sideData(bm, get, useTime, view), head: sideData(hm, get, useTime, view) };
}

function sideData(
  ms: readonly RunMetrics[],
  get: (m: RunMetrics) => number,
  useTime: boolean,
  view: View,
): SideData {
  const tot = (m: RunMetrics) => (view.user ? m.userTotal : m.total);
  const k = view.user ? view.scale : 1;
  let c = 0;
  let n = 0;
  for (const m of ms) {
    c += get(m) * m.samplesPerWeight;
    n += tot(m) * m.samplesPerWeight;
  }
  if (useTime) {
    // Counts are Poisson-like: Var(count) = count, in seconds: count * secondsPerSample^2.
    const cbar = (c + 0.5) / ms.length;
    const x = ms.map((m) => get(m) * (m.secondsPerWeight as number));
    const v = ms.map((m) => cbar * ((m.secondsPerWeight as number) / m.samplesPerWeight) ** 2);
    return { x, v, g: mean(x) };
  }
  // Share of a run is binomial given the run's sample count: Var = p(1-p)/n (p smoothed so an
  // absent frame still has a little sampling variance).
  // User frames: binomial on the user mass, scaled by k (variance by k^2, jitter scale by k).
  const p = (c + 0.5) / (n + 1);
  const x = ms.map((m) => (k * get(m)) / tot(m));
  const v = ms.map((m) => (k * k * p * (1 - p)) / Math.max(1, tot(m) * m.samplesPerWeight));
  const pm = mean(x) / k;
  return { x, v, g: k * Math.max(pm, p) * (1 - Math.max(pm, p)) };
}

/**
 * Prior weight of a frame in the false-discovery family: sqrt of its pooled mean share (both
 * sides, so the weight says nothing about the direction or size of the change). Hot frames are
 * where regressions cost the most and where a test has the power to see them; a frame at 100% of
 * every run (the root) cannot change share and is left out. See docs/statistics.md.
 */
function familyWeight(shares: number[]): number {
  if (shares.every((x) => x >= 1 - 1e-12)) return 0;
  return Math.sqrt(Math.max(mean(shares), 1e-9));
}

/** A change past both effect floors: `floorAbs` in the metric's unit, `minRelEffect` of the base. */
function aboveFloors(change: number, baseMean: number, floorAbs: number, minRelEffect: number): boolean {
  return change >= floorAbs && (baseMean <= 0 || change / baseMean >= minRelEffect);
}

function frameStatus(
  t: TestResult,
  q: number,
  d: FrameData,
  s: CompareSettings,
  floorAbs: number,
  absent: { baseAbsent: boolean; headAbsent: boolean; lowCounts: boolean },
): FrameStatus {
  const big = aboveFloors(Math.abs(t.delta), mean(d.base.x), floorAbs, s.minRelEffect);
  const significant = q < s.alpha;
  if (significant && big && t.delta > 0) return absent.baseAbsent ? 'new' : 'regressed';
  if (significant && big && t.delta < 0) return absent.headAbsent ? 'gone' : 'improved';
  if (big && !significant) return 'inconclusive';
  if (absent.lowCounts) return 'inconclusive';
  return 'unchanged';
}

interface Promotion {
  i: number;
  via: number;
  p: number;
}

interface Culprits {
  rank: (number | null)[];
  ownDelta: (number | null)[];
  /** Key id of the frame that explains each unranked regression. */
  explainedBy: (number | null)[];
  /**
   * Inconclusive callees promoted to regressed as the carriers of a regressed caller's growth
   * (`via`: the caller's index, `p`: the Bonferroni-adjusted p-value of the growth through it).
   */
  promoted: Promotion[];
}

function rankCulprits(
  keptIds: number[],
  statuses: FrameStatus[],
  idle: readonly boolean[],
  tests: TestResult[],
  data: readonly FrameData[],
  b: Side,
  h: Side,
  fit: NoiseFit,
  s: CompareSettings,
  useTime: boolean,
  floorAbs: number,
  views: readonly View[],
): Culprits {
  const n = keptIds.length;
  const out: Culprits = {
    rank: Array(n).fill(null),
    ownDelta: Array(n).fill(null),
    explainedBy: Array(n).fill(null),
    promoted: [],
  };
  const primary: number[] = [];
  for (let i = 0; i < n; i++)
    if ((statuses[i] === 'regressed' || statuses[i] === 'new') && !idle[i]) primary.push(i);
  if (primary.length === 0) return out;
  const big = (delta: number, baseMean: number) => aboveFloors(delta, baseMean, floorAbs, s.minRelEffect);
  const size = b.metrics[0].inclusive.length;
  const pass = (idx: number[]) => {
    const cand = new Int32Array(size).fill(-1);
    idx.forEach((i, c) => {
      cand[keptIds[i]] = c;
    });
    const perRun = (side: Side) =>
      side.runs.map((r, ri) => ownWeights(r.profile, side.metrics[ri].keyOf, cand, idx.length));
    return { ob: perRun(b), oh: perRun(h) };
  };
  out.promoted = promotedCallees(primary, statuses, tests, data, pass, b, h, fit, s, useTime, views, big);
  const candIdx = [...primary, ...out.promoted.map((x) => x.i)];
  const nc = candIdx.length;
  const { ob, oh } = pass(candIdx);
  const explainHead = new Float64Array(nc * nc);
  oh.forEach((o, ri) => {
    const t = h.metrics[ri].total;
    for (let k = 0; k < nc * nc; k++) explainHead[k] += o.explain[k] / t;
  });
  const ranked: { c: number; own: number; p: number }[] = [];
  const hasBelow = (c: number) => {
    for (let j = 0; j < nc; j++) if (explainHead[c * nc + j] > 0) return true;
    return false;
  };
  for (let c = 0; c < nc; c++) {
    const i = candIdx[c];
    if (!hasBelow(c)) {
      // Nothing regressed below it: all of its inclusive change is its own.
      out.ownDelta[i] = tests[i].delta;
      ranked.push({ c, own: tests[i].delta, p: tests[i].pValue });
      continue;
    }
    const metricsOf = (side: Side, o: typeof ob) =>
      side.metrics.map((m, ri) => ({ ...m, inclusive: o[ri].own }));
    const ownData = frameData(metricsOf(b, ob), metricsOf(h, oh), (m) => m.inclusive[c], useTime, views[i]);
    const t = testFrame(ownData, fit, 1 - s.alpha);
    out.ownDelta[i] = t.delta;
    if (t.pValue < s.alpha && big(t.delta, mean(ownData.base.x)))
      ranked.push({ c, own: t.delta, p: t.pValue });
  }
  ranked.sort((x, y) => y.own - x.own || x.p - y.p || candIdx[x.c] - candIdx[y.c]);
  const isRanked = new Uint8Array(nc);
  ranked.forEach((r, k) => {
    out.rank[candIdx[r.c]] = k + 1;
    isRanked[r.c] = 1;
  });
  // Unranked regressions: follow the heaviest explaining callee down to a ranked culprit.
  for (let c = 0; c < nc; c++) {
    if (isRanked[c]) continue;
    let cur = c;
    const seen = new Set<number>([c]);
    for (;;) {
      let best = -1;
      let bestW = 0;
      for (let j = 0; j < nc; j++) {
        const w = explainHead[cur * nc + j];
        if (j !== cur && w > bestW && !seen.has(j)) {
          best = j;
          bestW = w;
        }
      }
      if (best < 0) break;
      cur = best;
      seen.add(cur);
      if (isRanked[cur]) break;
    }
    if (cur !== c) out.explainedBy[candIdx[c]] = keptIds[candIdx[cur]];
  }
  return out;
}

/**
 * Callees that carry a regressed caller's growth but missed significance on their own: a caller
 * regressed, its own time did not grow, and the growth sits in one callee whose test across all
 * its call sites (or the between-session term) left it inconclusive. Ranking the caller would
 * point the reviewer at code that did not change. A callee that grew past the effect floors is
 * promoted when the caller's growth through it (the weight of the caller's stacks where it is the
 * nearest candidate below) is itself significant, Bonferroni-corrected over the pairs tested: the
 * caller's significance says "something under here grew", this test says "it is this callee".
 * The path's growth must also fit within the callee's own interval: calls moved from another
 * caller grow the path while the callee's total stays put.
 * Returns the promoted frames (indices into keptIds), in index order.
 */
function promotedCallees(
  primary: readonly number[],
  statuses: readonly FrameStatus[],
  tests: readonly TestResult[],
  data: readonly FrameData[],
  pass: (idx: number[]) => { ob: OwnWeights[]; oh: OwnWeights[] },
  b: Side,
  h: Side,
  fit: NoiseFit,
  s: CompareSettings,
  useTime: boolean,
  views: readonly View[],
  big: (delta: number, baseMean: number) => boolean,
): Promotion[] {
  const secondary: number[] = [];
  statuses.forEach((st, i) => {
    if (st === 'inconclusive' && tests[i].delta > 0 && big(tests[i].delta, mean(data[i].base.x)))
      secondary.push(i);
  });
  if (secondary.length === 0) return [];
  const idx = [...primary, ...secondary];
  const nc = idx.length;
  const { ob, oh } = pass(idx);
  const pairs: { f: number; c: number }[] = [];
  for (let f = 0; f < primary.length; f++)
    for (let c = primary.length; c < nc; c++)
      if (oh.some((o) => o.explain[f * nc + c] > 0) || ob.some((o) => o.explain[f * nc + c] > 0))
        pairs.push({ f, c });
  const accepted = new Map<number, Promotion>();
  for (const { f, c } of pairs) {
    if (accepted.has(c)) continue;
    const through = (side: Side, o: OwnWeights[]) =>
      side.metrics.map((m, ri) => ({ ...m, inclusive: o[ri].explain.subarray(f * nc, (f + 1) * nc) }));
    const d = frameData(through(b, ob), through(h, oh), (m) => m.inclusive[c], useTime, views[idx[f]]);
    const t = testFrame(d, fit, 1 - s.alpha);
    const p = Math.min(1, t.pValue * pairs.length);
    // The callee must have grown by as much as it carries: calls moved from another caller grow
    // the path without the callee growing at all (a refactor, not a slower function).
    const carries = t.delta <= tests[idx[c]].hi;
    if (p < s.alpha && t.delta > 0 && carries && big(t.delta, mean(d.base.x)))
      accepted.set(c, { i: idx[c], via: idx[f], p });
  }
  return [...accepted.values()].sort((x, y) => x.i - y.i);
}

function selfShare(ms: readonly RunMetrics[], id: number, view: View): number {
  return mean(
    ms.map((m) => (view.user ? (view.scale * m.userSelf[id]) / m.userTotal : m.self[id] / m.total)),
  );
}

function sideValue(ms: readonly RunMetrics[], id: number, d: SideData, view: View): SideValue {
  const times = ms.map((m) => (m.secondsPerWeight === null ? null : m.inclusive[id] * m.secondsPerWeight));
  return {
    mean: mean(d.x),
    runs: d.x,
    sd: sd(d.x),
    selfMean: selfShare(ms, id, view),
    timeSeconds: times.every((t) => t !== null) ? mean(times as number[]) : null,
  };
}

const STATUS_ORDER: Record<FrameStatus, number> = {
  regressed: 0,
  new: 0,
  improved: 1,
  gone: 1,
  inconclusive: 2,
  unchanged: 3,
};

function frameOrder(x: FrameResult, y: FrameResult): number {
  if (x.rank !== null || y.rank !== null) {
    if (x.rank === null) return 1;
    if (y.rank === null) return -1;
    return x.rank - y.rank;
  }
  return (
    STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
    Math.abs(y.delta) - Math.abs(x.delta) ||
    (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}

function sideWarnings(b: Side, h: Side): string[] {
  const w: string[] = [];
  if (b.runs.length === 1 || h.runs.length === 1) {
    w.push(
      'One run on a side: run-to-run variation cannot be measured, so only sampling noise is accounted for; record 3-10 runs per side for a reliable verdict.',
    );
  }
  const all = [...b.metrics, ...h.metrics];
  if (all.some((m) => !m.samplesKnown)) {
    w.push('Some profiles do not say their sampling interval: sampling noise is approximated from weights.');
  }
  const mismatch = samplingMismatch(b, h);
  if (mismatch) w.push(`${mismatch}; shares stay comparable, times may not.`);
  const samples = mean(all.map((m) => m.total * m.samplesPerWeight));
  if (samples < 1000) {
    w.push(`Few samples per run (${Math.round(samples)} on average): only large changes can be detected.`);
  }
  return w;
}

/**
 * Units must agree exactly; intervals only roughly, because some samplers report the interval
 * they measured (V8's cpuprofile: 583-601 us for a requested 500 us), which differs a little
 * from run to run. A difference over 10% between the sides' medians is worth a warning.
 */
function samplingMismatch(b: Side, h: Side): string | null {
  const units = (s: Side) => [...new Set(s.runs.map((r) => r.profile.meta.unit))].sort().join(', ');
  if (units(b) !== units(h)) return `Base and head profiles differ in unit (${units(b)} vs ${units(h)})`;
  const median = (s: Side): number | null => {
    const xs = s.runs.map((r) => r.profile.meta.intervalNs).filter((x): x is number => x !== undefined);
    if (xs.length === 0) return null;
    xs.sort((x, y) => x - y);
    return xs[xs.length >> 1];
  };
  const ib = median(b);
  const ih = median(h);
  if (ib === null && ih === null) return null;
  if (ib === null || ih === null || Math.abs(ib - ih) > 0.1 * Math.max(ib, ih)) {
    const show = (x: number | null) => (x === null ? 'unknown' : `${(x / 1000).toFixed(0)} us`);
    return `Base and head profiles differ in sampling interval (median ${show(ib)} vs ${show(ih)})`;
  }
  return null;
}
