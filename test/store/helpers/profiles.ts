// Hand-built profiles for store and pipeline tests.
import { Profile } from '../../../src/profile/profile.js';

/** A small profile: main -> {parse, render -> draw}, with `slow` extra weight in `draw`. */
export function handProfile(seed: number, slow = 0): Profile {
  const p = new Profile({ unit: 'samples', intervalNs: 10_000_000, sampler: 'test' });
  const main = { name: 'main', file: 'app.js', line: 1, kind: 'js' as const };
  const jitter = (seed * 7) % 5;
  p.addFrames([main, { name: 'parse', file: 'parse.js', line: 10, kind: 'js' }], 300 + jitter);
  p.addFrames([main, { name: 'render', file: 'render.js', line: 20, kind: 'js' }], 200 + jitter);
  p.addFrames(
    [
      main,
      { name: 'render', file: 'render.js', line: 20, kind: 'js' },
      { name: 'draw', file: 'draw.js', line: 5, kind: 'js' },
    ],
    100 + slow + jitter,
  );
  p.addFrames([main], 50);
  return p;
}
