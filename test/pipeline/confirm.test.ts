// Confirm before failing: the pure parts. decideConfirm says when to re-measure; reconcile keeps a
// stored-baseline regression only when the interleaved comparison shows the same frame growing.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { confirmVerdict, decideConfirm, reconcile } from '../../src/pipeline/confirm.js';
import { InterruptedError } from '../../src/sample/index.js';
import type { ComparisonReport } from '../../src/stats/types.js';
import { frame, makeReport } from '../report/make-report.js';

/** Stored comparison: scoreToken regressed and gated (13 pp), its caller main explained by it. */
function stored(): ComparisonReport {
  const main = { ...frame('main', 'regressed', 0.9, 0.95, null), explainedBy: 'scoreToken (workload.mjs)' };
  return makeReport([
    frame('scoreToken', 'regressed', 0.3, 0.43, 1, 'workload.mjs', 27),
    frame('lex', 'regressed', 0.1, 0.105, 2, 'workload.mjs', 50),
    main,
    frame('tokenise', 'unchanged', 0.2, 0.19, null, 'workload.mjs', 23),
  ]);
}

function interleaved(statuses: Record<string, 'regressed' | 'improved' | 'unchanged'>): ComparisonReport {
  const frames = Object.entries(statuses).map(([name, st], i) => {
    const f = frame(
      name,
      st,
      0.3,
      st === 'regressed' ? 0.4 : st === 'improved' ? 0.2 : 0.3,
      null,
      name === 'main' ? 'src/app.js' : 'workload.mjs',
      27,
    );
    return { ...f, rank: st === 'regressed' ? i + 1 : null, metric: 'inclusiveTime' as const };
  });
  return makeReport(frames, frames.some((f) => f.status === 'regressed') ? 'fail' : 'pass');
}

const meta = { mode: 'auto' as const, baseSha: 'c'.repeat(40), seconds: 93.4 };

describe('decideConfirm', () => {
  it('auto re-measures only a failing stored comparison; never after rerun; always; never', () => {
    const fail = stored();
    const pass = { ...stored(), verdict: 'pass' as const };
    expect(decideConfirm('auto', fail, false)).toBe(true);
    expect(decideConfirm('auto', pass, false)).toBe(false);
    expect(decideConfirm('always', pass, false)).toBe(true);
    expect(decideConfirm('never', fail, false)).toBe(false);
    expect(decideConfirm('always', fail, true)).toBe(false);
    expect(decideConfirm('auto', null, false)).toBe(false);
  });
});

