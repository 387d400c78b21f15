// Errors a user can act on. The CLI and the action print `message` as one line and exit 2;
// anything else is a bug and is reported with its stack.

/** A problem with the user's input or setup: bad file, bad flag, missing sampler. Exit status 2. */
export class UserError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A profile that parsed but holds no samples (an empty file, only zero weights). Most commands
 * stop on it; `flamediff render` draws its "no samples" picture instead.
 */
export class NoSamplesError extends UserError {
  constructor(
    readonly file: string,
    detail = '',
  ) {
    super(`no samples in ${file}${detail}`);
    this.name = 'NoSamplesError';
  }
}

/**
 * Malformed input at a known place. Renders as `FILE:LINE: what was wrong (expected ...)`,
 * or `FILE: byte OFFSET: ...` for binary formats.
 */
export class InputError extends UserError {
  constructor(
    readonly file: string,
    readonly where: { line?: number; offset?: number } | undefined,
    readonly problem: string,
  ) {
    super(`${file}${formatWhere(where)}: ${problem}`);
    this.name = 'InputError';
  }
}

function formatWhere(where: { line?: number; offset?: number } | undefined): string {
  if (!where) return '';
  if (where.line !== undefined) return `:${where.line}`;
  if (where.offset !== undefined) return `: byte ${where.offset}`;
  return '';
}

/** Short, single-line form of any error for logs; never a stack trace for UserError. */
export function errorLine(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
