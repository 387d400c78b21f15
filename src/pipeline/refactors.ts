// Refactors from the git diff between the baseline's commit and the head when git has both
// commits; otherwise from the profiles alone (src/stats/refactors.ts), and the report says so.
import type { Granularity } from '../profile/transform.js';
import { FALLBACK, fallbackRefactors, NO_REFACTORS, type Refactors } from '../stats/refactors.js';
import { matchByProfile, resolveHints } from '../stats/rename-match.js';
import type { RunInput } from '../stats/types.js';
import { isGitRepo } from './git-info.js';
import { refactorHints } from './refactor-hints.js';

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
