// The facts of a report's first line, shared by the PR comment, the job summary and the console so
// they say the same thing: the ranked culprit and its change, then the total. The total is stated
// as a change only when its interval excludes zero; otherwise it is "no significant change".
// Only numbers and fixed words here: frame names and files are formatted (escaped) by the caller.
import type { ComparisonReport, FrameResult } from '../stats/types.js';
import { rankedRegressions } from '../stats/verdict.js';
import { pct, pp, relInterval, seconds, signedPct } from './format.js';

export interface HeadlineFacts {
  /** The rank-1 culprit (regressed or new), or null when nothing was ranked. */
  culprit: FrameResult | null;
  /** Its change in the report's metric, e.g. '6.0% → 32.7% of samples (+26.7 pp)'. */
  change: string | null;
  /** How many other frames were ranked. */
  more: number;
  /** The total, e.g. 'CPU time per run +25.1% (99% CI +20.3% to +30.2%)'. */
  total: string;
}

export function headlineFacts(r: ComparisonReport, arrow = '→'): HeadlineFacts {
  // One definition of a regression (stats/verdict.ts): ranked regressed or new frames.
  const ranked = rankedRegressions(r.frames);
  const culprit = ranked[0] ?? null;
  return {
    culprit,
    change: culprit ? frameChange(culprit, arrow) : null,
    more: Math.max(0, ranked.length - 1),
    total: totalText(r, arrow),
  };
}

/** '6.0% → 32.7% of samples (+26.7 pp)', or in seconds per run for the time metric. */
export function frameChange(f: FrameResult, arrow = '→'): string {
  if (f.metric === 'inclusiveTime' || f.metric === 'selfTime') {
    const rel = f.relDelta !== null ? `, ${signedPct(f.relDelta)}` : '';
    return `${seconds(f.base.mean)} ${arrow} ${seconds(f.head.mean)} per run${rel}`;
  }
  return `${pct(f.base.mean)} ${arrow} ${pct(f.head.mean)} of samples (${pp(f.delta)})`;
}

export function measureName(m: string): string {
  switch (m) {
    case 'wallSeconds':
      return 'wall time per run';
    case 'cpuSeconds':
      return 'CPU time per run';
    case 'profileSeconds':
      return 'profiled time per run';
    default:
      return 'samples per run';
  }
}

function sideValue(r: ComparisonReport, side: 'base' | 'head'): number | null {
  const s = r.total[side];
  switch (r.total.measure) {
    case 'wallSeconds':
      return s.wallSeconds;
    case 'cpuSeconds':
      return s.cpuSeconds;
    case 'profileSeconds':
      return s.profileSeconds;
    default:
      return s.samples;
  }
}

/**
 * 'CPU time per run +25.1% (99% CI +20.3% to +30.2%)' when the interval excludes zero, else
 * 'CPU time per run 1.20 s → 1.22 s, no significant change (99% CI -2.1% to +3.4%)'.
 */
export function totalText(r: ComparisonReport, arrow = '→'): string {
  const t = r.total;
  const what = measureName(t.measure);
  if (t.change === null) return `${what} not comparable`;
  const level = t.ci ? `${Number((t.ci.level * 100).toFixed(1))}%` : '';
  const ci = t.ci ? `${level} CI ${relInterval(t.ci)}` : '';
  const excludesZero = t.ci !== null && (t.ci.lo > 0 || t.ci.hi < 0);
  if (excludesZero) return `${what} ${signedPct(t.change)} (${ci})`;
  const b = sideValue(r, 'base');
  const h = sideValue(r, 'head');
  const fmt = (x: number) => (t.measure === 'samples' ? Math.round(x).toLocaleString('en-US') : seconds(x));
  const values = b !== null && h !== null ? ` ${fmt(b)} ${arrow} ${fmt(h)},` : '';
  const why = t.ci ? `no significant change (${ci})` : 'change not testable (one run per side)';
  return `${what}${values} ${why}`;
}

/**
 * What the interleaved re-measurement of the merge-base said about a stored-baseline verdict
 * (report.confirmation), with frame keys formatted by `key` and prose by `text`; null when none ran.
 */
export function confirmationText(
  r: ComparisonReport,
  key: (k: string) => string,
  text: (s: string) => string,
  strong: (s: string) => string = (s) => `**${s}**`,
): string | null {
  const c = r.confirmation;
  if (!c) return null;
  const list = (ks: string[]) =>
    ks.length > 5
      ? `${ks.slice(0, 5).map(key).join(', ')} and ${ks.length - 5} more`
      : ks.map(key).join(', ');
  const time =
    c.seconds < 60
      ? `${c.seconds.toFixed(1)} s`
      : `${Math.floor(c.seconds / 60)} min ${Math.round(c.seconds % 60)} s`;
  const how = `the merge-base ${key(c.baseSha ? c.baseSha.slice(0, 7) : '?')} re-measured interleaved with the head (${c.runs.base} + ${c.runs.head} runs, ${time}${c.mode === 'always' ? ', confirm: always' : ''})`;
  switch (c.outcome) {
    case 'confirmed':
      return `${strong('Confirmed')} by ${how}: ${c.confirmed.length ? `${list(c.confirmed)} regressed there too` : 'the total regressed there too'}${c.notConfirmed.length ? `; not confirmed (now inconclusive): ${list(c.notConfirmed)}` : ''}.`;
    case 'not-confirmed':
      return `${strong('Not confirmed')} by ${how}: ${c.notConfirmed.length ? `${list(c.notConfirmed)} did not regress there, so ${c.notConfirmed.length === 1 ? 'it is' : 'they are'} reported as inconclusive` : 'the total did not regress there'} and the check passes.`;
    case 'nothing-to-confirm':
      return `Re-measured ${how}: the stored comparison passed${c.confirmed.length ? `; confirmed below the gates: ${list(c.confirmed)}` : ''}${c.notConfirmed.length ? `; not confirmed (now inconclusive): ${list(c.notConfirmed)}` : ''}.`;
    default:
      return `${strong('Could not confirm')} the verdict (${text(c.note ?? 'unknown reason')}), after ${time}: the stored-baseline verdict stands.`;
  }
}

/**
 * How sure an under-the-gate detection is: against a stored baseline from another session and not
 * re-measured (only a failing verdict is confirmed), a frame can move by the session alone, so
 * the line says so rather than reading as a measured change.
 */
export function underGateNote(r: ComparisonReport): string {
  const separate = r.settings.sessions !== 'interleaved';
  const remeasured = r.confirmation !== undefined && r.confirmation.outcome !== 'unavailable';
  return separate && !remeasured
    ? 'detected against a baseline from another session, not re-measured; not failing'
    : 'detected, not failing';
}
