// Number formatting shared by the Markdown and console reports (one place, so they agree).
import type { Interval } from '../stats/types.js';

/** 0.1234 -> '12.3%'. */
export function pct(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return 'n/a';
  const v = share * 100;
  return `${Math.abs(v) < 10 ** -digits && v !== 0 ? (v > 0 ? '<' : '>-') + (10 ** -digits).toFixed(digits) : v.toFixed(digits)}%`;
}

/** Signed percentage: 0.05 -> '+5.0%'. */
export function signedPct(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = (x * 100).toFixed(digits);
  return `${x >= 0 && !s.startsWith('-') ? '+' : ''}${s}%`;
}

/** Share difference in percentage points: 0.021 -> '+2.1 pp'. */
export function pp(delta: number, digits = 1): string {
  if (!Number.isFinite(delta)) return 'n/a';
  const s = (delta * 100).toFixed(digits);
  return `${delta >= 0 && !s.startsWith('-') ? '+' : ''}${s} pp`;
}

export function ppInterval(ci: Interval): string {
  return `[${pp(ci.lo).replace(' pp', '')}, ${pp(ci.hi)}]`;
}

export function relInterval(ci: Interval): string {
  return `${signedPct(ci.lo)} to ${signedPct(ci.hi)}`;
}

export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return 'n/a';
  if (s >= 100) return `${s.toFixed(0)} s`;
  if (s >= 1) return `${s.toFixed(2)} s`;
  if (s >= 0.001) return `${(s * 1000).toFixed(s >= 0.1 ? 0 : 1)} ms`;
  return `${(s * 1e6).toFixed(0)} µs`;
}

export function qValue(q: number): string {
  if (!Number.isFinite(q)) return 'n/a';
  if (q < 0.001) return '<0.001';
  return q.toFixed(3);
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Age between two ISO dates as '3 days', '5 hours'; null when unknown. */
export function age(fromIso: string | null | undefined, toIso: string | null | undefined): string | null {
  if (!fromIso || !toIso) return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms)) return null;
  const m = Math.max(0, ms) / 60000;
  if (m < 1) return 'under a minute';
  if (m < 60) return `${Math.round(m)} min`;
  const h = m / 60;
  if (h < 48) return Math.round(h) === 1 ? '1 hour' : `${Math.round(h)} hours`;
  return `${Math.round(h / 24)} days`;
}
