// Test helpers: profiles from folded text (our own minimal reader, so these tests do not depend
// on the folded importer's progress) and a hand-built ComparisonReport.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/lib/random.js';
import { parseFrameLabel } from '../../src/profile/frame-label.js';
import { Profile } from '../../src/profile/profile.js';
import type { ComparisonReport, FrameResult, FrameStatus } from '../../src/stats/types.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'render');

export function foldedProfile(text: string): Profile {
  const p = new Profile({ format: 'folded' });
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    const w = Number(line.slice(sp + 1));
    if (sp <= 0 || !Number.isFinite(w)) continue; // flamegraph.pl skips lines without a count
    const stack = line.slice(0, sp);
    p.addStack(
      stack.split(';').map((f) => p.intern(parseFrameLabel(f))),
      w,
    );
  }
  return p;
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function frameResult(key: string, status: FrameStatus, base: number, head: number): FrameResult {
  const side = (mean: number) => ({ mean, runs: [mean, mean], sd: 0, selfMean: 0, timeSeconds: null });
  const delta = head - base;
  return {
    key,
    name: key,
    file: '',
    line: 0,
    module: '',
    kind: 'other',
    status,
    metric: 'inclusiveShare',
    base: side(base),
    head: side(head),
    delta,
    relDelta: base > 0 ? delta / base : null,
    selfDelta: 0,
    ci: { lo: delta - 0.01, hi: delta + 0.01, level: 0.95 },
    pValue: 0.001,
    qValue: status === 'regressed' || status === 'improved' ? 0.004 : 0.5,
    rank: null,
    ownDelta: null,
    path: [],
    explainedBy: null,
  };
}

export function comparison(frames: FrameResult[], runs = 5): ComparisonReport {
  const side = { runs, samples: 1000, wallSeconds: null, cpuSeconds: null, profileSeconds: null };
  return {
    schema: 1,
    verdict: 'fail',
    reason: 'test fixture',
    total: {
      base: side,
      head: side,
      measure: 'samples',
      change: 0.1,
      ci: null,
      pValue: null,
      status: 'regressed',
    },
    frames,
    dropped: [],
    droppedShare: { base: 0, head: 0 },
    settings: {
      alpha: 0.05,
      minShare: 0.005,
      quorum: 0.8,
      minEffect: 0.002,
      minRelEffect: 0.05,
      granularity: 'function',
      gateFrameShare: 0.01,
      gateTotal: null,
      seed: 1,
      test: 'Mann-Whitney U',
    },
    warnings: [],
  };
}

export const rng = seededRandom;
