// `flamediff compare`: each file is one run; base and head run sets are analysed and presented by
// the same stages as the PR job (analyse + present), so `--format markdown` prints the comment's
// Markdown and `--format text` the console report `check` prints.

import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { analyse } from '../analyse/analyse.js';
import { applySettingFlags, settingFlags, settingsHelp } from '../config/flags.js';
import { defaultOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import type { FormatName, ImportOptions } from '../formats/types.js';
import { fsError } from '../lib/fs-errors.js';
import { tempSuffix } from '../lib/temp-name.js';
import { present } from '../report/present.js';
import { mismatchedRunDirs } from '../sample/run-identity.js';
import { fallbackRefactors } from '../stats/refactors.js';
import { type Command, type Io, parseCommandArgs } from './command.js';
import { loadSide } from './run-sets.js';

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
  --format text|json|markdown   What to print (default text; markdown is the PR comment's)
  --json OUT             Also write the JSON report (schema 1, docs/report-schema.md) to OUT
  --metric M             share (default; portable) or time (same machine, e.g. interleaved runs)
  --interleaved          Base and head runs alternated in one session: runtime frames (GC, JIT)
                         are then tested like any other (by default they allow for a load shift)

${settingsHelp('compare', 'Statistics (also in flamediff.yml under compare:; docs/statistics.md):')}
Exit status: 0 pass (or fail with --no-fail-on-regression), 1 fail, 2 bad input.

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
  metric: { type: 'string' },
  interleaved: { type: 'boolean' },
  ...settingFlags('compare'),
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
    const format = (values.format as string | undefined) ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format)) {
      throw new UserError(
        `flamediff compare: --format '${format}' is not valid; expected text, json or markdown`,
      );
    }
    const opts = defaultOptions();
    applySettingFlags(opts, values, 'compare');
    const metric = values.metric as string | undefined;
    if (metric !== undefined && metric !== 'share' && metric !== 'time')
      throw new UserError(`flamediff compare: --metric '${metric}' is not valid; expected share or time`);
    const imp: ImportOptions = { onWarning: (m) => io.stderr(`flamediff: warning: ${m}\n`) };
    if (values['input-format']) imp.format = values['input-format'] as FormatName;
    // Runs recorded with another sampler, command or options measure something else: refuse.
    const mixed = await mismatchedRunDirs(
      values.base as string[] | undefined,
      values.head as string[] | undefined,
    );
    if (mixed) throw new UserError(`flamediff compare: ${mixed}`);
    const base = await loadSide('base', values.base as string[] | undefined, io, imp);
    const head = await loadSide('head', values.head as string[] | undefined, io, imp);
    const interleaved = Boolean(values.interleaved);
    const analysis = await analyse({ base, head, interleaved }, opts.compare, null, {
      headTitle: 'head',
      diffTitle: 'base → head',
      pictures: false,
      // Files may come from anywhere: shares unless the user says the runs' times compare.
      metric: (metric as 'share' | 'time' | undefined) ?? 'share',
      // No git history here: renamed and moved functions are matched by file, line range and self cost.
      refactors: fallbackRefactors(base.runs, head.runs, opts.compare),
    });
    const json = analysis.reportJson ?? '';
    if (values.json) await writeAtomic(resolve(io.cwd, values.json as string), json);
    const shown = present(analysis, {
      mode: 'compare',
      headSha: '',
      headRef: 'head',
      baseline: { sha: '', branch: 'base', note: null },
    });
    io.stdout(format === 'json' ? json : format === 'markdown' ? shown.markdown : shown.console);
    return analysis.report?.verdict === 'fail' && opts.failOnRegression ? 1 : 0;
  },
};

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${tempSuffix()}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw fsError(path, 'cannot write', err);
  }
}
