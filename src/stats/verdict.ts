// One definition of a regression, an improvement and the ranked list: the verdict, the report's
// `summary`, the comment, the console, the picture and the action outputs all read these.
import type { CompareSettings, ComparisonReport, FrameResult, ReportSummary, Verdict } from './types.js';

/**
 * Idle samples (a thread waiting: V8 `(idle)`, `cpu_idle`, Go's scheduler parking) are not code:
 * their share is compared and kept in `frames`, but a process that waited less did not get faster
 * code, and one that waited more is not a function that got slower. They are never a regression,
 * an improvement or a reason to fail (docs/statistics.md, "Runtime frames").
 */
const isIdle = (f: FrameResult) => f.runtime === 'idle';

/** A regression: a regressed or new frame that is a ranked culprit (its own change is significant). */
export function isRegression(f: FrameResult): boolean {
  return (f.status === 'regressed' || f.status === 'new') && f.rank !== null && !isIdle(f);
}

/** An improvement: a frame whose share fell beyond the floors after the dilution check. */
export function isImprovement(f: FrameResult): boolean {
  return f.status === 'improved' && !isIdle(f);
}

/** Ranked culprits, rank 1 first. */
export function rankedRegressions(frames: readonly FrameResult[]): FrameResult[] {
  return frames.filter(isRegression).sort((a, b) => (a.rank as number) - (b.rank as number));
}

/** The counts and lists every renderer reads. `renamed` is filled by whoever merged renames. */
export function summarise(
  frames: readonly FrameResult[],
  s: CompareSettings,
  unit: number,
  renamed = 0,
): ReportSummary {
  const gate = s.gateFrameShare;
  // A regression the gate let pass: significant and above the floors, but at most the gate.
  const underGate = rankedRegressions(frames)
    .filter((f) => f.delta / unit <= gate)
    .map((f) => ({ key: f.key, delta: f.delta / unit, gate }));
  return {
    regressions: frames.filter(isRegression).length,
    improvements: frames.filter(isImprovement).length,
    new: frames.filter((f) => f.status === 'new').length,
    gone: frames.filter((f) => f.status === 'gone').length,
    renamed,
    ranked: rankedRegressions(frames).map((f) => f.key),
    underGate,
  };
}

/**
 * `fail` when a regressed or new frame's inclusive change exceeds the gate (the reason names the
 * frame and the culprit that explains it), or the total's gate trips; `pass` otherwise.
 */
export function decideVerdict(
  frames: readonly FrameResult[],
  total: ComparisonReport['total'],
  s: CompareSettings,
  unit: number,
): { verdict: Verdict; reason: string } {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  for (const f of frames) {
    if ((f.status === 'regressed' || f.status === 'new') && !isIdle(f) && f.delta / unit > s.gateFrameShare) {
      const why = f.explainedBy ? ` (explained by ${f.explainedBy})` : '';
      const verb = f.status === 'new' ? 'is new and costs' : 'regressed by';
      return {
        verdict: 'fail',
        reason: `${f.key} ${verb} ${pct(f.delta / unit)} of the total${why}, above the gate of ${pct(s.gateFrameShare)}.`,
      };
    }
  }
  if (
    s.gateTotal !== null &&
    total.status === 'regressed' &&
    total.change !== null &&
    total.change > s.gateTotal
  ) {
    return {
      verdict: 'fail',
      reason: `The total (${total.measure}) regressed by ${pct(total.change)}, above the gate of ${pct(s.gateTotal)}.`,
    };
  }
  const n = frames.filter(isRegression).length;
  return {
    verdict: 'pass',
    reason:
      n === 0
        ? 'No frame regressed significantly beyond the effect floors.'
        : `${n} frame(s) regressed, none by more than the gate of ${pct(s.gateFrameShare)} of the total.`,
  };
}
