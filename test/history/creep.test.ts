import { describe, expect, it } from 'vitest';
import { analyzeHistory, detectCreep, frameTrends, sparkline } from '../../src/history/index.js';
import { seededRandom } from '../../src/lib/random.js';
import { frameName, gaussian, shaOf, syntheticHistory } from './synthetic.js';

/** What a creep note and a sparkline may contain: nothing Markdown or HTML acts on. */
const MARKDOWN_SAFE = /^[a-z0-9 .,;:%()+\-→▁▂▃▄▅▆▇█·]*$/;

function flatThenRamp(seed: number, noise: number, perStep: number, n = 60, ramp = 10): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const steps = Math.max(0, i - (n - ramp));
    return 0.1 * (1 + perStep) ** steps * (1 + noise * gaussian(r));
  });
}

describe('detectCreep', () => {
  it('flags ten commits that each add about 1% although no step stands out', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = detectCreep(flatThenRamp(seed, 0.003, 0.01, 60, 11));
      expect(c, `seed ${seed}`).not.toBeNull();
      expect(c!.relative).toBeGreaterThan(0.07);
      expect(c!.relative).toBeLessThan(0.13);
      expect(c!.from).toBe(50);
      expect(c!.to).toBe(59);
      expect(c!.steps.length).toBeGreaterThan(0);
    }
  });

  it('does not call a single jump a creep', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = seededRandom(seed);
      const xs = Array.from({ length: 60 }, (_, i) => 0.1 * (i >= 55 ? 1.12 : 1) * (1 + 0.003 * gaussian(r)));
      expect(detectCreep(xs), `seed ${seed}`).toBeNull();
    }
  });

  it('does not flag flat noisy or falling series', () => {
    let flagged = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const noise of [0.01, 0.03, 0.1]) {
        if (detectCreep(flatThenRamp(seed, noise, 0))) flagged++;
        if (detectCreep(flatThenRamp(seed, noise, -0.01))) flagged++;
      }
    }
    expect(flagged).toBe(0);
  });

  it('ignores rises below the thresholds and too-short series', () => {
    expect(detectCreep(flatThenRamp(1, 0.001, 0.002, 60, 11))).toBeNull();
    // A tiny frame rising 20% is still below the absolute floor (0.2 percentage points).
    const tiny = flatThenRamp(1, 0.001, 0.02, 60, 11).map((x) => x / 100);
    expect(detectCreep(tiny)).toBeNull();
    expect(detectCreep([0.1, 0.11, 0.12])).toBeNull();
  });
});

describe('sparkline', () => {
  it('maps values onto eight blocks and marks missing values', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([2, 2, 2])).toBe('▄▄▄');
    expect(sparkline([Number.NaN, 1, 2])).toBe('·▁█');
    expect(sparkline([])).toBe('');
  });

  it('shows "-" for a single baseline (no trend yet), in the PR comment too', () => {
    expect(sparkline([0.25])).toBe('-');
    expect(sparkline([Number.NaN, Number.NaN, 0.25])).toBe('-');
    const one = syntheticHistory({ commits: 1, frames: 3 });
    expect(frameTrends(one, [frameName(0)])).toEqual([
      { key: frameName(0), sparkline: '-', creepNote: null },
    ]);
  });
});

describe('frameTrends (PR comment)', () => {
  const nasty = '@everyone [x](https://evil.example) <img src=x onerror=alert(1)> `code` *bold* | pipe';
  const h = syntheticHistory({
    commits: 40,
    frames: 12,
    noise: 0.003,
    creeps: [{ frame: 2, from: 29, perStep: 0.012 }],
    shifts: [{ frame: 4, at: 35, factor: 1.3 }],
    names: { 2: nasty },
  });

  it('gives each ranked frame a sparkline and notes the creeping one by short shas', () => {
    const keys = [nasty, frameName(4), frameName(1), 'never/seen.py:f'];
    const t = frameTrends(h, keys);
    expect(t.map((x) => x.key)).toEqual(keys);
    for (const x of t.slice(0, 3)) {
      expect([...x.sparkline]).toHaveLength(20);
      expect(x.sparkline).toMatch(MARKDOWN_SAFE);
    }
    expect(t[3]).toEqual({ key: 'never/seen.py:f', sparkline: '', creepNote: null });
    expect(t[1].creepNote).toBeNull(); // a jump, not a creep
    expect(t[2].creepNote).toBeNull();
    const note = t[0].creepNote!;
    expect(note).toMatch(MARKDOWN_SAFE);
    expect(note).toContain(`${shaOf(30).slice(0, 7)}..${shaOf(39).slice(0, 7)}`);
    expect(note).toMatch(/^creeping: \+1\d\.\d% \(/);
    expect(note).toMatch(/largest steps [0-9a-f]{7} \+0\.\d\d pp/);
  });

  it('is what the full analysis says about the same frames', () => {
    const report = analyzeHistory(h);
    expect(report.creeping).toEqual([nasty]);
    const shifted = report.frames.find((f) => f.key === frameName(4))!;
    expect(shifted.changePoints.map((c) => c.sha)).toEqual([shaOf(35)]);
    expect(shifted.changePoints[0].relative!).toBeGreaterThan(0.25);
  });
});

describe('frameTrends edge cases', () => {
  it('pads the sparkline of a frame tracked late and handles an empty history', async () => {
    const { appendHistory, emptyHistory } = await import('../../src/history/index.js');
    let h = emptyHistory('main');
    for (let i = 0; i < 25; i++) {
      const frames = [{ key: 'main', share: 1, selfShare: 0, timeSeconds: null }];
      if (i >= 20) frames.push({ key: 'late', share: 0.1 + i / 100, selfShare: 0.1, timeSeconds: null });
      h = appendHistory(h, { sha: shaOf(i), date: '2026-01-01', total: 1, totalMeasure: 'samples', frames });
    }
    const [late, main] = frameTrends(h, ['late', 'main']);
    expect(late.sparkline).toMatch(/^·{15}▁[▂▃][▄▅][▆▇]█$/);
    expect(main.sparkline).toBe('▄'.repeat(20));
    expect(frameTrends(emptyHistory('main'), ['main'])).toEqual([
      { key: 'main', sparkline: '', creepNote: null },
    ]);
  });
});
