// Compact facts about a measured side: top frames and totals, for summary.json, the history file
// and the report's "how it was measured". Pure functions of the run sets.
import type { HistoryEntry } from '../history/index.js';
import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import { frameTotals } from '../profile/totals.js';
import { atGranularity, type Granularity } from '../profile/transform.js';
import type { MachineInfo } from '../sample/types.js';
import type { RunInput } from '../stats/index.js';

export interface TopFrame {
  key: string;
  share: number;
  selfShare: number;
}

/** The `k` frames with the largest inclusive share, keyed as the comparison keys them. */
export function topFrames(p: Profile, g: Granularity, k = 30): TopFrame[] {
  const q = atGranularity(p, g);
  const t = frameTotals(q);
  if (!(t.total > 0)) return [];
  const out: TopFrame[] = [];
  for (let id = 0; id < q.frames.size; id++) {
    out.push({
      key: frameLabel(q.frame(id)),
      share: t.inclusive[id] / t.total,
      selfShare: t.self[id] / t.total,
    });
  }
  out.sort(
    (a, b) => b.share - a.share || b.selfShare - a.selfShare || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return out.slice(0, k).map((f) => ({ key: f.key, share: round(f.share), selfShare: round(f.selfShare) }));
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface SideTotals {
  samples: number;
  wallSeconds: number | null;
  cpuSeconds: number | null;
  profileSeconds: number | null;
}

export function sideTotals(inputs: readonly RunInput[]): SideTotals {
  const mean = (xs: (number | undefined)[]) =>
    xs.every((x) => typeof x === 'number' && Number.isFinite(x)) && xs.length
      ? (xs as number[]).reduce((a, b) => a + b, 0) / xs.length
      : null;
  const samples = mean(inputs.map((r) => r.profile.totalWeight())) ?? 0;
  const interval = inputs[0]?.profile.meta.intervalNs;
  const unit = inputs[0]?.profile.meta.unit;
  let profileSeconds: number | null = null;
  if (unit === 'samples' && interval) profileSeconds = (samples * interval) / 1e9;
  else if (unit === 'nanoseconds') profileSeconds = samples / 1e9;
  else if (unit === 'microseconds') profileSeconds = samples / 1e6;
  return {
    samples,
    wallSeconds: mean(inputs.map((r) => r.wallSeconds)),
    cpuSeconds: mean(inputs.map((r) => r.cpuSeconds)),
    profileSeconds,
  };
}

export function historyEntry(
  sha: string,
  date: string,
  totals: SideTotals,
  frames: TopFrame[],
  timePerShare: number | null,
): HistoryEntry {
  const [total, totalMeasure] =
    totals.wallSeconds !== null
      ? [totals.wallSeconds, 'wallSeconds']
      : totals.profileSeconds !== null
        ? [totals.profileSeconds, 'profileSeconds']
        : [totals.samples, 'samples'];
  return {
    sha,
    date,
    total,
    totalMeasure,
    frames: frames.map((f) => ({
      key: f.key,
      share: f.share,
      selfShare: f.selfShare,
      timeSeconds: timePerShare === null ? null : Math.round(f.share * timePerShare * 1e6) / 1e6,
    })),
  };
}

/**
 * A warning when a stored baseline was measured on other hardware or another kernel than the head
 * (runs.json records the machine for exactly this): shares still compare, times and totals less so.
 */
export function machineWarning(
  base: MachineInfo | null | undefined,
  head: MachineInfo | null | undefined,
): string | null {
  if (!base || !head) return null;
  const fields = ['cpuModel', 'cores', 'arch', 'kernel'] as const;
  const diffs = fields
    .filter((f) => String(base[f]) !== String(head[f]))
    .map((f) => `${f} ${String(base[f])} vs ${String(head[f])}`);
  if (diffs.length === 0) return null;
  return `Baseline and head ran on different machines (${diffs.join('; ')}): times and the total are less comparable; baseline: rerun measures both sides here.`;
}

export function machineText(m: MachineInfo | null | undefined): string {
  if (!m) return 'unknown machine'; // report/types.ts UNKNOWN_MACHINE
  return `${m.cpuModel}, ${m.cores} cores, ${m.platform}/${m.arch} ${m.kernel}, load ${m.loadAvg.map((x) => x.toFixed(2)).join(' ')}`;
}

/**
 * For comparisons without line identity: the first line each function was seen at in `p`, keyed
 * like the comparison keys frames (so the report can still link file:line).
 */
export function firstLines(profiles: readonly Profile[], g: Granularity): Map<string, number> {
  const out = new Map<string, number>();
  if (g !== 'function') return out;
  for (const p of profiles) addFirstLines(p, out);
  return out;
}

function addFirstLines(p: Profile, out: Map<string, number>): void {
  for (let id = 0; id < p.frames.size; id++) {
    const f = p.frame(id);
    if (!(f.line > 0) || f.file === '') continue;
    const key = frameLabel({ ...f, line: 0 });
    const prev = out.get(key);
    if (prev === undefined || f.line < prev) out.set(key, f.line);
  }
}
