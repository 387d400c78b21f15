import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  Function as Fn,
  Line,
  Location,
  Profile as PProfile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importProfile } from '../../src/formats/index.js';
import { pprofFormat } from '../../src/formats/pprof.js';
import type { ImportOptions, ProfileInput } from '../../src/formats/types.js';
import { type Profile, writeFolded } from '../../src/profile/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/binary-formats');
const goCpu = readFileSync(join(FIXTURES, 'go-cpu.pb.gz'));
const goHeap = readFileSync(join(FIXTURES, 'go-heap.pb'));

function input(bytes: Uint8Array, fileName = 'x.pb'): ProfileInput {
  return { fileName, bytes, text: () => new TextDecoder().decode(bytes) };
}

function load(bytes: Uint8Array, opts: ImportOptions = {}, fileName = 'x.pb'): Profile {
  return pprofFormat.import(input(bytes, fileName), opts);
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

/** A tiny profile built with pprof-format's encoder; `edit` may break it on purpose. */
function tiny(edit: (p: { samples: Sample[]; st: StringTable }) => void = () => {}): Uint8Array {
  const st = new StringTable();
  const samples = [new Sample({ locationId: [1], value: [7] })];
  edit({ samples, st });
  return new PProfile({
    sampleType: [new ValueType({ type: st.dedup('wall'), unit: st.dedup('microseconds') })],
    sample: samples,
    location: [new Location({ id: 1, line: [new Line({ functionId: 1, line: 3 })] })],
    function: [new Fn({ id: 1, name: st.dedup('work'), filename: st.dedup('app.py') })],
    stringTable: st,
  }).encode();
}

describe('pprof importer', () => {
  it('imports a gzipped CPU profile: last sample type by default, inlined lines expanded', () => {
    const p = load(goCpu, {}, 'go-cpu.pb.gz');
    expect(p.meta).toMatchObject({
      unit: 'nanoseconds',
      sampleType: 'cpu/nanoseconds',
      intervalNs: 10_000_000,
      durationNs: 1_000_000_000,
    });
    expect(writeFolded(p)).toBe(
      [
        'main.main (/src/app/main.go:12) 20000000',
        'main.main (/src/app/main.go:12);main.hash (/src/app/hash.go:4) 50000000',
        'main.main (/src/app/main.go:12);main.hash (/src/app/hash.go:4);[libc.so.6] 10000000',
        'main.main (/src/app/main.go:12);main.parse (/src/app/parse.go:7);strings.Index (/usr/lib/go/src/strings/strings.go:120)_[i] 30000000',
        '',
      ].join('\n'),
    );
    const byName = (n: string) => p.frame(p.frames.names.indexOf(n));
    // The inlined callee is marked; its caller (the location's last line) is the real frame.
    expect(byName('strings.Index')).toMatchObject({ kind: 'inlined', module: 'app' });
    expect(byName('main.parse')).toMatchObject({ kind: 'go', line: 7 });
    expect(byName('[libc.so.6]')).toMatchObject({ kind: 'native', module: 'libc.so.6' });
  });

  it('selects any sample type by name, type/unit or index', () => {
    expect(load(goCpu, { sampleType: 'samples' }).totalWeight()).toBe(11);
    expect(load(goCpu, { sampleType: 'samples' }).meta.unit).toBe('samples');
    expect(load(goCpu, { sampleType: 'samples/count' }).totalWeight()).toBe(11);
    expect(load(goCpu, { sampleType: '1' }).totalWeight()).toBe(110_000_000);
    const err = errorOf(() => load(goCpu, { sampleType: 'alloc_space' }, 'go-cpu.pb.gz'));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toBe(
      "go-cpu.pb.gz: no sample type 'alloc_space' (expected one of: samples/count, cpu/nanoseconds)",
    );
  });

  it('honours default_sample_type and maps units (bytes, count, microseconds -> nanoseconds)', () => {
    const heap = load(goHeap);
    expect(heap.meta).toMatchObject({ unit: 'bytes', sampleType: 'inuse_space/bytes' });
    expect(heap.totalWeight()).toBe(2048 + 4096);
    const objects = load(goHeap, { sampleType: 'alloc_objects' });
    expect(objects.meta.unit).toBe('count');
    expect(objects.totalWeight()).toBe(14);
    const wall = load(tiny());
    expect(wall.meta.unit).toBe('nanoseconds');
    expect(wall.totalWeight()).toBe(7000);
    expect(wall.frame(0)).toMatchObject({ name: 'work', file: 'app.py', line: 3, kind: 'python' });
  });

  it('imports through the dispatcher by name and by content (gzipped or not)', () => {
    expect(importProfile('go-cpu.pb.gz', goCpu).meta.format).toBe('pprof');
    expect(importProfile('heap.prof', goHeap).meta.format).toBe('pprof');
    expect(pprofFormat.is(input(goCpu))).toBe(true);
    expect(pprofFormat.is(input(gunzipSync(goCpu)))).toBe(true);
    expect(pprofFormat.is(input(goHeap))).toBe(true);
    const enc = new TextEncoder();
    for (const text of ['main;work 12\n', '{"nodes":[]}', '# comment\n', '', 'python 3\n', '\n\nfoo 1\n']) {
      expect(pprofFormat.is(input(enc.encode(text)))).toBe(false);
    }
    // A marshal dict (pstats) starts with `{` or 0xfb: not protobuf.
    expect(pprofFormat.is(input(Uint8Array.from([0xfb, 0x29, 0x03, 0xda])))).toBe(false);
  });

  it('rejects truncated and malformed data with the byte offset', () => {
    const raw = gunzipSync(goCpu);
    const cut = errorOf(() => load(raw.subarray(0, raw.length - 5), {}, 'cut.pb'));
    expect(cut).toBeInstanceOf(InputError);
    expect(cut.message).toMatch(/^cut\.pb: byte \d+: truncated .*not a valid pprof profile$/);
    const badWire = errorOf(() =>
      load(Uint8Array.from([0x0a, 0x02, 0x08, 0x01, 0x0d, 1, 2, 3, 4]), {}, 'w.pb'),
    );
    expect(badWire.message).toBe(
      'w.pb: byte 4: Profile.sample_type has wire type 5 (expected length-delimited); not a valid pprof profile',
    );
    const gz = errorOf(() => load(goCpu.subarray(0, 30), {}, 'broken.pb.gz'));
    expect(gz.message).toMatch(/^broken\.pb\.gz: byte 0: corrupt gzip data/);
  });

  it('rejects references to undefined locations and functions, naming the sample', () => {
    const bytes = tiny(({ samples }) => samples.push(new Sample({ locationId: [9], value: [1] })));
    const err = errorOf(() => load(bytes, {}, 'ref.pb'));
    expect(err.message).toMatch(/^ref\.pb: byte \d+: sample 1 refers to location 9, which is not defined/);
    const values = errorOf(() =>
      load(tiny(({ samples }) => samples.push(new Sample({ locationId: [1], value: [1, 2] })))),
    );
    expect(values.message).toMatch(/sample 1 has 2 values \(expected 1, one per sample type\)/);
  });

  it('says "no samples in FILE" for a profile without samples', () => {
    expect(() =>
      load(
        tiny(({ samples }) => samples.splice(0)),
        {},
        'empty.pb',
      ),
    ).toThrow(/^no samples in empty\.pb$/);
    expect(() => load(new Uint8Array(0), {}, 'zero.pb')).toThrow(/^no samples in zero\.pb$/);
  });
});

describe('pprof whose default sample type is zero everywhere', () => {
  // The shape of .NET and Java profiles (pyroscope's dotnet.labels.pprof): samples exist, but the
  // type chosen by default (default_sample_type, else the last) is 0 in every one of them.
  const twoTypes = () => {
    const st = new StringTable();
    return new PProfile({
      sampleType: [
        new ValueType({ type: st.dedup('cpu'), unit: st.dedup('nanoseconds') }),
        new ValueType({ type: st.dedup('lock_time'), unit: st.dedup('nanoseconds') }),
      ],
      sample: [
        new Sample({ locationId: [1], value: [10_000_000, 0] }),
        new Sample({ locationId: [1], value: [20_000_000, 0] }),
      ],
      location: [new Location({ id: 1, line: [new Line({ functionId: 1, line: 3 })] })],
      function: [new Fn({ id: 1, name: st.dedup('work'), filename: st.dedup('app.cs') })],
      stringTable: st,
    }).encode();
  };

  it('says so and lists the types to choose with --sample-type', () => {
    expect(() => load(twoTypes(), {}, 'dotnet.pprof')).toThrow(
      'no samples in dotnet.pprof (sample type lock_time/nanoseconds, the default, is zero in all 2 samples; choose another with --sample-type: cpu/nanoseconds, lock_time/nanoseconds)',
    );
    expect(load(twoTypes(), { sampleType: 'cpu' }).totalWeight()).toBe(30_000_000);
  });
});

describe('pprof importer on corrupted input (property)', () => {
  it('either imports or throws a one-line InputError, never anything else', () => {
    const raw = new Uint8Array(gunzipSync(goCpu));
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(raw.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(raw.length),
        (edits, cut) => {
          const bytes = raw.slice(0, Math.max(1, cut));
          for (const e of edits) if (e.at < bytes.length) bytes[e.at] = e.byte;
          try {
            load(bytes, {}, 'fuzz.pb');
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            expect(err.message).not.toContain('\n');
          }
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
});
