// One line per shipped profile fixture, for every format (speedscope's own fixture tests do the
// same): (a) the import matches its snapshot (canonical folded text, totals and metadata),
// (b) the same bytes without their file name import to the same profile (content sniffing), and
// (c) exporting to speedscope and to canonical folded text and importing again gives the same
// profile. Adding a fixture is one line in FIXTURES; a profile fixture missing from the table fails.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import { exportToSpeedscope } from '../../src/formats/speedscope-export.js';
import type { FormatName } from '../../src/formats/types.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import type { Profile } from '../../src/profile/profile.js';
import { expectGolden, FIXTURES as FIXTURE_ROOT } from '../support/golden.js';

interface Row {
  /** Path under test/fixtures/. */
  file: string;
  /** The format the file name and content must both select. */
  format: FormatName;
}

// biome-ignore format: one fixture per line
const FIXTURES: Row[] = [
  { file: 'formats/busy.perf', format: 'perf-script' },
  { file: 'formats/busy.perf.gz', format: 'perf-script' },
  { file: 'formats/dd.perf', format: 'perf-script' },
  { file: 'formats/two-events.perf', format: 'perf-script' },
  { file: 'formats/edge-cases.folded', format: 'folded' },
  { file: 'formats/pyspy-raw.txt', format: 'py-spy' },
  { file: 'formats/pyflame.txt', format: 'pyflame' },
  { file: 'formats/pyflame-timestamps.txt', format: 'pyflame' },
  { file: 'formats/wall.austin', format: 'austin' },
  { file: 'formats/memory.austin', format: 'austin' },
  { file: 'formats/full.austin', format: 'austin' },
  { file: 'formats/async-profiler.collapsed', format: 'async-profiler' },
  { file: 'formats/peak-memory.prof', format: 'memory' },
  { file: 'formats/cpython-sampling.txt', format: 'cpython' },
  { file: 'formats/sample.diff-folded', format: 'diff-folded' },
  { file: 'binary-formats/node-workload.cpuprofile', format: 'cpuprofile' },
  { file: 'binary-formats/chrome-trace.json', format: 'cpuprofile' },
  { file: 'binary-formats/cprofile-workload.pstats', format: 'pstats' },
  { file: 'binary-formats/go-cpu.pb.gz', format: 'pprof' },
  { file: 'binary-formats/go-heap.pb', format: 'pprof' },
  { file: 'binary-formats/evented.speedscope.json', format: 'speedscope' },
  { file: 'binary-formats/golden-export.speedscope.json', format: 'speedscope' },
];

/** Files in the fixture folders that are not profiles to import (sources, scripts, notes). */
const NOT_PROFILES = new Set([
  'formats/README.md',
  'formats/busy.c',
  'binary-formats/README.md',
  'binary-formats/workload.mjs',
  'binary-formats/workload.py',
  'binary-formats/make-pprof-fixtures.ts',
  'binary-formats/record-chrome-trace.mjs',
  // Rejected on purpose (marshalled code objects): test/formats/pstats.test.ts checks the message.
  'binary-formats/profile-workload.pstats',
]);

/** A neutral name with no extension: the format must come from the bytes alone. */
const NO_NAME = 'input';

function load(row: Row, name = path.basename(row.file)): Profile {
  return importProfile(name, readFileSync(path.join(FIXTURE_ROOT, row.file)));
}

/** Every frame field of every stack, sorted: what "the same profile" means below. */
function deep(p: Profile): string {
  const lines: string[] = [];
  p.forEachStack((ids, weight) => {
    const frames = Array.from(ids, (id) => {
      const f = p.frame(id);
      return `${f.name}|${f.file}|${f.line}|${f.module}|${f.kind}`;
    });
    lines.push(`${frames.join(' ; ')} ${weight}`);
  });
  return lines.sort().join('\n');
}

/** Folded text longer than this is snapshotted as its first lines and a SHA-256 of the whole. */
const SNAPSHOT_LIMIT = 64 * 1024;

function snapshot(p: Profile): string {
  const { source: _source, ...meta } = p.meta;
  const facts = {
    meta,
    totalWeight: p.totalWeight(),
    stacks: p.stackCount,
    frames: p.frames.size,
  };
  const folded = writeFolded(p);
  if (folded.length <= SNAPSHOT_LIMIT) return `${JSON.stringify(facts, null, 2)}\n${folded}`;
  // Derived profiles (cProfile call edges) fold to megabytes: keep the head and a digest of all.
  const head = folded.split('\n').slice(0, 40).join('\n');
  const sha = createHash('sha256').update(folded).digest('hex');
  return `${JSON.stringify({ ...facts, foldedBytes: folded.length, foldedSha256: sha }, null, 2)}\n${head}\n...\n`;
}

describe('format fixtures', () => {
  it('every profile fixture has a row', () => {
    const shipped = ['formats', 'binary-formats'].flatMap((d) =>
      readdirSync(path.join(FIXTURE_ROOT, d)).map((f) => `${d}/${f}`),
    );
    const listed = new Set(FIXTURES.map((r) => r.file));
    expect(shipped.filter((f) => !listed.has(f) && !NOT_PROFILES.has(f))).toEqual([]);
  });

  describe.each(FIXTURES)('$file', (row) => {
    const p = load(row);

    it(`imports as ${row.format}, matching its snapshot`, () => {
      expect(p.meta.format).toBe(row.format);
      expect(p.totalWeight()).not.toBe(0);
      expectGolden(`format-snapshots/${row.file}.txt`, snapshot(p));
    });

    it('imports the same without its file name (content sniffing)', () => {
      const q = load(row, NO_NAME);
      expect(q.meta.format).toBe(row.format);
      expect(deep(q)).toBe(deep(p));
      expect({ ...q.meta, source: '' }).toEqual({ ...p.meta, source: '' });
    });

    it('round-trips through a speedscope export', () => {
      const q = importProfile('export.speedscope.json', new TextEncoder().encode(exportToSpeedscope(p)));
      expect(deep(q)).toBe(deep(p));
      expect(q.meta.unit).toBe(p.meta.unit);
    });

    it('round-trips through canonical folded text', () => {
      const folded = writeFolded(p);
      const q = importProfile('export.folded', new TextEncoder().encode(folded));
      expect(writeFolded(q)).toBe(folded);
    });
  });
});
