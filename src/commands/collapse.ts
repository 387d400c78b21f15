import { UserError } from '../errors.js';
import { writeFolded } from '../profile/folded-writer.js';
import { mergeProfiles } from '../profile/transform.js';
import type { Command } from './command.js';
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
    const profiles = [];
    for (const file of positionals) profiles.push(await readProfileArg(file, opts, io));
    const merged = profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
    await writeOutput(values.output as string | undefined, writeFolded(merged), io);
    return 0;
  },
};
