import { InputError } from '../errors.js';
import { Profile } from '../profile/profile.js';
import type { FrameInit } from '../profile/types.js';
import { noSamples } from './json-input.js';
import { type MarshalDict, MarshalError, MarshalReader, type MarshalValue } from './marshal.js';
import type { FormatImporter, ProfileInput } from './types.js';

// cProfile / profile `pstats` dumps (`python -m cProfile -o out.pstats script.py`): a marshalled
// dict {(file, line, func): (cc, nc, tottime, cumtime, {caller: (nc, cc, tottime, cumtime)})}.
// A deterministic profiler records call edges, not stacks, so stacks are estimated the way
// flameprof does: walk from the roots along caller->callee edges, each edge carrying its own
// tottime/cumtime; where a function is reached in several contexts, its callees share out exactly
// the time it has in each context (in proportion to their edge cumtime). An edge already on the
// current path is not followed again (recursion); the other callees share out the time.

export const PSTATS_DERIVED =
  'derived from a deterministic profiler (cProfile): stacks are estimated from caller edges';

const SECONDS_TO_NS = 1e9;
/** Subtrees below this share of the total are folded into their parent (keeps huge graphs finite). */
const PRUNE_FRACTION = 1e-6;
const MAX_DEPTH = 256;
const MAX_NODES = 200_000;

interface Edge {
  id: number;
  callee: number;
  tt: number;
  ct: number;
}

interface Fn {
  frame: FrameInit;
  nc: number;
  tt: number;
  ct: number;
  hasCallers: boolean;
  callees: Edge[];
}

export const pstatsFormat: FormatImporter = {
  name: 'pstats',
  description: 'cProfile pstats dump (Python marshal); stacks estimated from call edges, flameprof-style',
  matchesName: (fileName) => /\.(pstats|cprof|cprofile)$/i.test(fileName),
  is: (input) => isPstats(input.bytes),
  import: (input) => importPstats(input),
};

/** A marshal dict whose first key is a small tuple (file, line, func), or an empty dict. */
export function isPstats(b: Uint8Array): boolean {
  if (b.length < 2 || (b[0] & 0x7f) !== 0x7b /* { */) return false;
  if (b[1] === 0x30 /* 0: empty dict */) return b.length === 2;
  const t = b[1] & 0x7f;
  if (t === 0x29 /* ) small tuple */) return b.length > 2 && b[2] === 3;
  if (t === 0x28 /* ( tuple */) return b.length > 5 && b[2] === 3 && b[3] === 0 && b[4] === 0 && b[5] === 0;
  return false;
}

export function importPstats(input: ProfileInput): Profile {
  const file = input.fileName;
  let root: MarshalValue;
  try {
    root = new MarshalReader(input.bytes).readAll();
  } catch (err) {
    if (err instanceof MarshalError)
      throw new InputError(file, { offset: err.offset }, `${err.problem}; not a pstats file`);
    throw err;
  }
  const fns = readStats(file, root);
  const out = new Profile({
    unit: 'nanoseconds',
    sampler: 'cProfile',
    format: 'pstats',
    derived: PSTATS_DERIVED,
  });
  new StackBuilder(fns, out).build();
  if (out.stackCount === 0) throw noSamples(file);
  let totalTt = 0;
  for (const f of fns) totalTt += f.tt;
  out.meta.durationNs = Math.round(totalTt * SECONDS_TO_NS);
  return out;
}

function isDict(v: MarshalValue): v is MarshalDict {
  return (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    !(v instanceof Uint8Array) &&
    v.kind === 'dict'
  );
}

