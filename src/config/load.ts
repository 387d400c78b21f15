// flamediff.yml -> FlamediffOptions. Unknown keys and bad values are errors quoting the value, the
// expected form and the line, so a typo never silently falls back to a default.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { InputError, UserError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';
import { defaultOptions, type FlamediffOptions } from './options.js';
import { KEYS, keySpec, quoteValue, suggestKey, ValueProblem } from './schema.js';

export const CONFIG_FILE = 'flamediff.yml';

/** Applies the settings in `text` (the contents of `file`) on top of `base` (defaults if omitted). */
export function parseConfig(
  text: string,
  file: string,
  base: FlamediffOptions = defaultOptions(),
): FlamediffOptions {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.pos ? lines.linePos(e.pos[0]).line : undefined;
    throw new InputError(file, line ? { line } : undefined, `not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const opts = structuredClone(base);
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return opts;
  if (!isMap(root))
    throw new InputError(file, lineOf(lines, root), 'expected a mapping of settings (key: value)');
  for (const pair of root.items) applyPair(opts, pair as Pair<Node, Node>, '', file, lines);
  return opts;
}

function applyPair(
  opts: FlamediffOptions,
  pair: Pair<Node, Node>,
  prefix: string,
  file: string,
  lines: LineCounter,
): void {
  const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  const key = prefix + name;
  const where = lineOf(lines, pair.key ?? pair.value);
  if (key === 'compare') {
    // `compare:` with every entry commented out is an empty mapping, not a mistake.
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return;
    if (!isMap(pair.value)) {
      throw new InputError(file, where, "'compare' must be a mapping (e.g. compare: { alpha: 0.05 })");
    }
    for (const p of pair.value.items) applyPair(opts, p as Pair<Node, Node>, 'compare.', file, lines);
    return;
  }
  const spec = keySpec(key);
  if (!spec) throw new InputError(file, where, unknownKeyMessage(key));
  const value = pair.value === null ? null : (pair.value as Node).toJSON();
  try {
    spec.apply(opts, value);
  } catch (err) {
    if (err instanceof ValueProblem) {
      throw new InputError(
        file,
        lineOf(lines, pair.value ?? pair.key),
        `${key}: ${quoteValue(err.value)} is not valid (expected ${err.expected})`,
      );
    }
    throw err;
  }
}

function unknownKeyMessage(key: string): string {
  const known = [...KEYS.map((k) => k.key).filter((k) => !k.startsWith('compare.')), 'compare'];
  const pool = key.startsWith('compare.')
    ? KEYS.map((k) => k.key).filter((k) => k.startsWith('compare.'))
    : known;
  // A statistics key at the top level (the docs list them in their own table) is a likely mistake.
  if (!key.startsWith('compare.') && keySpec(`compare.${key}`)) {
    return `'${key}' belongs under 'compare:' (expected compare: { ${key}: ... })`;
  }
  const hint = suggestKey(key, pool);
  return `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''} (expected one of ${pool.join(', ')})`;
}

function lineOf(lines: LineCounter, node: unknown): { line: number } | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return { line: lines.linePos(range[0]).line };
}

/** Reads and parses a config file; `required` false means a missing file gives `base` unchanged. */
export async function loadConfigFile(
  file: string,
  base: FlamediffOptions = defaultOptions(),
  required = true,
): Promise<FlamediffOptions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return structuredClone(base);
    throw fsError(file, 'cannot read the configuration', err);
  }
  return parseConfig(text, file, base);
}

/** Sets one key from a string (CLI flag or action input); errors name the flag and quote the value. */
export function applySetting(opts: FlamediffOptions, key: string, value: unknown, source: string): void {
  const spec = keySpec(key);
  if (!spec) throw new UserError(`${source}: unknown setting '${key}'`);
  try {
    spec.apply(opts, value);
  } catch (err) {
    if (err instanceof ValueProblem) {
      throw new UserError(`${source} ${quoteValue(err.value)} is not valid (expected ${err.expected})`);
    }
    throw err;
  }
}

/** Checks what no single key can: settings that must be present or agree with each other. */
export function validateOptions(opts: FlamediffOptions, source: string): void {
  if (opts.command.length === 0) {
    throw new UserError(
      `${source}: no workload command (set 'command:' in ${CONFIG_FILE} or pass it after --, e.g. flamediff check -- node bench.js)`,
    );
  }
  if (opts.runs < 2) {
    throw new UserError(`${source}: runs: '${opts.runs}' is too few to compare (expected an integer >= 2)`);
  }
}
