// Culprits, not callers, when the callee's own test is inconclusive: `hot` is called from `steady`
// (where it grew) and from `noisy` (where it swings from run to run, so its inclusive test across
// both call sites cannot be sure). `steady` regressed, its own time did not change, and the growth
// through `hot` is significant: `hot` is the culprit, not `steady`.
import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { compareRuns, type RunInput } from '../../src/stats/index.js';

function run(steadyHot: number, noisyHot: number): RunInput {
  const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
  const lines: [string, number][] = [
    ['main;steady', 1000],
    ['main;steady;hot', steadyHot],
    ['main;noisy', 1000],
    ['main;noisy;hot', noisyHot],
    ['main;other', 10_000 - 2000 - steadyHot - noisyHot],
  ];
  for (const [stack, w] of lines) p.addFrames(stack.split(';'), w);
  return { profile: p };
}

// The noisy call site: same mean on both sides, a wide swing between runs.
const swing = [200, 1400, 500, 1100, 300, 1300];
const base = swing.map((n, i) => run(500 + (i % 2 ? 6 : -6), n));
const head = swing.map((_n, i) => run(650 + (i % 2 ? -6 : 6), swing[(i + 3) % 6]));

describe('culprit promotion', () => {
  const r = compareRuns(base, head, { sessions: 'interleaved' });
  const hot = r.frames.find((f) => f.name === 'hot');
  const steady = r.frames.find((f) => f.name === 'steady');

  it('the callee alone would be inconclusive (the case the promotion is for)', () => {
    // Its inclusive change is the steady site's +1.5 pp, but the noisy site widens its interval.
    expect(hot?.delta).toBeGreaterThan(0.01);
    expect(hot?.pValue).toBeGreaterThan(0.01);
  });

  it('ranks the callee first and explains the caller by it', () => {
    expect(steady?.status).toBe('regressed');
    expect(hot?.status).toBe('regressed');
    expect(hot?.rank).toBe(1);
    expect(steady?.rank).toBeNull();
    expect(steady?.explainedBy).toBe('hot');
    expect(r.summary?.ranked[0]).toBe('hot');
  });

  it("gives the promoted callee a q-value no smaller than its caller's, and below alpha", () => {
    expect(hot?.qValue).toBeGreaterThanOrEqual(steady?.qValue ?? 1);
    expect(hot?.qValue).toBeLessThan(r.settings.alpha);
  });

  it('does not promote a callee whose growth is not through a regressed caller', () => {
    // The same noisy callee, with nothing regressed above it: it stays inconclusive, nothing ranked.
    const flat = swing.map((n) => run(500, n));
    const flatHead = swing.map((_n, i) => run(500, swing[(i + 3) % 6] + 150));
    const q = compareRuns(flat, flatHead, { sessions: 'interleaved' });
    expect(q.frames.find((f) => f.name === 'hot')?.status).not.toBe('regressed');
    expect(q.summary?.ranked ?? []).not.toContain('steady');
  });
});
