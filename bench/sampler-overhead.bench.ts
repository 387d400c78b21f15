// Sampler overhead on the shipped examples (wall time with and without the sampler, median of
// 5, configurations interleaved round by round so machine drift hits all of them alike), and the
// runner's own overhead per run beyond the workload (spawn + GNU time wrapper, parse, files).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { importProfile } from '../src/formats/index.js';
import { buildNativeExample, writeExample } from '../src/sample/examples.js';
import { record } from '../src/sample/index.js';
import { FAST_START } from '../src/sample/samplers/perf.js';
import type { RunRecord } from '../src/sample/types.js';
import { median, writeSection } from './lib/results.js';

const ROUNDS = 5;
const DATA = path.resolve(import.meta.dirname, 'data', 'sampler-overhead');
rmSync(DATA, { recursive: true, force: true });
mkdirSync(DATA, { recursive: true });
const tmp = (name: string) => path.join(DATA, name);

const exe = await buildNativeExample(tmp('native'));
const script = await writeExample('node', tmp('node'));

interface Config {
  group: string;
  label: string;
  argv: () => string[];
}
const CONFIGS: Config[] = [
  { group: 'native (perf)', label: 'no sampler', argv: () => [exe] },
  {
    group: 'native (perf)',
    label: 'perf record -g -F 99',
    argv: () => ['perf', 'record', '-q', ...FAST_START, '-F', '99', '-g', '-o', tmp('p99.data'), '--', exe],
  },
  {
    group: 'native (perf)',
    label: 'perf record -g -F 999',
    argv: () => ['perf', 'record', '-q', ...FAST_START, '-F', '999', '-g', '-o', tmp('p999.data'), '--', exe],
  },
  { group: 'node', label: 'no sampler', argv: () => ['node', script] },
  {
    group: 'node',
    label: '--cpu-prof (default 1000 us)',
    argv: () => ['node', '--cpu-prof', `--cpu-prof-dir=${tmp('cp-default')}`, script],
  },
  {
    group: 'node',
    label: '--cpu-prof-interval 100 (us)',
    argv: () => ['node', '--cpu-prof', `--cpu-prof-dir=${tmp('cp-100')}`, '--cpu-prof-interval=100', script],
  },
];

