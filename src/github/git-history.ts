// actions/checkout clones one commit deep by default. Comparing needs the base branch and the
// merge-base with its first-parent ancestors (where baselines are searched), so fetch them here,
// deepening step by step rather than unshallowing a large repository up front.
import { firstLine, git, gitOk as ok } from '../lib/git.js';

export interface HistoryNeeds {
  root: string;
  remote: string;
  baseBranch: string;
  /** The commit compared (the PR head): the merge-base is taken between it and the base branch. */
  head: string;
  /** Commits whose history is fetched (the PR head, and HEAD, GitHub's merge commit). */
  commits: string[];
  /** First-parent ancestors of the merge-base the baseline search may visit. */
  depth: number;
  log: (line: string) => void;
  warn: (line: string) => void;
}

async function isShallow(root: string): Promise<boolean> {
  const r = await git(root, ['rev-parse', '--is-shallow-repository']);
  return r.stdout.toString('utf8').trim() === 'true';
}

export function baseRef(remote: string, branch: string): string {
  return `refs/remotes/${remote}/${branch}`;
}

async function fetchDepth(
  n: HistoryNeeds,
  depth: number | 'unshallow',
): Promise<{ ok: boolean; error: string }> {
  const shallowArg = depth === 'unshallow' ? ['--unshallow'] : [`--depth=${depth}`];
  const base = `+refs/heads/${n.baseBranch}:${baseRef(n.remote, n.baseBranch)}`;
  const fetch = (specs: string[]) =>
    git(n.root, ['fetch', '--quiet', '--no-tags', ...shallowArg, n.remote, ...specs]);
  let r = await fetch([base, ...n.commits]);
  // Servers that refuse fetching by commit id still let the base branch deepen.
  if (r.code !== 0 && n.commits.length > 0) r = await fetch([base]);
  return { ok: r.code === 0, error: firstLine(r.stderr) };
}

/**
 * Makes `<remote>/<base>` and the merge-base of the head with it available. Returns the merge-base sha,
 * or null (with a warning) when it cannot be found: the pipeline then reports "no baseline".
 */
export async function ensureMergeBase(n: HistoryNeeds): Promise<string | null> {
  const ref = baseRef(n.remote, n.baseBranch);
  const shallow = await isShallow(n.root);
  if (!shallow) {
    const r = await git(n.root, [
      'fetch',
      '--quiet',
      '--no-tags',
      n.remote,
      `+refs/heads/${n.baseBranch}:${ref}`,
    ]);
    if (r.code !== 0) {
      n.warn(`Cannot fetch the base branch '${n.baseBranch}' from ${n.remote}: ${firstLine(r.stderr)}`);
      return null;
    }
  } else {
    n.log(
      `Shallow clone: fetching '${n.baseBranch}' and ${n.depth + 1} commits of history to find the merge-base.`,
    );
  }
  const steps: (number | 'unshallow')[] = shallow
    ? [n.depth + 1, 4 * (n.depth + 1), 16 * (n.depth + 1), 'unshallow']
    : [];
  let lastError = '';
  for (let i = 0; ; i++) {
    const mb = await git(n.root, ['merge-base', n.head, ref]);
    if (mb.code === 0) return mb.stdout.toString('utf8').trim();
    if (i >= steps.length) break;
    const f = await fetchDepth(n, steps[i]);
    if (!f.ok) lastError = f.error;
  }
  const why =
    lastError || ((await ok(n.root, ['rev-parse', '--verify', '--quiet', ref])) ? '' : 'branch not found');
  n.warn(
    `No merge-base between ${n.head.slice(0, 12)} and '${n.baseBranch}'${why ? ` (${why})` : ''}: ` +
      `the comparison may find no baseline. With actions/checkout, fetch-depth: 0 avoids this.`,
  );
  return null;
}

/**
 * Whether the token may push to `remote`. A dry run to a ref that does not exist goes through
 * GitHub's authorisation (a read-only token is refused) without changing anything.
 */
export async function pushCheck(root: string, remote: string): Promise<{ ok: boolean; error: string }> {
  const r = await git(root, [
    'push',
    '--dry-run',
    '--quiet',
    '--no-verify',
    remote,
    'HEAD:refs/flamediff/push-check',
  ]);
  return { ok: r.code === 0, error: firstLine(r.stderr) };
}
