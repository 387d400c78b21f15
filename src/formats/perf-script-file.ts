import { statSync } from 'node:fs';
import type { Profile } from '../profile/profile.js';
import { detectFormat, formatByName } from './dispatch.js';
import { makeInput, readHead } from './input.js';
import { collapsePerfFileParallel, PARALLEL_AT } from './perf-script-parallel.js';
import type { ImportOptions } from './types.js';

// Kept apart from perf-script-parallel.ts so that the worker thread, which loads that module,
// does not load every format's parser with index.js.

/**
 * `flamediff collapse FILE` of one big `perf script` file (named by --format or recognised from
 * its head) on two threads; undefined for any other file.
 */
export async function importPerfScriptParallel(
  path: string,
  shownName: string,
  opts: ImportOptions,
): Promise<Profile | undefined> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined; // the ordinary import names the error
  }
  if (size < PARALLEL_AT) return undefined;
  const format = opts.format ? formatByName(opts.format) : detectFormat(makeInput(shownName, readHead(path)));
  if (format?.name !== 'perf-script') return undefined;
  const p = await collapsePerfFileParallel(path, shownName, opts.perf ?? {}, opts);
  if (p !== undefined) p.meta.source ??= shownName;
  return p;
}
