// The first line of the comment and the console agrees with the verdict: it names the ranked
// culprit and its change, compares the total in CPU time (never wall time alone), and states a
// total change as a change only when its interval excludes zero.
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../src/report/console.js';
import { headlineFacts, totalText } from '../../src/report/headline.js';
import { renderComment } from '../../src/report/render.js';
import type { ReportInput } from '../../src/report/types.js';
import type { ComparisonReport } from '../../src/stats/types.js';
import { frame, makeReport } from './make-report.js';

function input(report: ComparisonReport): ReportInput {
  return {
    report,
    headSha: 'a'.repeat(40),
    headRef: 'feature/x',
    baseline: { sha: 'b'.repeat(40), branch: 'main', note: null },
    measured: {
      runsBase: 5,
      runsHead: 5,
      sampler: 'node',
      samplerVersion: '20',
      machine: 'Test CPU',
      rerun: false,
      rateHz: null,
    },
    // Function granularity: the line comes from the head profile's first line of the function.
    frameLines: new Map([['scoreTokens (workload.mjs)', 28]]),
  };
}

const firstLine = (md: string) => md.split('\n')[3];

/** The demo's shape: scoreTokens grew, the total's interval spans zero (a loaded machine). */
function demo(): ComparisonReport {
  const r = makeReport([
    { ...frame('scoreTokens', 'regressed', 0.06, 0.327, 1, 'workload.mjs', 0) },
    frame('tokenise', 'unchanged', 0.547, 0.391, null, 'workload.mjs', 12),
  ]);
  r.total = {
    base: { runs: 5, samples: 10000, wallSeconds: 1.5, cpuSeconds: 1.2, profileSeconds: 1.0 },
    head: { runs: 5, samples: 10300, wallSeconds: 1.41, cpuSeconds: 1.22, profileSeconds: 1.03 },
    measure: 'cpuSeconds',
    change: 0.0167,
    ci: { lo: -0.021, hi: 0.034, level: 0.99 },
    pValue: 0.3,
    status: 'unchanged',
  };
  return r;
}

describe('headline', () => {
  it('names the ranked culprit and its change first; a total whose interval spans zero is not a change', () => {
    const md = renderComment(input(demo()));
    expect(firstLine(md)).toBe(
      '🔴 **Performance regression**: `scoreTokens` (`workload.mjs:28`): 6.0% → 32.7% of samples (+26.7 pp); CPU time per run 1.20 s → 1.22 s, no significant change (99% CI -2.1% to +3.4%).',
    );
    expect(firstLine(md)).not.toMatch(/wall/);
    const text = renderConsole(input(demo()));
    expect(text.split('\n')[0]).toBe(
      'flamediff: FAIL, performance regression: scoreTokens (workload.mjs:28): 6.0% -> 32.7% of samples (+26.7 pp); CPU time per run 1.20 s -> 1.22 s, no significant change (99% CI -2.1% to +3.4%)',
    );
  });

  it('states the total as a change when its interval excludes zero', () => {
    const r = demo();
    r.total.change = 0.251;
    r.total.ci = { lo: 0.203, hi: 0.302, level: 0.99 };
    expect(totalText(r)).toBe('CPU time per run +25.1% (99% CI +20.3% to +30.2%)');
    r.total.ci = { lo: -0.4, hi: -0.1, level: 0.99 };
    r.total.change = -0.25;
    expect(totalText(r)).toBe('CPU time per run -25.0% (99% CI -40.0% to -10.0%)');
  });

  it('samples when nothing measured CPU time; one run per side is not testable', () => {
    const r = demo();
    r.total.measure = 'samples';
    r.total.ci = null;
    expect(totalText(r)).toBe('samples per run 10,000 → 10,300, change not testable (one run per side)');
  });

  it('a pass with a ranked frame under the gates says so; a pass with nothing says that', () => {
    const r = demo();
    r.verdict = 'pass';
    expect(firstLine(renderComment(input(r)))).toMatch(
      /^🟢 \*\*No gated regression\*\*: `scoreTokens` \(`workload\.mjs:28`\): 6\.0% → 32\.7% of samples \(\+26\.7 pp\), below the gates; CPU time/,
    );
    r.frames = r.frames.filter((f) => f.rank === null);
    expect(firstLine(renderComment(input(r)))).toMatch(
      /^🟢 \*\*No gated regression\*\*: no frame changed beyond the noise and the effect floors; CPU time per run/,
    );
  });

  it('time metric: seconds per run; counts the other ranked frames; escapes the culprit', () => {
    const r = demo();
    r.frames = [
      { ...frame('a*[x](y)', 'regressed', 0.5, 0.8, 1), metric: 'inclusiveTime', relDelta: 0.6 },
      frame('b', 'new', 0, 0.02, 2),
    ];
    const h = headlineFacts(r);
    expect(h.change).toBe('500 ms → 800 ms per run, +60.0%');
    expect(h.more).toBe(1);
    expect(firstLine(renderComment(input(r)))).toContain(
      '`a*[x](y)` (`src/app.js:10`): 500 ms → 800 ms per run, +60.0%; 1 more ranked frame;',
    );
  });
});
