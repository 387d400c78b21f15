// Confirm before failing. A stored baseline was measured in another job, on another runner, at
// another hour; a frame can move between such sessions without any code change. So when the
// comparison with the stored baseline would fail, the merge-base is re-measured here interleaved
// with the head (the `baseline: rerun` machinery), and the check fails only when that comparison
// shows the same frame regressing too. `decideConfirm` says whether to do it, `reconcile` (pure)
// merges the two verdicts, `confirmVerdict` runs it. Cost and rationale: docs/statistics.md.
import { UserError } from '../errors.js';
import { shortSha } from '../lib/sha.js';
import { InterruptedError } from '../sample/index.js';
import { compareRuns, type RunInput } from '../stats/index.js';
import type { CompareSettings, ComparisonReport, Confirmation, FrameResult } from '../stats/types.js';
import { summarise } from '../stats/verdict.js';

export type ConfirmMode = 'auto' | 'always' | 'never';

/**
 * Whether to re-measure: never after an interleaved comparison (`baseline: rerun` already is
 * one) or without a comparison; `auto` only when the stored comparison would fail.
 */
export function decideConfirm(
  mode: ConfirmMode,
  report: ComparisonReport | null,
  interleaved: boolean,
): boolean {
  if (!report || interleaved || mode === 'never') return false;
  return mode === 'always' || report.verdict === 'fail';
}

/** The interleaved side of a confirmation, and how it was measured. */
export interface Remeasured {
  base: RunInput[];
  head: RunInput[];
  /** The commit re-measured as the base (the merge-base). */
  baseSha: string;
}

const grew = (f: FrameResult) => (f.status === 'regressed' || f.status === 'new') && f.delta > 0;

/** The gate of the stored comparison (src/stats/compare.ts decideVerdict), per frame. */
function passesGate(f: FrameResult, r: ComparisonReport): boolean {
  const time = f.metric === 'inclusiveTime' || f.metric === 'selfTime';
  const unit = time ? (r.total.base.profileSeconds ?? 1) : 1;
  return grew(f) && f.delta / unit > r.settings.gateFrameShare;
}

const totalGated = (r: ComparisonReport) =>
  r.settings.gateTotal !== null &&
  r.total.status === 'regressed' &&
  r.total.change !== null &&
  r.total.change > r.settings.gateTotal;

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function duration(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}

/**
 * The frames the interleaved comparison confirms: regressed or new there on its own, or
 * inconclusive there (grown past the floors) with a one-sided p-value below the job's alpha after
 * Holm's correction over the frames the stored comparison nominated. The confirmation tests those few hypotheses, not every frame
 * afresh: a false fail needs both measurements to be wrong, and re-running the whole-profile
 * family with its effect floors would throw away a real regression that the interleaved runs
 * show at, say, q = 0.02 (measured: +20% on a 5% frame lost 2 points of power that way;
 * bench/RESULTS.md, "Verdicts across sessions").
 */
function agreeing(stored: ComparisonReport, interleaved: ComparisonReport): Set<string> {
  const agree = new Set(interleaved.frames.filter(grew).map((f) => f.key));
  const there = new Map(interleaved.frames.map((f) => [f.key, f]));
  const nominated = stored.frames
    .filter(grew)
    .map((f) => there.get(f.key))
    // Only an `inconclusive` frame there (grew past the floors, short of the family's threshold):
    // one the interleaved comparison judged `unchanged` (a move, dilution, under the floors) was
    // looked at and cleared, whatever its p-value.
    .filter((f): f is FrameResult => f !== undefined && f.status === 'inconclusive' && !agree.has(f.key));
  const oneSided = (f: FrameResult) => (f.delta > 0 ? f.pValue / 2 : 1);
  nominated.sort((a, b) => oneSided(a) - oneSided(b) || (a.key < b.key ? -1 : 1));
  const k = nominated.length;
  for (const [i, f] of nominated.entries()) {
    if (oneSided(f) * (k - i) >= stored.settings.alpha) break;
    agree.add(f.key);
  }
  return agree;
}

