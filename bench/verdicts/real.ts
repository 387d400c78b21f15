// Real workloads: the examples under examples/ recorded with real samplers (node --cpu-prof,
// perf), base runs vs base runs (A/A) and base vs the injected regression
// (FLAMEDIFF_EXAMPLE_REGRESSION=1). Profiles go to bench/data/verdicts-real/ (git-ignored).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { importProfileFile } from '../../src/formats/index.js';
import { type CompareSettings, compareRuns, type RunInput } from '../../src/stats/index.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUT = path.join(ROOT, 'bench', 'data', 'verdicts-real');

export interface Workload {
  name: string;
  regressed: string;
  record(file: string, regression: boolean): string | null;
  ext: string;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): { ok: boolean; err: string } {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ok: r.status === 0, err: (r.stderr || String(r.error ?? '')).slice(0, 300) };
}

export const SCALE = '0.5';

export const nodeWorkload: Workload = {
  name: 'node --cpu-prof, examples/node/workload.mjs',
  regressed: 'scoreTokens',
  ext: 'cpuprofile',
  record(file, regression) {
    const r = run(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${path.dirname(file)}`,
        `--cpu-prof-name=${path.basename(file)}`,
        path.join(ROOT, 'examples/node/workload.mjs'),
      ],
      { FLAMEDIFF_EXAMPLE_SCALE: SCALE, FLAMEDIFF_EXAMPLE_REGRESSION: regression ? '1' : '0' },
    );
    return r.ok ? null : r.err;
  },
};

export function perfWorkload(binary: string): Workload {
  return {
    name: 'perf record -F 999 -g, examples/native/workload.c (-O1 -g -fno-omit-frame-pointer)',
    regressed: 'checksum_pass',
    ext: 'perf',
    record(file, regression) {
      const data = `${file}.data`;
      const env = { FLAMEDIFF_EXAMPLE_SCALE: SCALE, FLAMEDIFF_EXAMPLE_REGRESSION: regression ? '1' : '0' };
      const r = run('perf', ['record', '-F', '999', '-g', '-q', '-o', data, '--', binary], env);
      if (!r.ok) return r.err;
      const s = spawnSync('perf', ['script', '-i', data], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (s.status !== 0) return s.stderr.slice(0, 300);
      writeFileSync(file, s.stdout);
      rmSync(data, { force: true });
      return null;
    },
  };
}

/** A busy loop per core: a noisy neighbour, as on a shared CI runner. */
export function startLoad(n = availableParallelism()): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

async function recordSet(
  w: Workload,
  dir: string,
  n: number,
  regression: boolean,
  loaded = false,
): Promise<RunInput[]> {
  mkdirSync(dir, { recursive: true });
  const load = loaded ? startLoad() : [];
  try {
    return await recordRuns(w, dir, n, regression);
  } finally {
    for (const p of load) p.kill('SIGKILL');
  }
}

export async function recordRuns(
  w: Workload,
  dir: string,
  n: number,
  regression: boolean,
): Promise<RunInput[]> {
  const runs: RunInput[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `run-${i + 1}.${w.ext}`);
    const t = performance.now();
    const err = w.record(file, regression);
    if (err) throw new Error(`${w.name}: ${err}`);
    runs.push({ profile: await importProfileFile(file), wallSeconds: (performance.now() - t) / 1000 });
  }
  return runs;
}

function summary(
  label: string,
  base: RunInput[],
  head: RunInput[],
  regressed: string | null,
  settings: Partial<CompareSettings> = {},
): string {
  const r = compareRuns(base, head, settings);
  const flagged = r.frames.filter((f) => f.status === 'regressed' || f.status === 'new');
  const first = r.frames.find((f) => f.rank === 1);
  const target = regressed ? r.frames.find((f) => f.name === regressed) : undefined;
  const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} pp`;
  const parts = [
    `| ${label} | ${base.length} vs ${head.length} | ${r.frames.length} | ${flagged.length} | ${first ? `${first.name} (${pp(first.ownDelta ?? first.delta)})` : '-'} |`,
    target
      ? ` ${target.status}, ${pp(target.delta)} [${pp(target.ci.lo)}, ${pp(target.ci.hi)}], q=${target.qValue.toExponential(1)} |`
      : ' - |',
    ` ${r.total.change === null ? 'n/a' : `${(r.total.change * 100).toFixed(1)}%`} (${r.total.status}) | ${r.verdict} | ${`${((r.noise?.jitter ?? 0) * 100).toFixed(1)}%`} |`,
  ];
  return parts.join('');
}

export async function realWorkloads(): Promise<string> {
  rmSync(OUT, { recursive: true, force: true });
  const workloads: Workload[] = [nodeWorkload];
  const notes: string[] = [];
  const binary = path.join(OUT, 'workload');
  mkdirSync(OUT, { recursive: true });
  const cc = spawnSync(
    process.env.CC || 'cc',
    ['-O1', '-g', '-fno-omit-frame-pointer', '-o', binary, path.join(ROOT, 'examples/native/workload.c')],
    { encoding: 'utf8' },
  );
  if (cc.status === 0 && existsSync(binary)) workloads.push(perfWorkload(binary));
  else notes.push(`native example not built: ${(cc.stderr || String(cc.error)).slice(0, 200)}`);
  const rows = [
    '| comparison | runs | frames tested | frames flagged | ranked #1 (own change) | watched frame (the injected function; the V8 GC across sessions): status, change [CI], q | total change | verdict | fitted jitter |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const w of workloads) {
    try {
      const dir = path.join(OUT, w.ext);
      const base = await recordSet(w, path.join(dir, 'base'), 10, false);
      const head = await recordSet(w, path.join(dir, 'head'), 5, true);
      const loaded = await recordSet(w, path.join(dir, 'loaded'), 5, false, true);
      const tag = w.ext === 'perf' ? 'perf' : 'node';
      const gc = tag === 'node' ? '(garbage collector)' : null;
      rows.push(summary(`${tag} A/A (base 1-5 vs 6-10)`, base.slice(0, 5), base.slice(5), null));
      rows.push(summary(`${tag} A/A, N=3 (1-3 vs 6-8)`, base.slice(0, 3), base.slice(5, 8), null));
      rows.push(summary(`${tag} A/A, N=1 (1 vs 6)`, base.slice(0, 1), base.slice(5, 6), null));
      rows.push(
        summary(
          `${tag} A/A across sessions (base 1-5 vs 5 runs beside busy loops)`,
          base.slice(0, 5),
          loaded,
          gc,
        ),
      );
      rows.push(
        summary(`${tag} the same, declared interleaved`, base.slice(0, 5), loaded, gc, {
          sessions: 'interleaved',
        }),
      );
      rows.push(summary(`${tag} regression (base 1-5 vs head)`, base.slice(0, 5), head, w.regressed));
      rows.push(summary(`${tag} regression, N=3`, base.slice(0, 3), head.slice(0, 3), w.regressed));
      rows.push(summary(`${tag} regression, N=1`, base.slice(0, 1), head.slice(0, 1), w.regressed));
      notes.push(`${w.name}: regressed function \`${w.regressed}\`, FLAMEDIFF_EXAMPLE_SCALE=${SCALE}.`);
    } catch (err) {
      notes.push(
        `${w.name}: not measured (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      );
    }
  }
  notes.push(
    `"across sessions": the second side was recorded beside ${availableParallelism()} busy loops (one per core), as a noisy neighbour on a shared runner would; "declared interleaved" is the same data compared with sessions = interleaved, i.e. without the between-session term for garbage collection (docs/statistics.md).`,
  );
  return [...rows, '', ...notes.map((n) => `- ${n}`)].join('\n');
}
