import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { Profile } from '../../src/profile/profile.js';
import { compareRuns, DEFAULT_COMPARE_SETTINGS, type RunInput } from '../../src/stats/index.js';
import { buildModel, simulateSet } from '../support/simulate.js';

const model = buildModel();
const noise = { samples: 10_000, cv: 0.02, outlierRate: 0.05 };
const inputs = (runs: { profile: Profile }[]): RunInput[] => runs.map((r) => ({ profile: r.profile }));
const flagged = (r: ReturnType<typeof compareRuns>) =>
  r.frames.filter((f) => f.status === 'regressed' || f.status === 'new');

/** A profile from `stack weight` lines (frames by name, root first). */
function profile(lines: [string, number][], intervalNs = 1_000_000): Profile {
  const p = new Profile({ unit: 'samples', intervalNs });
  for (const [stack, w] of lines) p.addFrames(stack.split(';'), w);
  return p;
}

describe('compareRuns on simulated run sets', () => {
  it('A/A: 40 comparisons of identical profiles raise at most one false alarm', () => {
    let alarms = 0;
    for (let t = 0; t < 40; t++) {
      const r = compareRuns(
        inputs(simulateSet(model, noise, 5, 100 + 2 * t)),
        inputs(simulateSet(model, noise, 5, 101 + 2 * t)),
      );
      if (flagged(r).length > 0) alarms++;
      expect(r.schema).toBe(1);
    }
    expect(alarms).toBeLessThanOrEqual(1);
  });

  it('injected +30% on the 5% frame: regressed, ranked #1, callers explained by it', () => {
    const target = model.targets['5%'];
    let first = 0;
    for (let t = 0; t < 10; t++) {
      const base = inputs(simulateSet(model, noise, 5, 300 + 2 * t));
      const head = inputs(simulateSet(model, noise, 5, 301 + 2 * t, 0.3, target));
      const r = compareRuns(base, head);
      const hot = r.frames.find((f) => f.name === 'hot5');
      expect(hot?.status).toBe('regressed');
      if (hot?.rank === 1) first++;
      expect(hot?.ci.lo).toBeGreaterThan(0);
      expect(hot?.delta).toBeGreaterThan(hot?.ci.lo ?? 1);
      expect(hot?.delta).toBeLessThan(hot?.ci.hi ?? 0);
      for (const f of r.frames) {
        if ((f.status === 'regressed' || f.status === 'new') && f.rank === null)
          expect(f.explainedBy).not.toBeNull();
        if (f.name === 'main' && f.status === 'regressed') expect(f.explainedBy).toBe('hot5');
      }
    }
    expect(first).toBeGreaterThanOrEqual(9);
  });

  it('is deterministic: identical inputs give byte-identical JSON', () => {
    const base = inputs(simulateSet(model, noise, 3, 1));
    const head = inputs(simulateSet(model, noise, 3, 2, 0.2, model.targets['20%']));
    expect(JSON.stringify(compareRuns(base, head))).toBe(JSON.stringify(compareRuns(base, head)));
  });
});