/**
 * The stored comparison, with its regressions kept only where the interleaved comparison agrees
 * (same frame key, regressed or new there too). A regression it does not confirm becomes
 * `inconclusive` (the two measurements disagree: we cannot tell), ranks close up, and the gate is
 * applied again to what is left. Pure: the same inputs give the same report.
 */
export function reconcile(
  stored: ComparisonReport,
  interleaved: ComparisonReport,
  meta: { mode: 'auto' | 'always'; baseSha: string; seconds: number },
): ComparisonReport {
  const agree = agreeing(stored, interleaved);
  const frames = stored.frames.map((f) => ({ ...f }));
  const confirmed: string[] = [];
  const notConfirmed: string[] = [];
  for (const f of frames) {
    if (!grew(f)) continue;
    if (agree.has(f.key)) {
      confirmed.push(f.key);
      continue;
    }
    notConfirmed.push(f.key);
    f.status = 'inconclusive';
    f.rank = null;
    f.ownDelta = null;
    f.explainedBy = null;
  }
  // Ranks close up in their old order; a confirmed regression whose culprit was not confirmed is
  // a culprit itself now (ranked after the others, by change).
  const gone = new Set(notConfirmed);
  const ranked = frames
    .filter((f) => f.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number));
  const orphans = frames
    .filter((f) => f.rank === null && grew(f) && f.explainedBy !== null && gone.has(f.explainedBy))
    .sort((a, b) => b.delta - a.delta || (a.key < b.key ? -1 : 1));
  for (const f of orphans) {
    f.explainedBy = null;
    f.ownDelta = f.delta;
  }
  [...ranked, ...orphans].forEach((f, i) => {
    f.rank = i + 1;
  });
  const order = (f: FrameResult) => (f.rank !== null ? 0 : 1);
  frames.sort((a, b) => order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0));

  const total = { ...stored.total };
  const totalWasGated = totalGated(stored);
  const totalConfirmed = totalWasGated ? interleaved.total.status === 'regressed' : null;
  if (totalConfirmed === false) total.status = 'inconclusive';

  const out: ComparisonReport = { ...stored, frames, total, warnings: [...stored.warnings] };
  const gating = frames.find((f) => passesGate(f, out));
  const by = interleaved.frames.find((f) => f.key === gating?.key);
  const where = `the merge-base ${shortSha(meta.baseSha)} re-measured interleaved with the head`;
  const runs = `${interleaved.total.base.runs} + ${interleaved.total.head.runs} runs, ${duration(meta.seconds)}`;
  let outcome: Confirmation['outcome'];
  if (gating) {
    outcome = 'confirmed';
    out.verdict = 'fail';
    const why = gating.explainedBy ? ` (explained by ${gating.explainedBy})` : '';
    const there =
      by && (by.metric === 'inclusiveTime' || by.metric === 'selfTime')
        ? `${by.relDelta !== null ? `${by.relDelta >= 0 ? '+' : ''}${(by.relDelta * 100).toFixed(1)}%` : 'new'} in time per run`
        : by
          ? `+${pct(by.delta)} of the total`
          : 'regressed';
    out.reason = `${gating.key} regressed by ${pct(gating.delta)} of the total${why} against the stored baseline, above the gate of ${pct(stored.settings.gateFrameShare)}, and ${where} confirmed it (${there}; ${runs}).`;
  } else if (totalConfirmed) {
    outcome = 'confirmed';
    out.verdict = 'fail';
    out.reason = `${stored.reason.replace(/\.$/, '')}; ${where} confirmed it (${runs}).`;
  } else {
    outcome = stored.verdict === 'fail' ? 'not-confirmed' : 'nothing-to-confirm';
    out.verdict = 'pass';
    out.reason =
      outcome === 'not-confirmed'
        ? `Against the stored baseline ${stored.reason.replace(/\.$/, '')}; ${where} did not show it (${runs}), so the check passes and the stored comparison's change is reported as inconclusive.`
        : stored.reason;
  }
  out.confirmation = {
    mode: meta.mode,
    outcome,
    baseSha: meta.baseSha,
    runs: { base: interleaved.total.base.runs, head: interleaved.total.head.runs },
    seconds: Math.round(meta.seconds * 10) / 10,
    storedVerdict: stored.verdict,
    interleavedVerdict: interleaved.verdict,
    confirmed,
    notConfirmed,
    totalConfirmed,
    note: null,
  };
  // The counts every reader uses follow the reconciled statuses (stats/verdict.ts).
  if (stored.summary) {
    const unit = stored.settings.metric === 'time' ? (stored.total.base.profileSeconds ?? 1) : 1;
    out.summary = summarise(frames, stored.settings, unit, stored.summary.renamed);
  }
  return out;
}

