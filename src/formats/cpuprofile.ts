import { Profile } from '../profile/profile.js';
import type { FrameInit, FrameKind } from '../profile/types.js';
import { JsonChecker, jsonHead, noSamples, parseJson } from './json-input.js';
import type { FormatImporter, ProfileInput } from './types.js';

// V8 CPU profiles: what `node --cpu-prof` and Chrome DevTools' JavaScript profiler write.
// Two shapes exist:
// - current: `{nodes: [{id, callFrame: {...}, children: [ids]}], startTime, endTime, samples,
//   timeDeltas}`, times in microseconds;
// - legacy (Chrome < 58, Node < 8): `{head: {functionName, url, lineNumber, children: [nodes]},
//   startTime, endTime, samples, timestamps}`, start/end in seconds, timestamps in microseconds.
// A sample lasts until the next one (as DevTools and speedscope draw it); the last sample gets the
// median sampling interval, because `endTime` is missing or coarse in the legacy shape.
// Chrome performance traces (trace events with Profile/ProfileChunk) are read too: every CPU
// profile in the trace (main thread, workers) is added to one profile.

interface V8Node {
  frame: FrameInit | undefined; // undefined for the synthetic (root)
  parent: number; // index into the node list, -1 for roots
  hitCount: number;
}

const KIND_BY_NAME: Record<string, FrameKind> = {
  '(idle)': 'idle',
  '(garbage collector)': 'gc',
  '(program)': 'native',
};

export const cpuprofileFormat: FormatImporter = {
  name: 'cpuprofile',
  description:
    'V8 CPU profile (.cpuprofile from `node --cpu-prof` or Chrome DevTools), incl. the legacy head form',
  matchesName: (fileName) => /\.cpuprofile(\.gz)?$/i.test(fileName),
  is: (input) => isCpuprofile(jsonHead(input)),
  import: (input) => importCpuprofile(input),
};

