// Refactors are not regressions (docs/statistics.md): which base frames to compare as which head
// frames. From the git diff between the baseline's commit and the head when git has both commits;
// otherwise from the profiles alone (file, line range, self cost), and the report says so.
import type { Granularity } from '../profile/transform.js';
import type { RunInput } from '../stats/index.js';
import { applyRenames, matchByProfile, type RenamePair, resolveHints } from '../stats/rename-match.js';
import type { ComparisonReport } from '../stats/types.js';
import { isGitRepo } from './git-info.js';
import { refactorHints } from './refactor-hints.js';

export interface Refactors {
  pairs: RenamePair[];
  /** A warning for the report (git could not diff; frames matched without the diff), or null. */
  note: string | null;
}

export const NO_REFACTORS: Refactors = { pairs: [], note: null };

const FALLBACK =
  'frames were matched by file, line range and self cost instead (a refactor that also changed cost stays gone + new)';

export async function recogniseRefactors(o: {
  cwd: string;
  /** The commit the base runs measured; null or '' when unknown (no git). */
  baseSha: string | null;
  headSha: string;
  base: readonly RunInput[];
  head: readonly RunInput[];
  settings: { granularity: Granularity; minShare: number };
}): Promise<Refactors> {
  if (o.settings.granularity !== 'function' || o.base.length === 0) return NO_REFACTORS;
  const fallback = (why: string, warnAlways: boolean): Refactors => {
    const pairs = matchByProfile(o.base, o.head, o.settings);
    return { pairs, note: pairs.length > 0 || warnAlways ? `${why}: ${FALLBACK}.` : null };
  };
  if (!o.baseSha || !(await isGitRepo(o.cwd))) return fallbackRefactors(o.base, o.head, o.settings);
  const { hints, error } = await refactorHints(o.cwd, o.baseSha, o.headSha);
  if (error)
    return fallback(`Renamed and moved functions could not be read from the git diff (${error})`, true);
  return { pairs: resolveHints(hints, o.base, o.head, o.settings.granularity), note: null };
}

/** Without git history: matched by the profiles alone, and the report says so when any matched. */
export function fallbackRefactors(
  base: readonly RunInput[],
  head: readonly RunInput[],
  settings: { granularity: Granularity; minShare: number },
): Refactors {
  const pairs = matchByProfile(base, head, settings);
  return { pairs, note: pairs.length ? `Without git history, ${FALLBACK.replace(' instead', '')}.` : null };
}

/** The base runs relabelled by the pairs (see src/stats/rename-match.ts). */
export function applyRefactors(
  base: RunInput[],
  head: readonly RunInput[],
  r: Refactors,
  g: Granularity,
): RunInput[] {
  return r.pairs.length ? applyRenames(base, head, r.pairs, g) : base;
}

/** Lists the pairs in the report (and the summary's `renamed` count when the report has one). */
export function attachRefactors(report: ComparisonReport, r: Refactors): void {
  if (r.pairs.length) report.renames = r.pairs;
  if (r.note) report.warnings.push(r.note);
  const summary = (report as { summary?: { renamed?: number } }).summary;
  if (summary) summary.renamed = r.pairs.length;
}
