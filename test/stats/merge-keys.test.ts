import { describe, expect, it } from 'vitest';
import { frameLabel } from '../../src/profile/frame-label.js';
import { Profile } from '../../src/profile/profile.js';
import { atGranularity } from '../../src/profile/transform.js';
import { FrameKeys } from '../../src/stats/frame-keys.js';
import { mergeConsistent } from '../../src/stats/index.js';
import { runMetrics } from '../../src/stats/run-metrics.js';

function sample(): Profile {
  const p = new Profile({ unit: 'samples', intervalNs: 10_000_000 });
  const f = (name: string, line: number, module = 'app') => ({
    name,
    file: `${module}.py`,
    line,
    module,
    kind: 'python' as const,
  });
  p.addFrames([f('main', 1), f('work', 10), f('work', 12), f('leaf', 3, 'lib')], 5);
  p.addFrames([f('main', 1), f('work', 11)], 3);
  p.addFrames([f('main', 2), f('leaf', 4, 'lib')], 2);
  return p;
}

describe('frame keys', () => {
  for (const g of ['line', 'function', 'module'] as const) {
    it(`${g}: keys and inclusive/self weights equal those of atGranularity`, () => {
      const p = sample();
      const keys = new FrameKeys(g);
      const m = runMetrics(p, keys);
      const q = atGranularity(p, g);
      const inc = new Map<string, number>();
      const self = new Map<string, number>();
      q.forEachStack((ids, w) => {
        const seen = new Set<string>();
        for (const id of ids) {
          const k = frameLabel(q.frame(id));
          if (!seen.has(k)) inc.set(k, (inc.get(k) ?? 0) + w);
          seen.add(k);
        }
        const leaf = frameLabel(q.frame(ids[ids.length - 1]));
        self.set(leaf, (self.get(leaf) ?? 0) + w);
      });
      expect([...keys.keys].sort()).toEqual([...inc.keys()].sort());
      for (const [k, w] of inc) expect(m.inclusive[keys.id(k) as number]).toBe(w);
      for (const [k, w] of self) expect(m.self[keys.id(k) as number]).toBe(w);
      expect(m.total).toBe(10);
      expect(m.secondsPerWeight).toBeCloseTo(0.01, 12);
    });
  }
  it('function level merges lines of one function', () => {
    const keys = new FrameKeys('function');
    const m = runMetrics(sample(), keys);
    expect(m.inclusive[keys.id('work (app.py)') as number]).toBe(8);
    expect(m.inclusive[keys.id('main (app.py)') as number]).toBe(10);
  });
});

describe('mergeConsistent', () => {
  const run = (rare: number, hot: number) => {
    const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
    p.addFrames(['main', 'hot'], hot);
    p.addFrames(['main', 'cold'], 1000);
    if (rare) p.addFrames(['main', 'hot', 'rare'], rare);
    return p;
  };
  it('keeps the median per stack, normalised to the mean total, and drops inconsistent frames', () => {
    const runs = [run(0, 9000), run(0, 9100), run(0, 8900), run(0, 9000), run(500, 9000)];
    const m = mergeConsistent(runs);
    const lines = new Map<string, number>();
    m.profile.forEachStack((ids, w) =>
      lines.set(Array.from(ids, (i) => m.profile.frame(i).name).join(';'), w),
    );
    // rare is cut from its stack: its weight stays in main;hot (flamegraph-style pruning).
    expect([...lines.keys()].sort()).toEqual(['main;cold', 'main;hot']);
    const total = [...lines.values()].reduce((a, b) => a + b, 0);
    const meanTotal = runs.reduce((t, p) => t + p.totalWeight(), 0) / runs.length;
    expect(total).toBeCloseTo(meanTotal, 6);
    expect(m.dropped).toEqual([{ key: 'rare', name: 'rare', maxShare: 500 / 10500, presence: 0.2 }]);
    expect(m.droppedShare).toBeCloseTo(500 / 10500 / 5, 10);
    expect(m.profile.meta.intervalNs).toBe(1_000_000);
  });
  it('rejects an empty run list', () => {
    expect(() => mergeConsistent([])).toThrow(/no runs/);
  });
});
