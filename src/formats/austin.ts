import { UserError } from '../errors.js';
import type { FrameInit, Unit } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { colonOrPlainFrame } from './frame-parsers.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ProfileInput } from './types.js';

// austin (3.x): `P<pid>;T<iid>:<tid>;file:function:line;... metric` with `# key: value`
// metadata lines (mode, interval, duration, ...). The metric depends on the mode:
// - wall / cpu: microseconds;
// - memory: bytes allocated (+) or released (-) during the sample;
// - full: `time,idle,memory` (idle is 0/1).
// `sampleType` selects what becomes the weight: `time` (default outside memory mode), `cpu`
// (full mode: time where the thread was not idle), `memory` (allocations, the memory-mode
// default) or `memory-released`. Austin's `:GC:` frame is kind gc, `:INVALID:` stays visible.

export type AustinMetric = 'time' | 'cpu' | 'memory' | 'memory-released';

const METRICS: readonly AustinMetric[] = ['time', 'cpu', 'memory', 'memory-released'];

function austinFrame(label: string, depth: number): FrameInit {
  if (depth <= 1) {
    if (/^P\d+$/.test(label)) return { name: label, kind: 'process' };
    if (/^T[\w.:]+$/.test(label)) return { name: label, kind: 'thread' };
  }
  if (label === ':GC:') return { name: 'GC', kind: 'gc' };
  if (label === ':INVALID:') return { name: 'INVALID', kind: 'other' };
  const f = colonOrPlainFrame(label);
  return f.kind === 'other' && f.file ? { ...f, kind: 'python' } : f;
}

/** Weight of one full-mode / memory-mode metric for the selected sample type. */
function metricParser(mode: string, metric: AustinMetric): (token: string) => number | undefined {
  return (token) => {
    const parts = token.split(',');
    for (const p of parts) if (!/^-?\d+$/.test(p)) return undefined;
    const nums = parts.map(Number);
    if (nums.length === 3) {
      const [time, idle, mem] = nums;
      if (metric === 'time') return time;
      if (metric === 'cpu') return idle ? 0 : time;
      if (metric === 'memory') return Math.max(mem, 0);
      return mem < 0 ? -mem : 0;
    }
    if (nums.length !== 1) return undefined;
    const v = nums[0];
    if (mode === 'memory') {
      if (metric === 'memory-released') return v < 0 ? -v : 0;
      return Math.max(v, 0);
    }
    return v;
  };
}

export function looksLikeAustin(input: ProfileInput): boolean {
  const head = headText(input);
  if (/^# austin: /m.test(head)) return true;
  const lines = firstLines(head, 5);
  return lines.length > 0 && lines.some((l) => /^P\d+;T[\w.:]+(;| )/.test(l));
}

export const austinFormat: FormatImporter = {
  name: 'austin',
  description: 'austin samples (`P<pid>;T<iid>:<tid>;file:func:line metric`, time/memory/full modes)',
  matchesName: (fileName) => /\.austin(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikeAustin,
  import(input, opts) {
    const extra: Record<string, string> = {};
    // Metadata comes before the samples (mode, interval) and after them (duration).
    const head = headText(input, 16384);
    for (const m of head.matchAll(/^# ([\w -]+): (.*)$/gm)) extra[m[1].trim()] = m[2].trim();
    const mode = extra.mode ?? 'wall';
    const requested = opts.sampleType as AustinMetric | undefined;
    if (requested && !METRICS.includes(requested)) {
      throw new UserError(
        `${input.fileName}: unknown austin sample type '${requested}' (expected one of ${METRICS.join(', ')})`,
      );
    }
    const metric: AustinMetric = requested ?? (mode === 'memory' ? 'memory' : 'time');
    const dialect: FoldedDialect = {
      what: 'valid austin sample',
      frame: austinFrame,
      weight: metricParser(mode, metric),
      comment: (line) => {
        const m = /^# ([\w -]+): (.*)$/.exec(line);
        if (m) extra[m[1].trim()] = m[2].trim();
      },
      expected: '`P<pid>;T<iid>:<tid>;file:function:line;... metric`',
    };
    const unit: Unit = metric === 'memory' || metric === 'memory-released' ? 'bytes' : 'microseconds';
    const { profile } = parseFoldedText(input, dialect, { format: 'austin', sampler: 'austin', unit }, opts);
    const meta = profile.meta;
    meta.sampleType = metric;
    meta.extra = { ...extra, ...meta.extra };
    const interval = Number(extra.interval);
    if (Number.isFinite(interval) && interval > 0) meta.intervalNs = interval * 1000;
    const duration = Number(extra.duration);
    if (Number.isFinite(duration) && duration > 0) meta.durationNs = duration * 1000;
    return profile;
  },
};
