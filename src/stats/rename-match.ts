// Refactors are not regressions: a renamed function is `gone` under its old key and `new` under
// its new one, and a function moved under another caller makes the new caller grow. Given hints
// (from the git diff, src/pipeline/refactor-hints.ts) or, without git, a match of the profiles
// themselves (same file and overlapping lines, or same name in another file, with the same self
// cost), the base runs are relabelled so the matched pair is compared as one frame: the base's
// frame X is named Y, and base stacks where A called C are re-rooted under the head's path to
// the new caller B. Pure: profiles in, profiles out; the report lists every pair applied.
import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import { type Granularity, mapFrames } from '../profile/transform.js';
import type { Frame } from '../profile/types.js';
import { FrameKeys, frameAtGranularity } from './frame-keys.js';
import { runMetrics } from './run-metrics.js';
import type { RunInput } from './types.js';

export interface FunctionRef {
  name: string;
  file: string;
}

export type RenameHow = 'renamed' | 'moved' | 'renamed and moved' | 'moved to another caller';

/** A matched pair of frame keys: the base's `from` is compared as the head's `to`. */
export interface RenamePair {
  from: string;
  to: string;
  how: RenameHow;
  /** What recognised it: the PR's git diff, or the profiles alone (file, line range, self cost). */
  source: 'git diff' | 'profiles';
  /** For 'moved to another caller': the old and the new caller's keys. */
  fromCaller?: string;
  toCaller?: string;
}

export type Hint =
  | { kind: 'renamed' | 'moved' | 'renamed and moved'; from: FunctionRef; to: FunctionRef }
  | { kind: 'caller'; callee: string; fromCaller: FunctionRef; toCaller: FunctionRef };

interface KeyInfo {
  key: string;
  frame: Frame;
  /** Mean inclusive and self share over the side's runs. */
  share: number;
  self: number;
  /** Smallest and largest line seen for the key (0 when unknown). */
  lo: number;
  hi: number;
}

function keyOf(f: Frame, g: Granularity): string {
  const i = frameAtGranularity(f, g);
  return frameLabel({
    name: i.name,
    file: i.file ?? '',
    line: i.line ?? 0,
    module: i.module ?? '',
    kind: i.kind ?? 'other',
  });
}

/** Per key of one side: representative frame, mean shares, line range. */
function sideIndex(runs: readonly RunInput[], g: Granularity): Map<string, KeyInfo> {
  const keys = new FrameKeys(g);
  const metrics = runs.map((r) => runMetrics(r.profile, keys));
  const out = new Map<string, KeyInfo>();
  for (let id = 0; id < keys.size; id++) {
    let share = 0;
    let self = 0;
    for (const m of metrics) {
      if (id < m.inclusive.length && m.total > 0) {
        share += m.inclusive[id] / m.total;
        self += m.self[id] / m.total;
      }
    }
    out.set(keys.keys[id], {
      key: keys.keys[id],
      frame: keys.frames[id],
      share: share / Math.max(1, runs.length),
      self: self / Math.max(1, runs.length),
      lo: 0,
      hi: 0,
    });
  }
  for (const r of runs) {
    const p = r.profile;
    for (let id = 0; id < p.frames.size; id++) {
      const f = p.frame(id);
      const info = out.get(keyOf(f, g));
      if (!info || !(f.line > 0)) continue;
      info.lo = info.lo === 0 ? f.line : Math.min(info.lo, f.line);
      info.hi = Math.max(info.hi, f.line);
    }
  }
  return out;
}

/** The bare function name of a frame: `Class.method` / `ns::f(int)` / `pkg.(*T).f` -> the last word. */
export function bareName(name: string): string {
  const noArgs = name.replace(/\s*\(.*\)\s*(const)?\s*$/, '');
  const m = /([A-Za-z_$][\w$]*[?!]?)$/.exec(noArgs);
  return m ? m[1] : name;
}

function sameFile(frameFile: string, file: string): boolean {
  if (frameFile === '' || file === '') return false;
  const f = frameFile.startsWith('file://') ? decodeURIComponent(frameFile.slice(7)) : frameFile;
  return f === file || f.endsWith(`/${file}`);
}

function matching(side: Map<string, KeyInfo>, ref: FunctionRef): KeyInfo[] {
  return [...side.values()].filter(
    (k) => bareName(k.frame.name) === ref.name && sameFile(k.frame.file, ref.file),
  );
}

