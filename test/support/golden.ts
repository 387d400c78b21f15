// The one golden-file helper. A golden file holds the exact output a test expects; `BLESS=1`
// (and only that) rewrites it from the current output. Without BLESS=1 a missing golden file
// fails the test: a test that writes its own expectation and passes could never fail.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** True when the run was asked to rewrite golden files (`BLESS=1`). */
export const BLESS = process.env.BLESS === '1';

/** A golden file's path: absolute as given, otherwise relative to test/fixtures/. */
export function goldenPath(file: string): string {
  return path.isAbsolute(file) ? file : path.join(FIXTURES, file);
}

function shown(file: string): string {
  return path.relative(process.cwd(), goldenPath(file));
}

/**
 * The golden bytes for `actual`, for tests that compare with a tolerance (screenshots): with
 * BLESS=1 writes `actual` first; fails when the file is missing.
 */
export function readGolden(file: string, actual: string | Uint8Array): Buffer {
  const p = goldenPath(file);
  if (BLESS) {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, actual);
  }
  if (!existsSync(p)) throw new Error(`missing golden file ${shown(file)}; run with BLESS=1 to create it`);
  return readFileSync(p);
}

/** Fails unless `actual` equals the golden file byte for byte (BLESS=1 rewrites it). */
export function expectGolden(file: string, actual: string | Uint8Array): void {
  const expected = readGolden(file, actual);
  const got = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : Buffer.from(actual);
  if (expected.equals(got)) return;
  if (typeof actual !== 'string') {
    throw new Error(
      `${shown(file)} differs from the output (${got.length} vs ${expected.length} bytes; BLESS=1 to accept)`,
    );
  }
  const a = actual.split('\n');
  const e = expected.toString('utf8').split('\n');
  let i = 0;
  while (i < Math.min(a.length, e.length) && a[i] === e[i]) i++;
  throw new Error(
    `${shown(file)} differs from the output at line ${i + 1}:\n  golden: ${e[i] ?? '(end of file)'}\n  actual: ${a[i] ?? '(end of output)'}\n(BLESS=1 to accept)`,
  );
}
