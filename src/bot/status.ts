// The commit status flamediff sets on a pull request's head commit in fork-safe mode and when a
// commit is accepted. A commit status (not a check run) works with every token kind: the
// workflow's GITHUB_TOKEN with `statuses: write`, a PAT, or the App of `flamediff serve`.
import { describeApiError } from '../github/api-error.js';
import type { BotContext } from './context.js';

export const STATUS_CONTEXT = 'flamediff';

export async function setCommitStatus(
  b: BotContext,
  sha: string,
  state: 'success' | 'failure' | 'error' | 'pending',
  description: string,
  targetUrl?: string,
): Promise<boolean> {
  try {
    await b.client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      owner: b.owner,
      repo: b.repo,
      sha,
      state,
      context: STATUS_CONTEXT,
      // GitHub limits descriptions to 140 characters.
      description: description.length > 140 ? `${description.slice(0, 139)}…` : description,
      ...(targetUrl ? { target_url: targetUrl } : {}),
    });
    b.log(`flamediff: commit status '${STATUS_CONTEXT}' on ${sha.slice(0, 12)}: ${state} (${description})`);
    return true;
  } catch (err) {
    b.warn(describeApiError('Setting the commit status', err, { permission: 'statuses: write' }));
    return false;
  }
}
