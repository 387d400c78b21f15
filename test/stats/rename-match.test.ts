// Renamed and moved functions compared as one frame: hints (as the git diff gives them) resolved
// against the profiles and applied to the base runs, and the profile-only fallback used without
// git history. Each case fails the check without the matching (a 5% frame is "new").
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/random.js';
import { Profile } from '../../src/profile/profile.js';
import { compareRuns, type RunInput } from '../../src/stats/index.js';
import { applyRenames, bareName, matchByProfile, resolveHints } from '../../src/stats/rename-match.js';

type F = { name: string; file: string; line: number };
const fn = (name: string, file = 'workload.mjs', line = 10): F => ({ name, file, line });
const MAIN = fn('main', 'workload.mjs', 40);

/** Runs of 10k samples drawn from `stacks` (share of samples each), with sampling noise. */
function runs(stacks: [F[], number][], seed: number, n = 5): RunInput[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const p = new Profile({ unit: 'samples', intervalNs: 1_000_000, sampler: 'test' });
    const counts = stacks.map(() => 0);
    for (let k = 0; k < 10_000; k++) {
      let x = rnd();
      let i = 0;
      while (i < stacks.length - 1 && x >= stacks[i][1]) x -= stacks[i++][1];
      counts[i]++;
    }
    stacks.forEach(([frames], i) => {
      if (counts[i] > 0)
        p.addFrames(
          frames.map((f) => ({ ...f, kind: 'js' as const })),
          counts[i],
        );
    });
    return { profile: p };
  });
}

const TOK = fn('tokenise', 'workload.mjs', 2);
const SUM = fn('summarise', 'workload.mjs', 12);

function shape(score: F, scoreShare = 0.05, sum: F = SUM): [F[], number][] {
  return [
    [[MAIN, TOK], 0.5],
    [[MAIN, score], scoreShare],
    [[MAIN, sum], 0.2],
    [[MAIN], 0.3 - (scoreShare - 0.05)],
  ];
}

const g = 'function' as const;