export function isCpuprofile(head: string): boolean {
  const t = head.trimStart();
  // Chrome performance traces: `{"traceEvents": [...]}` or a bare array of trace events.
  if (/^\{\s*"traceEvents"\s*:/.test(t)) return true;
  // DevTools (Chrome 120+) saves a `metadata` object first: `{"metadata": {"source": "DevTools",
  // ..., "dataOrigin": "TraceEvents"}, "traceEvents": [...]}`.
  if (/^\{\s*"metadata"\s*:/.test(t) && /"(?:traceEvents|dataOrigin)"\s*:/.test(t)) return true;
  if (t.startsWith('['))
    return /^\[\s*\{/.test(t) && /"ph"\s*:\s*"[A-Za-z]"/.test(t) && /"(ts|pid)"\s*:/.test(t);
  if (!t.startsWith('{')) return false;
  return /"(nodes|head)"\s*:/.test(t) && /"(callFrame|functionName)"\s*:/.test(t);
}

export function importCpuprofile(input: ProfileInput): Profile {
  const check: JsonChecker = new JsonChecker(input.fileName);
  const parsed = parseJson(input, 'a V8 .cpuprofile object or a Chrome trace');
  const profile = new Profile({ unit: 'nanoseconds', sampler: 'v8', format: 'cpuprofile' });
  const traced = traceProfiles(check, parsed);
  if (traced === undefined) {
    addV8Profile(check, check.object(parsed, '$'), profile);
  } else {
    if (traced.length === 0) {
      check.fail(
        '$',
        'no CPU profile in this trace (expected Profile/ProfileChunk events; record with the JavaScript samples option on)',
      );
    }
    for (const t of traced)
      addV8Profile(new JsonChecker(`${input.fileName} (trace profile ${t.key})`), t.profile, profile, true);
  }
  if (profile.stackCount === 0) throw noSamples(input.fileName);
  return profile;
}

/** Adds one V8 profile (current or legacy shape) to `profile`. */
function addV8Profile(
  check: JsonChecker,
  root: Record<string, unknown>,
  profile: Profile,
  trace = false,
): void {
  const legacy = root.nodes === undefined && root.head !== undefined;
  const { nodes, indexById } = legacy
    ? legacyNodes(check, root.head)
    : currentNodes(check, root.nodes, trace);
  const samples = root.samples === undefined ? undefined : check.array(root.samples, '$.samples');
  const orphan = trace ? orphanNode(nodes, indexById) : -1;
  const nodeWeight = new Float64Array(nodes.length);

  if (samples === undefined || samples.length === 0) {
    // Profiles without a sample list (old DevTools exports) still carry per-node hit counts.
    for (let i = 0; i < nodes.length; i++) nodeWeight[i] = nodes[i].hitCount;
    profile.meta.unit = 'samples';
  } else {
    const sampleIdx = new Int32Array(samples.length);
    const dense = denseIndex(indexById);
    for (let i = 0; i < samples.length; i++) {
      const raw = samples[i];
      // The path string is built only on error: this loop runs once per sample.
      const id = Number.isInteger(raw) ? (raw as number) : check.integer(raw, `$.samples[${i}]`);
      const d = id >= 0 && id < dense.length ? dense[id] : -1;
      const idx = d >= 0 ? d : indexById.get(id);
      if (idx === undefined && !trace)
        check.fail(`$.samples[${i}]`, `unknown node id ${id} (expected the id of a node)`);
      // In a cut trace, samples of nodes it no longer holds are kept as an unnamed root.
      sampleIdx[i] = idx ?? orphan;
    }
    const times = sampleTimes(check, root, legacy, samples.length);
    if (times) {
      const { weights, intervalUs } = sampleDurations(times);
      for (let i = 0; i < samples.length; i++) nodeWeight[sampleIdx[i]] += weights[i] * 1000;
      profile.meta.intervalNs ??= Math.round(intervalUs * 1000);
      const duration = durationNs(root, legacy, times, intervalUs);
      profile.meta.durationNs = Math.max(profile.meta.durationNs ?? 0, duration);
    } else {
      for (let i = 0; i < samples.length; i++) nodeWeight[sampleIdx[i]] += 1;
      profile.meta.unit = 'samples';
    }
  }
  addNodeStacks(profile, nodes, nodeWeight);
}

/**
 * Chrome performance traces (DevTools' Performance panel, `{traceEvents: [...]}` or a bare
 * array): the CPU profile comes in `Profile` + `ProfileChunk` events, nodes naming their parent,
 * samples and time deltas spread over the chunks. Returns undefined for anything else.
 */
function traceProfiles(
  check: JsonChecker,
  parsed: unknown,
): Array<{ key: string; profile: Record<string, unknown> }> | undefined {
  let events: unknown[];
  let base: string;
  if (Array.isArray(parsed)) {
    events = parsed;
    base = '$';
  } else if (
    parsed !== null &&
    typeof parsed === 'object' &&
    Array.isArray((parsed as { traceEvents?: unknown }).traceEvents)
  ) {
    events = (parsed as { traceEvents: unknown[] }).traceEvents;
    base = '$.traceEvents';
  } else {
    return undefined;
  }
  const byKey = new Map<
    string,
    { nodes: unknown[]; samples: unknown[]; timeDeltas: unknown[]; startTime?: number }
  >();
  const get = (key: string) => {
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { nodes: [], samples: [], timeDeltas: [] }));
    return p;
  };
  const append = (to: unknown[], from: unknown, path: string) => {
    if (from === undefined) return;
    for (const x of check.array(from, path)) to.push(x);
  };
  events.forEach((e, i) => {
    if (e === null || typeof e !== 'object') return;
    const ev = e as Record<string, unknown>;
    if (ev.name !== 'Profile' && ev.name !== 'ProfileChunk' && ev.name !== 'CpuProfile') return;
    const path = `${base}[${i}].args.data`;
    const args = check.object(ev.args, `${base}[${i}].args`);
    // Chrome writes Profile/ProfileChunk events without args.data (no samples in them): skipped,
    // as speedscope does.
    if (args.data === undefined && ev.name !== 'CpuProfile') return;
    const data = check.object(args.data, path);
    const key = `${String(ev.pid ?? '')}:${String(ev.id ?? ev.tid ?? '')}`;
    if (ev.name === 'CpuProfile') {
      // Older traces carry the whole profile in one event.
      const cp = check.object(data.cpuProfile, `${path}.cpuProfile`);
      const p = get(key);
      append(p.nodes, cp.nodes, `${path}.cpuProfile.nodes`);
      append(p.samples, cp.samples, `${path}.cpuProfile.samples`);
      append(p.timeDeltas, cp.timeDeltas, `${path}.cpuProfile.timeDeltas`);
      if (typeof cp.startTime === 'number') p.startTime ??= cp.startTime;
      return;
    }
    const p = get(key);
    if (ev.name === 'Profile') {
      if (typeof data.startTime === 'number') p.startTime = data.startTime;
      return;
    }
    if (data.cpuProfile !== undefined) {
      const cp = check.object(data.cpuProfile, `${path}.cpuProfile`);
      append(p.nodes, cp.nodes, `${path}.cpuProfile.nodes`);
      append(p.samples, cp.samples, `${path}.cpuProfile.samples`);
    }
    append(p.timeDeltas, data.timeDeltas, `${path}.timeDeltas`);
  });
  return [...byKey.entries()]
    .filter(([, p]) => p.nodes.length > 0)
    .map(([key, p]) => ({ key, profile: { ...p } }));
}

/** The one unnamed root node that samples of missing nodes (cut traces) are charged to. */
function orphanNode(nodes: V8Node[], indexById: Map<number, number>): number {
  const key = Number.MIN_SAFE_INTEGER;
  let i = indexById.get(key);
  if (i === undefined) {
    i = nodes.push({ frame: { name: '', file: '', line: 0, kind: 'other' }, parent: -1, hitCount: 0 }) - 1;
    indexById.set(key, i);
  }
  return i;
}

/** Node ids are usually 1..N: an array lookup per sample instead of a Map lookup. */
function denseIndex(indexById: Map<number, number>): Int32Array {
  let max = -1;
  for (const id of indexById.keys()) if (id > max) max = id;
  if (max < 0 || max > 4 * indexById.size + 1024) return new Int32Array(0);
  const dense = new Int32Array(max + 1).fill(-1);
  for (const [id, i] of indexById) if (id >= 0) dense[id] = i;
  return dense;
}

function frameOf(check: JsonChecker, cf: Record<string, unknown>, path: string): FrameInit | undefined {
  const fn = check.optionalString(cf.functionName, `${path}.functionName`) ?? '';
  const url = check.optionalString(cf.url, `${path}.url`) ?? '';
  const lineNumber = check.optionalNumber(cf.lineNumber, `${path}.lineNumber`) ?? -1;
  if (fn === '(root)') return undefined;
  const name = fn === '' ? '(anonymous)' : fn;
  const kind = KIND_BY_NAME[name] ?? 'js';
  return { name, file: fileFromUrl(url), line: lineNumber >= 0 ? lineNumber + 1 : 0, kind };
}

/** `file:///a/b%20c.js` -> `/a/b c.js`; other URLs (node:internal/..., https://...) as they are. */
export function fileFromUrl(url: string): string {
  if (!url.startsWith('file://')) return url;
  const path = url.slice('file://'.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function currentNodes(
  check: JsonChecker,
  raw: unknown,
  trace = false,
): { nodes: V8Node[]; indexById: Map<number, number> } {
  const list = check.array(raw, '$.nodes');
  const nodes: V8Node[] = [];
  const indexById = new Map<number, number>();
  const objs = list.map((n, i) => check.object(n, `$.nodes[${i}]`));
  objs.forEach((n, i) => {
    const id = check.integer(n.id, `$.nodes[${i}].id`);
    if (indexById.has(id)) check.fail(`$.nodes[${i}].id`, `duplicate node id ${id} (expected unique ids)`);
    indexById.set(id, i);
    const cf = check.object(n.callFrame, `$.nodes[${i}].callFrame`);
    const hitCount = check.optionalNumber(n.hitCount, `$.nodes[${i}].hitCount`) ?? 0;
    nodes.push({ frame: frameOf(check, cf, `$.nodes[${i}].callFrame`), parent: -1, hitCount });
  });
  objs.forEach((n, i) => {
    // Chrome trace ProfileChunks name the parent; .cpuprofile files list the children.
    if (n.parent !== undefined) {
      const pid = check.integer(n.parent, `$.nodes[${i}].parent`);
      const p = indexById.get(pid);
      // A trace cut to a time window (DevTools' breadcrumbs) or with chunks that lost their data
      // names parents it no longer holds: such nodes become roots, as in speedscope.
      if (p === undefined && !trace)
        check.fail(`$.nodes[${i}].parent`, `unknown node id ${pid} (expected the id of a node)`);
      nodes[i].parent = p ?? -1;
    }
    if (n.children === undefined) return;
    check.array(n.children, `$.nodes[${i}].children`).forEach((c, k) => {
      const path = `$.nodes[${i}].children[${k}]`;
      const cid = check.integer(c, path);
      const ci = indexById.get(cid);
      if (ci === undefined) check.fail(path, `unknown node id ${cid} (expected the id of a node)`);
      nodes[ci].parent = i;
    });
  });
  checkAcyclic(check, nodes, '$.nodes');
  return { nodes, indexById };
}

function legacyNodes(check: JsonChecker, head: unknown): { nodes: V8Node[]; indexById: Map<number, number> } {
  const nodes: V8Node[] = [];
  const indexById = new Map<number, number>();
  // Iterative walk: real legacy trees can be thousands of frames deep.
  const todo: Array<{ raw: unknown; path: string; parent: number }> = [
    { raw: head, path: '$.head', parent: -1 },
  ];
  while (todo.length > 0) {
    const { raw, path, parent } = todo.pop()!;
    const n = check.object(raw, path);
    const index = nodes.length;
    const id = n.id === undefined ? index + 1 : check.integer(n.id, `${path}.id`);
    if (indexById.has(id)) check.fail(`${path}.id`, `duplicate node id ${id} (expected unique ids)`);
    indexById.set(id, index);
    const hitCount = check.optionalNumber(n.hitCount, `${path}.hitCount`) ?? 0;
    nodes.push({ frame: frameOf(check, n, path), parent, hitCount });
    if (n.children === undefined) continue;
    const kids = check.array(n.children, `${path}.children`);
    for (let k = kids.length - 1; k >= 0; k--)
      todo.push({ raw: kids[k], path: `${path}.children[${k}]`, parent: index });
  }
  return { nodes, indexById };
}

function checkAcyclic(check: JsonChecker, nodes: V8Node[], path: string): void {
  const state = new Uint8Array(nodes.length); // 0 unknown, 1 on the current walk, 2 reaches a root
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      j = nodes[j].parent;
    }
    if (j !== -1 && state[j] === 1) check.fail(path, `node ${i} is its own ancestor (expected a tree)`);
    for (let k = i; k !== -1 && state[k] === 1; k = nodes[k].parent) state[k] = 2;
  }
}

/** Sample times in microseconds, made monotonic (V8 occasionally records a sample out of order). */
function sampleTimes(
  check: JsonChecker,
  root: Record<string, unknown>,
  legacy: boolean,
  n: number,
): Float64Array | undefined {
  const times = new Float64Array(n);
  if (legacy || (root.timeDeltas === undefined && root.timestamps !== undefined)) {
    if (root.timestamps === undefined) return undefined;
    const ts = check.array(root.timestamps, '$.timestamps');
    // Some writers put the start time first, then one timestamp per sample.
    const skip = ts.length === n + 1 ? 1 : 0;
    if (ts.length - skip !== n) {
      check.fail('$.timestamps', `${ts.length} timestamps for ${n} samples (expected one per sample)`);
    }
    for (let i = 0; i < n; i++) {
      const v = ts[i + skip];
      times[i] =
        typeof v === 'number' && Number.isFinite(v) ? v : check.number(v, `$.timestamps[${i + skip}]`);
    }
  } else {
    if (root.timeDeltas === undefined) return undefined;
    const deltas = check.array(root.timeDeltas, '$.timeDeltas');
    if (deltas.length !== n) {
      check.fail('$.timeDeltas', `${deltas.length} time deltas for ${n} samples (expected one per sample)`);
    }
    let t = check.optionalNumber(root.startTime, '$.startTime') ?? 0;
    for (let i = 0; i < n; i++) {
      const d = deltas[i];
      t += typeof d === 'number' && Number.isFinite(d) ? d : check.number(d, `$.timeDeltas[${i}]`);
      times[i] = t;
    }
  }
  for (let i = 1; i < n; i++) if (times[i] < times[i - 1]) times[i] = times[i - 1];
  return times;
}

/** Each sample lasts until the next; the last one gets the median interval. */
export function sampleDurations(times: Float64Array): { weights: Float64Array; intervalUs: number } {
  const n = times.length;
  const weights = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) weights[i] = times[i + 1] - times[i];
  let count = 0;
  const positive = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i + 1 < n; i++) if (weights[i] > 0) positive[count++] = weights[i];
  // Typed-array sort is numeric and native: 2M samples sort in milliseconds.
  const sorted = positive.subarray(0, count).sort();
  const intervalUs = count ? sorted[Math.floor(count / 2)] : 1000;
  if (n > 0) weights[n - 1] = intervalUs;
  return { weights, intervalUs };
}