describe('reconcile', () => {
  it('fails when the interleaved comparison shows the same frame regressing', () => {
    const r = reconcile(stored(), interleaved({ scoreToken: 'regressed', main: 'regressed' }), meta);
    expect(r.verdict).toBe('fail');
    r.confirmation?.confirmed.sort();
    expect(r.confirmation).toMatchObject({
      outcome: 'confirmed',
      confirmed: ['scoreToken (workload.mjs)', 'main (src/app.js)'].sort(),
      notConfirmed: ['lex (workload.mjs)'],
      seconds: 93.4,
      storedVerdict: 'fail',
      interleavedVerdict: 'fail',
    });
    expect(r.reason).toContain('scoreToken (workload.mjs) regressed by 13.00% of the total');
    expect(r.reason).toContain(
      `the merge-base ${'c'.repeat(7)} re-measured interleaved with the head confirmed it`,
    );
    // lex was not confirmed: inconclusive, unranked; ranks close up.
    const lex = r.frames.find((f) => f.name === 'lex');
    expect(lex).toMatchObject({ status: 'inconclusive', rank: null });
    expect(r.frames.find((f) => f.name === 'scoreToken')?.rank).toBe(1);
  });

  it('passes when the frame did not regress there (or moved the other way): stored change is inconclusive', () => {
    for (const st of ['unchanged', 'improved'] as const) {
      const s = stored();
      const r = reconcile(s, interleaved({ scoreToken: st, main: st, lex: st }), meta);
      expect(r.verdict).toBe('pass');
      expect(r.confirmation?.outcome).toBe('not-confirmed');
      expect(r.confirmation?.notConfirmed).toHaveLength(3);
      expect(r.frames.filter((f) => f.rank !== null)).toEqual([]);
      expect(r.frames.find((f) => f.name === 'scoreToken')?.status).toBe('inconclusive');
      expect(r.reason).toMatch(/did not show it \(5 \+ 5 runs, 1 min 33 s\), so the check passes/);
      // The input report is not modified.
      expect(s.frames[0].status).toBe('regressed');
    }
  });

  it('a nominated frame inconclusive there confirms on its one-sided test (Holm over the nominated frames)', () => {
    // The interleaved comparison tests the stored comparison's regressions, not every frame
    // afresh: scoreToken grew there but missed the whole-profile family's threshold (inconclusive).
    // lex is inconclusive there too (p = 0.5), so Holm multiplies the smallest p by 2.
    const grewThere = (p: number, scoreStatus: 'inconclusive' | 'unchanged' = 'inconclusive') => {
      const r = interleaved({ scoreToken: 'unchanged', main: 'unchanged', lex: 'unchanged' });
      r.frames = r.frames.map((f) =>
        f.name === 'scoreToken'
          ? { ...f, status: scoreStatus, delta: 0.1, pValue: p }
          : f.name === 'lex'
            ? { ...f, status: 'inconclusive', delta: 0.01, pValue: 0.5 }
            : f,
      );
      return r;
    };
    // p = 0.008: one-sided 0.004 x 2 = 0.008 < 0.01.
    const yes = reconcile(stored(), grewThere(0.008), meta);
    expect(yes.verdict).toBe('fail');
    expect(yes.confirmation?.confirmed).toEqual(['scoreToken (workload.mjs)']);
    // p = 0.012: one-sided 0.006 x 2 = 0.012, not below alpha 0.01 (alone it would have been).
    const no = reconcile(stored(), grewThere(0.012), meta);
    expect(no.verdict).toBe('pass');
    expect(no.confirmation?.confirmed).toEqual([]);
    // Judged unchanged there (a move, dilution): cleared, whatever its p-value.
    expect(reconcile(stored(), grewThere(1e-9, 'unchanged'), meta).verdict).toBe('pass');
    // Shrank there with a tiny p-value: a change the other way never confirms.
    const shrank = grewThere(0.0001);
    shrank.frames = shrank.frames.map((f) => (f.name === 'scoreToken' ? { ...f, delta: -0.1 } : f));
    expect(reconcile(stored(), shrank, meta).verdict).toBe('pass');
  });

  it('a different frame regressing in the interleaved comparison does not confirm', () => {
    const r = reconcile(stored(), interleaved({ tokenise: 'regressed' }), meta);
    expect(r.verdict).toBe('pass');
    expect(r.confirmation?.confirmed).toEqual([]);
  });

  it('a confirmed caller whose culprit was not confirmed becomes a ranked culprit itself', () => {
    const r = reconcile(stored(), interleaved({ main: 'regressed' }), meta);
    const main = r.frames.find((f) => f.name === 'main');
    expect(main).toMatchObject({ status: 'regressed', rank: 1, explainedBy: null });
    expect(r.verdict).toBe('fail');
  });
});

describe('confirmVerdict', () => {
  it('a setup problem (no merge-base) keeps the stored verdict and says why; an interrupt propagates', async () => {
    const o = {
      mode: 'auto' as const,
      interleaved: false,
      settings: stored().settings,
      remeasure: async () => {
        throw new UserError('baseline: rerun needs the merge-base');
      },
    };
    const r = await confirmVerdict(stored(), o);
    expect(r?.verdict).toBe('fail');
    expect(r?.confirmation).toMatchObject({
      outcome: 'unavailable',
      note: 'baseline: rerun needs the merge-base',
    });
    await expect(
      confirmVerdict(stored(), {
        ...o,
        remeasure: async () => {
          throw new InterruptedError('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted during');
  });

  it('does nothing when not asked', async () => {
    const s = stored();
    const r = await confirmVerdict(s, {
      mode: 'never',
      interleaved: false,
      settings: s.settings,
      remeasure: async () => {
        throw new Error('must not run');
      },
    });
    expect(r).toBe(s);
  });
});