describe('compareRuns on hand-made profiles', () => {
  // main -> a (40%) and main -> b -> c (60%); head: c doubles.
  const base = [0, 1, 2].map((i) =>
    profile([
      ['main;a', 4000 + i * 10],
      ['main;b;c', 6000 - i * 10],
    ]),
  );
  const head = [0, 1, 2].map((i) =>
    profile([
      ['main;a', 4000 + i * 10],
      ['main;b;c', 12000 - i * 10],
    ]),
  );

  it('still reports a real improvement next to a regression (interleaved: its own time fell)', () => {
    const fewer = [0, 1, 2].map((i) =>
      profile([
        ['main;a', 2000 + i * 10],
        ['main;b;c', 12000 - i * 10],
      ]),
    );
    const r = compareRuns(
      base.map((p) => ({ profile: p })),
      fewer.map((p) => ({ profile: p })),
      { sessions: 'interleaved' },
    );
    expect(r.frames.find((f) => f.key === 'a')?.status).toBe('improved');
    expect(r.frames.find((f) => f.key === 'c')?.status).toBe('regressed');
    // Separate sessions: times are not comparable, and in shares "a halved and c doubled" cannot be
    // told from "c quadrupled", so a's fall is not reported as an improvement.
    const apart = compareRuns(
      base.map((p) => ({ profile: p })),
      fewer.map((p) => ({ profile: p })),
    );
    expect(apart.frames.find((f) => f.key === 'a')?.status).toBe('unchanged');
    expect(apart.frames.find((f) => f.key === 'c')?.status).toBe('regressed');
  });

  it('without time per run, rescales shares as if the culprit had not grown', () => {
    const noTime = (ps: Profile[]) =>
      ps.map((p) => {
        const q = new Profile({ unit: 'samples' });
        p.forEachStack((ids, w) =>
          q.addFrames(
            [...ids].map((id) => p.frame(id).name),
            w,
          ),
        );
        return { profile: q };
      });
    const r = compareRuns(noTime(base), noTime(head));
    expect(r.frames.find((f) => f.key === 'a')?.head.timeSeconds).toBeNull();
    expect(r.frames.find((f) => f.key === 'a')?.status).toBe('unchanged');
    expect(r.frames.find((f) => f.key === 'c')?.status).toBe('regressed');
  });

  it('flags the culprit leaf and explains its caller, with a path', () => {
    const r = compareRuns(
      base.map((profile) => ({ profile })),
      head.map((profile) => ({ profile })),
    );
    const c = r.frames.find((f) => f.key === 'c');
    const b = r.frames.find((f) => f.key === 'b');
    const a = r.frames.find((f) => f.key === 'a');
    expect(c?.status).toBe('regressed');
    expect(c?.rank).toBe(1);
    expect(c?.path).toEqual(['main', 'b', 'c']);
    expect(b?.status).toBe('regressed');
    expect(b?.rank).toBeNull();
    expect(b?.explainedBy).toBe('c');
    // Its share fell from 40% to 25% only because c grew; its own cost did not change.
    expect(a?.status).toBe('unchanged');
    expect(r.frames[0].key).toBe('c');
    expect(r.verdict).toBe('fail');
    expect(r.reason).toContain('c');
    // Shares: c went from ~60% to ~75%.
    expect(c?.base.mean).toBeCloseTo(0.6, 2);
    expect(c?.head.mean).toBeCloseTo(0.75, 2);
    expect(c?.relDelta).toBeCloseTo(0.25, 1);
    // Total in profile seconds (1 ms interval): 10 s -> 16 s.
    expect(r.total.measure).toBe('profileSeconds');
    expect(r.total.change).toBeCloseTo(0.6, 2);
    expect(r.total.status).toBe('regressed');
  });

  it('new and gone frames', () => {
    const b2 = [0, 1, 2].map((i) =>
      profile([
        ['main;old', 1000 + i],
        ['main;x', 9000],
      ]),
    );
    const h2 = [0, 1, 2].map((i) =>
      profile([
        ['main;fresh', 1000 + i],
        ['main;x', 9000],
      ]),
    );
    const r = compareRuns(
      b2.map((profile) => ({ profile })),
      h2.map((profile) => ({ profile })),
    );
    expect(r.frames.find((f) => f.key === 'fresh')?.status).toBe('new');
    expect(r.frames.find((f) => f.key === 'old')?.status).toBe('gone');
    expect(r.frames.find((f) => f.key === 'fresh')?.rank).toBe(1);
  });

  it('one run per side: a two-proportion test with a warning', () => {
    const r = compareRuns([{ profile: base[0] }], [{ profile: head[0] }]);
    expect(r.frames.find((f) => f.key === 'c')?.status).toBe('regressed');
    expect(r.warnings.join(' ')).toMatch(/One run/);
    // z-test on shares 0.6 vs 0.75 with n = 10000 and 16000: p is tiny.
    expect(r.frames.find((f) => f.key === 'c')?.pValue).toBeLessThan(1e-10);
  });

  it('one run per side: equal shares are unchanged', () => {
    const r = compareRuns([{ profile: base[0] }], [{ profile: base[1] }]);
    expect(flagged(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('drops frames below the minimum share in most runs, and reports them', () => {
    const runs = [0, 1, 2, 3, 4].map((i) =>
      profile([
        ['main;work', 10_000],
        ['main;rare', i === 0 ? 200 : 1],
      ]),
    );
    const r = compareRuns(
      runs.map((profile) => ({ profile })),
      runs.map((profile) => ({ profile })),
    );
    expect(r.frames.map((f) => f.key).sort()).toEqual(['main', 'work']);
    expect(r.dropped.map((d) => d.key)).toEqual(['rare']);
    expect(r.dropped[0].presence).toBeCloseTo(0.2, 10);
    expect(r.droppedShare.base).toBeGreaterThan(0);
  });

  it('effect floors: a significant but tiny change is unchanged', () => {
    const b3 = [0, 1, 2].map(() =>
      profile([
        ['main;a', 500_000],
        ['main;b', 500_000],
      ]),
    );
    const h3 = [0, 1, 2].map(() =>
      profile([
        ['main;a', 502_000],
        ['main;b', 498_000],
      ]),
    );
    // One session (between sessions, +0.2 pp of a 50% frame is within the between-session prior).
    const r = compareRuns(
      b3.map((profile) => ({ profile })),
      h3.map((profile) => ({ profile })),
      { sessions: 'interleaved' },
    );
    const a = r.frames.find((f) => f.key === 'a');
    expect(a?.qValue).toBeLessThan(0.01); // significant (exactly repeated counts) ...
    expect(a?.status).toBe('unchanged'); // ... but +0.2 pp / +0.4% is under the relative floor
    const strict = compareRuns(
      b3.map((profile) => ({ profile })),
      h3.map((profile) => ({ profile })),
      { minRelEffect: 0, minEffect: 0.001, sessions: 'interleaved' },
    );
    expect(strict.frames.find((f) => f.key === 'a')?.status).toBe('regressed');
  });

  it('time metric compares seconds per frame', () => {
    const r = compareRuns(
      base.map((profile) => ({ profile })),
      head.map((profile) => ({ profile })),
      { metric: 'time' },
    );
    const a = r.frames.find((f) => f.key === 'a');
    expect(a?.metric).toBe('inclusiveTime');
    expect(a?.status).toBe('unchanged'); // a's time did not change (its share did)
    expect(r.frames.find((f) => f.key === 'c')?.delta).toBeCloseTo(6, 1); // +6 s
  });

  it('rejects bad input with a UserError', () => {
    expect(() => compareRuns([], [{ profile: base[0] }])).toThrow(UserError);
    expect(() => compareRuns([{ profile: new Profile() }], [{ profile: base[0] }])).toThrow(/no samples/);
    expect(() => compareRuns([{ profile: base[0] }], [{ profile: base[0] }], { alpha: 2 })).toThrow(/alpha/);
  });

  it('keeps the documented defaults', () => {
    expect(DEFAULT_COMPARE_SETTINGS).toMatchObject({
      alpha: 0.01,
      minShare: 0.005,
      quorum: 0.8,
      minEffect: 0.002,
      minRelEffect: 0.05,
    });
  });
});

describe('garbage collection between sessions', () => {
  // Node's GC share moves with the load on the other cores (16-18% idle, 15-23% with a busy
  // neighbour, measured on the example): a stored baseline and a later head differ by session.
  const run = (gc: number, jitter: number): RunInput => {
    const p = new Profile({ unit: 'samples', intervalNs: 500_000 });
    p.addFrames(['main', 'work'], 6000 + jitter);
    p.addFrames(['main', 'parse'], 2000 - jitter);
    p.addFrames(['main', { name: '(garbage collector)', kind: 'gc' }], gc);
    return { profile: p };
  };
  const base = [0, 1, 2, 3, 4].map((i) => run(2000 + 10 * i, 15 * i));
  const head = [0, 1, 2, 3, 4].map((i) => run(2500 + 10 * i, 15 * i));

  it('a 25% GC shift between separate sessions is inconclusive, with a warning, and passes', () => {
    const r = compareRuns(base, head);
    const gc = r.frames.find((f) => f.name === '(garbage collector)');
    expect(gc?.status).toBe('inconclusive');
    expect(r.verdict).toBe('pass');
    expect(r.warnings.join('\n')).toContain('(garbage collector) grew');
    expect(r.settings.sessions).toBe('separate');
  });

  it('the same shift measured interleaved is a regression', () => {
    const r = compareRuns(base, head, { sessions: 'interleaved' });
    const gc = r.frames.find((f) => f.name === '(garbage collector)');
    expect(gc?.status).toBe('regressed');
    expect(r.verdict).toBe('fail');
  });

  it('a doubled GC share fails even between sessions', () => {
    const r = compareRuns(
      base,
      base.map((_, i) => run(5000 + 10 * i, 15 * i)),
    );
    expect(r.frames.find((f) => f.name === '(garbage collector)')?.status).toBe('regressed');
  });

  it('rejects an unknown sessions setting', () => {
    expect(() => compareRuns(base, head, { sessions: 'same' as never })).toThrow(
      /sessions = "same" is not valid; expected separate or interleaved/,
    );
  });
});

describe('shares are compositional (median-of-ratios check)', () => {
  const runs = (stacks: Record<string, number>, n: number, seed: number): RunInput[] =>
    Array.from({ length: n }, (_, i) => {
      const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
      let k = 0;
      for (const [stack, w] of Object.entries(stacks)) {
        // Deterministic jitter of about one Poisson standard deviation.
        const jitter = Math.round(Math.sqrt(w) * Math.sin(seed * 31 + i * 7 + k++ * 13));
        p.addFrames(stack.split(';'), w + jitter);
      }
      return { profile: p };
    });
  const base = {
    'main;parse;tokenize': 3000,
    'main;parse;validate': 2000,
    'main;render;layout': 3000,
    'main;render;paint': 2000,
    'main;io;read': 1000,
  };

  it('a pure speed-up is an improvement, not a regression of every other frame', () => {
    const r = compareRuns(runs(base, 4, 1), runs({ ...base, 'main;render;layout': 1500 }, 4, 2));
    expect(flagged(r)).toEqual([]);
    expect(r.verdict).toBe('pass');
    const status = (name: string) => r.frames.find((f) => f.name === name)?.status;
    expect(status('layout')).toBe('improved');
    expect(status('render')).toBe('improved');
    expect(status('tokenize')).toBe('unchanged');
  });

  it('between separate sessions a 25% speed-up is inconclusive (a session can move a frame that much); interleaved it is improved', () => {
    const head = runs({ ...base, 'main;render;layout': 2250 }, 4, 2);
    const status = (r: ReturnType<typeof compareRuns>, name: string) =>
      r.frames.find((f) => f.name === name)?.status;
    const separate = compareRuns(runs(base, 4, 1), head);
    expect(status(separate, 'layout')).toBe('inconclusive');
    expect(flagged(separate)).toEqual([]);
    expect(status(compareRuns(runs(base, 4, 1), head, { sessions: 'interleaved' }), 'layout')).toBe(
      'improved',
    );
  });

  it('a real regression next to a speed-up is still ranked first', () => {
    const r = compareRuns(
      runs(base, 4, 3),
      runs({ ...base, 'main;render;layout': 1500, 'main;parse;tokenize': 4500 }, 4, 4),
    );
    expect(r.frames.find((f) => f.rank === 1)?.name).toBe('tokenize');
    expect(r.frames.find((f) => f.name === 'layout')?.status).toBe('improved');
    expect(r.frames.find((f) => f.name === 'validate')?.status).toBe('unchanged');
  });

  it('a dominant leaf that doubles is not explained away', () => {
    const heavy = { 'main;hot': 6000, 'main;cold': 4000 };
    const r = compareRuns(runs(heavy, 4, 5), runs({ ...heavy, 'main;hot': 12000 }, 4, 6));
    expect(r.frames.find((f) => f.name === 'hot')?.status).toBe('regressed');
    expect(r.verdict).toBe('fail');
  });
});
