// The total: CPU seconds per run when the runner measured them, else profile time (samples at the
// fixed sampling interval), else samples; never wall time, which counts waiting and follows the
// machine's load (a loaded runner moved it by -46% to +84% on the demo). Wall time is still
// reported beside it (TotalSide). Compared on the log scale (a relative change) with Welch's t-test across runs; with a
// single run on a side, only a sample-count total has a known (Poisson) noise.

import { mean, variance } from '../lib/math.js';
import { normalUpper, tQuantile, tTwoSided } from './distributions.js';
import type { RunMetrics } from './run-metrics.js';
import type { CompareSettings, FrameStatus, RunInput, TotalResult, TotalSide } from './types.js';

interface Side {
  runs: readonly RunInput[];
  metrics: RunMetrics[];
}

type Measure = 'cpuSeconds' | 'profileSeconds' | 'samples';

function values(side: Side, measure: Measure): number[] {
  return side.runs.map((r, i) => {
    const m = side.metrics[i];
    switch (measure) {
      case 'cpuSeconds':
        return r.cpuSeconds as number;
      case 'profileSeconds':
        return m.total * (m.secondsPerWeight as number);
      default:
        return m.total * m.samplesPerWeight;
    }
  });
}

function pickMeasure(b: Side, h: Side): Measure {
  const runs = [...b.runs, ...h.runs];
  if (runs.every((r) => (r.cpuSeconds ?? 0) > 0)) return 'cpuSeconds';
  if ([...b.metrics, ...h.metrics].every((m) => m.secondsPerWeight !== null)) return 'profileSeconds';
  return 'samples';
}

function totalSide(side: Side): TotalSide {
  const opt = (xs: (number | undefined)[]) => (xs.every((x) => (x ?? 0) > 0) ? mean(xs as number[]) : null);
  return {
    runs: side.runs.length,
    samples: mean(side.metrics.map((m) => m.total * m.samplesPerWeight)),
    wallSeconds: opt(side.runs.map((r) => r.wallSeconds)),
    cpuSeconds: opt(side.runs.map((r) => r.cpuSeconds)),
    profileSeconds: side.metrics.every((m) => m.secondsPerWeight !== null)
      ? mean(side.metrics.map((m) => m.total * (m.secondsPerWeight as number)))
      : null,
  };
}

export function compareTotals(b: Side, h: Side, s: CompareSettings): TotalResult {
  const measure = pickMeasure(b, h);
  const xb = values(b, measure);
  const xh = values(h, measure);
  const base = totalSide(b);
  const head = totalSide(h);
  const change = mean(xh) / mean(xb) - 1;
  const level = 1 - s.alpha;
  let lnDelta = Math.log(mean(xh) / mean(xb));
  let se: number | null = null;
  let df = Number.POSITIVE_INFINITY;
  if (xb.length >= 2 && xh.length >= 2) {
    // Welch on log values: a relative change, robust to the scale of the measure.
    const lb = xb.map(Math.log);
    const lh = xh.map(Math.log);
    lnDelta = mean(lh) - mean(lb);
    const vb = variance(lb) / lb.length;
    const vh = variance(lh) / lh.length;
    se = Math.sqrt(vb + vh);
    df = (vb + vh) ** 2 / (vb ** 2 / (lb.length - 1) + vh ** 2 / (lh.length - 1) || 1);
    if (!Number.isFinite(df) || df <= 0) df = lb.length + lh.length - 2;
  } else if (measure === 'samples' || measure === 'profileSeconds') {
    // Poisson counts: Var(log total) ~ 1 / count.
    const cb = b.metrics.reduce((t, m) => t + m.total * m.samplesPerWeight, 0);
    const ch = h.metrics.reduce((t, m) => t + m.total * m.samplesPerWeight, 0);
    se = Math.sqrt(1 / cb + 1 / ch);
  }
  if (se === null) {
    return { base, head, measure, change, ci: null, pValue: null, status: 'inconclusive' };
  }
  let pValue: number;
  let q: number;
  if (se === 0) {
    pValue = lnDelta === 0 ? 1 : 0;
    q = 0;
  } else if (Number.isFinite(df)) {
    pValue = tTwoSided(lnDelta / se, df);
    q = tQuantile(1 - (1 - level) / 2, df);
  } else {
    pValue = Math.min(1, 2 * normalUpper(Math.abs(lnDelta / se)));
    q = tQuantile(1 - (1 - level) / 2, 1e9);
  }
  const ci = { lo: Math.expm1(lnDelta - q * se), hi: Math.expm1(lnDelta + q * se), level };
  const significant = pValue < s.alpha && Math.abs(change) >= s.minRelEffect;
  const status: FrameStatus = significant ? (change > 0 ? 'regressed' : 'improved') : 'unchanged';
  return { base, head, measure, change, ci, pValue, status };
}
