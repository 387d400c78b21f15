import { parseArgs } from 'node:util';
import { suggestKey } from '../config/schema.js';
import type { OptionSpec } from '../config/types.js';
import { UserError } from '../errors.js';

/** Streams a command writes to; tests pass buffers, the CLI passes the process streams. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (progress bars, colours). */
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line for `flamediff --help`. */
  summary: string;
  /** Full help text: usage, options, examples. */
  help: string;
  /** Returns the exit status: 0 ok, 1 gated failure, 2 bad input. Throws UserError for bad input. */
  run(argv: string[], io: Io): Promise<number>;
}

export type { OptionSpec } from '../config/types.js';

/** util.parseArgs with errors a user can act on (the offending flag and where to look). */
export function parseCommandArgs<T extends OptionSpec>(
  command: string,
  argv: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true as const });
  } catch (err) {
    let msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    // Node adds advice about positionals to an unknown option; a close flag name helps more.
    const unknown = /^Unknown option '[^']+'/.exec(msg);
    if (unknown && flagHint(msg, options)) msg = unknown[0];
    throw new UserError(
      `flamediff ${command}: ${msg}${flagHint(msg, options)} (see \`flamediff ${command} --help\`)`,
    );
  }
}

/** Parses a numeric flag, quoting the bad value and the expected form. */
export function numberFlag(
  command: string,
  flag: string,
  value: string | undefined,
  fallback: number,
  check: { min?: number; max?: number; integer?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    (check.min === undefined || n >= check.min) &&
    (check.max === undefined || n <= check.max) &&
    (!check.integer || Number.isInteger(n));
  if (!ok) {
    const kind = check.integer ? 'an integer' : 'a number';
    const range =
      check.min !== undefined && check.max !== undefined
        ? `${kind} from ${check.min} to ${check.max}`
        : check.min !== undefined
          ? `${kind} >= ${check.min}`
          : check.max !== undefined
            ? `${kind} <= ${check.max}`
            : kind;
    throw new UserError(`flamediff ${command}: --${flag} '${value}' is not valid; expected ${range}`);
  }
  return n;
}

/** "did you mean --runs?" for an unknown option that is one or two edits from a known one. */
function flagHint(message: string, options: OptionSpec): string {
  const m = /Unknown option '--?([^']+)'/.exec(message);
  if (!m) return '';
  const near = suggestKey(m[1], Object.keys(options));
  return near ? `; did you mean --${near}?` : '';
}
