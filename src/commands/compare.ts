// `flamediff compare`: each file is one run; base and head run sets are compared with the
// statistics of src/stats (docs/statistics.md) and the report is printed as text, JSON or Markdown.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { importProfileFile } from '../formats/index.js';
import type { FormatName, ImportOptions } from '../formats/types.js';
import { applyRefactors, attachRefactors, fallbackRefactors } from '../pipeline/refactors.js';
import type { Granularity } from '../profile/transform.js';
import { reportMarkdown, reportText } from '../report/compare-text.js';
import {
  type CompareSettings,
  compareRuns,
  DEFAULT_COMPARE_SETTINGS,
  type RunInput,
} from '../stats/index.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';

const d = DEFAULT_COMPARE_SETTINGS;

const HELP = `Usage: flamediff compare --base FILES|DIR --head FILES|DIR [options]

Compares two run sets frame by frame: which frames changed, by how much, how sure (see
docs/statistics.md). Each file is one run of the workload; give 3-10 runs per side.

Inputs:
  --base FILES|DIR       Base runs: files (repeat the flag or separate with commas) or a
                         directory (every profile in it; a runs.json from \`flamediff record\`
                         there supplies wall and CPU seconds)
  --head FILES|DIR       Head runs, same forms
  --input-format F       Skip format detection for every input (folded, cpuprofile, ...)

Output:
  --format text|json|markdown   What to print (default text)
  --json OUT             Also write the JSON report (schema 1, docs/report-schema.md) to OUT

Statistics:
  --alpha A              False discovery rate across frames (default ${d.alpha})
  --min-share S          Keep frames with at least this share of a run... (default ${d.minShare})
  --quorum Q             ...in at least this fraction of the runs (default ${d.quorum})
  --min-effect E         Absolute effect floor, share of the total (default ${d.minEffect} = ${d.minEffect * 100} pp)
  --min-rel-effect R     Relative effect floor, of the frame's own value (default ${d.minRelEffect})
  --granularity G        function (default), line or module
  --metric M             share (default; portable) or time (same machine, e.g. interleaved runs)
  --interleaved          Base and head runs alternated in one session: garbage-collection frames
                         are then tested like any other (by default they allow for a load shift)
  --gate-frame S         Fail when a frame regresses by more than this share of total (default ${d.gateFrameShare})
  --gate-total R         Fail when the total regresses by more than this fraction (default off)
  --fail-on-regression   Exit 1 when the verdict is fail

Exit status: 0 pass (or fail without --fail-on-regression), 1 fail with --fail-on-regression,
2 bad input.

Examples:
  flamediff compare --base base/ --head head/
  flamediff compare --base a1.folded,a2.folded,a3.folded --head b1.folded,b2.folded,b3.folded --format markdown
`;

const OPTIONS = {
  base: { type: 'string', multiple: true },
  head: { type: 'string', multiple: true },
  'input-format': { type: 'string' },
  format: { type: 'string' },
  json: { type: 'string' },
  alpha: { type: 'string' },
  'min-share': { type: 'string' },
  quorum: { type: 'string' },
  'min-effect': { type: 'string' },
  'min-rel-effect': { type: 'string' },
  granularity: { type: 'string' },
  metric: { type: 'string' },
  interleaved: { type: 'boolean' },
  'gate-frame': { type: 'string' },
  'gate-total': { type: 'string' },
  'fail-on-regression': { type: 'boolean' },
} as const;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare base and head run sets frame by frame, with statistics',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('compare', argv, OPTIONS, true);
    if (positionals.length > 0) {
      throw new UserError(
        `flamediff compare: unexpected argument '${positionals[0]}' (expected --base and --head)`,
      );
    }
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format)) {
      throw new UserError(
        `flamediff compare: --format '${format}' is not valid; expected text, json or markdown`,
      );
    }
    const settings = settingsFrom(values);
    const opts: ImportOptions = { onWarning: (m) => io.stderr(`flamediff: warning: ${m}\n`) };
    if (values['input-format']) opts.format = values['input-format'] as FormatName;
    const base = await loadSide('base', values.base, io, opts);
    const head = await loadSide('head', values.head, io, opts);
    // No git history here: renamed and moved functions are matched by file, line range and self cost.
    const resolved = { ...DEFAULT_COMPARE_SETTINGS, ...settings };
    const refactors = fallbackRefactors(base, head, resolved);
    const report = compareRuns(applyRefactors(base, head, refactors, resolved.granularity), head, settings);
    attachRefactors(report, refactors);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (values.json) await writeAtomic(resolve(io.cwd, values.json), json);
    io.stdout(format === 'json' ? json : format === 'markdown' ? reportMarkdown(report) : reportText(report));
    return report.verdict === 'fail' && values['fail-on-regression'] ? 1 : 0;
  },
};