function timeRun(argv: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited with ${r.status ?? r.signal}`);
  return s;
}

// One untimed pass warms caches (page cache, perf's symbol tables, V8 code cache).
for (const c of CONFIGS) timeRun(c.argv());
const times = new Map<Config, number[]>(CONFIGS.map((c) => [c, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const c of CONFIGS) times.get(c)?.push(timeRun(c.argv()));
  console.log(`round ${round + 1} of ${ROUNDS} done`);
}

const rows: string[] = [
  '| Workload | Sampler | Median wall (s) | Min–max (s) | Overhead vs no sampler |',
  '|---|---|---:|---:|---:|',
];
for (const group of [...new Set(CONFIGS.map((c) => c.group))]) {
  const inGroup = CONFIGS.filter((c) => c.group === group);
  const base = median(times.get(inGroup[0]) ?? []);
  for (const c of inGroup) {
    const xs = times.get(c) ?? [];
    const m = median(xs);
    const over = c === inGroup[0] ? '–' : `${(((m - base) / base) * 100).toFixed(1)}%`;
    rows.push(
      `| ${group} | ${c.label} | ${m.toFixed(3)} | ${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)} | ${over} |`,
    );
  }
}

// perf's fixed cost (start-up, reading kernel symbols, writing perf.data) on an empty workload,
// to tell it apart from the per-sample cost in the rows above.
const perfEmpty = median(
  Array.from({ length: ROUNDS }, () =>
    timeRun([
      'perf',
      'record',
      '-q',
      ...FAST_START,
      '-F',
      '999',
      '-g',
      '-o',
      tmp('empty.data'),
      '--',
      'true',
    ]),
  ),
);
const trueAlone = median(Array.from({ length: ROUNDS }, () => timeRun(['true'])));

// Post-processing the sampler output: perf script and our parse of it, the cpuprofile parse.
function timeIt<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e9];
}
const [, scriptSeconds] = timeIt(() =>
  spawnSync('sh', ['-c', `perf script -i "${tmp('p999.data')}" > "${tmp('p999.txt')}"`], { stdio: 'ignore' }),
);
const perfText = readFileSync(tmp('p999.txt'));
const [perfProfile, perfParse] = timeIt(() => importProfile('p999.txt', perfText, { format: 'perf-script' }));
const cpuDir = tmp('cp-100');
const cpuFile = path.join(cpuDir, (await import('node:fs')).readdirSync(cpuDir)[0]);
const cpuBytes = readFileSync(cpuFile);
const [, cpuParse] = timeIt(() => importProfile(cpuFile, cpuBytes, { format: 'cpuprofile' }));

// The runner's own cost per run: record() 5 runs (after 1 warm-up) and split each run's time.
async function runnerOverhead(label: string, opts: Parameters<typeof record>[0]) {
  const { runSet } = await record({ ...opts, runs: ROUNDS, warmup: 1, outDir: tmp(`rec-${opts.sampler}`) });
  const m = (f: (r: RunRecord) => number) => median(runSet.runs.map(f)) * 1000;
  const total = m((r) => r.runnerSeconds ?? 0);
  const proc = m((r) => r.processSeconds ?? 0);
  const workload = m((r) => r.wallSeconds);
  const parse = m((r) => r.collectSeconds ?? 0);
  const book = m((r) => (r.runnerSeconds ?? 0) - (r.processSeconds ?? 0) - (r.collectSeconds ?? 0));
  const beyond = m((r) => (r.runnerSeconds ?? 0) - (r.wallSeconds ?? 0) - (r.collectSeconds ?? 0));
  return `| ${label} | ${total.toFixed(0)} | ${workload.toFixed(0)} | ${(proc - workload).toFixed(0)} | ${parse.toFixed(0)} | ${book.toFixed(0)} | ${beyond.toFixed(0)} |`;
}
const runnerRows = [
  '| Recording (5 runs, median per run) | Total (ms) | Workload wall (ms) | Spawn + sampler start/stop (ms) | Collect + parse (ms) | Bookkeeping (ms) | Overhead beyond workload, excl. parse (ms) |',
  '|---|---:|---:|---:|---:|---:|---:|',
  await runnerOverhead('`command` sampler, trivial workload (`sh -c printf`)', {
    sampler: 'command',
    command: ['sh', '-c', 'printf "main;work 1\\n" > "$FLAMEDIFF_PROFILE_OUT"'],
    outDir: '',
  }),
  await runnerOverhead('`node` sampler, Node example', {
    sampler: 'node',
    command: ['node', script],
    outDir: '',
  }),
  await runnerOverhead('`perf` sampler at 999 Hz, native example', {
    sampler: 'perf',
    command: [exe],
    rateHz: 999,
    outDir: '',
  }),
];

const md = `Wall time of the shipped examples with and without the sampler (median of ${ROUNDS}, the
configurations interleaved round by round after one untimed pass; the perf rows time
\`perf record ${FAST_START.join(' ')}\` as flamediff runs it, the \`perf script\`
post-processing is listed below).

${rows.join('\n')}

perf's fixed cost: \`perf record ${FAST_START.join(' ')} -F 999 -g -- true\` takes ${perfEmpty.toFixed(3)} s against
${trueAlone.toFixed(3)} s for \`true\` alone (median of ${ROUNDS}); the rest of the perf overhead above
is per sample.

Post-processing of one run: \`perf script\` of the 999 Hz recording ${scriptSeconds.toFixed(3)} s
(${(perfText.length / 1024).toFixed(0)} KiB of text); our perf-script import ${(perfParse * 1000).toFixed(0)} ms
(${perfProfile.stackCount} distinct stacks); our import of the 100 us .cpuprofile
${(cpuParse * 1000).toFixed(0)} ms (${(cpuBytes.length / 1024).toFixed(0)} KiB).

The runner's own overhead per run (\`record()\`, GNU time wrapper, process group, parse, staging
and files). "Spawn + sampler start/stop" is the process group's wall time minus the workload's
own wall time as GNU time measured it (10 ms resolution): for perf it is mostly perf's start-up
and writing perf.data. "Collect + parse" includes \`perf script\` for perf. Target: overhead
beyond the workload < 50 ms plus parse time.

${runnerRows.join('\n')}
`;
writeSection('sampler-overhead', 'Sampler overhead', 'npm run bench sampler-overhead', md);
console.log(md);