/** Direct caller -> callee edges (by key) of a side. */
function edges(runs: readonly RunInput[], g: Granularity): Set<string> {
  const out = new Set<string>();
  for (const r of runs) {
    const p = r.profile;
    const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
    p.forEachStack((ids) => {
      for (let i = 1; i < ids.length; i++) out.add(`${k[ids[i - 1]]}\n${k[ids[i]]}`);
    });
  }
  return out;
}

/**
 * Hints from the diff, kept only where the profiles agree: a rename's old key appears only in
 * base and its new key only in head (exactly one of each); a caller move's callee is called by
 * the old caller in base and by the new caller in head. Function granularity only.
 */
export function resolveHints(
  hints: readonly Hint[],
  base: readonly RunInput[],
  head: readonly RunInput[],
  g: Granularity,
): RenamePair[] {
  if (g !== 'function' || hints.length === 0) return [];
  const b = sideIndex(base, g);
  const h = sideIndex(head, g);
  const out: RenamePair[] = [];
  const onlyIn = (mine: Map<string, KeyInfo>, other: Map<string, KeyInfo>, k: KeyInfo) =>
    k.share > 0 && !((other.get(k.key)?.share ?? 0) > 0) && mine.has(k.key);
  let be: Set<string> | null = null;
  let he: Set<string> | null = null;
  for (const hint of hints) {
    if (hint.kind !== 'caller') {
      const from = matching(b, hint.from).filter((k) => onlyIn(b, h, k));
      const to = matching(h, hint.to).filter((k) => onlyIn(h, b, k));
      if (from.length === 1 && to.length === 1)
        out.push({ from: from[0].key, to: to[0].key, how: hint.kind, source: 'git diff' });
      continue;
    }
    const a = matching(b, hint.fromCaller);
    const nb = matching(h, hint.toCaller);
    const cb = [...b.values()].filter((k) => bareName(k.frame.name) === hint.callee && k.share > 0);
    if (a.length !== 1 || nb.length !== 1 || cb.length !== 1 || !h.has(cb[0].key)) continue;
    be ??= edges(base, g);
    he ??= edges(head, g);
    const c = cb[0].key;
    if (!be.has(`${a[0].key}\n${c}`) || !he.has(`${nb[0].key}\n${c}`)) continue;
    out.push({
      from: c,
      to: c,
      how: 'moved to another caller',
      source: 'git diff',
      fromCaller: a[0].key,
      toCaller: nb[0].key,
    });
  }
  return dedupe(out);
}

