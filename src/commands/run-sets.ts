// Run sets named on the command line: profile files (repeated flags or comma lists) or the
// directories `flamediff record` writes (a runs.json there supplies wall and CPU seconds).
// Shared by `compare` (one side each for --base and --head) and `render` (merged runs).
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { importProfileFile } from '../formats/index.js';
import type { ImportOptions } from '../formats/types.js';
import { fsError } from '../lib/fs-errors.js';
import { readRunSet } from '../sample/run-set.js';
import type { MeasuredRun, RunSide } from '../sample/types.js';
import type { Io } from './command.js';

/** Files (comma lists, repeated flags) or directories -> one RunInput per file, in a stable order. */
export async function loadSide(
  side: 'base' | 'head',
  args: string[] | undefined,
  io: Io,
  opts: ImportOptions,
): Promise<RunSide> {
  if (!args || args.length === 0)
    throw new UserError(`flamediff compare: --${side} is required (files or a directory of runs)`);
  const runs = await loadRuns(args, side, io, opts);
  if (runs.length === 0)
    throw new UserError(`flamediff compare: no ${side} runs found in ${args.join(', ')}`);
  // What the files say about how they were measured is unknown here: the report shows the files.
  return { runs, sampler: '', samplerVersion: '', command: [], rateHz: null, machine: null };
}

/** Every run named by `args` (files, comma lists, run directories), in a stable order. */
export async function loadRuns(
  args: readonly string[],
  side: 'base' | 'head' | 'run',
  io: Io,
  opts: ImportOptions,
): Promise<MeasuredRun[]> {
  const runs: MeasuredRun[] = [];
  for (const arg of args.flatMap((a) => a.split(',')).filter((a) => a !== '')) {
    const path = resolve(io.cwd, arg);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      throw fsError(arg, 'cannot read', err);
    }
    if (!isDir) {
      runs.push({ profile: await importProfileFile(path, opts) });
      continue;
    }
    runs.push(...(await loadDir(path, side, opts)));
  }
  return runs;
}

/** Files in a run directory that are never profiles (reports, pictures, notes). */
const NOT_PROFILES = /^(readme.*|runs\.json|report\.json)$|\.(md|svg|png|html)$/i;

async function loadDir(
  dir: string,
  side: 'base' | 'head' | 'run',
  opts: ImportOptions,
): Promise<MeasuredRun[]> {
  const set = await readRunSet(dir);
  if (set) {
    const out: MeasuredRun[] = [];
    for (const r of set.runs.filter((x) => x.side === undefined || x.side === 'run' || x.side === side)) {
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
  const out: MeasuredRun[] = [];
  for (const name of names) out.push({ profile: await importProfileFile(join(dir, name), opts) });
  return out;
}
