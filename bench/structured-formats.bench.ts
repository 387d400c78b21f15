// Import throughput of the structured importers (V8 .cpuprofile, pprof, speedscope) on large
// generated inputs. Inputs are written once to bench/data/ (seeded, so identical on every run).
// Run: npm run bench structured-formats
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  Function as Fn,
  Line,
  Location,
  Mapping,
  Profile as PProfile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';
import { cpuprofileFormat } from '../src/formats/cpuprofile.js';
import { pprofFormat } from '../src/formats/pprof.js';
import { speedscopeFormat } from '../src/formats/speedscope.js';
import { exportToSpeedscope } from '../src/formats/speedscope-export.js';
import type { FormatImporter, ProfileInput } from '../src/formats/types.js';
import { seededRandom } from '../src/lib/random.js';
import type { Profile } from '../src/profile/profile.js';
import { median, writeSection } from './lib/results.js';

const DATA = path.resolve(import.meta.dirname, 'data');
const GEN_VERSION = 1;
const RUNS = 3;

/** A call tree of `nodes` nodes, up to 40 deep, over 2000 distinct functions in 200 files. */
function generateCpuprofile(nodeCount: number, sampleCount: number): string {
  const r = seededRandom(1);
  const nodes: Array<{ id: number; callFrame: object; hitCount: number; children: number[] }> = [];
  const depth: number[] = [];
  nodes.push({ id: 1, callFrame: frame('(root)', '', -1), hitCount: 0, children: [] });
  depth.push(0);
  for (let i = 1; i < nodeCount; i++) {
    let parent = Math.floor(r() * i);
    while (depth[parent] >= 40) parent = Math.floor(r() * i);
    const fn = Math.floor(r() * 2000);
    nodes.push({
      id: i + 1,
      callFrame: frame(`fn_${fn}`, `file:///srv/app/src/module_${fn % 200}.js`, fn % 500),
      hitCount: 0,
      children: [],
    });
    depth.push(depth[parent] + 1);
    nodes[parent].children.push(i + 1);
  }
  const samples = new Array<number>(sampleCount);
  const timeDeltas = new Array<number>(sampleCount);
  for (let i = 0; i < sampleCount; i++) {
    samples[i] = 1 + Math.floor(r() ** 2 * nodeCount);
    timeDeltas[i] = 900 + Math.floor(r() * 200);
  }
  return JSON.stringify({ nodes, startTime: 0, endTime: sampleCount * 1000, samples, timeDeltas });
}

function frame(functionName: string, url: string, lineNumber: number) {
  return { functionName, scriptId: '1', url, lineNumber, columnNumber: 4 };
}

/** Go-like CPU profile: `sampleCount` samples, 5-60 frames deep, over 5000 locations (10% with an inlined line). */
function generatePprof(sampleCount: number): Uint8Array {
  const r = seededRandom(2);
  const st = new StringTable();
  const functions: Fn[] = [];
  for (let i = 1; i <= 3000; i++) {
    functions.push(
      new Fn({
        id: i,
        name: st.dedup(`pkg${i % 50}.Func${i}`),
        filename: st.dedup(`/src/pkg${i % 50}/file${i % 300}.go`),
      }),
    );
  }
  const locations: Location[] = [];
  for (let i = 1; i <= 5000; i++) {
    const line = [new Line({ functionId: 1 + Math.floor(r() * 3000), line: 1 + Math.floor(r() * 400) })];
    if (i % 10 === 0) line.unshift(new Line({ functionId: 1 + Math.floor(r() * 3000), line: 7 }));
    locations.push(new Location({ id: i, mappingId: 1, address: 0x400000 + i * 16, line }));
  }
  const samples: Sample[] = [];
  for (let i = 0; i < sampleCount; i++) {
    const d = 5 + Math.floor(r() * 55);
    const ids: number[] = [];
    for (let k = 0; k < d; k++) ids.push(1 + Math.floor(r() ** 1.5 * 5000));
    samples.push(new Sample({ locationId: ids, value: [1, 10_000_000] }));
  }
  return new PProfile({
    sampleType: [
      new ValueType({ type: st.dedup('samples'), unit: st.dedup('count') }),
      new ValueType({ type: st.dedup('cpu'), unit: st.dedup('nanoseconds') }),
    ],
    sample: samples,
    mapping: [
      new Mapping({
        id: 1,
        memoryStart: 0x400000,
        memoryLimit: 0x800000,
        filename: st.dedup('/usr/bin/app'),
      }),
    ],
    location: locations,
    function: functions,
    stringTable: st,
    periodType: new ValueType({ type: st.dedup('cpu'), unit: st.dedup('nanoseconds') }),
    period: 10_000_000,
  }).encode();
}

