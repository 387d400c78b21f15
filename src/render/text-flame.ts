import type { Profile } from '../profile/profile.js';
import { atGranularity } from '../profile/transform.js';
import type { FrameResult } from '../stats/types.js';
import { comparisonKey, isSignificant } from './diff.js';
import { buildPrunedTree, type CallTree } from './tree.js';
import type { TextFlameOptions } from './types.js';

// The flamegraph for places with no images (private repositories, terminals, CI logs): the
// hottest call paths as an indented tree with a width bar and, with a comparison, a change
// marker per frame. Lines are picked hottest-first until the character budget is used, so the
// most important paths always survive truncation.

const BAR_CELLS = 10;
const MAX_LABEL = 72;
const EIGHTHS = ['', '\u258f', '\u258e', '\u258d', '\u258c', '\u258b', '\u258a', '\u2589'];
const ANSI = { red: '\x1b[31m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function textFlame(p: Profile, o: TextFlameOptions): string {
  const style = o.style ?? 'plain';
  const budget = o.budget ?? 4000;
  const minShare = o.minShare ?? 0.005;
  const c = o.comparison;
  const g = c?.settings?.granularity ?? 'function';
  const prof = c ? atGranularity(p, g) : p;
  const total = prof.totalWeight();
  const lines: string[] = [];
  if (!(total > 0)) return wrap(['(no samples)'], style);
  // Frames under minShare are never listed: do not follow their stacks (big profiles stay cheap).
  const tree = buildPrunedTree(prof, minShare * total);
  const results = new Map<string, FrameResult>();
  if (c) for (const f of c.frames) results.set(f.key, f);
  const resultOf = (node: number): FrameResult | undefined =>
    c ? results.get(comparisonKey(prof.frame(tree.frame[node]))) : undefined;
  const labelOf = (node: number): string => label(tree, prof, node);
  const header = c
    ? `hottest paths (${fmtShare(1)} = ${fmtAmount(total, prof.meta.unit)}); \u25b2 grew, \u25bc shrank, + new (significant changes only)`
    : `hottest paths (${fmtShare(1)} = ${fmtAmount(total, prof.meta.unit)})`;
  const note = (hidden: number) =>
    `(${hidden} more frames below ${fmtShare(minShare)} or beyond the ${budget}-character budget)`;
  // Header, fence and the "more" note are always there: reserve their room first.
  const fixed = wrap([sanitize(header), note(tree.size)], style).length;
  const chosen = choose(tree, total, minShare, Math.max(0, budget - fixed), (n) =>
    plainLine(tree, n, total, labelOf(n), resultOf(n)),
  );
  lines.push(sanitize(header));
  const printed = printTree(tree, chosen, (n, guide) =>
    line(style, guide, n, tree, total, labelOf(n), resultOf(n)),
  );
  const hidden = countHidden(tree, chosen);
  const compose = (shown: string[], more: number): string =>
    wrap(more > 0 ? [...lines, ...shown, note(more)] : [...lines, ...shown], style);
  let out = compose(printed, hidden);
  // Guarantee the budget even when estimates were off (tree guides, ANSI codes): drop the last
  // tree lines (leaves of the coolest path printed last) and count them in the note.
  let cut = 0;
  while (out.length > budget && cut < printed.length) {
    cut++;
    out = compose(printed.slice(0, printed.length - cut), hidden + cut);
  }
  return out;
}

/** Hottest-first selection: a node can only be chosen after its parent, so paths stay connected. */
function choose(
  t: CallTree,
  total: number,
  minShare: number,
  budget: number,
  cost: (n: number) => string,
): Uint8Array {
  const chosen = new Uint8Array(t.size);
  const heap = new MaxHeap((n) => t.total[n]);
  for (let k = t.kidStart[0]; k < t.kidStart[1]; k++) heap.push(t.kids[k]);
  let used = 0;
  while (heap.size > 0) {
    const n = heap.pop();
    if (t.total[n] / total < minShare) break;
    const len = cost(n).length + 1;
    if (used + len > budget) continue; // a shorter line further down may still fit
    used += len;
    chosen[n] = 1;
    for (let k = t.kidStart[n]; k < t.kidStart[n + 1]; k++) heap.push(t.kids[k]);
  }
  return chosen;
}

function countHidden(t: CallTree, chosen: Uint8Array): number {
  let h = 0;
  for (let n = 1; n < t.size; n++) if (!chosen[n] && (t.parent[n] === 0 || chosen[t.parent[n]] === 1)) h++;
  return h;
}

