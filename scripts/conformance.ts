// Runs flamediff's parsers against ../shared/reference (real outputs of other projects' tools)
// and prints per-case failures and `N passed, N failed`. Usage: tsx scripts/conformance.ts DIR
// Also runs more/ (Inferno's and speedscope's perf-script cases) and, when dist/cli.js is built,
// the wild/ harness (real profiles from public repositories; its own `N passed, N failed` line is
// added to the totals). SKIP_WILD=1 leaves wild/ out.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { errorLine, NoSamplesError } from '../src/errors.js';
import { diffFolded, importDiffFolded } from '../src/formats/diff-folded.js';
import { importProfile } from '../src/formats/index.js';
import type { PerfCollapseOptions } from '../src/formats/types.js';
import { writeFolded } from '../src/profile/folded-writer.js';

interface Outcome {
  name: string;
  ok: boolean;
  detail?: string;
}

const root = process.argv[2] ?? '../shared/reference';
if (!existsSync(root)) {
  console.error(`conformance: ${root} does not exist (nothing to check)`);
  process.exit(2);
}

const outcomes: Outcome[] = [];
const check = (name: string, fn: () => string | undefined): void => {
  try {
    const problem = fn();
    outcomes.push({ name, ok: problem === undefined, detail: problem });
  } catch (err) {
    outcomes.push({ name, ok: false, detail: `threw ${errorLine(err)}` });
  }
};

stackcollapsePerf(join(root, 'stackcollapse-perf'));
diffFoldedCases(join(root, 'diff-folded'));
formatsCases(join(root, 'formats'));
morePerfCases(join(root, 'more'));