function cached(name: string, make: () => Uint8Array | string): Uint8Array {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `v${GEN_VERSION}-${name}`);
  if (!existsSync(file)) writeFileSync(file, make());
  return readFileSync(file);
}

function input(fileName: string, bytes: Uint8Array): ProfileInput {
  let text: string | undefined;
  return {
    fileName,
    bytes,
    text: () => {
      text ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      return text;
    },
  };
}

interface Row {
  name: string;
  bytes: number;
  ms: number;
  cpuMs: number;
  stacks: number;
}

function measure(
  name: string,
  format: FormatImporter,
  fileName: string,
  bytes: Uint8Array,
): { row: Row; profile: Profile } {
  const times: number[] = [];
  const cpu: number[] = [];
  let profile: Profile | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    // A fresh input each run: text decoding is part of the import.
    profile = format.import(input(fileName, bytes), {});
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const row = {
    name,
    bytes: bytes.length,
    ms: median(times),
    cpuMs: median(cpu),
    stacks: profile!.stackCount,
  };
  console.log(
    `${name}: ${(row.bytes / 1e6).toFixed(1)} MB in ${row.ms.toFixed(0)} ms wall (${mbps(row).toFixed(0)} MB/s), ${row.cpuMs.toFixed(0)} ms CPU (${cpuMbps(row).toFixed(0)} MB/s)`,
  );
  return { row, profile: profile! };
}

const mbps = (r: Row) => r.bytes / 1e6 / (r.ms / 1000);
const cpuMbps = (r: Row) => r.bytes / 1e6 / (r.cpuMs / 1000);

const rows: Row[] = [];
const cpu = cached('large.cpuprofile', () => generateCpuprofile(50_000, 2_000_000));
const { profile: cpuProfile } = (() => {
  const m = measure('cpuprofile (50k nodes, 2M samples)', cpuprofileFormat, 'large.cpuprofile', cpu);
  rows.push(m.row);
  return m;
})();
const pb = cached('large.pb', () => generatePprof(200_000));
rows.push(measure('pprof (200k samples, 5-60 deep)', pprofFormat, 'large.pb', pb).row);
const pbGz = cached('large.pb.gz', () => gzipSync(pb));
const gz = measure('pprof gzipped (same profile)', pprofFormat, 'large.pb.gz', pbGz).row;
rows.push(gz);
const ss = Buffer.from(exportToSpeedscope(cpuProfile, 'bench'));
rows.push(
  measure('speedscope (export of the cpuprofile)', speedscopeFormat, 'large.speedscope.json', ss).row,
);

const table = [
  '| input | size | wall time | wall MB/s | CPU time | CPU MB/s | distinct stacks |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.ms.toFixed(0)} ms | ${mbps(r).toFixed(0)} | ${r.cpuMs.toFixed(0)} ms | ${cpuMbps(r).toFixed(0)} | ${r.stacks} |`,
  ),
].join('\n');
writeSection(
  'structured-formats',
  'Structured format import (cpuprofile, pprof, speedscope)',
  'npm run bench structured-formats',
  `${table}\n\nMedians of 3 imports. CPU time is this process's user+system time, steadier than wall time on a shared machine. Inputs are generated (seeded) by the benchmark into bench/data/. Throughput counts the file's bytes as stored (the gzipped pprof: compressed bytes; its time includes gunzip). Import includes JSON/protobuf parsing, validation and building the profile model.`,
);
