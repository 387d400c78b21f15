// Generates the large inputs of bench/collapse.bench.ts into bench/data/ (git-ignored):
// - perf-big.txt: `perf script` text, the shared reference inputs (../shared/reference) or, without
//   them, this repo's recorded fixtures, replicated with renamed symbols until ~TARGET_PERF_MB;
// - folded-1m.txt: 1,000,000 distinct folded stacks (~130 MB), built from the collapsed
//   reference stacks by renaming their two leaf-most frames.
// Run directly (`node --import tsx bench/gen-inputs.ts`) or through the benchmark.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { importProfile } from '../src/formats/index.js';
import { writeFolded } from '../src/profile/folded-writer.js';

export const DATA = resolve(import.meta.dirname, 'data');
export const PERF_BIG = join(DATA, 'perf-big.txt');
export const FOLDED_1M = join(DATA, 'folded-1m.txt');
const REFERENCE = resolve(import.meta.dirname, '..', '..', 'shared', 'reference', 'stackcollapse-perf');
const FIXTURES = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'formats');
const TARGET_PERF_MB = Number(process.env.BENCH_PERF_MB ?? 100);
const FOLDED_LINES = 1_000_000;

/** The perf script inputs to replicate, each ending with a blank line. */
function perfSources(): { name: string; text: string }[] {
  const fromDir = (dir: string, match: (f: string) => boolean) =>
    readdirSync(dir)
      .filter((f) => match(f) && statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => ({ name: f, text: `${readFileSync(join(dir, f), 'utf8').trimEnd()}\n\n` }));
  if (existsSync(REFERENCE)) return fromDir(REFERENCE, (f) => f.startsWith('perf-') && f.endsWith('.txt'));
  return fromDir(FIXTURES, (f) => f.endsWith('.perf'));
}

export function sourceLabel(): string {
  return existsSync(REFERENCE)
    ? '../shared/reference/stackcollapse-perf (13 inputs)'
    : 'test/fixtures/formats/*.perf';
}

/**
 * Renames every symbol of an (indented) stack line (`addr sym+off (dso)`) with a per-copy
 * suffix, and names one event in every sample header (`... cycles:` -> `... cpu-clock:`): the
 * collapsers keep only the first event type they see, and the inputs record several (cycles,
 * instructions, page-faults), so without it most of the text would be filtered out unread.
 */
function renameSymbols(text: string, copy: number): string {
  return text
    .replace(
      /^([ \t]+[0-9a-fA-F]+ )([^\s(+]+)/gm,
      (_m, head: string, sym: string) => `${head}${sym}_r${copy}`,
    )
    .replace(/^([^#\s][^\n]*[ \t])\S+:[ \t]*$/gm, (_m, head: string) =>
      // Old `perf script` headers have no timestamp (`java 3244 cpu-clock:`); Inferno then drops
      // the sample once an event filter is set: give them one, as perf prints today.
      head.includes(':') ? `${head}cpu-clock:` : `${head}0.000000: cpu-clock:`,
    );
}

function genPerf(): void {
  const sources = perfSources();
  const fd = openSync(PERF_BIG, 'w');
  let bytes = 0;
  for (let copy = 0; bytes < TARGET_PERF_MB * 1e6; copy++) {
    for (const s of sources) {
      const chunk = renameSymbols(s.text, copy % 50);
      writeSync(fd, chunk);
      bytes += Buffer.byteLength(chunk);
    }
  }
  closeSync(fd);
}

function genFolded(): void {
  // Distinct collapsed stacks of the sources, kept when of a typical length.
  const bases: string[] = [];
  for (const s of perfSources()) {
    const folded = writeFolded(importProfile(s.name, Buffer.from(s.text), { perf: { all: true } }));
    for (const line of folded.split('\n')) {
      const stack = line.slice(0, line.lastIndexOf(' '));
      if (stack.length >= 60 && stack.length <= 175) bases.push(stack);
    }
  }
  // Distinct stacks of a real profile mostly differ near the leaves: vary the two leaf-most
  // frames of each base stack, and write base by base (collapse tools write sorted output, so
  // neighbouring lines share their leading frames).
  const variants = Math.ceil(FOLDED_LINES / bases.length);
  const fd = openSync(FOLDED_1M, 'w');
  let buf = '';
  let n = 0;
  for (let b = 0; b < bases.length && n < FOLDED_LINES; b++) {
    const stack = bases[b];
    const cut = /_\[\w\]$/.test(stack) ? stack.length - 4 : stack.length;
    const lastSemi = stack.lastIndexOf(';', cut);
    for (let v = 0; v < variants && n < FOLDED_LINES; v++, n++) {
      const leaf = `${stack.slice(0, cut)}_v${v % 29}${stack.slice(cut)}`;
      // The parent keeps its `_[k]`-style suffix last, too.
      const at =
        lastSemi > 4 && leaf[lastSemi - 1] === ']' && leaf[lastSemi - 4] === '_' ? lastSemi - 4 : lastSemi;
      const renamed = lastSemi > 0 ? `${leaf.slice(0, at)}_p${Math.floor(v / 29)}${leaf.slice(at)}` : leaf;
      buf += `${renamed} ${1 + ((n * 7919) % 1000)}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

export function ensureInputs(force = false): void {
  mkdirSync(DATA, { recursive: true });
  if (force || !existsSync(PERF_BIG)) genPerf();
  if (force || !existsSync(FOLDED_1M)) genFolded();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  ensureInputs(true);
  for (const f of [PERF_BIG, FOLDED_1M]) console.log(`${f}: ${(statSync(f).size / 1e6).toFixed(1)} MB`);
}
