import { UserError } from '../errors.js';
import type { Frame } from '../profile/types.js';

// Frame colours: a hue family chosen by palette (or by what the frame is, for 'auto') and a
// shade from a hash of the function name, so the same function has the same colour in every
// graph and on every machine.

export type Rgb = [number, number, number];

const HUES = {
  // FlameGraph's hot family kept off pure red (green at least 90, so the hue stays at 20 degrees
  // or above): in a plain flamegraph, red would read as the differential graph's "grew".
  hot: (v1: number, v2: number, v3: number): Rgb => [205 + 50 * v3, 90 + 140 * v1, 55 * v2 * v1],
  mem: (v1: number, v2: number): Rgb => [0, 190 + 50 * v2, 210 * v1],
  io: (v1: number): Rgb => [80 + 60 * v1, 80 + 60 * v1, 190 + 55 * v1],
  red: (v1: number): Rgb => [200 + 55 * v1, 50 + 80 * v1, 50 + 80 * v1],
  green: (v1: number): Rgb => [50 + 60 * v1, 200 + 55 * v1, 50 + 60 * v1],
  blue: (v1: number): Rgb => [80 + 60 * v1, 80 + 60 * v1, 190 + 55 * v1],
  yellow: (v1: number): Rgb => [175 + 55 * v1, 175 + 55 * v1, 50 + 20 * v1],
  purple: (v1: number): Rgb => [190 + 65 * v1, 80 + 60 * v1, 190 + 65 * v1],
  aqua: (v1: number): Rgb => [50 + 60 * v1, 165 + 55 * v1, 165 + 55 * v1],
  orange: (v1: number): Rgb => [190 + 65 * v1, 90 + 65 * v1, 0],
  grey: (v1: number): Rgb => [170 + 40 * v1, 170 + 40 * v1, 170 + 40 * v1],
  // Blue-violet (hue about 255 degrees) for 'auto': 'purple' (hue 300) is the search highlight's
  // magenta, lightened.
  violet: (v1: number): Rgb => [150 + 45 * v1, 125 + 45 * v1, 215 + 40 * v1],
} as const;

type Hue = keyof typeof HUES;

/** Palettes `--palette` accepts: 'auto' picks by language and frame kind, the rest as FlameGraph. */
export const PALETTES = ['auto', 'python', 'js', 'java', 'native', ...Object.keys(HUES)] as const;

export function checkPalette(name: string): void {
  if (!(PALETTES as readonly string[]).includes(name)) {
    throw new UserError(`unknown palette '${name}'; expected one of ${PALETTES.join(', ')}`);
  }
}

/** Three stable values in [0,1) from the function name (FNV-1a, then split). */
export function nameHash(name: string): [number, number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h >>>= 0;
  let h2 = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x45d9f3b) >>> 0;
  return [(h & 0x3ff) / 1024, ((h >>> 10) & 0x3ff) / 1024, (h2 & 0x3ff) / 1024];
}

const PY_STDLIB = /(^|[\\/])lib[\\/]python\d+(\.\d+)?[\\/]|^<frozen |^<string>$/;
const PY_LIB = /[\\/](site|dist)-packages[\\/]/;
const JS_RUNTIME = /^(node:|internal[\\/])/;

/** Language group of a frame: which hue 'auto' uses, also shown in the legend of the tooltip. */
export function frameGroup(f: Frame): string {
  switch (f.kind) {
    case 'kernel':
      return 'kernel';
    case 'jit':
      return 'jit';
    case 'inlined':
      return 'inlined';
    case 'waker':
      return 'waker';
    case 'idle':
    case 'thread':
    case 'process':
      return 'meta';
    case 'gc':
      return 'gc';
    case 'native':
      return 'native';
    case 'go':
      return 'go';
    case 'python':
      if (PY_LIB.test(f.file)) return 'python-lib';
      if (PY_STDLIB.test(f.file)) return 'python-std';
      return 'python-own';
    case 'js':
      if (/(^|[\\/])node_modules[\\/]/.test(f.file)) return 'js-lib';
      if (JS_RUNTIME.test(f.file) || f.file === '') return 'js-runtime';
      return 'js-own';
    case 'java':
      return 'java';
    default:
      return otherGroup(f.name);
  }
}

