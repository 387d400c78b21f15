// Firefox Profiler (Gecko) JSON. The profiles are built here, in the two layouts the format has:
// the processed one that CPython's profiling.sampling --gecko (Lib/profiling/sampling/
// gecko_collector.py: column tables, shared.stringArray, funcTable) and samply write, and the raw
// Gecko one of Firefox (schema/data tables, location strings, processes[]). No CPython 3.14+ can
// be installed on the development machine, so no profile recorded by it is shipped.
import { describe, expect, it } from 'vitest';
import { detectFormat, importProfile, makeInput } from '../../src/formats/index.js';
import type { Profile } from '../../src/profile/profile.js';
import { text } from './helpers.js';

/** Stacks as `name;name` -> weight (names only; files and lines are checked separately). */
function foldedMap(p: Profile): Map<string, number> {
  const m = new Map<string, number>();
  p.forEachStack((ids, w) => {
    const k = Array.from(ids, (id) => p.frame(id).name).join(';');
    m.set(k, (m.get(k) ?? 0) + w);
  });
  return m;
}

/** A processed-layout thread (CPython's GeckoCollector shape) from root-first stacks. */
function processedThread(name: string, stacks: [string[], number][], strings: string[], weights?: 'bytes') {
  const intern = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const funcTable = {
    name: [] as number[],
    fileName: [] as (number | null)[],
    lineNumber: [] as (number | null)[],
    length: 0,
  };
  const frameTable = { func: [] as number[], line: [] as (number | null)[], length: 0 };
  const stackTable = { frame: [] as number[], prefix: [] as (number | null)[], length: 0 };
  const samples = {
    stack: [] as (number | null)[],
    time: [] as number[],
    weight: null as number[] | null,
    weightType: weights ?? 'samples',
    length: 0,
  };
  const frameOf = new Map<string, number>();
  const stackOf = new Map<string, number>();
  for (const [stack, count] of stacks) {
    let prefix: number | null = null;
    for (const label of stack) {
      const [fn, file, line] = label.split('@');
      let f = frameOf.get(label);
      if (f === undefined) {
        funcTable.name.push(intern(fn));
        funcTable.fileName.push(file ? intern(file) : null);
        funcTable.lineNumber.push(line ? Number(line) : null);
        f = frameTable.func.push(funcTable.name.length - 1) - 1;
        frameTable.line.push(line ? Number(line) : null);
        frameOf.set(label, f);
      }
      const key = `${f}:${prefix}`;
      let s = stackOf.get(key);
      if (s === undefined) {
        s = stackTable.frame.push(f) - 1;
        stackTable.prefix.push(prefix);
        stackOf.set(key, s);
      }
      prefix = s;
    }
    if (weights) {
      samples.weight ??= [];
      samples.stack.push(prefix);
      samples.time.push(samples.time.length);
      samples.weight.push(count);
    } else {
      for (let i = 0; i < count; i++) {
        samples.stack.push(prefix);
        samples.time.push(samples.time.length);
      }
    }
  }
  funcTable.length = funcTable.name.length;
  frameTable.length = frameTable.func.length;
  stackTable.length = stackTable.frame.length;
  samples.length = samples.stack.length;
  return {
    name,
    pid: '1',
    tid: 7,
    processName: 'Python Process',
    samples,
    stackTable,
    frameTable,
    funcTable,
  };
}

function cpythonProfile(threads: ReturnType<typeof processedThread>[], strings: string[]) {
  return {
    meta: {
      interval: 0.1,
      version: 32,
      preprocessedProfileVersion: 57,
      stackwalk: 0,
      product: 'Python',
      importedFrom: 'Tachyon Sampling Profiler',
      categories: [{ name: 'Python', color: 'yellow', subcategories: ['Other'] }],
    },
    libs: [],
    threads,
    shared: { stringArray: strings },
  };
}

const bytes = (o: unknown) => text(JSON.stringify(o));