function toNumber(v: MarshalValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

function readStats(file: string, root: MarshalValue): Fn[] {
  if (!isDict(root))
    throw new InputError(file, { offset: 0 }, 'top-level object is not a dict (expected a pstats dump)');
  const fns: Fn[] = [];
  const byKey = new Map<string, number>();
  const fnIndex = (key: MarshalValue, offset: number): number => {
    const frame = funcFrame(file, key, offset);
    const k = `${frame.file}\u0000${frame.line}\u0000${frame.name}\u0000${frame.kind}`;
    let i = byKey.get(k);
    if (i === undefined) {
      i = fns.length;
      byKey.set(k, i);
      fns.push({ frame, nc: 0, tt: 0, ct: 0, hasCallers: false, callees: [] });
    }
    return i;
  };
  const callerLists: Array<{ callee: number; callers: MarshalDict }> = [];
  for (const { key, value, offset } of root.entries) {
    const i = fnIndex(key, offset);
    const v = Array.isArray(value) ? value : [];
    const nums = v.slice(0, 4).map(toNumber);
    if (v.length !== 5 || nums.some((x) => x === undefined) || !isDict(v[4])) {
      throw new InputError(
        file,
        { offset },
        'bad stats entry (expected (cc, nc, tottime, cumtime, callers))',
      );
    }
    const f = fns[i];
    f.nc = nums[1]!;
    f.tt = Math.max(0, nums[2]!);
    f.ct = Math.max(0, nums[3]!);
    callerLists.push({ callee: i, callers: v[4] as MarshalDict });
  }
  let edgeCount = 0;
  for (const { callee, callers } of callerLists) {
    for (const { key, value, offset } of callers.entries) {
      const c = fnIndex(key, offset);
      const edge = edgeTimes(file, value, fns[callee], offset);
      fns[callee].hasCallers = true;
      fns[c].callees.push({ id: edgeCount++, callee, ...edge });
    }
  }
  return fns;
}

/** (file, line, func) -> frame; `~` is cProfile's file for built-ins. */
function funcFrame(file: string, key: MarshalValue, offset: number): FrameInit {
  if (!Array.isArray(key) || key.length !== 3 || typeof key[0] !== 'string' || typeof key[2] !== 'string') {
    throw new InputError(file, { offset }, 'bad function key (expected a (filename, line, name) tuple)');
  }
  const line = toNumber(key[1]);
  if (line === undefined)
    throw new InputError(file, { offset }, 'bad line number in function key (expected an int)');
  if (key[0] === '~') return { name: key[2], kind: 'native' };
  return { name: key[2], file: key[0], line: Math.max(0, line), kind: 'python' };
}

/** cProfile edges are (nc, cc, tottime, cumtime); the pure-Python `profile` module stores a count. */
function edgeTimes(
  file: string,
  value: MarshalValue,
  callee: Fn,
  offset: number,
): { tt: number; ct: number } {
  const n = toNumber(value);
  if (n !== undefined) {
    // Only a call count: split the callee's times by it.
    const share = callee.nc > 0 ? n / callee.nc : 0;
    return { tt: callee.tt * share, ct: callee.ct * share };
  }
  if (Array.isArray(value) && value.length === 4) {
    const tt = toNumber(value[2]);
    const ct = toNumber(value[3]);
    if (tt !== undefined && ct !== undefined) return { tt: Math.max(0, tt), ct: Math.max(0, ct) };
  }
  throw new InputError(file, { offset }, 'bad caller entry (expected (nc, cc, tottime, cumtime))');
}

class StackBuilder {
  private readonly frameIds: Int32Array;
  private readonly onPath: Uint8Array;
  private readonly stack: number[] = [];
  private minTime = 0;
  private nodes = 0;

  constructor(
    private readonly fns: Fn[],
    private readonly out: Profile,
  ) {
    this.frameIds = new Int32Array(fns.length).fill(-1);
    let edges = 0;
    for (const f of fns) edges += f.callees.length;
    this.onPath = new Uint8Array(edges);
  }

  build(): void {
    let totalTt = 0;
    for (const f of this.fns) totalTt += f.tt;
    this.minTime = totalTt * PRUNE_FRACTION;
    for (const r of this.roots(totalTt)) {
      const f = this.fns[r];
      this.expand(r, f.ct, f.tt, 0);
    }
  }

  /**
   * Functions nobody called are roots. When their time falls short of the total (a script run
   * by `python -m cProfile` starts in `exec`, which nested imports call again), the function
   * with the largest cumtime is added too, as flameprof does.
   */
  private roots(totalTt: number): number[] {
    const roots: number[] = [];
    let covered = 0;
    this.fns.forEach((f, i) => {
      if (!f.hasCallers) {
        roots.push(i);
        covered += f.ct;
      }
    });
    if (totalTt > 0 && covered / totalTt < 0.8) {
      let best = -1;
      this.fns.forEach((f, i) => {
        if (f.hasCallers && (best < 0 || f.ct > this.fns[best].ct)) best = i;
      });
      if (best >= 0 && (covered + this.fns[best].ct) / totalTt < 1.2) roots.push(best);
    }
    return roots;
  }

  private frameId(i: number): number {
    if (this.frameIds[i] === -1) this.frameIds[i] = this.out.intern(this.fns[i].frame);
    return this.frameIds[i];
  }

  /** Adds the context (current path + fn) with inclusive time `total` and own time `self`. */
  private expand(fn: number, total: number, self: number, depth: number): void {
    this.nodes++;
    this.stack.push(this.frameId(fn));
    const f = this.fns[fn];
    const rest = Math.max(0, total - self);
    let own = self;
    // Callees reached through an edge already on the path (recursion) are not followed again;
    // the others share out this context's time.
    let followable = 0;
    for (const e of f.callees) if (!this.onPath[e.id]) followable += e.ct;
    if (followable > 0 && rest > 0 && depth < MAX_DEPTH && this.nodes < MAX_NODES) {
      const scale = rest / followable;
      for (const e of f.callees) {
        if (this.onPath[e.id]) continue;
        const t = e.ct * scale;
        if (t < this.minTime) {
          own += t;
          continue;
        }
        this.onPath[e.id] = 1;
        this.expand(e.callee, t, Math.min(t, e.tt * scale), depth + 1);
        this.onPath[e.id] = 0;
      }
    } else {
      own = total;
    }
    this.out.addStack(this.stack, Math.round(own * SECONDS_TO_NS * 1000) / 1000);
    this.stack.pop();
  }
}
