// A plain flamegraph's colours must not say what the differential graph's red ("grew") or the
// search highlight's magenta say: a reader who has seen one learns to read the other.
import { describe, expect, it } from 'vitest';
import type { Frame, FrameKind } from '../../src/profile/types.js';
import { diffColor, frameColor, PALETTES, type Rgb } from '../../src/render/colors.js';

/** Hue in degrees and HSV saturation. */
function hueSat([r, g, b]: Rgb): { hue: number; sat: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = 60 * (((g - b) / d + 6) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  return { hue, sat: max === 0 ? 0 : d / max };
}

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/** Reads as the diff's "grew": a saturated red (within 20 degrees of 0). */
const looksGrew = (c: Rgb) => {
  const { hue, sat } = hueSat(c);
  return hueDistance(hue, 0) < 20 && sat > 0.3;
};
/** Reads as the search highlight (#e600e6): a saturated magenta (within 30 degrees of 300). */
const looksSearch = (c: Rgb) => {
  const { hue, sat } = hueSat(c);
  return hueDistance(hue, 300) < 30 && sat > 0.3;
};

const KINDS: FrameKind[] = [
  'python',
  'native',
  'kernel',
  'jit',
  'inlined',
  'waker',
  'idle',
  'gc',
  'js',
  'java',
  'go',
];
const FILES = [
  'app.py',
  '/usr/lib/python3.11/json/decoder.py',
  '/venv/lib/site-packages/x.py',
  'node:fs',
  'node_modules/a/b.js',
  'src/app.js',
  '',
];
function frames(): Frame[] {
  const out: Frame[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i % 7 === 0 ? ('other' as FrameKind) : KINDS[i % KINDS.length];
    out.push({
      name: `fn_${i}_${(i * 7919) % 1000}`,
      file: FILES[i % FILES.length],
      line: i,
      module: '',
      kind,
    });
  }
  for (const name of ['java/util/HashMap.get', 'std::vector<int>::push_back', 'main', 'malloc']) {
    out.push({ name, file: '', line: 0, module: '', kind: 'other' as FrameKind });
  }
  return out;
}

describe('plain flamegraph palettes', () => {
  it('the predicates recognise the colours they guard against', () => {
    for (const t of [0.3, 0.6, 1]) expect(looksGrew(diffColor(true, t, false))).toBe(true);
    expect(looksSearch([0xe6, 0, 0xe6])).toBe(true);
    // FlameGraph's own hot palette would fail: its darkest end is pure red.
    expect(looksGrew([205, 0, 0])).toBe(true);
  });

  // `red` and `purple` are colours the user names on purpose (FlameGraph's single-family palettes).
  const palettes = PALETTES.filter((p) => p !== 'red' && p !== 'purple');
  it.each(palettes)('%s uses neither the "grew" red nor the search magenta', (palette) => {
    const bad: string[] = [];
    for (const f of frames()) {
      const c = frameColor(f, palette);
      if (looksGrew(c) || looksSearch(c))
        bad.push(`${f.kind} ${f.file} ${f.name}: rgb(${c.map(Math.round).join(',')})`);
    }
    expect(bad).toEqual([]);
  });
});
