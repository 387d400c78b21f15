// Base and head are only comparable when the same sampler ran the same command the same way: a
// py-spy base against a perf head, or `bench.py --small` against `bench.py`, would give a
// confident verdict about a difference that is not in the code. These checks turn such a pair
// into a refusal with one clear line instead.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a recording says about how it was made (a runs.json's fields). */
export interface RunIdentity {
  sampler?: string;
  command?: readonly string[];
  samplerOptions?: Record<string, boolean | string>;
}

/** The refusal line when base and head were recorded differently, else null. */
export function mismatchedRecordings(base: RunIdentity, head: RunIdentity): string | null {
  const diffs: string[] = [];
  if (base.sampler && head.sampler && base.sampler !== head.sampler) {
    diffs.push(`sampler ${base.sampler} vs ${head.sampler}`);
  }
  if (base.command && head.command && !sameArgv(base.command, head.command)) {
    diffs.push(`command \`${base.command.join(' ')}\` vs \`${head.command.join(' ')}\``);
  }
  const bo = optionsText(base.samplerOptions);
  const ho = optionsText(head.samplerOptions);
  if (base.samplerOptions && head.samplerOptions && bo !== ho) {
    diffs.push(`sampler options ${bo || 'none'} vs ${ho || 'none'}`);
  }
  if (diffs.length === 0) return null;
  return `base and head were recorded differently (${diffs.join('; ')}): their profiles are not comparable; record both sides with the same sampler, command and options`;
}

function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function optionsText(o: Record<string, boolean | string> | undefined): string {
  if (!o) return '';
  return Object.keys(o)
    .sort()
    .map((k) => (o[k] === true ? k : `${k}=${String(o[k])}`))
    .join(',');
}

/**
 * For `flamediff compare --base DIR --head DIR`: reads each side's runs.json (when both sides are
 * one directory recorded by `flamediff record`) and returns the refusal line, or null.
 */
export async function mismatchedRunDirs(
  base: readonly string[] | undefined,
  head: readonly string[] | undefined,
): Promise<string | null> {
  if (base?.length !== 1 || head?.length !== 1) return null;
  const [b, h] = await Promise.all([readIdentity(base[0]), readIdentity(head[0])]);
  if (!b || !h) return null;
  const why = mismatchedRecordings(b, h);
  return why ? `${base[0]} vs ${head[0]}: ${why}` : null;
}

async function readIdentity(dir: string): Promise<RunIdentity | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return null;
    const j = JSON.parse(await readFile(path.join(dir, 'runs.json'), 'utf8')) as Record<string, unknown>;
    return {
      sampler: typeof j.sampler === 'string' ? j.sampler : undefined,
      command:
        Array.isArray(j.command) && j.command.every((x) => typeof x === 'string') ? j.command : undefined,
      samplerOptions:
        j.samplerOptions && typeof j.samplerOptions === 'object'
          ? (j.samplerOptions as Record<string, boolean | string>)
          : undefined,
    };
  } catch {
    // No runs.json (plain profiles) or an unreadable one: loading the side reports that.
    return null;
  }
}
