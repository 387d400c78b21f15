// Hand-built ComparisonReport objects for report tests (schema v1, src/stats/types.ts).
import { DEFAULT_COMPARE_SETTINGS } from '../../src/stats/index.js';
import type { ComparisonReport, FrameResult, FrameStatus } from '../../src/stats/types.js';

export function frame(
  name: string,
  status: FrameStatus,
  base: number,
  head: number,
  rank: number | null,
  file = 'src/app.js',
  line = 10,
): FrameResult {
  const side = (mean: number) => ({
    mean,
    runs: [mean, mean, mean],
    sd: 0.001,
    selfMean: mean / 2,
    timeSeconds: mean * 2,
  });
  const delta = head - base;
  return {
    key: `${name} (${file})`,
    name,
    file,
    line,
    module: '',
    kind: 'js',
    status,
    metric: 'inclusiveShare',
    base: side(base),
    head: side(head),
    delta,
    relDelta: base > 0 ? delta / base : null,
    selfDelta: delta / 2,
    ci: { lo: delta - 0.01, hi: delta + 0.01, level: 0.95 },
    pValue: 0.0004,
    qValue: status === 'unchanged' ? 0.6 : 0.0021,
    rank,
    ownDelta: rank === null ? null : delta,
    path: ['main (src/app.js)', `${name} (${file})`],
    explainedBy: null,
  };
}

export function makeReport(frames: FrameResult[], verdict: 'pass' | 'fail' = 'fail'): ComparisonReport {
  return {
    schema: 1,
    verdict,
    reason:
      verdict === 'fail'
        ? 'scoreToken grew by 13.0 pp of total, above the 1.0 pp gate'
        : 'no frame passed the gates',
    total: {
      base: { runs: 5, samples: 1000, wallSeconds: 1.0, cpuSeconds: 0.98, profileSeconds: 1.0 },
      head: { runs: 5, samples: 1300, wallSeconds: 1.3, cpuSeconds: 1.27, profileSeconds: 1.3 },
      measure: 'cpuSeconds',
      change: 0.3,
      ci: { lo: 0.25, hi: 0.35, level: 0.95 },
      pValue: 0.001,
      status: 'regressed',
    },
    frames,
    dropped: [{ key: 'gc (v8)', name: '(garbage collector)', maxShare: 0.007, presence: 0.4 }],
    droppedShare: { base: 0.01, head: 0.012 },
    settings: {
      ...DEFAULT_COMPARE_SETTINGS,
      test: 'Welch t-test on per-run shares',
      metricNote: 'inclusive share',
    },
    warnings: [],
  };
}

export const standardFrames = (): FrameResult[] => [
  frame('scoreToken', 'regressed', 0.3, 0.43, 1, 'workload.mjs', 27),
  frame('tokenise', 'improved', 0.2, 0.15, null, 'workload.mjs', 23),
  frame('summarise', 'unchanged', 0.1, 0.1, null, 'workload.mjs', 40),
];