/** Depth-first, widest child first; `guide` is the tree-drawing prefix. */
function printTree(t: CallTree, chosen: Uint8Array, fmt: (n: number, guide: string) => string): string[] {
  const out: string[] = [];
  const stack: { n: number; prefix: string; last: boolean; top: boolean }[] = [];
  const kidsOf = (n: number): number[] =>
    Array.from(t.kids.subarray(t.kidStart[n], t.kidStart[n + 1]))
      .filter((k) => chosen[k])
      .sort((a, b) => t.total[b] - t.total[a] || a - b);
  const roots = kidsOf(0);
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ n: roots[i], prefix: '', last: true, top: true });
  while (stack.length > 0) {
    const { n, prefix, last, top } = stack.pop() as (typeof stack)[number];
    out.push(fmt(n, top ? '' : `${prefix}${last ? '\u2514\u2500 ' : '\u251c\u2500 '}`));
    const childPrefix = top ? '' : `${prefix}${last ? '   ' : '\u2502  '}`;
    const kids = kidsOf(n);
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push({ n: kids[i], prefix: childPrefix, last: i === kids.length - 1, top: false });
    }
  }
  return out;
}

function label(t: CallTree, p: Profile, node: number): string {
  const f = p.frame(t.frame[node]);
  const text = sanitize(f.file ? `${f.name} (${f.line > 0 ? `${f.file}:${f.line}` : f.file})` : f.name);
  return text.length <= MAX_LABEL ? text : `\u2026${text.slice(text.length - MAX_LABEL + 1)}`;
}

function bar(share: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * BAR_CELLS * 8);
  const s = '\u2588'.repeat(eighths >> 3) + EIGHTHS[eighths & 7];
  return s.padEnd(BAR_CELLS, ' ');
}

function marker(r: FrameResult | undefined): { text: string; color: string } {
  if (!r) return { text: '', color: '' };
  const pp = `${r.delta >= 0 ? '+' : '\u2212'}${(Math.abs(r.delta) * 100).toFixed(2)}pp`;
  if (r.status === 'new') return { text: `+ new ${pp}`, color: ANSI.red };
  if (!isSignificant(r)) return { text: '', color: '' };
  return r.delta > 0 ? { text: `\u25b2 ${pp}`, color: ANSI.red } : { text: `\u25bc ${pp}`, color: ANSI.blue };
}

function plainLine(t: CallTree, n: number, total: number, text: string, r: FrameResult | undefined): string {
  return line('plain', '\u2502  '.repeat(Math.max(0, t.depth[n] - 1)), n, t, total, text, r);
}

function line(
  style: string,
  guide: string,
  n: number,
  t: CallTree,
  total: number,
  text: string,
  r: FrameResult | undefined,
): string {
  const share = t.total[n] / total;
  const m = marker(r);
  const pct = fmtShare(share).padStart(6, ' ');
  if (style !== 'ansi') return `${pct} ${bar(share)} ${guide}${text}${m.text ? `  ${m.text}` : ''}`;
  const barColor = m.color || '';
  return `${pct} ${barColor}${bar(share)}${barColor ? ANSI.reset : ''} ${guide ? `${ANSI.dim}${guide}${ANSI.reset}` : ''}${text}${m.text ? `  ${m.color}${ANSI.bold}${m.text}${ANSI.reset}` : ''}`;
}

function fmtShare(s: number): string {
  return `${(s * 100).toFixed(1)}%`;
}

function fmtAmount(v: number, unit: string): string {
  // Times and sizes read better scaled (0.872 s, not 871801500 nanoseconds).
  if (unit === 'nanoseconds' || unit === 'microseconds') {
    const seconds = unit === 'nanoseconds' ? v / 1e9 : v / 1e6;
    return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toPrecision(3)} ms`;
  }
  if (unit === 'bytes') {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let x = v;
    while (x >= 1024 && i < units.length - 1) {
      x /= 1024;
      i++;
    }
    return i === 0 ? `${Math.round(x)} bytes` : `${x.toFixed(1)} ${units[i]}`;
  }
  const n = Number.isInteger(v) ? String(v) : v.toFixed(3);
  return `${n} ${unit}`;
}

/**
 * Frame names are untrusted: drop control and bidi-override characters (they could reorder or
 * hide text in a terminal or a browser); newlines and tabs become spaces.
 */
export function sanitize(s: string): string {
  return s
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
}

/**
 * Markdown: a fenced code block, whose fence is longer than any run of backticks inside, so
 * nothing in it is a mention, link, image or HTML on GitHub and nothing can close the block.
 */
function wrap(lines: string[], style: string): string {
  const body = lines.join('\n');
  if (style !== 'markdown') return `${body}\n`;
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}\n`;
}

class MaxHeap {
  private items: number[] = [];
  constructor(private readonly key: (n: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(n: number): void {
    const a = this.items;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.before(a[l], a[m])) m = l;
        if (r < a.length && this.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
  /** Heavier first; ties by node id so the selection is deterministic. */
  private before(x: number, y: number): boolean {
    const kx = this.key(x);
    const ky = this.key(y);
    return kx > ky || (kx === ky && x < y);
  }
}
