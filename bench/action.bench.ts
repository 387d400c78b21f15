// The action's cold start: spawn `node dist/index.js` as the runner does and time the first log
// line (target <= 300 ms), next to a bare `node -e 0` for the machine's own floor; plus the size of
// dist/ and of what index.js loads before its first line (the pipeline chunk loads lazily).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, writeSection } from './lib/results.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(ROOT, process.env.FLAMEDIFF_DIST ?? 'dist');
const RUNS = 20;

/** Milliseconds from spawn to the first stdout line matching `re` (and to exit). */
function timeFirstLine(
  args: string[],
  env: NodeJS.ProcessEnv,
  re: RegExp,
): Promise<{ first: number; exit: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let first = -1;
    let buf = '';
    child.stdout.on('data', (b: Buffer) => {
      if (first >= 0) return;
      buf += b.toString('utf8');
      if (buf.split('\n').some((l) => re.test(l))) first = ms();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (first < 0) reject(new Error(`no line matching ${re} (exit ${code}): ${buf.slice(0, 500)}`));
      else resolve({ first, exit: ms() });
    });
  });
}

function runnerEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-bench-action-'));
  const event = path.join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ schedule: '0 3 * * *' }));
  for (const f of ['output', 'summary']) writeFileSync(path.join(dir, f), '');
  return {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    INPUT_COMMAND: 'node bench.js',
    'INPUT_GITHUB-TOKEN': 'ghs_bench',
    INPUT_COMMENT: 'always',
    'INPUT_INSTALL-SAMPLER': 'true',
  };
}

function files(dir: string): { rel: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => ({ rel, bytes: statSync(path.join(dir, rel)).size }))
    .filter((f) => statSync(path.join(dir, f.rel)).isFile())
    .sort((a, b) => a.rel.localeCompare(b.rel));
}

/** index.js plus every chunk it imports statically (transitively): what loads before line one. */
function eagerBytes(entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)[^;]*?from\s*["'](\.[^"']+)["']/gm))
      visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen].reduce((n, f) => n + statSync(f).size, 0);
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${median(s).toFixed(0)} ms (min ${s[0].toFixed(0)}, p90 ${s[Math.floor(s.length * 0.9) - 1].toFixed(0)})`;
};

const entry = path.join(DIST, 'index.js');
const env = runnerEnv();
// One unmeasured run warms the OS file cache, as on a runner after `actions/checkout`.
await timeFirstLine([entry], env, /^flamediff: /);
const firstLine: number[] = [];
const exit: number[] = [];
const bare: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await timeFirstLine([entry], env, /^flamediff: /);
  firstLine.push(r.first);
  exit.push(r.exit);
  bare.push((await timeFirstLine(['-e', 'console.log("x")'], env, /^x$/)).first);
}
const all = files(DIST);
const total = all.reduce((n, f) => n + f.bytes, 0);
const table = all.map((f) => `| \`dist/${f.rel}\` | ${kib(f.bytes)} |`).join('\n');
const markdown = `
Cold start of the action: \`node dist/index.js\` spawned with the runner's environment (a
\`schedule\` event, which reads every input, parses the event, decides and exits), ${RUNS} runs.

| Measure | Value |
|---------|-------|
| Spawn to first \`flamediff:\` log line | ${fmt(firstLine)} |
| Spawn to exit | ${fmt(exit)} |
| Bare \`node -e 'console.log(1)'\` to its line (machine floor) | ${fmt(bare)} |
| Target | <= 300 ms to the first log line |
| dist/ total | ${kib(total)} in ${all.length} files |
| Loaded before the first line (index.js + static chunks) | ${kib(eagerBytes(entry))} |

| File | Size |
|------|------|
${table}
`;
console.log(markdown);
writeSection('action', 'GitHub Action: cold start and dist size', 'npm run bench action', markdown);