/** FlameGraph's java/perf conventions for frames with no kind: Java packages, C++, system. */
function otherGroup(name: string): string {
  if (/^L?(java|javax|jdk|net|org|com|io|sun|scala|kotlin)[/.]/.test(name)) return 'java';
  if (name.includes('::')) return 'native';
  return 'other';
}

const AUTO_HUE: Record<string, Hue> = {
  kernel: 'orange',
  jit: 'green',
  inlined: 'aqua',
  waker: 'violet',
  meta: 'grey',
  gc: 'violet',
  native: 'yellow',
  go: 'aqua',
  'python-own': 'hot',
  'python-lib': 'blue',
  'python-std': 'aqua',
  'js-own': 'hot',
  'js-lib': 'blue',
  'js-runtime': 'aqua',
  java: 'green',
  other: 'hot',
};

function hueFor(palette: string, group: string): Hue {
  if (palette in HUES) return palette as Hue;
  // Language palettes are 'auto' restricted to that language; other frames get the neutral hue
  // (grey, not FlameGraph's red: red is the differential graph's "grew").
  if (palette === 'python' && !group.startsWith('python')) return group === 'native' ? 'yellow' : 'grey';
  if (palette === 'js' && !group.startsWith('js')) return group === 'native' ? 'yellow' : 'grey';
  if (palette === 'java' && group === 'other') return 'grey';
  if (palette === 'native' && group === 'other') return 'grey';
  return AUTO_HUE[group] ?? 'hot';
}

export function frameColor(f: Frame, palette: string): Rgb {
  const [v1, v2, v3] = nameHash(f.name);
  return HUES[hueFor(palette, frameGroup(f))](v1, v2, v3);
}

/** Inferno-style diffusion: wide frames keep the full colour, narrow ones fade toward white. */
export function diffuse(c: Rgb, widthFraction: number): Rgb {
  const t = 0.25 + 0.75 * Math.sqrt(Math.max(0, Math.min(1, widthFraction)));
  return [255 + (c[0] - 255) * t, 255 + (c[1] - 255) * t, 255 + (c[2] - 255) * t];
}

/** Neutral frames of a differential graph: light grey with a little variation between neighbours. */
export function neutralColor(name: string): Rgb {
  const g = 218 + 22 * nameHash(name)[0];
  return [g, g, g];
}

// Light and dark ends of the differential scales. Red/blue as FlameGraph; the colour-blind-safe
// variant is ColorBrewer's PuOr (orange grew, purple shrank), readable with all three common
// colour-vision deficiencies.
const SCALES = {
  normal: {
    grew: [
      [255, 215, 215],
      [215, 0, 0],
    ],
    shrank: [
      [215, 215, 255],
      [0, 60, 215],
    ],
  },
  colorBlind: {
    grew: [
      [253, 214, 160],
      [179, 88, 6],
    ],
    shrank: [
      [216, 210, 235],
      [84, 39, 136],
    ],
  },
} as const;

/** Colour of a significant change; `strength` in [0,1] is the change relative to the scale's full colour. */
export function diffColor(grew: boolean, strength: number, colorBlind: boolean): Rgb {
  const [lo, hi] = SCALES[colorBlind ? 'colorBlind' : 'normal'][grew ? 'grew' : 'shrank'];
  const t = Math.max(0, Math.min(1, strength));
  return [lo[0] + (hi[0] - lo[0]) * t, lo[1] + (hi[1] - lo[1]) * t, lo[2] + (hi[2] - lo[2]) * t];
}

export function hex(c: Rgb): string {
  let s = '#';
  for (const v of c)
    s += Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, '0');
  return s;
}