describe('rename matching from hints', () => {
  const base = runs(shape(fn('scoreTokens', 'workload.mjs', 6)), 1);

  it('a pure rename fails without matching and passes with it, listed once', () => {
    const head = runs(shape(fn('rankTokens', 'workload.mjs', 6)), 2);
    expect(compareRuns(base, head).verdict).toBe('fail');
    const pairs = resolveHints(
      [
        {
          kind: 'renamed',
          from: { name: 'scoreTokens', file: 'workload.mjs' },
          to: { name: 'rankTokens', file: 'workload.mjs' },
        },
      ],
      base,
      head,
      g,
    );
    expect(pairs).toEqual([
      {
        from: 'scoreTokens (workload.mjs)',
        to: 'rankTokens (workload.mjs)',
        how: 'renamed',
        source: 'git diff',
      },
    ]);
    const r = compareRuns(applyRenames(base, head, pairs, g), head);
    expect(r.verdict).toBe('pass');
    expect(r.frames.filter((f) => f.status === 'new' || f.status === 'gone')).toEqual([]);
    expect(r.frames.find((f) => f.key === 'rankTokens (workload.mjs)')?.status).toBe('unchanged');
  });

  it('a rename that also grows is reported once, under the new name', () => {
    const head = runs(shape(fn('rankTokens', 'workload.mjs', 6), 0.09), 3);
    const pairs = resolveHints(
      [
        {
          kind: 'renamed',
          from: { name: 'scoreTokens', file: 'workload.mjs' },
          to: { name: 'rankTokens', file: 'workload.mjs' },
        },
      ],
      base,
      head,
      g,
    );
    const r = compareRuns(applyRenames(base, head, pairs, g), head);
    expect(r.verdict).toBe('fail');
    const first = r.frames.find((f) => f.rank === 1);
    expect(first?.key).toBe('rankTokens (workload.mjs)');
    expect(first?.status).toBe('regressed');
    expect(r.frames.some((f) => f.name === 'scoreTokens')).toBe(false);
  });

  it('a function moved to another file', () => {
    const head = runs(shape(fn('scoreTokens', 'lib/score.mjs', 1)), 4);
    expect(compareRuns(base, head).verdict).toBe('fail');
    const pairs = resolveHints(
      [
        {
          kind: 'moved',
          from: { name: 'scoreTokens', file: 'workload.mjs' },
          to: { name: 'scoreTokens', file: 'lib/score.mjs' },
        },
      ],
      base,
      head,
      g,
    );
    expect(pairs.map((p) => p.to)).toEqual(['scoreTokens (lib/score.mjs)']);
    expect(compareRuns(applyRenames(base, head, pairs, g), head).verdict).toBe('pass');
  });

  it('a function moved under another caller: the new caller does not regress', () => {
    const A = fn('prepare', 'workload.mjs', 20);
    const B = fn('render', 'workload.mjs', 30);
    const H = fn('helper', 'workload.mjs', 50);
    const b = runs(
      [
        [[MAIN, A, H], 0.05],
        [[MAIN, A], 0.3],
        [[MAIN, B], 0.3],
        [[MAIN], 0.35],
      ],
      5,
    );
    const h = runs(
      [
        [[MAIN, A], 0.3],
        [[MAIN, B, H], 0.05],
        [[MAIN, B], 0.3],
        [[MAIN], 0.35],
      ],
      6,
    );
    // The statistics already read this shape as a move (src/stats/moves.ts); the git hint also
    // names it, so the report can say "moved from caller ... to ...".
    expect(compareRuns(b, h).verdict).toBe('pass');
    const pairs = resolveHints(
      [
        {
          kind: 'caller',
          callee: 'helper',
          fromCaller: { name: 'prepare', file: 'workload.mjs' },
          toCaller: { name: 'render', file: 'workload.mjs' },
        },
      ],
      b,
      h,
      g,
    );
    expect(pairs).toEqual([
      {
        from: 'helper (workload.mjs)',
        to: 'helper (workload.mjs)',
        how: 'moved to another caller',
        source: 'git diff',
        fromCaller: 'prepare (workload.mjs)',
        toCaller: 'render (workload.mjs)',
      },
    ]);
    const r = compareRuns(applyRenames(b, h, pairs, g), h);
    expect(r.verdict).toBe('pass');
    expect(r.frames.find((f) => f.name === 'render')?.status).toBe('unchanged');
  });

  it('a hint the profiles do not bear out is dropped (the old name is still in head)', () => {
    const head = runs(shape(fn('scoreTokens', 'workload.mjs', 6)), 7);
    const pairs = resolveHints(
      [
        {
          kind: 'renamed',
          from: { name: 'scoreTokens', file: 'workload.mjs' },
          to: { name: 'rankTokens', file: 'workload.mjs' },
        },
      ],
      base,
      head,
      g,
    );
    expect(pairs).toEqual([]);
  });

  it('bare names: methods, C++ and Go symbols', () => {
    expect(bareName('Scorer.scoreTokens')).toBe('scoreTokens');
    expect(bareName('ns::Parser::parse(int, char const*)')).toBe('parse');
    expect(bareName('main.(*Server).handle')).toBe('handle');
  });
});

describe('fallback without git: file, line range and self cost', () => {
  const base = runs(shape(fn('scoreTokens', 'workload.mjs', 6)), 11);
  const s = { granularity: g, minShare: 0.005 };

  it('matches a rename in the same place at the same cost, and a move to another file', () => {
    expect(matchByProfile(base, runs(shape(fn('rankTokens', 'workload.mjs', 7)), 12), s)).toEqual([
      {
        from: 'scoreTokens (workload.mjs)',
        to: 'rankTokens (workload.mjs)',
        how: 'renamed',
        source: 'profiles',
      },
    ]);
    expect(matchByProfile(base, runs(shape(fn('scoreTokens', 'lib.mjs', 1)), 13), s)).toEqual([
      { from: 'scoreTokens (workload.mjs)', to: 'scoreTokens (lib.mjs)', how: 'moved', source: 'profiles' },
    ]);
  });

  it('does not match another place, another cost, or two candidates', () => {
    expect(matchByProfile(base, runs(shape(fn('rankTokens', 'workload.mjs', 80)), 14), s)).toEqual([]);
    expect(matchByProfile(base, runs(shape(fn('rankTokens', 'workload.mjs', 6), 0.09), 15), s)).toEqual([]);
    const two = runs(
      [
        [[MAIN, TOK], 0.5],
        [[MAIN, fn('rankA', 'workload.mjs', 6)], 0.05],
        [[MAIN, fn('rankB', 'workload.mjs', 8)], 0.05],
        [[MAIN, SUM], 0.2],
        [[MAIN], 0.2],
      ],
      16,
    );
    expect(matchByProfile(base, two, s)).toEqual([]);
  });
});
