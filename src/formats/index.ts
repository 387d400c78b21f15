import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import type { Profile } from '../profile/profile.js';
import { asyncProfilerFormat } from './async-profiler.js';
import { austinFormat } from './austin.js';
import { cpuprofileFormat } from './cpuprofile.js';
import { cpythonFormat } from './cpython-sampling.js';
import { diffFoldedFormat } from './diff-folded.js';
import { foldedFormat } from './folded.js';
import { memoryFormat } from './memory.js';
import { perfScriptFormat } from './perf-script.js';
import { pprofFormat } from './pprof.js';
import { pstatsFormat } from './pstats.js';
import { pyflameFormat } from './pyflame.js';
import { pyspyFormat } from './pyspy.js';
import { speedscopeFormat } from './speedscope.js';
import type { FormatImporter, FormatName, ImportOptions, ProfileInput } from './types.js';

export type {
  FormatImporter,
  FormatName,
  ImportOptions,
  PerfCollapseOptions,
  ProfileInput,
} from './types.js';

/**
 * Sniff order matters: specific formats first, plain folded text (which accepts almost any
 * `text number` lines) last.
 */
export const FORMATS: readonly FormatImporter[] = [
  pprofFormat,
  pstatsFormat,
  cpuprofileFormat,
  speedscopeFormat,
  perfScriptFormat,
  austinFormat,
  pyflameFormat,
  cpythonFormat,
  memoryFormat,
  asyncProfilerFormat,
  pyspyFormat,
  diffFoldedFormat,
  foldedFormat,
];

export function formatByName(name: string): FormatImporter {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) {
    throw new UserError(`unknown format '${name}'; expected one of ${FORMATS.map((x) => x.name).join(', ')}`);
  }
  return f;
}

/** Placeholder input decoding; the parsers work replaces it (gzip, BOM, UTF-16). */
export function makeInput(fileName: string, bytes: Uint8Array): ProfileInput {
  let text: string | undefined;
  return {
    fileName,
    bytes,
    text: () => {
      text ??= new TextDecoder().decode(bytes);
      return text;
    },
  };
}

/** Detects the format (file name first, then content) and imports. */
export function importProfile(fileName: string, bytes: Uint8Array, opts: ImportOptions = {}): Profile {
  const input = makeInput(fileName, bytes);
  const format = opts.format
    ? formatByName(opts.format)
    : (FORMATS.find((f) => f.matchesName(fileName)) ?? FORMATS.find((f) => f.is(input)));
  if (!format) throw new UserError(`${fileName}: not a profile format flamediff knows`);
  const profile = format.import(input, opts);
  profile.meta.source ??= fileName;
  profile.meta.format ??= format.name as FormatName;
  return profile;
}

export async function importProfileFile(path: string, opts: ImportOptions = {}): Promise<Profile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return importProfile(path, bytes, opts);
}
