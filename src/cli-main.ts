import { CATALOG as COMMANDS } from './commands/catalog.js';
import type { Io } from './commands/command.js';
import { suggestKey } from './config/schema.js';
import { errorLine, UserError } from './errors.js';
import { VERSION } from './version.js';

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'flamediff: catch performance regressions with flamegraphs and statistics',
    '',
    'Usage: flamediff <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `flamediff <command> --help` for a command's options and examples.",
    '',
  ].join('\n');
}

/** The whole CLI as a function (tests call it directly): returns the exit status. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? (await topic.load()).help : mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const near = suggestKey(
      name,
      COMMANDS.map((c) => c.name),
    );
    io.stderr(
      `flamediff: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}; expected one of ${COMMANDS.map((c) => c.name).join(', ')}\n`,
    );
    return 2;
  }
  // The command's module is loaded only now (start-up: see commands/catalog.ts).
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    const dashdash = rest.indexOf('--');
    const helpAt = Math.max(rest.indexOf('--help'), rest.indexOf('-h'));
    if (dashdash === -1 || helpAt < dashdash) {
      io.stdout(command.help);
      return 0;
    }
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError) {
      // Messages that already name the command ("flamediff check: ...") keep their own prefix.
      io.stderr(`${err.message.startsWith('flamediff ') ? '' : 'flamediff: '}${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`flamediff: internal error: ${errorLine(err)}\n`);
    if (io.env.FLAMEDIFF_DEBUG) io.stderr(`${err instanceof Error ? err.stack : ''}\n`);
    return 2;
  }
}
