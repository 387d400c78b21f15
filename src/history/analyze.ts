// The trend analysis of a whole history: per-frame series, their change points and creeps, and the
// total's change points. `flamediff trends`, the dashboard and frameTrends all start from here.

import { seedFor } from '../lib/random.js';
import { shortSha } from '../lib/sha.js';
import { type Creep, detectCreep } from './creep.js';
import { type ChangePoint, detectChangePoints } from './e-divisive.js';
import { frameSeries } from './series.js';
import { DEFAULT_TREND_SETTINGS, type TrendSettings } from './settings.js';
import { sparkline } from './sparkline.js';
import type { HistoryFile } from './types.js';

export interface Commit {
  sha: string;
  date: string;
  total: number;
  pull: number | null;
}

/** A change point placed on the history: `entry` is the first entry after the shift. */
export interface CommitChange extends ChangePoint {
  entry: number;
  sha: string;
}

export interface CommitCreep extends Creep {
  fromSha: string;
  toSha: string;
  stepShas: string[];
}

export interface FrameAnalysis {
  key: string;
  /** Entry index of values[0]. */
  start: number;
  values: number[];
  self: number[];
  latest: number;
  changePoints: CommitChange[];
  creep: CommitCreep | null;
  sparkline: string;
}

export interface TrendReport {
  branch: string;
  totalMeasure: string;
  commits: Commit[];
  total: { values: number[]; changePoints: CommitChange[] };
  frames: FrameAnalysis[];
  /** Keys of the creeping frames, in frame order. */
  creeping: string[];
  settings: TrendSettings;
}

export interface AnalyzeOptions {
  /** Only frames whose key passes. */
  filter?: (key: string) => boolean;
  settings?: Partial<TrendSettings>;
  /** Skip change-point detection (creep and sparklines only: what a PR comment needs). */
  changePoints?: boolean;
}

function mergeSettings(s: Partial<TrendSettings> = {}): TrendSettings {
  return {
    changePoints: { ...DEFAULT_TREND_SETTINGS.changePoints, ...s.changePoints },
    creep: { ...DEFAULT_TREND_SETTINGS.creep, ...s.creep },
    sparklineLength: s.sparklineLength ?? DEFAULT_TREND_SETTINGS.sparklineLength,
  };
}

/** The last `n` values, left-padded with NaN (a dot) for entries before the frame was tracked. */
function padded(values: number[], n: number): number[] {
  const tail = values.slice(-n);
  return [...new Array<number>(n - tail.length).fill(Number.NaN), ...tail];
}

function placeChanges(cps: ChangePoint[], start: number, shas: string[]): CommitChange[] {
  return cps.map((c) => ({ ...c, entry: start + c.index, sha: shas[start + c.index] }));
}

export function analyzeHistory(h: HistoryFile, opts: AnalyzeOptions = {}): TrendReport {
  const settings = mergeSettings(opts.settings);
  const shas = h.entries.map((e) => e.sha);
  const cp = settings.changePoints;
  const detect = opts.changePoints !== false;
  const totals = h.entries.map((e) => e.total);
  const frames = frameSeries(h, opts.filter).map((s): FrameAnalysis => {
    const changes = detect ? detectChangePoints(s.values, cp, seedFor(cp.seed, s.key)) : [];
    const creep = detectCreep(s.values, settings.creep);
    return {
      key: s.key,
      start: s.start,
      values: s.values,
      self: s.self,
      latest: s.values[s.values.length - 1],
      changePoints: placeChanges(changes, s.start, shas),
      creep: creep && {
        ...creep,
        fromSha: shas[s.start + creep.from],
        toSha: shas[s.start + creep.to],
        stepShas: creep.steps.map((st) => shas[s.start + st.index]),
      },
      sparkline: sparkline(padded(s.values, Math.min(settings.sparklineLength, shas.length))),
    };
  });
  // Totals are in seconds (or samples): only the relative and noise floors apply.
  const totalChanges = detect
    ? detectChangePoints(totals, { ...cp, minAbsoluteChange: 0 }, seedFor(cp.seed, '\u0000total'))
    : [];
  return {
    branch: h.branch,
    totalMeasure: h.entries[h.entries.length - 1]?.totalMeasure ?? 'seconds',
    commits: h.entries.map((e) => ({ sha: e.sha, date: e.date, total: e.total, pull: e.pull ?? null })),
    total: { values: totals, changePoints: placeChanges(totalChanges, 0, shas) },
    frames,
    creeping: frames.filter((f) => f.creep).map((f) => f.key),
    settings,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '-'}${Math.abs(x * 100).toFixed(1)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : '-'}${Math.abs(x * 100).toFixed(2)} pp`;

/**
 * One line about a creep, safe in Markdown as it is: only digits, short hex shas, %, +, -, pp,
 * parentheses, commas and an arrow.
 */
export function creepNote(c: CommitCreep): string {
  const steps = c.steps.map((st, i) => `${shortSha(c.stepShas[i])} ${pp(st.delta)}`).join(', ');
  const n = c.to - c.from + 1;
  return (
    `creeping: ${signedPct(c.relative)} (${pct(c.start)} → ${pct(c.end)}) over the last ${n} baselines ` +
    `${shortSha(c.fromSha)}..${shortSha(c.toSha)}${steps ? `; largest steps ${steps}` : ''}`
  );
}
