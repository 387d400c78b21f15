// Refactors are not regressions (docs/statistics.md): the pairs of base and head frames compared
// as one, applied to the base runs and listed in the report. Pure; the pairs come from the git diff
// (src/pipeline/refactors.ts) or, without git history, from the profiles alone (here).
import type { Granularity } from '../profile/transform.js';
import { applyRenames, matchByProfile, type RenamePair } from './rename-match.js';
import type { ComparisonReport, RunInput } from './types.js';

export interface Refactors {
  pairs: RenamePair[];
  /** A warning for the report (git could not diff; frames matched without the diff), or null. */
  note: string | null;
}

export const NO_REFACTORS: Refactors = { pairs: [], note: null };

export const FALLBACK =
  'frames were matched by file, line range and self cost instead (a refactor that also changed cost stays gone + new)';

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
