import { UserError } from '../errors.js';
import { exportToSpeedscope } from '../formats/speedscope-export.js';
import { writeFolded } from '../profile/folded-writer.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './command.js';
import {
  INPUT_OPTIONS,
  INPUT_OPTIONS_HELP,
  importOptionsFrom,
  readProfileArg,
  writeOutput,
} from './profile-io.js';

const TARGETS = ['speedscope', 'folded'] as const;
type Target = (typeof TARGETS)[number];

const HELP = `Usage: flamediff convert FILE --to speedscope|folded [-o OUT]

Converts one profile to another format: \`speedscope\` JSON (open it at speedscope.app or in
its offline viewer) or canonical \`folded\` stacks (for FlameGraph, Inferno and flamediff).
The input format is detected from the file name, then the content (--format overrides).

Options:
      --to T            Output format: speedscope or folded (required)
  -o, --output OUT      Write to OUT instead of standard output (written atomically)
${INPUT_OPTIONS_HELP}
Examples:
  flamediff convert CPU.20250101.cpuprofile --to folded -o node.folded
  flamediff convert profile.pb.gz --to speedscope --sample-type cpu -o cpu.speedscope.json
  flamediff convert out.perf --to speedscope --all -o perf.speedscope.json
`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a profile to speedscope JSON or folded stacks',
  help: HELP,
  async run(argv, io) {
    const parsed = parseCommandArgs('convert', argv, {
      ...INPUT_OPTIONS,
      to: { type: 'string', short: 't' },
    });
    const values = parsed.values as Record<string, unknown>;
    const positionals = parsed.positionals;
    if (positionals.length !== 1) {
      throw new UserError(
        `flamediff convert: expected exactly one input FILE, got ${positionals.length} (see \`flamediff convert --help\`)`,
      );
    }
    const to = values.to as string | undefined;
    if (to === undefined || !TARGETS.includes(to as Target)) {
      throw new UserError(
        `flamediff convert: --to ${to === undefined ? 'is required' : `'${to}' is not supported`}; expected one of ${TARGETS.join(', ')}`,
      );
    }
    const file = positionals[0];
    const profile = await readProfileArg(file, importOptionsFrom(values, io), io);
    const text = to === 'folded' ? writeFolded(profile) : exportToSpeedscope(profile, nameOf(file));
    await writeOutput(values.output as string | undefined, text, io);
    return 0;
  },
};

function nameOf(file: string): string {
  return file === '-' ? 'stdin' : (file.split(/[/\\]/).pop() ?? file);
}
