// Superseded commits: push A, then B; if A's job finishes last, its report must not replace B's.
// Before anything that describes "the pull request" is written (the stored report, the sticky
// comment, annotations, the commit status), the API is asked for the pull request's current head.
// A job whose commit is no longer the head writes nothing but one log line; its own check (the
// step's outputs, summary and gate) still reports its own verdict.
import { describeApiError } from './api-error.js';
import type { GitHubClient } from './octokit.js';

export interface HeadGuardTarget {
  client: GitHubClient;
  owner: string;
  repo: string;
  pull: number;
  /** The commit this job measured (the pull request's head when the job started). */
  sha: string;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface HeadGuard {
  /**
   * True when the pull request's head is still this job's commit, or when the API cannot say (then
   * the job reports as it always did, with a warning). Once superseded, it stays false.
   */
  isCurrent(): Promise<boolean>;
  /** The newer head seen, when superseded. */
  readonly newer: string | null;
}

export function headGuard(t: HeadGuardTarget): HeadGuard {
  let newer: string | null = null;
  let warned = false;
  const short = (s: string) => s.slice(0, 12);
  return {
    get newer() {
      return newer;
    },
    async isCurrent() {
      if (newer !== null) return false;
      let head: string;
      try {
        const { data } = await t.client.rest.pulls.get({ owner: t.owner, repo: t.repo, pull_number: t.pull });
        head = data.head.sha;
      } catch (err) {
        if (!warned) {
          t.warn(
            `flamediff: ${describeApiError(`Checking that #${t.pull}'s head is still ${short(t.sha)}`, err, { permission: 'pull-requests: read' })} Reporting as if it were.`,
          );
        }
        warned = true;
        return true;
      }
      if (head === t.sha) return true;
      newer = head;
      t.log(
        `flamediff: #${t.pull} moved on to ${short(head)} while this job measured ${short(t.sha)}: the job for ${short(head)} reports on the pull request, so this one stores no report and writes no comment, annotation or status (its verdict below is ${short(t.sha)}'s own).`,
      );
      return false;
    },
  };
}
