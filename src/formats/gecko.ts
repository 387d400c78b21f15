import { UserError } from '../errors.js';
import { kindFromFile } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import type { FrameInit, Unit } from '../profile/types.js';
import { JsonChecker, jsonHead, noSamples, parseJson } from './json-input.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// Firefox Profiler profiles: the JSON that samply and CPython's `profiling.sampling --gecko`
// write, and Firefox's own Gecko profiles. Two layouts of the same tables:
// - processed (samply, CPython): each table is an object of columns (`stackTable.frame[i]`,
//   `stackTable.prefix[i]`), strings in `shared.stringArray` (or the thread's `stringArray` /
//   `stringTable`), functions in `funcTable` (name, fileName, lineNumber);
// - raw Gecko (Firefox): each table is `{schema: {column: index}, data: [[...], ...]}`, frames
//   carry a location string (`func (file:line:col)`), strings in the thread's `stringTable`;
//   child processes sit in `processes[]`.
// A stack is a chain of `prefix` links up to the root. Samples name a stack and may carry a
// `weight` (`weightType` samples, tracing-ms or bytes). All threads of all processes are merged
// (thread ids and names change from run to run, so they would split the same code across runs);
// `--sample-type THREAD-NAME` keeps only the threads of that name.

type Row = (i: number) => unknown;

interface Table {
  length: number;
  col(name: string): Row | undefined;
}