let passed = 0;
let failed = 0;
const wild = wildHarness(join(root, 'wild'));
passed += wild.passed;
failed += wild.failed;
for (const o of outcomes) {
  if (o.ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${o.name}: ${o.detail}`);
  }
}
if (process.env.VERBOSE) for (const o of outcomes) if (o.ok) console.log(`ok   ${o.name}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/**
 * more/collapse-perf: Inferno's perf-script inputs, expected output from the Perl script
 * (results-perl/, which flamediff follows) or else Inferno's (results/); options from the name.
 * more/speedscope-perf: speedscope's linux-perf samples with stackcollapse-perf.pl's output for
 * the default and --all.
 */
function morePerfCases(dir: string): void {
  const cp = join(dir, 'collapse-perf');
  if (existsSync(cp)) {
    const expected = new Map<string, string>();
    for (const sub of ['results', 'results-perl']) {
      if (!existsSync(join(cp, sub))) continue;
      for (const f of readdirSync(join(cp, sub))) expected.set(f, join(cp, sub, f)); // perl wins
    }
    // Inferno's own results for FlameGraph's inputs (it strips Rust hashes, the Perl script does
    // not): those inputs are checked against the Perl script's output in stackcollapse-perf/.
    for (const [f, want] of expected) {
      const base = f.replace(/-collapsed(?:-\w+)?\.txt$/, '');
      if (!want.includes('results-perl') && existsSync(join(root, 'stackcollapse-perf', `${base}.txt`)))
        expected.delete(f);
    }
    for (const [file, want] of [...expected].sort()) {
      const m = /^(.*?)-collapsed(?:-(\w+))?\.txt$/.exec(file);
      if (!m) continue;
      const [, base, option] = m;
      const input = [
        join(cp, `${base}.txt`),
        join(dir, `${base}.txt.gz`),
        join(root, 'stackcollapse-perf', `${base}.txt`),
      ].find(existsSync);
      check(`more/collapse-perf/${base}${option ? ` --${option}` : ''}`, () => {
        if (!input) return `no input ${base}.txt for ${file}`;
        const perf: PerfCollapseOptions = option ? { [option]: true } : {};
        const wanted = readFileSync(want, 'utf8');
        try {
          const profile = importProfile(`${base}.txt`, readFileSync(input), { format: 'perf-script', perf });
          return compareLines(writeFolded(profile), wanted);
        } catch (err) {
          // The Perl script prints nothing where flamediff says "no samples" (an empty file, a
          // last sample no blank line ends): the same answer.
          if (err instanceof NoSamplesError && wanted.trim() === '') return undefined;
          throw err;
        }
      });
    }
  }
  const sp = join(dir, 'speedscope-perf');
  if (existsSync(join(sp, 'expected'))) {
    for (const file of readdirSync(join(sp, 'expected')).sort()) {
      const m = /^(.*)-(default|all)\.txt$/.exec(file);
      if (!m) continue;
      const [, base, mode] = m;
      check(`more/speedscope-perf/${base} ${mode}`, () => {
        const perf: PerfCollapseOptions = mode === 'all' ? { all: true } : {};
        const profile = importProfile(`${base}.txt`, readFileSync(join(sp, `${base}.txt`)), {
          format: 'perf-script',
          perf,
        });
        return compareLines(writeFolded(profile), readFileSync(join(sp, 'expected', file), 'utf8'));
      });
    }
  }
}

/** wild/run.sh against the built CLI; prints its failures and returns its counts. */
function wildHarness(dir: string): { passed: number; failed: number } {
  const script = join(dir, 'run.sh');
  if (!existsSync(script) || process.env.SKIP_WILD === '1') return { passed: 0, failed: 0 };
  if (!existsSync('dist/cli.js')) {
    console.log('FAIL wild/: dist/cli.js is not built (run `npm run build`, or SKIP_WILD=1)');
    return { passed: 0, failed: 1 };
  }
  const r = spawnSync('bash', [script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = (r.stdout ?? '').trimEnd().split('\n');
  const last = /^(\d+) passed, (\d+) failed$/.exec(lines[lines.length - 1] ?? '');
  for (const l of lines.slice(0, -1)) if (!l.startsWith('SLOW ')) console.log(`wild: ${l}`);
  if (!last) {
    console.log(
      `FAIL wild/: the harness ended without a summary (exit ${r.status}): ${(r.stderr ?? '').slice(0, 300)}`,
    );
    return { passed: 0, failed: 1 };
  }
  return { passed: Number(last[1]), failed: Number(last[2]) };
}

function lineSet(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '')
    .sort();
}

/** Compares two texts as sorted sets of lines; describes the first differences. */
function compareLines(got: string, want: string): string | undefined {
  const g = lineSet(got);
  const w = lineSet(want);
  const gs = new Set(g);
  const ws = new Set(w);
  const missing = w.filter((l) => !gs.has(l));
  const extra = g.filter((l) => !ws.has(l));
  if (missing.length === 0 && extra.length === 0 && g.length === w.length) return undefined;
  const cut = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}...` : s);
  return [
    `${g.length} lines, expected ${w.length}; ${missing.length} missing, ${extra.length} unexpected`,
    ...missing.slice(0, 3).map((l) => `  missing:    ${cut(l)}`),
    ...extra.slice(0, 3).map((l) => `  unexpected: ${cut(l)}`),
  ].join('\n');
}

function stackcollapsePerf(dir: string): void {
  const results = join(dir, 'results');
  if (!existsSync(results)) return;
  for (const file of readdirSync(results).sort()) {
    const m = /^(.*)-collapsed-(\w+)\.txt$/.exec(file);
    if (!m) continue;
    const [, base, option] = m;
    check(`stackcollapse-perf/${base} --${option}`, () => {
      const input = readFileSync(join(dir, `${base}.txt`));
      const perf: PerfCollapseOptions = { [option]: true };
      const profile = importProfile(`${base}.txt`, input, { perf });
      return compareLines(writeFolded(profile), readFileSync(join(results, file), 'utf8'));
    });
  }
}

function diffFoldedCases(dir: string): void {
  const results = join(dir, 'results');
  if (!existsSync(results)) return;
  const read = (f: string) => readFileSync(join(dir, f));
  const cases: Array<{
    result: string;
    before: string;
    after: string;
    opts: { normalize?: boolean; stripHex?: boolean };
  }> = [
    { result: 'default.txt', before: 'before.txt', after: 'after.txt', opts: {} },
    { result: 'normalize.txt', before: 'before.txt', after: 'after.txt', opts: { normalize: true } },
    { result: 'strip_hex.txt', before: 'before.txt', after: 'after.txt', opts: { stripHex: true } },
  ];
  const files = readdirSync(dir);
  const fractional = files.find((f) => /fraction/i.test(f));
  if (fractional && existsSync(join(results, 'fractionals.txt'))) {
    cases.push({ result: 'fractionals.txt', before: fractional, after: 'after.txt', opts: {} });
  }
  for (const c of cases) {
    if (!existsSync(join(results, c.result))) continue;
    check(`diff-folded/${c.result}`, () => {
      const got = diffFolded(read(c.before), read(c.after), {
        ...c.opts,
        beforeName: c.before,
        afterName: c.after,
      });
      const want = readFileSync(join(results, c.result), 'utf8');
      const problem = compareLines(got, want);
      if (problem) return problem;
      // And the two-column text imports back into the same two profiles.
      const both = importDiffFolded(c.result, new TextEncoder().encode(want));
      if (both.before.totalWeight() <= 0 && both.after.totalWeight() <= 0) return 'imported no weight';
      return undefined;
    });
  }
}

function formatsCases(dir: string): void {
  if (!existsSync(dir)) return;
  for (const path of walk(dir)) {
    const rel = relative(dir, path);
    const invalid = rel.split('/').includes('invalid');
    check(`formats/${rel}`, () => {
      const bytes = readFileSync(path);
      if (invalid) {
        try {
          importProfile(rel, bytes);
        } catch (err) {
          const msg = errorLine(err);
          // A clear message: one line, names the file, not an internal error.
          if (msg.includes('\n')) return `rejected with a multi-line message: ${msg}`;
          if (!msg.includes(rel)) return `rejected without naming the file: ${msg}`;
          if (/internal error|TypeError|RangeError|SyntaxError/.test(msg))
            return `rejected with an internal error: ${msg}`;
          if (process.env.VERBOSE) console.log(`     ${rel} rejected: ${msg}`);
          return undefined;
        }
        return 'was accepted, expected a clear error';
      }
      const p = importProfile(rel, bytes);
      if (!(p.totalWeight() > 0)) return 'imported no weight';
      if (p.stackCount === 0) return 'imported no stacks';
      return undefined;
    });
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (!name.endsWith('.md')) out.push(p);
  }
  return out;
}