function dedupe(pairs: RenamePair[]): RenamePair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const k = `${p.from}\n${p.to}\n${p.fromCaller ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lines a function may shift by and still count as the same place (edits above it). */
const LINE_SLACK = 5;
/** Largest relative difference of self cost (or inclusive cost, for frames without self time) for a match. */
const COST_TOLERANCE = 0.25;

/**
 * Without git: a frame only in base matched with a frame only in head when it is the same place
 * (same file, line ranges overlapping within LINE_SLACK lines: a rename) or the same name in
 * another file (a move), with the same self cost within COST_TOLERANCE, and the match is unique
 * both ways. A refactor that also changed the cost is not matched: it stays gone + new.
 */
export function matchByProfile(
  base: readonly RunInput[],
  head: readonly RunInput[],
  s: { granularity: Granularity; minShare: number },
): RenamePair[] {
  if (s.granularity !== 'function') return [];
  const b = sideIndex(base, s.granularity);
  const h = sideIndex(head, s.granularity);
  const gone = [...b.values()].filter((k) => k.share >= s.minShare && !((h.get(k.key)?.share ?? 0) > 0));
  const added = [...h.values()].filter((k) => k.share >= s.minShare && !((b.get(k.key)?.share ?? 0) > 0));
  const cost = (x: KeyInfo, y: KeyInfo) =>
    Math.max(x.self, y.self) >= 0.002 ? [x.self, y.self] : [x.share, y.share];
  const close = (x: KeyInfo, y: KeyInfo) => {
    const [u, v] = cost(x, y);
    return Math.abs(u - v) <= COST_TOLERANCE * Math.max(u, v);
  };
  const how = (x: KeyInfo, y: KeyInfo): RenameHow | null => {
    const fx = x.frame;
    const fy = y.frame;
    if (fx.file !== '' && fx.file === fy.file && fx.name !== fy.name) {
      const overlap = x.lo > 0 && y.lo > 0 && x.lo - LINE_SLACK <= y.hi && y.lo - LINE_SLACK <= x.hi;
      return overlap ? 'renamed' : null;
    }
    if (fx.name === fy.name && fx.file !== fy.file && fx.file !== '' && fy.file !== '') return 'moved';
    return null;
  };
  const cands = gone.map((x) => added.filter((y) => how(x, y) !== null && close(x, y)));
  const out: RenamePair[] = [];
  gone.forEach((x, i) => {
    if (cands[i].length !== 1) return;
    const y = cands[i][0];
    if (cands.filter((c) => c.includes(y)).length !== 1) return;
    out.push({ from: x.key, to: y.key, how: how(x, y) as RenameHow, source: 'profiles' });
  });
  return out.sort((p, q) => (p.from < q.from ? -1 : p.from > q.from ? 1 : 0));
}

/** The heaviest head call path from the root down to `caller` where it calls `callee` (frames). */
function headPath(head: readonly RunInput[], caller: string, callee: string, g: Granularity): Frame[] | null {
  let best: Frame[] | null = null;
  let bestW = 0;
  for (const r of head) {
    const p = r.profile;
    const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
    p.forEachStack((ids, w) => {
      for (let i = 1; i < ids.length; i++) {
        if (k[ids[i - 1]] === caller && k[ids[i]] === callee) {
          if (w > bestW) {
            bestW = w;
            best = Array.from(ids.subarray(0, i), (id) => p.frame(id));
          }
          return;
        }
      }
    });
  }
  return best;
}

/**
 * The base runs with every pair applied: renamed keys relabelled with the head frame's identity,
 * and stacks where the old caller called the callee re-rooted under the head's path to the new
 * caller. Runs without any matching frame are returned as they were.
 */
export function applyRenames(
  base: readonly RunInput[],
  head: readonly RunInput[],
  pairs: readonly RenamePair[],
  g: Granularity,
): RunInput[] {
  if (pairs.length === 0) return [...base];
  const h = sideIndex(head, g);
  const relabel = new Map<string, Frame>();
  for (const p of pairs) {
    const to = h.get(p.to)?.frame;
    if (p.how !== 'moved to another caller' && to) relabel.set(p.from, to);
  }
  const moves = pairs
    .filter((p) => p.how === 'moved to another caller' && p.fromCaller && p.toCaller)
    .map((p) => ({
      caller: p.fromCaller as string,
      callee: p.from,
      path: headPath(head, p.toCaller as string, p.to, g),
    }))
    .filter((m): m is { caller: string; callee: string; path: Frame[] } => m.path !== null);
  return base.map((r) => {
    let p = r.profile;
    if (relabel.size > 0) {
      p = mapFrames(p, (f) => {
        const to = relabel.get(keyOf(f, g));
        return to
          ? {
              ...f,
              name: to.name,
              file: to.file,
              module: to.module,
              kind: to.kind,
              line: to.line > 0 ? to.line : f.line,
            }
          : f;
      });
    }
    for (const m of moves) p = reroot(p, m.caller, m.callee, m.path, g);
    return p === r.profile ? r : { ...r, profile: p };
  });
}

/** `p` with each stack's first `caller -> callee` step re-rooted: [path..., callee, rest...]. */
function reroot(p: Profile, caller: string, callee: string, path: Frame[], g: Granularity): Profile {
  const k = Array.from({ length: p.frames.size }, (_, id) => keyOf(p.frame(id), g));
  let touched = false;
  p.forEachStack((ids) => {
    for (let i = 1; i < ids.length && !touched; i++)
      touched = k[ids[i - 1]] === caller && k[ids[i]] === callee;
  });
  if (!touched) return p;
  const out = p.emptyLike();
  const map = Array.from({ length: p.frames.size }, (_, id) => out.intern(p.frame(id)));
  const prefix = path.map((f) => out.intern(f));
  p.forEachStack((ids, w) => {
    let cut = -1;
    for (let i = 1; i < ids.length; i++) {
      if (k[ids[i - 1]] === caller && k[ids[i]] === callee) {
        cut = i;
        break;
      }
    }
    const rest = Array.from(ids.subarray(cut < 0 ? 0 : cut), (id) => map[id]);
    out.addStack(cut < 0 ? rest : [...prefix, ...rest], w);
  });
  return out;
}
