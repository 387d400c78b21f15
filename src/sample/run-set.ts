// Reading runs.json, the record of a run set that `flamediff record` (the runner) writes beside
// its profiles. The one reader: the CLI, the bot and the runner itself read it here, so a bad
// file gets the same one-line error (the file, what was expected) everywhere.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';
import type { RunRecord, RunSet } from './types.js';

export const RUNS_FILE = 'runs.json';

const EXPECTED = 'the runs.json that `flamediff record` writes';

/**
 * DIR/runs.json as written by `flamediff record`; null when DIR has none. Throws an InputError
 * naming the file when it cannot be read, is not JSON, or lacks a run list whose entries each name
 * their profile file.
 */
export async function readRunSet(dir: string): Promise<RunSet | null> {
  const file = path.join(dir, RUNS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(file, 'cannot read the runs of `flamediff record`', err);
  }
  return parseRunSet(text, file);
}

/** Parses and checks the text of a runs.json; `file` names it in errors. */
export function parseRunSet(text: string, file: string): RunSet {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, undefined, `not valid JSON (${(err as Error).message}); expected ${EXPECTED}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, undefined, `expected ${EXPECTED} (a JSON object)`);
  }
  const set = value as Partial<RunSet>;
  if (!Array.isArray(set.runs)) {
    throw new InputError(file, undefined, `expected "runs": [ ...one entry per run ] (${EXPECTED})`);
  }
  for (const [i, r] of (set.runs as unknown[]).entries()) {
    if (r === null || typeof r !== 'object' || typeof (r as Partial<RunRecord>).file !== 'string') {
      throw new InputError(file, undefined, `run ${i + 1} has no "file" (expected a profile path)`);
    }
  }
  return set as RunSet;
}