function settingsFrom(v: Record<string, string | boolean | string[] | undefined>): Partial<CompareSettings> {
  const num = (flag: string, fallback: number, check: { min?: number; max?: number }) =>
    numberFlag('compare', flag, v[flag] as string | undefined, fallback, check);
  const s: Partial<CompareSettings> = {
    alpha: num('alpha', d.alpha, { min: 1e-12, max: 0.5 }),
    minShare: num('min-share', d.minShare, { min: 0, max: 1 }),
    quorum: num('quorum', d.quorum, { min: 0, max: 1 }),
    minEffect: num('min-effect', d.minEffect, { min: 0, max: 1 }),
    minRelEffect: num('min-rel-effect', d.minRelEffect, { min: 0 }),
    gateFrameShare: num('gate-frame', d.gateFrameShare, { min: 0, max: 1 }),
  };
  if (v['gate-total'] !== undefined) s.gateTotal = num('gate-total', 0, { min: 0 });
  const g = v.granularity as string | undefined;
  if (g !== undefined) {
    if (!['function', 'line', 'module'].includes(g)) {
      throw new UserError(
        `flamediff compare: --granularity '${g}' is not valid; expected function, line or module`,
      );
    }
    s.granularity = g as Granularity;
  }
  const m = v.metric as string | undefined;
  if (m !== undefined) {
    if (m !== 'share' && m !== 'time')
      throw new UserError(`flamediff compare: --metric '${m}' is not valid; expected share or time`);
    s.metric = m;
  }
  if (v.interleaved) s.sessions = 'interleaved';
  return s;
}

interface RunsJson {
  runs?: { file?: unknown; side?: unknown; wallSeconds?: unknown; cpuSeconds?: unknown }[];
}

/** Files (comma lists, repeated flags) or directories -> one RunInput per file, in a stable order. */
async function loadSide(
  side: 'base' | 'head',
  args: string[] | undefined,
  io: Io,
  opts: ImportOptions,
): Promise<RunInput[]> {
  if (!args || args.length === 0)
    throw new UserError(`flamediff compare: --${side} is required (files or a directory of runs)`);
  const runs: RunInput[] = [];
  for (const arg of args.flatMap((a) => a.split(',')).filter((a) => a !== '')) {
    const path = resolve(io.cwd, arg);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      throw new UserError(`${arg}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (!isDir) {
      runs.push({ profile: await importProfileFile(path, opts) });
      continue;
    }
    runs.push(...(await loadDir(path, side, opts)));
  }
  if (runs.length === 0)
    throw new UserError(`flamediff compare: no ${side} runs found in ${args.join(', ')}`);
  return runs;
}

/** Files in a run directory that are never profiles (reports, pictures, notes). */
const NOT_PROFILES = /^(readme.*|runs\.json|report\.json)$|\.(md|svg|png|html)$/i;

async function loadDir(dir: string, side: 'base' | 'head', opts: ImportOptions): Promise<RunInput[]> {
  const runsJson = join(dir, 'runs.json');
  let text: string | null = null;
  try {
    text = await readFile(runsJson, 'utf8');
  } catch {}
  if (text !== null) {
    let parsed: RunsJson;
    try {
      parsed = JSON.parse(text) as RunsJson;
    } catch (err) {
      throw new UserError(
        `${runsJson}: not valid JSON (${(err as Error).message}; expected a runs.json from flamediff record)`,
      );
    }
    const records = (parsed.runs ?? []).filter(
      (r) => r.side === undefined || r.side === 'run' || r.side === side,
    );
    const out: RunInput[] = [];
    for (const [i, r] of records.entries()) {
      if (typeof r.file !== 'string')
        throw new UserError(`${runsJson}: run ${i + 1} has no "file" (expected a profile path)`);
      out.push({
        profile: await importProfileFile(resolve(dir, r.file), opts),
        wallSeconds: typeof r.wallSeconds === 'number' ? r.wallSeconds : undefined,
        cpuSeconds: typeof r.cpuSeconds === 'number' ? r.cpuSeconds : undefined,
      });
    }
    return out;
  }
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !NOT_PROFILES.test(e.name))
    .map((e) => e.name)
    .sort();
  const out: RunInput[] = [];
  for (const name of names) out.push({ profile: await importProfileFile(join(dir, name), opts) });
  return out;
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new UserError(`${path}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}