describe('gecko: processed layout (CPython --gecko, samply)', () => {
  const strings = ['(root)'];
  const main = processedThread(
    'MainThread',
    [
      [['<module>@bench.py@1', 'main@bench.py@9', 'score@bench.py@4'], 3],
      [['<module>@bench.py@1', 'main@bench.py@9'], 1],
    ],
    strings,
  );
  const worker = processedThread('Thread-2', [[['worker@bench.py@20', 'score@bench.py@4'], 2]], strings);
  const file = bytes(cpythonProfile([main, worker], strings));

  it('is sniffed from its content and merges all threads', () => {
    expect(detectFormat(makeInput('profile.json', file))?.name).toBe('gecko');
    const p = importProfile('profile.json', file);
    expect(p.meta.format).toBe('gecko');
    expect(p.meta.unit).toBe('samples');
    expect(p.meta.intervalNs).toBe(100_000);
    expect(p.meta.sampler).toBe('Tachyon Sampling Profiler');
    expect(p.meta.extra?.threads).toBe('MainThread, Thread-2');
    expect(Object.fromEntries(foldedMap(p))).toEqual({
      '<module>;main;score': 3,
      '<module>;main': 1,
      'worker;score': 2,
    });
    // Files and lines come through for source links; .py files are Python frames.
    let score: { file: string; line: number; kind: string } | undefined;
    for (let i = 0; i < p.frames.size; i++) if (p.frame(i).name === 'score') score = p.frame(i);
    expect(score).toMatchObject({ file: 'bench.py', line: 4, kind: 'python' });
  });

  it('--sample-type THREAD keeps one thread; an unknown one lists the threads', () => {
    const p = importProfile('profile.json', file, { sampleType: 'Thread-2' });
    expect(Object.fromEntries(foldedMap(p))).toEqual({ 'worker;score': 2 });
    expect(() => importProfile('profile.json', file, { sampleType: 'nope' })).toThrow(
      "profile.json: no thread named 'nope' (threads: MainThread, Thread-2)",
    );
  });

  it('weights in bytes (samply allocation profiles) keep their unit', () => {
    const s = ['(root)'];
    const t = processedThread('Alloc', [[['main@a.c', 'alloc@a.c'], 4096]], s, 'bytes');
    const p = importProfile('x.json', bytes(cpythonProfile([t], s)));
    expect(p.meta.unit).toBe('bytes');
    expect(p.meta.intervalNs).toBeUndefined();
    expect(Object.fromEntries(foldedMap(p))).toEqual({ 'main;alloc': 4096 });
  });

  it('a thread-local stringArray (older samply) is used when there is no shared one', () => {
    const s: string[] = [];
    const t = { ...processedThread('T', [[['a', 'b'], 2]], s), stringArray: s };
    const prof = { meta: { interval: 1, stackwalk: 1, product: 'samply' }, libs: [], threads: [t] };
    const p = importProfile('samply.json', bytes(prof));
    expect(p.meta.sampler).toBe('samply');
    expect(p.meta.intervalNs).toBe(1_000_000);
    expect(Object.fromEntries(foldedMap(p))).toEqual({ 'a;b': 2 });
  });

  it('bad indices and empty profiles are one-line errors naming the file and the JSON path', () => {
    const s = ['(root)'];
    const t = processedThread('T', [[['a', 'b'], 1]], s);
    t.funcTable.name[1] = 99;
    expect(() => importProfile('bad.json', bytes(cpythonProfile([t], s)))).toThrow(
      /^bad\.json: \$\.threads\[0\]\.funcTable\.name\[1\]: string index 99 is outside the string table/,
    );
    const empty = processedThread('T', [], ['(root)']);
    expect(() => importProfile('empty.json', bytes(cpythonProfile([empty], ['(root)'])))).toThrow(
      'no samples in empty.json',
    );
    const loop = processedThread('T', [[['a', 'b'], 1]], ['(root)']);
    loop.stackTable.prefix[0] = 1;
    expect(() => importProfile('loop.json', bytes(cpythonProfile([loop], ['(root)'])))).toThrow(
      /loop\.json: \$\.threads\[0\]\.stackTable: stack \d+ does not exist or loops/,
    );
  });
});

describe('gecko: raw layout (Firefox)', () => {
  const thread = (name: string, strings: string[], stackRows: unknown[][], sampleRows: unknown[][]) => ({
    name,
    samples: { schema: { stack: 0, time: 1, eventDelay: 2 }, data: sampleRows },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stackRows },
    frameTable: {
      schema: { location: 0, relevantForJS: 1, line: 4 },
      data: [[0], [1, false, null, null, 12], [2]],
    },
    stringTable: strings,
  });
  const strings = ['(root)', 'render (https://example.org/app.js:10:3)', '0x7f00abcd'];
  const stacks = [
    [null, 0],
    [0, 1],
    [1, 2],
  ];
  const prof = {
    meta: { interval: 1, version: 24, stackwalk: 1, processType: 0, product: 'Firefox' },
    threads: [
      thread('GeckoMain', strings, stacks, [
        [2, 0],
        [1, 1],
        [null, 2],
      ]),
    ],
    processes: [{ meta: {}, threads: [thread('GeckoMain', strings, stacks, [[2, 0]])] }],
  };

  it('reads schema/data tables, location strings and child processes', () => {
    const p = importProfile('firefox.json', bytes(prof));
    expect(p.meta.format).toBe('gecko');
    expect(Object.fromEntries(foldedMap(p))).toEqual({
      '(root);render;0x7f00abcd': 2,
      '(root);render': 1,
    });
    let render: { file: string; line: number } | undefined;
    for (let i = 0; i < p.frames.size; i++) if (p.frame(i).name === 'render') render = p.frame(i);
    // The frame table's own line wins over the one in the location.
    expect(render).toMatchObject({ file: 'https://example.org/app.js', line: 12 });
  });

  it('is not mistaken for other JSON profiles', () => {
    expect(detectFormat(makeInput('x.json', bytes({ nodes: [], startTime: 0 })))?.name).not.toBe('gecko');
    expect(detectFormat(makeInput('x.json', bytes({ meta: { a: 1 }, threads: [] })))?.name).not.toBe('gecko');
  });
});
