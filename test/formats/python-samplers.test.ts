import { describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import { filterProfile } from '../../src/profile/transform.js';
import { foldedMap, importFixture, kindsOf, text } from './helpers.js';

describe('py-spy raw', () => {
  it('turns thread/process roots and idle frames into kinds', () => {
    const p = importFixture('pyspy-raw.txt');
    expect(p.meta).toMatchObject({ format: 'py-spy', sampler: 'py-spy', unit: 'samples' });
    expect(p.totalWeight()).toBe(111);
    const kinds = kindsOf(p);
    // The quoted command line keeps its `;`: it is one frame, not two.
    expect(kinds['process 4242:"python app.py --mode=a;b"']).toBe('process');
    expect(kinds['thread (0x7F3A1C2B5740)']).toBe('thread');
    expect(kinds['<idle>']).toBe('idle');
    expect(kinds.compute).toBe('python');
    const compute = p.frame(p.frames.names.indexOf('compute'));
    expect(compute).toMatchObject({ file: 'app.py', line: 12 });
  });

  it('supports the thread, process and idle filters downstream', () => {
    const p = importFixture('pyspy-raw.txt');
    expect(filterProfile(p, { dropIdle: true }).totalWeight()).toBe(81);
    expect(filterProfile(p, { process: /^process 4243:/ }).totalWeight()).toBe(8);
    const merged = foldedMap(filterProfile(p, { stripThreads: true }));
    expect(merged.get('<module> (app.py:30);main (app.py:24);compute (app.py:12)')).toBe(57);
  });
});

describe('pyflame', () => {
  it('parses file:function:line frames and (idle)/(failed) lines', () => {
    const p = importFixture('pyflame.txt');
    expect(p.meta.format).toBe('pyflame');
    const kinds = kindsOf(p);
    expect(kinds['(idle)']).toBe('idle');
    expect(kinds['(failed)']).toBe('other');
    expect(kinds.crunch).toBe('python');
    expect(p.frame(p.frames.names.indexOf('crunch'))).toMatchObject({ file: '/srv/app/work.py', line: 9 });
    expect(p.totalWeight()).toBe(675);
    expect(filterProfile(p, { dropIdle: true }).totalWeight()).toBe(163);
  });

  it('reads the timestamped flamechart output: one sample per stack line', () => {
    const p = importFixture('pyflame-timestamps.txt');
    expect(p.totalWeight()).toBe(4);
    expect(p.meta.durationNs).toBe(20_000_000);
    expect(
      foldedMap(p).get(
        '<module> (/srv/app/main.py:40);main (/srv/app/main.py:33);crunch (/srv/app/work.py:9)',
      ),
    ).toBe(2);
  });
});

describe('austin', () => {
  it('wall mode: microseconds, metadata, :GC: and :INVALID: frames', () => {
    const p = importFixture('wall.austin');
    expect(p.meta).toMatchObject({
      format: 'austin',
      sampler: 'austin',
      unit: 'microseconds',
      sampleType: 'time',
      intervalNs: 100_000,
      durationNs: 1_203_411_000,
    });
    expect(p.meta.extra).toMatchObject({ austin: '3.6.0', mode: 'wall', saturation: '3/12034' });
    const kinds = kindsOf(p);
    expect(kinds.P4317).toBe('process');
    expect(kinds['T1:4320']).toBe('thread');
    expect(kinds.GC).toBe('gc');
    expect(kinds.INVALID).toBe('other');
    expect(p.totalWeight()).toBe(3021 + 1877 + 412 + 96 + 5500);
  });

  it('memory mode: allocations by default, releases on request, in bytes', () => {
    const alloc = importFixture('memory.austin');
    expect(alloc.meta.unit).toBe('bytes');
    expect(alloc.totalWeight()).toBe(1048576 + 262144);
    const freed = importFixture('memory.austin', { sampleType: 'memory-released' });
    expect(freed.totalWeight()).toBe(524288);
  });

  it('full mode: time, cpu (not idle) and memory sample types', () => {
    expect(importFixture('full.austin').totalWeight()).toBe(2300);
    expect(importFixture('full.austin', { sampleType: 'cpu' }).totalWeight()).toBe(1500);
    const mem = importFixture('full.austin', { sampleType: 'memory' });
    expect(mem.meta.unit).toBe('bytes');
    expect(mem.totalWeight()).toBe(4096);
    expect(() => importFixture('full.austin', { sampleType: 'heap' })).toThrow(
      /unknown austin sample type 'heap'/,
    );
  });

  it('names the line of a malformed sample', () => {
    expect(() => importProfile('x.austin', text('# mode: wall\nP1;T0:1;a.py:f:1 oops\n'))).toThrow(
      /x\.austin:2: not a valid austin sample line/,
    );
  });
});

describe('async-profiler collapsed', () => {
  it('maps _[0] _[1] _[j] _[i] _[k] to kinds and strips them from names', () => {
    const p = importFixture('async-profiler.collapsed');
    expect(p.meta.format).toBe('async-profiler');
    const kinds = kindsOf(p);
    expect(kinds['java/lang/Thread.run']).toBe('jit');
    expect(kinds['com/example/Codec.decode']).toBe('inlined');
    expect(kinds['com/example/Codec.encode']).toBe('java');
    expect(kinds.ksys_write).toBe('kernel');
    expect(kinds['GCTaskThread::run']).toBe('native');
    // `_[1]` (C1) and `_[j]` (C2) frames of one method are one frame.
    expect(p.frames.names.filter((n) => n === 'com/example/Server.handle')).toHaveLength(1);
  });
});

describe('memory profiles (Fil / memray style)', () => {
  it('reads Fil peak-memory.prof: bytes, `file:line (func)` frames, source text dropped', () => {
    const p = importFixture('peak-memory.prof');
    expect(p.meta).toMatchObject({ format: 'memory', unit: 'bytes' });
    expect(p.totalWeight()).toBe(419430400 + 800056 + 20971520);
    const big = p.frame(p.frames.names.indexOf('make_big'));
    expect(big).toMatchObject({ file: 'example.py', line: 6, kind: 'python' });
  });
});

describe('CPython profiling.sampling', () => {
  it('reads tid roots and file:function:line frames', () => {
    const p = importFixture('cpython-sampling.txt');
    expect(p.meta.format).toBe('cpython');
    const kinds = kindsOf(p);
    expect(kinds['tid:140245']).toBe('thread');
    expect(kinds['<GC>']).toBe('gc');
    expect(p.frame(p.frames.names.indexOf('crunch'))).toMatchObject({
      file: 'work.py',
      line: 9,
      kind: 'python',
    });
    expect(p.totalWeight()).toBe(1062);
  });
});
