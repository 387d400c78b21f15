// Which stored baseline a head commit is compared with: the nearest one among the first-parent
// ancestors of the merge-base on the base branch, within `baselineDepth` commits. Anything less
// than "the merge-base itself" is stated in the report.
import { InputError } from '../errors.js';
import { shortSha } from '../lib/sha.js';
import { type LoadedBaseline, loadBaseline, readBaselineIndex } from '../store/baselines.js';
import { layout } from '../store/layout.js';
import type { StoreReader } from '../store/types.js';
import { commitDate, firstParentAncestors, isGitRepo, mergeBase } from './git-info.js';

export interface SelectedBaseline {
  sha: string;
  branch: string;
  note: string | null;
  commitDate: string | null;
  loaded: LoadedBaseline;
}

export interface SelectOptions {
  cwd: string;
  headSha: string;
  baseBranch: string;
  /** Refs to take the merge-base with, first existing wins (default origin/<base>, <base>). */
  baseRefs: string[];
  depth: number;
  /** Compare with exactly this stored baseline (no git needed). */
  explicitSha?: string;
}

export async function selectBaseline(
  store: StoreReader,
  o: SelectOptions,
): Promise<{ selected: SelectedBaseline | null; note: string }> {
  const index = await readBaselineIndex(store, o.baseBranch);
  const stored = new Set(index.baselines.map((b) => b.sha));
  const load = async (sha: string, note: string | null): Promise<SelectedBaseline | null> => {
    const loaded = await loadBaseline(store, o.baseBranch, sha);
    if (!loaded && stored.has(sha)) {
      // Listed but gone: a damaged store, not "no baseline" (which would silently gate nothing).
      throw new InputError(
        store.describe(`${layout.baselineDir(o.baseBranch, sha)}/runs.json`),
        undefined,
        `missing (the baseline is listed in ${layout.baselineIndex(o.baseBranch)}); the baseline is incomplete`,
      );
    }
    if (!loaded) return null;
    return { sha, branch: o.baseBranch, note, commitDate: await commitDate(o.cwd, sha), loaded };
  };
  if (o.explicitSha) {
    const s = await load(o.explicitSha, null);
    return {
      selected: s,
      note: s ? '' : `no baseline stored for ${o.baseBranch} at ${shortSha(o.explicitSha)}`,
    };
  }
  if (stored.size === 0) {
    return {
      selected: null,
      note: `no baseline stored for ${o.baseBranch} yet: run flamediff check on ${o.baseBranch} to record one`,
    };
  }
  const latest = index.baselines[index.baselines.length - 1].sha;
  const inRepo = await isGitRepo(o.cwd);
  const mb = inRepo ? await mergeBase(o.cwd, o.headSha, o.baseRefs) : null;
  if (!mb) {
    const why = inRepo
      ? `could not find the merge-base of ${shortSha(o.headSha)} and ${o.baseRefs.join(' / ')} (shallow clone? fetch the base branch, e.g. fetch-depth: 0)`
      : `${o.cwd} is not a git repository, so there is no merge-base`;
    const note = `${why}; compared with the latest stored baseline ${shortSha(latest)} instead`;
    return { selected: await load(latest, note), note };
  }
  const ancestors = await firstParentAncestors(o.cwd, mb.sha, o.depth);
  const i = ancestors.findIndex((sha) => stored.has(sha));
  if (i < 0) {
    return {
      selected: null,
      note: `no stored baseline among the ${o.depth} first-parent ancestors of the merge-base ${shortSha(mb.sha)} (${mb.ref}); record baselines on ${o.baseBranch} or raise baseline-depth`,
    };
  }
  const note =
    i === 0
      ? null
      : `the baseline ${shortSha(ancestors[i])} is ${i} commit${i === 1 ? '' : 's'} older than the merge-base ${shortSha(mb.sha)} (no baseline stored for the newer ones)`;
  return { selected: await load(ancestors[i], note), note: note ?? '' };
}
