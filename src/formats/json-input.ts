import { InputError, NoSamplesError } from '../errors.js';
import type { ProfileInput } from './types.js';

// Shared by the JSON importers (cpuprofile, speedscope): parsing with a line number on syntax
// errors, a cheap head sniff, and structural checks that name the JSON path of the bad value.

/** First `max` characters of the file, decoded without touching the rest (for `is` sniffs). */
export function jsonHead(input: ProfileInput, max = 4096): string {
  const b = input.bytes;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    // UTF-16 is rare for JSON profiles; decode it all rather than cut a code unit in half.
    try {
      return input.text().slice(0, max);
    } catch {
      return '';
    }
  }
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return new TextDecoder().decode(b.subarray(start, start + max));
}

/** JSON.parse with errors turned into `FILE:LINE: invalid JSON (...)`. */
export function parseJson(input: ProfileInput, what: string): unknown {
  const text = input.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : text.length;
    const line = lineAt(text, pos);
    // Node's wording varies by version; the line number replaces its position and excerpt.
    const short = msg
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/, "[\s\S]*" is not valid JSON/, '')
      .replace(/ in JSON at position \d+/, '');
    throw new InputError(input.fileName, { line }, `invalid JSON: ${short} (expected ${what})`);
  }
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  const end = Math.min(pos, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Structural errors at a JSON path: `FILE: $.nodes[3].id: problem (expected ...)`. */
export class JsonChecker {
  constructor(readonly fileName: string) {}

  fail(path: string, problem: string): never {
    throw new InputError(this.fileName, undefined, `${path}: ${problem}`);
  }

  object(v: unknown, path: string): Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `found ${describe(v)} (expected an object)`);
    }
    return v as Record<string, unknown>;
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, `found ${describe(v)} (expected an array)`);
    return v;
  }

  number(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v))
      this.fail(path, `found ${describe(v)} (expected a number)`);
    return v;
  }

  integer(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.fail(path, `found ${describe(v)} (expected an integer)`);
    }
    return v;
  }

  string(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, `found ${describe(v)} (expected a string)`);
    return v;
  }

  optionalString(v: unknown, path: string): string | undefined {
    return v === undefined || v === null ? undefined : this.string(v, path);
  }

  optionalNumber(v: unknown, path: string): number | undefined {
    return v === undefined || v === null ? undefined : this.number(v, path);
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (v === undefined) return 'nothing';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The "no samples in FILE" error every importer gives for an empty profile. */
export function noSamples(fileName: string): NoSamplesError {
  return new NoSamplesError(fileName);
}
