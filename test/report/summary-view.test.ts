// The comment and the console count from the report's summary (src/stats/verdict.ts) and show
// regressions detected under the gate as warning lines.
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../src/report/console.js';
import type { ReportInput } from '../../src/report/types.js';
import { buildView } from '../../src/report/view-model.js';
import { frame, makeReport } from './make-report.js';

function input(report: ReturnType<typeof makeReport>): ReportInput {
  return {
    report,
    headSha: 'a'.repeat(40),
    headRef: 'feature/x',
    baseline: { sha: 'b'.repeat(40), branch: 'main', note: null, commitDate: null },
    headDate: null,
    measured: {
      runsBase: 5,
      runsHead: 5,
      sampler: 'node',
      samplerVersion: '',
      machine: 'm',
      rerun: false,
      rateHz: null,
    },
  } as ReportInput;
}

describe('summary-driven counts', () => {
  it('a ranked new frame is a regression in the comment, and under-gate regressions are warnings', () => {
    const fresh = frame('fresh', 'new', 0, 0.008, 1, 'a.js', 3);
    const r = makeReport([fresh], 'pass');
    r.settings = { ...r.settings, sessions: 'interleaved' };
    r.summary = {
      regressions: 1,
      improvements: 0,
      new: 1,
      gone: 0,
      renamed: 0,
      ranked: ['fresh (a.js)'],
      underGate: [{ key: 'fresh (a.js)', delta: 0.008, gate: 0.01 }],
    };
    const v = buildView(input(r));
    expect(v.regressions.map((x) => x.name)).toEqual(['`fresh`']);
    expect(v.verdictLine).toContain('`fresh` (`a.js:3`): 0.0% → 0.8% of samples (+0.8 pp), below the gates');
    // Interleaved runs (one session): a measured change.
    expect(v.warnings[0]).toBe('`fresh (a.js)`: +0.8 pp, under the 1.0 pp gate (detected, not failing).');
    const text = renderConsole(input(r));
    expect(text).toContain('fresh (a.js:3): 0.0% -> 0.8% of samples (+0.8 pp), below the gates');
    expect(text).toContain('warning: fresh (a.js): +0.8 pp, under the 1.0 pp gate (detected, not failing)');
  });

  it('an under-gate detection against a stored baseline from another session says it was not re-measured', () => {
    const r = makeReport([frame('fresh', 'new', 0, 0.008, 1, 'a.js', 3)], 'pass');
    r.settings = { ...r.settings, sessions: 'separate' };
    r.summary = {
      regressions: 1,
      improvements: 0,
      new: 1,
      gone: 0,
      renamed: 0,
      ranked: ['fresh (a.js)'],
      underGate: [{ key: 'fresh (a.js)', delta: 0.008, gate: 0.01 }],
    };
    const note = 'detected against a baseline from another session, not re-measured; not failing';
    expect(buildView(input(r)).warnings[0]).toBe(
      `\`fresh (a.js)\`: +0.8 pp, under the 1.0 pp gate (${note}).`,
    );
    expect(renderConsole(input(r))).toContain(
      `warning: fresh (a.js): +0.8 pp, under the 1.0 pp gate (${note})`,
    );
  });
});
