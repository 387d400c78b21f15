import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { renderTextFlame } from '../../src/render/index.js';
import { expectGolden } from '../support/golden.js';
import { comparison, fixture, foldedProfile, frameResult, rng } from './helpers.js';

const py = () => foldedProfile(fixture('py.folded'));
const pyComparison = () =>
  comparison([
    frameResult('render (app.py)', 'regressed', 0.2, 0.305),
    frameResult('compute_totals (app.py)', 'improved', 0.35, 0.29),
    frameResult('send (app.py)', 'inconclusive', 0.09, 0.091),
    frameResult('fetch (app.py)', 'new', 0, 0.142),
  ]);

function big(): Profile {
  const r = rng(3);
  const p = new Profile();
  for (let i = 0; i < 3000; i++) {
    const depth = 2 + Math.floor(r() * 10);
    const frames: string[] = [];
    for (let d = 0; d < depth; d++) frames.push(`mod${d}.func_${Math.floor(r() * 4)}`);
    p.addFrames(frames, 1 + Math.floor(r() * 100));
  }
  return p;
}

describe('text flamegraph', () => {
  it('matches the golden files (plain, markdown, ansi, with a comparison)', () => {
    expectGolden('render/py.txt', renderTextFlame(py()));
    expectGolden('render/py.md', renderTextFlame(py(), { style: 'markdown' }));
    expectGolden(
      'render/py-diff-ansi.txt',
      renderTextFlame(py(), { style: 'ansi', comparison: pyComparison() }),
    );
    expectGolden(
      'render/py-diff.md',
      renderTextFlame(py(), { style: 'markdown', comparison: pyComparison() }),
    );
  });

  it('shows the hottest paths as a tree with bars, hottest first', () => {
    const lines = renderTextFlame(py()).split('\n');
    expect(lines[1]).toMatch(/^ 85\.4% █{8}▌ +MainThread$/);
    expect(lines[2]).toMatch(/^ 85\.4% .{10} └─ <module> \(app\.py:40\)$/);
    expect(lines.findIndex((l) => l.includes('worker-1'))).toBeGreaterThan(
      lines.findIndex((l) => l.includes('MainThread')),
    );
  });

  it('marks significant changes only, and new frames', () => {
    const out = renderTextFlame(py(), { comparison: pyComparison() });
    expect(out).toMatch(/render \(app\.py\) {2}▲ \+10\.50pp/);
    expect(out).toMatch(/compute_totals \(app\.py\) {2}▼ −6\.00pp/);
    expect(out).toMatch(/fetch \(app\.py\) {2}\+ new \+14\.20pp/);
    expect(out).not.toMatch(/send \(app\.py\) {2}/);
  });

  it('stays within the character budget and keeps the hottest paths', () => {
    const p = big();
    for (const budget of [300, 1000, 4000, 20000]) {
      for (const style of ['plain', 'markdown', 'ansi'] as const) {
        const out = renderTextFlame(p, { budget, style });
        expect(out.length).toBeLessThanOrEqual(budget);
      }
    }
    const small = renderTextFlame(p, { budget: 600 });
    expect(small).toContain('mod0.func_');
    expect(small).toMatch(/more frames/);
  });

  it('markdown output cannot mention, link, embed or inject HTML', () => {
    const out = renderTextFlame(foldedProfile(fixture('evil.folded')), { style: 'markdown', minShare: 0 });
    const lines = out.trimEnd().split('\n');
    const fence = lines[0].replace(/text$/, '');
    expect(fence).toMatch(/^`{3,}$/);
    expect(lines[lines.length - 1]).toBe(fence);
    // Nothing inside can close the fence: no backtick run as long as the fence.
    const body = lines.slice(1, -1).join('\n');
    for (const m of body.matchAll(/`+/g)) expect(m[0].length).toBeLessThan(fence.length);
    expect(body).toContain('@octocat'); // shown literally, inside a code block GitHub does not link it
    expect(body).not.toMatch(/[\u202e\u200b\u0001\u0007]/);
  });

  it('a longer backtick run in a name gets a longer fence', () => {
    const p = foldedProfile('main;````` 10\n');
    const out = renderTextFlame(p, { style: 'markdown' });
    expect(out.startsWith('``````text\n')).toBe(true);
  });

  it('says so when there are no samples', () => {
    expect(renderTextFlame(new Profile())).toBe('(no samples)\n');
  });

  it('is deterministic', () => {
    expect(renderTextFlame(big(), { budget: 3000 })).toBe(renderTextFlame(big(), { budget: 3000 }));
  });
});