function durationNs(
  root: Record<string, unknown>,
  legacy: boolean,
  times: Float64Array,
  intervalUs: number,
): number {
  const start = typeof root.startTime === 'number' ? root.startTime : undefined;
  const end = typeof root.endTime === 'number' ? root.endTime : undefined;
  if (!legacy && start !== undefined && end !== undefined && end > start)
    return Math.round((end - start) * 1000);
  // Legacy start/end are whole seconds: use the sample times instead.
  return Math.round((times[times.length - 1] - times[0] + intervalUs) * 1000);
}

/** One stack per node that has weight, built by walking parent links once per node. */
function addNodeStacks(profile: Profile, nodes: V8Node[], weight: Float64Array): void {
  const frameId = new Int32Array(nodes.length).fill(-2); // -2 not interned yet, -1 no frame (root)
  const stack: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (!(weight[i] > 0)) continue;
    stack.length = 0;
    for (let j = i; j !== -1; j = nodes[j].parent) {
      if (frameId[j] === -2) {
        const f = nodes[j].frame;
        frameId[j] = f ? profile.intern(f) : -1;
      }
      if (frameId[j] >= 0) stack.push(frameId[j]);
    }
    stack.reverse();
    // Samples that landed on (root) itself have no frame: V8 had nothing to attribute them to.
    if (stack.length > 0) profile.addStack(stack, weight[i]);
  }
}