export function isGecko(head: string): boolean {
  const t = head.trimStart();
  if (!t.startsWith('{')) return false;
  if (!/"meta"\s*:\s*\{/.test(t)) return false;
  return /"(?:preprocessedProfileVersion|stackwalk|processType|importedFrom)"\s*:/.test(t);
}

export const geckoFormat: FormatImporter = {
  name: 'gecko',
  description: 'Firefox Profiler / Gecko profile JSON (samply, CPython profiling.sampling --gecko)',
  matchesName: (fileName) => /\.(gecko|fxprof)\.json(\.gz)?$/i.test(fileName),
  is: (input) => isGecko(jsonHead(input)),
  import: (input, opts) => importGecko(input, opts),
};

const WEIGHT_UNITS: Record<string, { unit: Unit; factor: number }> = {
  samples: { unit: 'samples', factor: 1 },
  'tracing-ms': { unit: 'nanoseconds', factor: 1e6 },
  bytes: { unit: 'bytes', factor: 1 },
};

export function importGecko(input: ProfileInput, opts: ImportOptions = {}): Profile {
  const check = new JsonChecker(input.fileName);
  const root = check.object(parseJson(input, 'a Firefox Profiler (Gecko) profile'), '$');
  const meta = check.object(root.meta, '$.meta');
  const out = new Profile({ format: 'gecko' });
  const shared =
    root.shared && typeof root.shared === 'object' ? (root.shared as Record<string, unknown>) : undefined;
  const sharedStrings = Array.isArray(shared?.stringArray) ? (shared.stringArray as unknown[]) : undefined;
  const threads: { raw: Record<string, unknown>; path: string; strings?: unknown[] }[] = [];
  const collect = (proc: Record<string, unknown>, path: string) => {
    const list = check.array(proc.threads, `${path}.threads`);
    list.forEach((t, i) => {
      threads.push({ raw: check.object(t, `${path}.threads[${i}]`), path: `${path}.threads[${i}]` });
    });
    if (Array.isArray(proc.processes)) {
      proc.processes.forEach((p, i) => {
        collect(check.object(p, `${path}.processes[${i}]`), `${path}.processes[${i}]`);
      });
    }
  };
  collect(root, '$');
  const wanted = opts.sampleType;
  const chosen = wanted ? threads.filter((t) => t.raw.name === wanted) : threads;
  if (wanted && chosen.length === 0) {
    const names = [...new Set(threads.map((t) => String(t.raw.name ?? '')))].sort();
    throw new UserError(
      `${input.fileName}: no thread named '${wanted}' (threads: ${names.join(', ') || 'none'})`,
    );
  }
  let unit: Unit | undefined;
  for (const t of chosen) {
    const strings = threadStrings(check, t.raw, t.path, sharedStrings);
    const u = addThread(check, out, t.raw, t.path, strings);
    if (u === null) continue;
    if (unit !== undefined && u !== unit) {
      throw new UserError(
        `${input.fileName}: ${t.path}: samples weighted in ${u}, other threads in ${unit} (expected one unit; choose a thread with --sample-type)`,
      );
    }
    unit = u;
  }
  if (out.stackCount === 0) throw noSamples(input.fileName);
  out.meta.unit = unit ?? 'samples';
  const interval = check.optionalNumber(meta.interval, '$.meta.interval');
  if (interval && interval > 0 && out.meta.unit === 'samples')
    out.meta.intervalNs = Math.round(interval * 1e6);
  const product = typeof meta.product === 'string' ? meta.product : undefined;
  const from = typeof meta.importedFrom === 'string' ? meta.importedFrom : undefined;
  out.meta.sampler = from ?? product ?? 'gecko';
  const names = [...new Set(chosen.map((t) => String(t.raw.name ?? '')))].sort();
  out.meta.extra = { threads: names.join(', ') };
  if (wanted) out.meta.sampleType = wanted;
  return out;
}

function threadStrings(
  check: JsonChecker,
  t: Record<string, unknown>,
  path: string,
  shared: unknown[] | undefined,
): unknown[] {
  if (Array.isArray(t.stringArray)) return t.stringArray;
  if (Array.isArray(t.stringTable)) return t.stringTable;
  if (shared) return shared;
  return check.fail(`${path}`, 'no string table (expected shared.stringArray, or stringArray / stringTable)');
}

/** Columns of a table in either layout. */
function table(check: JsonChecker, v: unknown, path: string): Table {
  const o = check.object(v, path);
  if (o.schema !== undefined) {
    const schema = check.object(o.schema, `${path}.schema`);
    const data = check.array(o.data, `${path}.data`);
    const rows = data.map((r, i) => check.array(r, `${path}.data[${i}]`));
    return {
      length: rows.length,
      col(name) {
        const at = schema[name];
        if (typeof at !== 'number') return undefined;
        return (i) => rows[i][at];
      },
    };
  }
  let length = typeof o.length === 'number' ? o.length : -1;
  return {
    get length() {
      if (length < 0) {
        const first = Object.values(o).find(Array.isArray) as unknown[] | undefined;
        length = first ? first.length : 0;
      }
      return length;
    },
    col(name) {
      const c = o[name];
      if (c === undefined || c === null) return undefined;
      const arr = check.array(c, `${path}.${name}`);
      return (i) => arr[i];
    },
  };
}

/** Adds one thread's samples; returns the unit of its weights, or null when it has no samples. */
function addThread(
  check: JsonChecker,
  out: Profile,
  t: Record<string, unknown>,
  path: string,
  strings: unknown[],
): Unit | null {
  const samples = table(check, t.samples, `${path}.samples`);
  if (samples.length === 0) return null;
  const stacks = table(check, t.stackTable, `${path}.stackTable`);
  const frames = table(check, t.frameTable, `${path}.frameTable`);
  const str = (v: unknown, where: string): string => {
    if (typeof v === 'string') return v; // raw Gecko frames may inline strings
    const i = check.integer(v, where);
    if (i < 0 || i >= strings.length || typeof strings[i] !== 'string') {
      check.fail(where, `string index ${i} is outside the string table (${strings.length} strings)`);
    }
    return strings[i] as string;
  };
  const frameInit = frameReader(check, t, path, frames, str);
  const stackFrame = need(check, stacks.col('frame'), `${path}.stackTable.frame`);
  const stackPrefix = need(check, stacks.col('prefix'), `${path}.stackTable.prefix`);
  const interned = new Map<number, number>();
  const frameId = (f: number): number => {
    let id = interned.get(f);
    if (id === undefined) {
      if (!Number.isInteger(f) || f < 0 || f >= frames.length) {
        check.fail(`${path}.frameTable`, `frame ${f} does not exist (${frames.length} frames)`);
      }
      id = out.intern(frameInit(f));
      interned.set(f, id);
    }
    return id;
  };
  const memo = new Map<number, number[]>();
  const stackIds = (s: number): number[] => {
    const chain: number[] = [];
    let cur: number | null = s;
    let hit: number[] | undefined;
    while (cur !== null) {
      hit = memo.get(cur);
      if (hit) break;
      if (!Number.isInteger(cur) || cur < 0 || cur >= stacks.length || chain.length > stacks.length) {
        check.fail(`${path}.stackTable`, `stack ${cur} does not exist or loops (${stacks.length} stacks)`);
      }
      chain.push(cur);
      const p = stackPrefix(cur);
      cur = p === null || p === undefined ? null : (p as number);
    }
    let ids = hit ?? [];
    for (let i = chain.length - 1; i >= 0; i--) {
      ids = [...ids, frameId(check.integer(stackFrame(chain[i]), `${path}.stackTable.frame[${chain[i]}]`))];
      memo.set(chain[i], ids);
    }
    return ids;
  };
  const sampleStack = need(check, samples.col('stack'), `${path}.samples.stack`);
  const weightCol = samples.col('weight');
  const s = check.object(t.samples, `${path}.samples`);
  const weightType = typeof s.weightType === 'string' ? s.weightType : 'samples';
  const wu = WEIGHT_UNITS[weightType];
  if (!wu) {
    check.fail(
      `${path}.samples.weightType`,
      `unknown weight type '${weightType}' (expected ${Object.keys(WEIGHT_UNITS).join(', ')})`,
    );
  }
  let any = false;
  for (let i = 0; i < samples.length; i++) {
    const st = sampleStack(i);
    if (st === null || st === undefined) continue; // a sample taken with no stack
    const w = weightCol ? check.number(weightCol(i), `${path}.samples.weight[${i}]`) : 1;
    if (w === 0) continue;
    const ids = stackIds(check.integer(st, `${path}.samples.stack[${i}]`));
    if (ids.length === 0) continue;
    out.addStack(ids, w * wu.factor);
    any = true;
  }
  return any ? wu.unit : null;
}

function need(check: JsonChecker, c: Row | undefined, path: string): Row {
  if (!c) check.fail(path, 'missing (expected a column of the table)');
  return c;
}

/** How a frame index becomes a frame: through funcTable (processed) or a location string (raw). */
function frameReader(
  check: JsonChecker,
  t: Record<string, unknown>,
  path: string,
  frames: Table,
  str: (v: unknown, where: string) => string,
): (f: number) => FrameInit {
  const line = frames.col('line');
  const func = frames.col('func');
  if (func) {
    const funcs = table(check, t.funcTable, `${path}.funcTable`);
    const name = need(check, funcs.col('name'), `${path}.funcTable.name`);
    const fileName = funcs.col('fileName');
    const lineNumber = funcs.col('lineNumber');
    return (f) => {
      const fi = check.integer(func(f), `${path}.frameTable.func[${f}]`);
      if (fi < 0 || fi >= funcs.length)
        check.fail(`${path}.frameTable.func[${f}]`, `function ${fi} does not exist`);
      const n = str(name(fi), `${path}.funcTable.name[${fi}]`);
      const fileRaw = fileName?.(fi);
      const file =
        fileRaw === null || fileRaw === undefined ? '' : str(fileRaw, `${path}.funcTable.fileName[${fi}]`);
      const l = line?.(f) ?? lineNumber?.(fi);
      return frameOf(n, file, typeof l === 'number' ? l : 0);
    };
  }
  const location = need(check, frames.col('location'), `${path}.frameTable.location`);
  return (f) => {
    const loc = str(location(f), `${path}.frameTable.data[${f}]`);
    const m = /^(.*) \((.+?):(\d+)(?::\d+)?\)$/.exec(loc);
    const l = line?.(f);
    if (m) return frameOf(m[1], m[2], typeof l === 'number' ? l : Number(m[3]));
    return frameOf(loc, '', typeof l === 'number' ? l : 0);
  };
}

function frameOf(name: string, file: string, line: number): FrameInit {
  const kind = /\.pyw?$/.test(file) ? 'python' : file ? kindFromFile(file) : 'other';
  return { name, file, line, kind };
}
