// Types of the configuration stage shared with the commands that parse flags.
import type { ParseArgsConfig } from 'node:util';

/** node:util parseArgs option table. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
