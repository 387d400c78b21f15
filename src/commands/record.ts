// `flamediff record`: run a workload N times under a sampler and keep each run's profile.
import path from 'node:path';
import { UserError } from '../errors.js';
import { type ProgressEvent, record, SAMPLERS, type SamplerName } from '../sample/index.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff record --sampler S [options] -- COMMAND [ARGS...]

Runs COMMAND under a sampling profiler --runs times (after --warmup runs that are not kept),
checking each run's exit status, and writes OUT/run-<i>.<ext> (one profile per run),
OUT/run-<i>.log (its output) and OUT/runs.json (wall time, CPU time, peak RSS, samples,
sampler version and the machine, per run).

Options:
  --sampler S         ${SAMPLERS.map((s) => s.name).join(', ')}
  --runs N            recorded runs (default 5)
  --warmup W          warm-up runs before them, not recorded (default 1)
  --rate HZ           sampling rate (default: perf 999, py-spy 100, others their own default)
  --timeout SEC       kill a run that takes longer and fail (default 600; 0 = no limit)
  --out DIR           output directory (default out/runs)
  --cwd DIR           working directory of the command (default: the current one)
  --env KEY=VALUE     extra environment variable for the command (repeatable)
  --sampler-opt K[=V] sampler switch (repeatable): py-spy native|gil|idle|subprocesses|threads,
                      perf dwarf|event=E, austin children|sleepless, async-profiler lib=PATH|event=E
  --quiet             no progress output

Samplers:
${SAMPLERS.map((s) => `  ${s.name.padEnd(15)} ${s.summary}`).join('\n')}

Exit status: 0 when every run succeeded; 2 when the sampler is missing or a run failed (the
message names the run, its exit status and the last 20 lines of its stderr); 130 when
interrupted (the workload and the sampler are stopped, nothing is kept).

Examples:
  flamediff record --sampler perf --runs 5 -- ./build/bench --iterations 1000
  flamediff record --sampler node --runs 10 --out out/head -- node bench.js
  flamediff record --sampler node -- npm run bench
  flamediff record --sampler py-spy --rate 250 --sampler-opt native -- python bench.py
  flamediff record --sampler go -- go test -run XXX -bench . ./pkg
  flamediff record --sampler command -- ./my-bench --profile-to '{profile}'
`;

const OPTIONS = {
  sampler: { type: 'string' },
  runs: { type: 'string' },
  warmup: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  out: { type: 'string' },
  cwd: { type: 'string' },
  env: { type: 'string', multiple: true },
  'sampler-opt': { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
} as const;

export const recordCommand: Command = {
  name: 'record',
  summary: 'run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const dd = argv.indexOf('--');
    const flags = dd === -1 ? argv : argv.slice(0, dd);
    const command = dd === -1 ? [] : argv.slice(dd + 1);
    const { values, positionals } = parseCommandArgs('record', flags, OPTIONS, true);
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff record: unexpected '${positionals[0]}'; put the command after \`--\` (e.g. flamediff record --sampler perf -- ./bench)`,
      );
    }
    if (command.length === 0) throw new UserError('flamediff record: no command; give it after `--`');
    const sampler = values.sampler;
    if (!sampler)
      throw new UserError(
        `flamediff record: --sampler is required (${SAMPLERS.map((s) => s.name).join(', ')})`,
      );
    if (!SAMPLERS.some((s) => s.name === sampler)) {
      throw new UserError(
        `flamediff record: unknown sampler '${sampler}'; expected one of ${SAMPLERS.map((s) => s.name).join(', ')}`,
      );
    }
    const runs = numberFlag('record', 'runs', values.runs, 5, { min: 1, max: 1000, integer: true });
    const warmup = numberFlag('record', 'warmup', values.warmup, 1, { min: 0, max: 100, integer: true });
    const rate =
      values.rate === undefined
        ? undefined
        : numberFlag('record', 'rate', values.rate, 0, { min: 1, max: 100_000 });
    const timeout = numberFlag('record', 'timeout', values.timeout, 600, { min: 0 });
    const outDir = path.resolve(io.cwd, values.out ?? 'out/runs');
    const cwd = path.resolve(io.cwd, values.cwd ?? '.');
    const env = parsePairs(values.env ?? [], '--env', true) as Record<string, string>;
    const samplerOptions = parsePairs(values['sampler-opt'] ?? [], '--sampler-opt', false);

    const progress = values.quiet ? undefined : makeProgress(io);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await record({
        sampler: sampler as SamplerName,
        command,
        cwd,
        env: { ...(io.env as Record<string, string>), ...env },
        runs,
        warmup,
        rateHz: rate,
        timeoutSeconds: timeout,
        outDir,
        samplerOptions,
        onProgress: progress?.line,
        onEvent: progress?.event,
        signal: controller.signal,
      });
      progress?.clear();
      const rs = result.runSet;
      const walls = rs.runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
      const median = walls[walls.length >> 1];
      io.stdout(
        `recorded ${rs.runs.length} run${rs.runs.length === 1 ? '' : 's'} with ${rs.sampler}${rs.samplerVersion ? ` ${rs.samplerVersion}` : ''} ` +
          `(median wall ${median.toFixed(2)} s): ${displayPath(io.cwd, path.join(outDir, 'runs.json'))}\n`,
      );
      return 0;
    } finally {
      progress?.clear();
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  },
};

function displayPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** KEY=VALUE pairs; bare KEY means true (for switches) unless a value is required. */
function parsePairs(items: string[], flag: string, needValue: boolean): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = eq === -1 ? item : item.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) || (needValue && eq === -1)) {
      throw new UserError(
        `flamediff record: ${flag} '${item}' is not valid; expected ${needValue ? 'KEY=VALUE' : 'KEY or KEY=VALUE'}`,
      );
    }
    out[key] = eq === -1 ? true : item.slice(eq + 1);
  }
  return out;
}

interface Progress {
  line: (text: string) => void;
  event?: (e: ProgressEvent) => void;
  clear: () => void;
}

/**
 * On a terminal: a status line redrawn every 250 ms (run i of N, elapsed, samples of the last
 * run) above which finished runs scroll. In CI logs: one plain line per finished run.
 */
function makeProgress(io: Io): Progress {
  if (!io.isTTY) return { line: (t) => io.stdout(`${t}\n`), clear: () => {} };
  let status = '';
  let current: { label: string; started: number } | undefined;
  let lastSamples: number | null = null;
  let ticker: NodeJS.Timeout | undefined;
  const draw = () => {
    if (!current) return;
    const elapsed = ((Date.now() - current.started) / 1000).toFixed(1);
    const text = `${current.label} … ${elapsed} s${lastSamples !== null ? ` (last run: ${lastSamples} samples)` : ''}`;
    io.stdout(`\r\x1b[2K${text}`);
    status = text;
  };
  const clear = () => {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    if (status) io.stdout('\r\x1b[2K');
    status = '';
  };
  return {
    line: (t) => {
      if (status) io.stdout('\r\x1b[2K');
      io.stdout(`${t}\n`);
      status = '';
      draw();
    },
    event: (e) => {
      if (e.type === 'start') {
        const what = e.phase === 'warmup' ? 'warm-up' : 'run';
        current = {
          label: `${what} ${e.index} of ${e.total}${e.side === 'run' ? '' : ` (${e.side})`}`,
          started: Date.now(),
        };
        ticker ??= setInterval(draw, 250);
        draw();
      } else if (e.type === 'done') {
        if (e.samples !== null) lastSamples = e.samples;
        current = undefined;
      }
    },
    clear,
  };
}
