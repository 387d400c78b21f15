import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NoSamplesError, UserError } from '../errors.js';
import { importOnWorker } from '../formats/import-on-worker.js';
import { importProfileFile } from '../formats/index.js';
import { fsError } from '../lib/fs-errors.js';
import { useWorker } from '../lib/threads.js';
import { Profile } from '../profile/profile.js';
import { mergeProfiles } from '../profile/transform.js';
import {
  type FlameOptions,
  PALETTES,
  renderDiffSvg,
  renderFlameSvg,
  renderTextFlame,
  svgToPng,
} from '../render/index.js';
import type { ComparisonReport } from '../stats/types.js';
import { type Command, type Io, numberFlag, parseCommandArgs } from './command.js';
import { loadRuns } from './run-sets.js';

const HELP = `Usage: flamediff render FILES... [--diff-base FILES...] [options] -o OUT

Draws a flamegraph of one or more profiles (several FILES are merged; a directory written by
\`flamediff record\` stands for its runs). With --diff-base, draws
the differential flamegraph: each FILE is one head run, each --diff-base file one base run, and
frames are coloured red (grew) or blue (shrank) only where the comparison finds the change
significant. A diff draws the frames the comparison keeps (in most runs, at least 0.5% of the
total), as check's diff.svg does.

Options:
  -o, --output OUT     output file ('-' or omitted: stdout; required for png)
  --format F           svg, png or text (default: from OUT's extension .svg, .png, .txt or .md)
  --diff-base FILES... base (before) profiles; every argument up to the next option
  --negate             diff: widths from base instead of head (shows what disappeared)
  --inverted           icicle: root at the top
  --flamechart         keep input order instead of sorting siblings
  --order O            alpha (default) or width
  --title T            title text
  --subtitle T         second line under the title
  --palette P          ${PALETTES.join(', ')} (default auto)
  --color-diffusion    wider frames more saturated
  --color-blind        diff: orange/purple scale instead of red/blue
  --minwidth W         omit frames narrower than W px (default 0.1)
  --width W            image width in px (default 1200)
  --max-depth N        draw at most N levels
  --style S            text: plain, ansi or markdown (default plain; ansi on a terminal)
  --budget N           text: maximum characters (default 4000)

Examples:
  flamediff render out.folded -o flame.svg
  flamediff render head1.prof head2.prof --diff-base base1.prof base2.prof -o diff.png
  flamediff render profile.json --format text --style ansi
`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  'diff-base': { type: 'string', multiple: true },
  negate: { type: 'boolean' },
  inverted: { type: 'boolean' },
  flamechart: { type: 'boolean' },
  order: { type: 'string' },
  title: { type: 'string' },
  subtitle: { type: 'string' },
  palette: { type: 'string' },
  'color-diffusion': { type: 'boolean' },
  'color-blind': { type: 'boolean' },
  minwidth: { type: 'string' },
  width: { type: 'string' },
  'max-depth': { type: 'string' },
  style: { type: 'string' },
  budget: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--diff-base a b c` takes every following argument up to the next option. */
export function expandDiffBase(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== '--diff-base') {
      out.push(a);
      continue;
    }
    let j = i + 1;
    while (j < argv.length && !argv[j].startsWith('-')) out.push('--diff-base', argv[j++]);
    if (j === i + 1) {
      // parseArgs would say "argument is ambiguous" (next is an option) or "argument missing".
      throw new UserError(
        'flamediff render: --diff-base needs one or more base profiles (--diff-base FILES...)',
      );
    }
    i = j - 1;
  }
  return out;
}

type Format = 'svg' | 'png' | 'text';

function formatOf(explicit: string | undefined, output: string | undefined): Format {
  if (explicit !== undefined && explicit !== 'svg' && explicit !== 'png' && explicit !== 'text') {
    throw new UserError(`flamediff render: --format '${explicit}' is not valid; expected svg, png or text`);
  }
  const ext = output && output !== '-' ? path.extname(output).toLowerCase() : '';
  const byExt: Record<string, Format> = { '.svg': 'svg', '.png': 'png', '.txt': 'text', '.md': 'text' };
  if (ext !== '' && !byExt[ext]) {
    throw new UserError(
      `flamediff render: cannot write ${output}: ${ext} is not a format render writes (expected .svg, .png, .txt or .md)`,
    );
  }
  if (explicit !== undefined && ext !== '' && byExt[ext] !== explicit) {
    throw new UserError(
      `flamediff render: --format ${explicit} does not match ${output} (a ${byExt[ext]} file name)`,
    );
  }
  return explicit !== undefined ? (explicit as Format) : (byExt[ext] ?? 'svg');
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(
      `flamediff render: --${flag} '${value}' is not valid; expected ${allowed.join(', ')}`,
    );
  }
  return value as T;
}

/**
 * The profiles of `files`. With `allowEmpty` (a plain, non-differential render) a file without
 * samples becomes an empty profile, drawn as the "no samples" picture, with a note on stderr; a
 * comparison needs samples, so there it stays an error.
 */
async function load(files: string[], io: Io, allowEmpty: boolean): Promise<Profile[]> {
  const out: Profile[] = [];
  for (const f of files) {
    try {
      // A directory from `flamediff record` (or of profiles) is its runs, merged as compare does.
      if ((await stat(path.resolve(io.cwd, f)).catch(() => null))?.isDirectory()) {
        out.push(...(await loadRuns([f], 'run', io, {})).map((r) => r.profile));
        continue;
      }
      out.push(await importProfileFile(path.resolve(io.cwd, f)));
    } catch (err) {
      if (!allowEmpty || !(err instanceof NoSamplesError)) throw err;
      io.stderr(`flamediff render: ${err.message}; drawing an empty flamegraph\n`);
      out.push(new Profile({ source: f }));
    }
  }
  return out;
}

export const renderCommand: Command = {
  name: 'render',
  summary: 'draw a flamegraph (SVG, PNG or text), or a differential one with --diff-base',
  help: HELP,
  async run(argv: string[], io: Io): Promise<number> {
    const { values: v, positionals } = parseCommandArgs('render', expandDiffBase(argv), OPTIONS);
    if (v.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length === 0)
      throw new UserError('flamediff render: no profile given (see `flamediff render --help`)');
    const format = formatOf(v.format, v.output);
    const toStdout = v.output === undefined || v.output === '-';
    if (format === 'png' && toStdout) throw new UserError('flamediff render: PNG output needs -o FILE.png');
    const opts: FlameOptions = {
      title: v.title,
      subtitle: v.subtitle,
      direction: v.inverted ? 'icicle' : 'flame',
      flamechart: v.flamechart,
      order: oneOf('order', v.order, ['alpha', 'width'] as const),
      palette: v.palette,
      colorDiffusion: v['color-diffusion'],
      colorBlind: v['color-blind'],
      negate: v.negate,
      minWidth: numberFlag('render', 'minwidth', v.minwidth, 0.1, { min: 0 }),
      width: numberFlag('render', 'width', v.width, 1200, { min: 200, max: 100_000 }),
      maxDepth:
        v['max-depth'] === undefined
          ? undefined
          : numberFlag('render', 'max-depth', v['max-depth'], 0, { min: 1, integer: true }),
    };
    const style =
      oneOf('style', v.style, ['plain', 'ansi', 'markdown'] as const) ??
      (io.isTTY && toStdout ? 'ansi' : 'plain');
    const budget = numberFlag('render', 'budget', v.budget, 4000, { min: 200, integer: true });
    const baseFiles = v['diff-base'] ?? [];
    // With FLAMEDIFF_THREADS=2 a one-file base is parsed on a worker thread while this thread
    // parses the head (src/lib/threads.ts says why it is not the default).
    const baseOnWorker =
      useWorker(io.env) && baseFiles.length === 1
        ? importOnWorker(path.resolve(io.cwd, baseFiles[0]), {}, path.resolve(io.cwd, baseFiles[0]))
        : undefined;
    const headRuns = await load(positionals, io, baseFiles.length === 0);
    // One file is drawn as read (merging would copy and re-intern every frame and stack).
    let head = headRuns.length === 1 ? headRuns[0] : mergeProfiles(headRuns);
    let report: ComparisonReport | undefined;
    let base: Profile | undefined;
    if (baseFiles.length > 0) {
      const baseRuns = baseOnWorker ? [await baseOnWorker()] : await load(baseFiles, io, false);
      // The statistics are imported only for a diff: a plain render does not load their code.
      const { compareRuns, DEFAULT_COMPARE_SETTINGS, FrameKeys, mergeConsistent } = await import(
        '../stats/index.js'
      );
      // The merge below reuses the comparison's key space: each run's frames are mapped once.
      const keys = new FrameKeys(DEFAULT_COMPARE_SETTINGS.granularity);
      report = compareRuns(
        baseRuns.map((profile) => ({ profile })),
        headRuns.map((profile) => ({ profile })),
        {},
        { keys },
      );
      // A diff draws what the comparison kept (frames consistent across runs), as check's does:
      // one-off slivers would otherwise stack into tall empty-looking spikes above the graph.
      // Only the side drawn is merged (head's widths, or base's with --negate): the diff reads
      // nothing else of the other side's merge.
      if (v.negate) base = mergeConsistent(baseRuns, {}, keys).profile;
      else head = mergeConsistent(headRuns, {}, keys).profile;
    } else if (v.negate) {
      throw new UserError('flamediff render: --negate needs --diff-base FILES');
    }
    let out: string | Uint8Array;
    if (format === 'text') {
      out = renderTextFlame(v.negate && base ? base : head, { style, budget, comparison: report });
    } else {
      // renderDiffSvg reads `base` only with --negate (the side merged above).
      const svg = report ? renderDiffSvg(base ?? head, head, report, opts) : renderFlameSvg(head, opts);
      out = format === 'png' ? await svgToPng(svg, { width: opts.width }) : svg;
    }
    if (toStdout) {
      io.stdout(out as string); // PNG never goes to stdout (checked above)
      return 0;
    }
    const target = path.resolve(io.cwd, v.output as string);
    try {
      await writeFile(target, out);
    } catch (err) {
      throw fsError(v.output as string, 'cannot write', err);
    }
    io.stderr(`wrote ${v.output} (${format}, ${out.length} bytes)\n`);
    return 0;
  },
};
