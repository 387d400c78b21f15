// The accept label on a pull request works like `/flamediff accept`: for the head commit at the
// time it was added, and only when the person who added it has write access (checked via the API).
import { describeApiError } from '../github/api-error.js';
import { mdCode } from '../report/markdown.js';
import { accept } from './accept.js';
import type { BotContext } from './context.js';
import { checkWriteAccess } from './permission.js';
import { reply } from './reply.js';

export type LabelOutcome = 'accepted' | 'refused' | 'ignored';

export async function handleAcceptLabel(b: BotContext): Promise<LabelOutcome> {
  const p = b.payload as {
    label?: { name?: unknown };
    sender?: { login?: unknown; type?: unknown };
    pull_request?: { number?: unknown; head?: { sha?: unknown } };
  };
  const pull = p.pull_request?.number;
  const sha = p.pull_request?.head?.sha;
  const login = p.sender?.login;
  if (typeof pull !== 'number' || typeof sha !== 'string' || typeof login !== 'string') {
    b.warn('flamediff: labeled event without pull_request.number, head.sha or sender.login: ignored.');
    return 'ignored';
  }
  const perm = await checkWriteAccess(b.client, b.owner, b.repo, login);
  if (!perm.allowed) {
    b.warn(
      `flamediff: ${login} added '${b.acceptLabel}' to #${pull} but has '${perm.level}' access (write needed): not accepted.`,
    );
    const removed = await removeLabel(b, pull);
    await reply(
      b,
      pull,
      `The label ${mdCode(b.acceptLabel)} was added by ${mdCode(login)}, who does not have write access: the performance changes are **not** accepted${removed ? ' and the label was removed' : ''}. A maintainer can add it again or comment \`/flamediff accept <reason>\`.`,
    );
    return 'refused';
  }
  await accept(b, pull, { sha, by: login, at: new Date().toISOString(), reason: '', via: 'label' });
  return 'accepted';
}

/** A refused label must not stay on the pull request looking like an acceptance. */
async function removeLabel(b: BotContext, pull: number): Promise<boolean> {
  try {
    await b.client.rest.issues.removeLabel({
      owner: b.owner,
      repo: b.repo,
      issue_number: pull,
      name: b.acceptLabel,
    });
    b.log(`flamediff: removed the label '${b.acceptLabel}' from #${pull}.`);
    return true;
  } catch (err) {
    b.warn(describeApiError('Removing the refused label', err, { permission: 'pull-requests: write' }));
    return false;
  }
}
