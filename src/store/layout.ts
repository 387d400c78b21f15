// The documented layout of a store (docs/store.md). Both backends hold exactly these files.
//
//   store.json                                   { schema } of the whole store
//   profiles/<branch>/index.json                 baselines of the branch, oldest first
//   profiles/<branch>/<sha>/run-<i>.folded.gz    one run's profile (canonical folded text, gzip)
//   profiles/<branch>/<sha>/runs.json            how each run was measured (+ sha256 of its file)
//   profiles/<branch>/<sha>/summary.json         top frames, totals, settings, machine
//   profiles/<branch>/<sha>/flamegraph.svg       the merged profile, rendered
//   pulls/index.json                             pull requests with stored reports, oldest first
//   pulls/<n>/<sha>/diff.svg|diff.png|report.json|comment.md
//   history/<branch>.json                        per commit: total and top-frame shares
//   dashboard/<branch>/index.html, data.js, ...  static trends dashboard (GitHub Pages can serve it)
import { UserError } from '../errors.js';

/** The store schema this version writes and the newest it reads. */
export const STORE_SCHEMA = 1;

const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Commit ids and pull numbers become path segments: only plain names are allowed. */
export function checkId(id: string, what: string): string {
  if (!SAFE_ID.test(id) || id === '.' || id === '..') {
    throw new UserError(`${what} '${id}' cannot be stored (expected letters, digits, '.', '_' or '-')`);
  }
  return id;
}

/**
 * Branch names become nested path segments (`feature/x`): each segment must be a plain name, so a
 * branch can never reach outside its folder (git refuses `..` in ref names too, but a branch may
 * also come from a flag).
 */
export function checkBranch(branch: string): string {
  const parts = branch.split('/');
  const bad = (p: string) => p === '' || p === '.' || p === '..' || /[\u0000-\u001f\u007f\\:*?"<>|]/.test(p);
  if (branch.length > 200 || parts.some(bad)) {
    throw new UserError(
      `branch '${branch}' cannot be stored (expected a git branch name: '/'-separated names, no '..' or empty parts)`,
    );
  }
  return branch;
}

export const layout = {
  meta: 'store.json',
  branchDir: (branch: string) => `profiles/${checkBranch(branch)}`,
  baselineIndex: (branch: string) => `profiles/${checkBranch(branch)}/index.json`,
  baselineDir: (branch: string, sha: string) => `profiles/${checkBranch(branch)}/${checkId(sha, 'commit')}`,
  runFile: (i: number) => `run-${i}.folded.gz`,
  history: (branch: string) => `history/${checkBranch(branch)}.json`,
  dashboardDir: (branch: string) => `dashboard/${checkBranch(branch)}`,
  pullsIndex: 'pulls/index.json',
  pullDir: (n: number) => `pulls/${n}`,
  pullShaDir: (n: number, sha: string) => `pulls/${n}/${checkId(sha, 'commit')}`,
  /** Acceptances of a pull request's heads (bot): kept apart from pulls/<n>/, which each report replaces. */
  acceptances: (n: number) => `acceptances/${n}.json`,
};