/** The stored comparison, noting in `confirmation` why it could not be confirmed (the gate stands). */
export function unconfirmed(
  stored: ComparisonReport,
  mode: 'auto' | 'always',
  why: string,
  seconds: number,
): ComparisonReport {
  // The comment and console say it from `confirmation` (src/report/headline.ts confirmationText).
  return {
    ...stored,
    confirmation: {
      mode,
      outcome: 'unavailable',
      baseSha: null,
      runs: { base: 0, head: 0 },
      seconds: Math.round(seconds * 10) / 10,
      storedVerdict: stored.verdict,
      interleavedVerdict: null,
      confirmed: [],
      notConfirmed: [],
      totalConfirmed: null,
      note: why,
    },
  };
}

export interface ConfirmOptions {
  mode: ConfirmMode;
  /** True when base and head were already measured interleaved (`baseline: rerun`). */
  interleaved: boolean;
  /** The comparison settings of the job (metric and sessions are set here for the interleaved runs). */
  settings: CompareSettings;
  /** Re-measures the merge-base and the head interleaved (the `baseline: rerun` path). */
  remeasure: () => Promise<Remeasured>;
  log?: (line: string) => void;
  /** Clock in seconds (tests); default performance.now. */
  now?: () => number;
}

/** Confirms `stored` when `decideConfirm` says so; otherwise returns it unchanged. */
export async function confirmVerdict<R extends ComparisonReport | null>(
  stored: R,
  o: ConfirmOptions,
): Promise<R> {
  if (!stored || !decideConfirm(o.mode, stored, o.interleaved)) return stored;
  return (await confirmReport(stored, o)) as R;
}

async function confirmReport(stored: ComparisonReport, o: ConfirmOptions): Promise<ComparisonReport> {
  const mode = o.mode === 'always' ? 'always' : 'auto';
  const now = o.now ?? (() => performance.now() / 1000);
  const t0 = now();
  o.log?.(
    stored.verdict === 'fail'
      ? 'confirming: the stored-baseline verdict would fail; re-measuring the merge-base interleaved with the head'
      : 'confirming (confirm: always): re-measuring the merge-base interleaved with the head',
  );
  let again: Remeasured;
  try {
    again = await o.remeasure();
  } catch (err) {
    if (err instanceof InterruptedError || !(err instanceof UserError)) throw err;
    return unconfirmed(stored, mode, err.message, now() - t0);
  }
  // One machine, one session, but the job's own metric: shares, by default, are immune to a run
  // that is slower as a whole (a neighbour's burst), which time per frame is not, and the question
  // is whether the stored comparison's frame grew in the measure it was flagged in.
  const interleaved = compareRuns(again.base, again.head, {
    ...o.settings,
    sessions: 'interleaved',
  });
  const out = reconcile(stored, interleaved, { mode, baseSha: again.baseSha, seconds: now() - t0 });
  o.log?.(`confirmation: ${out.confirmation?.outcome} (${out.confirmation?.seconds} s)`);
  return out;
}
