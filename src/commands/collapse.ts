import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { importFoldedMerged } from '../formats/merged-import.js';
import { importPerfScriptParallel } from '../formats/perf-script-file.js';
import type { ImportOptions } from '../formats/types.js';
import { fsError, isFsError } from '../lib/fs-errors.js';
import { tempSuffix } from '../lib/temp-name.js';
import { useWorker } from '../lib/threads.js';
import { writeFolded, writeFoldedChunks } from '../profile/folded-writer.js';
import type { Profile } from '../profile/profile.js';
import { mergeProfiles } from '../profile/transform.js';
import type { Command, Io } from './command.js';
import { parseCommandArgs } from './command.js';
import {
  INPUT_OPTIONS,
  INPUT_OPTIONS_HELP,
  importOptionsFrom,
  readProfileArg,
  writeOutput,
} from './profile-io.js';

const HELP = `Usage: flamediff collapse [options] FILE... [-o OUT]

Reads profiles in any format flamediff knows (perf script text, folded stacks, py-spy,
pyflame, austin, async-profiler, Fil/memray, CPython sampling, .cpuprofile, pprof,
speedscope, pstats) and writes canonical folded stacks: one \`root;...;leaf count\` line per
distinct stack, sorted, the same bytes for the same input. Several files are merged (their
units must agree). FILE may be \`-\` for standard input; gzip input is read as is.

Options:
  -o, --output OUT      Write to OUT instead of standard output (written atomically)
${INPUT_OPTIONS_HELP}
Examples:
  perf record -F 99 -g -- ./app && perf script > out.perf
  flamediff collapse out.perf -o app.folded
  flamediff collapse --all --pid out.perf            # like stackcollapse-perf.pl --all --pid
  perf script | flamediff collapse --format perf-script - > app.folded
  flamediff collapse run1.txt run2.txt run3.txt -o merged.folded
  flamediff collapse --sample-type cpu austin.txt    # austin full mode, CPU time only
`;

export const collapseCommand: Command = {
  name: 'collapse',
  summary: 'convert profiles (perf script, py-spy, austin, ...) to canonical folded stacks',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('collapse', argv, INPUT_OPTIONS);
    if (positionals.length === 0) {
      throw new UserError('flamediff collapse: no input FILE given (see `flamediff collapse --help`)');
    }
    const opts = importOptionsFrom(values, io);
    const threads = useWorker(io.env); // read first: a bad value is an error whatever the files
    const merged =
      (await foldedMerged(positionals, opts, io.cwd)) ?? (await importAll(positionals, opts, io, threads));
    const out = values.output as string | undefined;
    if (out === undefined || out === '-') await writeOutput(out, writeFolded(merged), io);
    else writeFoldedFile(out, merged, io.cwd);
    return 0;
  },
};

/** Several plain folded files parsed into one profile (the same as importing and merging them). */
function foldedMerged(files: string[], opts: ImportOptions, cwd: string): Promise<Profile | undefined> {
  if (files.length < 2 || files.includes('-')) return Promise.resolve(undefined);
  return importFoldedMerged(
    files.map((file) => ({ path: resolve(cwd, file), shownName: file })),
    opts,
  );
}

async function importAll(files: string[], opts: ImportOptions, io: Io, threads: boolean): Promise<Profile> {
  // With FLAMEDIFF_THREADS=2 (src/lib/threads.ts), one big `perf script` file is collapsed on two
  // threads (the same bytes as one pass). Not the default: on the shared 2-core machine it was
  // measured slower (bench/RESULTS.md, anchors), and again on 2026-12-03 with the pieces taken
  // from both ends (perf-big.txt, load ~3, 5 alternated runs: 1.03 s vs 0.84 s median, 1.36 vs
  // 0.99 s CPU); each thread meets most distinct stack lines once, so the second one repeats much
  // of the work.
  if (threads && files.length === 1 && files[0] !== '-') {
    const p = await importPerfScriptParallel(resolve(io.cwd, files[0]), files[0], opts);
    if (p !== undefined) return p;
  }
  const profiles = [];
  for (const file of files) profiles.push(await readProfileArg(file, opts, io));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}

/**
 * Writes the folded bytes to OUT as the writer makes them (no JS string of the whole output,
 * which for a big profile costs more than the writing), atomically like writeOutput: a temp
 * file renamed over OUT, so a failed run never truncates an old output.
 */
function writeFoldedFile(out: string, profile: Profile, cwd: string): void {
  const path = resolve(cwd, out);
  const tmp = `${path}.${tempSuffix()}.tmp`;
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    const target = fd;
    writeFoldedChunks(profile, (chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(target, chunk, at);
    });
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== -1) closeSync(fd);
    rmSync(tmp, { force: true });
    if (!isFsError(err)) throw err;
    throw fsError(out, 'cannot write', err, `is ${dirname(out)} a writable directory?`);
  }
}
