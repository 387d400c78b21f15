// `flamediff record`: run a workload N times under a sampler and keep each run's profile.
import path from 'node:path';
import { applySettingFlags, settingFlags, settingsHelp } from '../config/flags.js';
import { defaultOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { type ProgressEvent, record, SAMPLERS } from '../sample/index.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff record --sampler S [options] -- COMMAND [ARGS...]

Runs COMMAND under a sampling profiler --runs times (after --warmup runs that are not kept),
checking each run's exit status, and writes OUT/run-<i>.<ext> (one profile per run),
OUT/run-<i>.log (its output) and OUT/runs.json (wall time, CPU time, peak RSS, samples,
sampler version and the machine, per run).

Options:
  --out DIR           output directory (default out/runs)
  --quiet             no progress output

${settingsHelp('record', 'Settings (the same flags as check, flamediff.yml keys in docs/configuration.md):')}
Samplers:
${SAMPLERS.map((s) => `  ${s.name.padEnd(15)} ${s.summary}`).join('\n')}

Exit status: 0 when every run succeeded; 2 when the sampler is missing or a run failed (the
message names the run, its exit status and the last 20 lines of its stderr); 130 when
interrupted (the workload and the sampler are stopped; the runs that finished are kept with their
runs.json, and the message says how many).

Examples:
  flamediff record --sampler perf --runs 5 -- ./build/bench --iterations 1000
  flamediff record --sampler node --runs 10 --out out/head -- node bench.js
  flamediff record --sampler node -- npm run bench
  flamediff record --sampler py-spy --rate 250 --sampler-opt native -- python bench.py
  flamediff record --sampler go -- go test -run XXX -bench . ./pkg
  flamediff record --sampler command -- ./my-bench --profile-to '{profile}'
`;

const OPTIONS = {
  out: { type: 'string' },
  quiet: { type: 'boolean' },
  ...settingFlags('record'),
} as const;

/** Flags of earlier versions, renamed to the one name the setting has everywhere. */
const RENAMED: Readonly<Record<string, string>> = { cwd: 'working-directory', 'rate-hz': 'rate' };

export const recordCommand: Command = {
  name: 'record',
  summary: 'run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const dd = argv.indexOf('--');
    const flags = dd === -1 ? argv : argv.slice(0, dd);
    const command = dd === -1 ? [] : argv.slice(dd + 1);
    for (const f of flags) {
      const old = /^--([^=]+)/.exec(f)?.[1];
      if (old && RENAMED[old]) {
        throw new UserError(
          `flamediff record: --${old} is now --${RENAMED[old]} (one name per setting, as in check)`,
        );
      }
    }
    const parsed = parseCommandArgs('record', flags, OPTIONS, true);
    const { positionals } = parsed;
    const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff record: unexpected '${positionals[0]}'; put the command after \`--\` (e.g. flamediff record --sampler perf -- ./bench)`,
      );
    }
    if (command.length === 0) throw new UserError('flamediff record: no command; give it after `--`');
    if (values.sampler === undefined)
      throw new UserError(
        `flamediff record: --sampler is required (${SAMPLERS.map((s) => s.name).join(', ')})`,
      );
    // The settings table's bounds, except that one recorded run is fine (a comparison wants 2+).
    const o = defaultOptions();
    applySettingFlags(o, { ...values, runs: undefined }, 'record');
    const runs = numberFlag('record', 'runs', values.runs as string | undefined, o.runs, {
      min: 1,
      max: 1000,
      integer: true,
    });
    const outDir = path.resolve(io.cwd, (values.out as string | undefined) ?? 'out/runs');
    const cwd = path.resolve(io.cwd, o.workingDirectory);

    const progress = values.quiet ? undefined : makeProgress(io);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await record({
        sampler: o.sampler,
        command,
        cwd,
        env: { ...(io.env as Record<string, string>), ...o.env },
        runs,
        warmup: o.warmup,
        rateHz: o.rateHz ?? undefined,
        timeoutSeconds: o.timeoutSeconds,
        outDir,
        samplerOptions: o.samplerOptions,
        keepFinished: true,
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
