// Reading the store's JSON files: every failure names the file, and a file written by a newer
// flamediff stops the job before anything is overwritten.
import { InputError, UserError } from '../errors.js';
import type { StoreReader } from './types.js';

export async function readJson<T>(reader: StoreReader, path: string, expected: string): Promise<T | null> {
  const bytes = await reader.read(path);
  if (bytes === null) return null;
  return parseJson<T>(bytes, reader.describe(path), expected);
}

export function parseJson<T>(bytes: Uint8Array, where: string, expected: string): T {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new InputError(where, undefined, `not valid JSON (${msg}); expected ${expected}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(where, undefined, `expected ${expected} (a JSON object)`);
  }
  checkSchema(value as { schema?: unknown }, where, 1);
  return value as T;
}

/** Rejects files from a newer flamediff (and files without a schema number). */
export function checkSchema(value: { schema?: unknown }, where: string, supported: number): void {
  const s = value.schema;
  if (typeof s !== 'number' || !Number.isInteger(s) || s < 1) {
    throw new InputError(
      where,
      undefined,
      `missing or bad "schema" field (expected an integer, got ${JSON.stringify(s)})`,
    );
  }
  if (s > supported) {
    throw new UserError(
      `${where}: written by a newer flamediff (schema ${s}; this version reads schema ${supported}); upgrade flamediff — nothing was changed`,
    );
  }
}

export function jsonBytes(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
