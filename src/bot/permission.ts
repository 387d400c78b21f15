// Write access is checked through the API for every command: the comment payload's
// author_association says nothing reliable about repository permissions (and payloads can be
// replayed), so it is never trusted.
import type { GitHubClient } from '../github/octokit.js';

export interface PermissionCheck {
  allowed: boolean;
  /** GitHub's permission level ('admin', 'maintain', 'write', 'triage', 'read', 'none'). */
  level: string;
}

const WRITERS = new Set(['admin', 'maintain', 'write']);

export async function checkWriteAccess(
  client: GitHubClient,
  owner: string,
  repo: string,
  username: string,
): Promise<PermissionCheck> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner,
      repo,
      username,
    });
    // `permission` folds maintain into write and triage into read; role_name keeps them apart.
    const role = (data as { role_name?: string }).role_name ?? '';
    const level = WRITERS.has(role) ? role : data.permission;
    return { allowed: WRITERS.has(level), level };
  } catch (err) {
    // 404: not a collaborator (outside contributors of public repositories).
    if ((err as { status?: number }).status === 404) return { allowed: false, level: 'none' };
    throw err;
  }
}
