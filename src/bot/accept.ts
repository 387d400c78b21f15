// Accepting a pull request head's performance changes (by comment or label): record it in the
// store, mark the sticky comment, and set the `flamediff` commit status to success for that commit.
import { describeApiError } from '../github/api-error.js';
import { findOwnComments, fitComment, tokenIdentity } from '../github/sticky-comment.js';
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { type Acceptance, addAcceptance, withAcceptance } from './acceptances.js';
import type { BotContext } from './context.js';
import { setCommitStatus } from './status.js';

/** Records the acceptance in `opened` (a store the caller already has open) or in a fresh one. */
export async function recordAcceptance(
  b: BotContext,
  pull: number,
  a: Acceptance,
  opened?: Store,
): Promise<void> {
  const store = opened ?? (await openStore(b.options, b.cwd));
  try {
    await store.update(`flamediff: #${pull} ${a.sha.slice(0, 12)} accepted by ${a.by}`, (tx) =>
      addAcceptance(tx, pull, a),
    );
  } finally {
    if (!opened) await store.close();
  }
  b.log(`flamediff: recorded the acceptance of #${pull} at ${a.sha.slice(0, 12)} by ${a.by} (${a.via}).`);
}

/** Adds the acceptance block to the sticky comment (or posts one holding just the block). */
export async function markStickyComment(b: BotContext, pull: number, a: Acceptance): Promise<void> {
  if (b.comment === 'never') return;
  try {
    const target = { owner: b.owner, repo: b.repo, issueNumber: pull };
    const identity = await tokenIdentity(b.client);
    // The oldest own comment is the sticky one (upsertStickyComment keeps that one too).
    const [sticky] = await findOwnComments(b.client, target, identity);
    if (!sticky) {
      const { data } = await b.client.rest.issues.createComment({
        owner: b.owner,
        repo: b.repo,
        issue_number: pull,
        body: withAcceptance(`${COMMENT_MARKER}\n## flamediff\n`, a),
      });
      b.log(`flamediff: comment created: ${data.html_url}`);
      return;
    }
    const body = fitComment(withAcceptance(sticky.body ?? COMMENT_MARKER, a));
    if (body === sticky.body) return;
    const { data } = await b.client.rest.issues.updateComment({
      owner: b.owner,
      repo: b.repo,
      comment_id: sticky.id,
      body,
    });
    b.log(`flamediff: comment updated: ${data.html_url}`);
  } catch (err) {
    b.warn(describeApiError('Updating the flamediff comment', err, { permission: 'pull-requests: write' }));
  }
}

export async function accept(b: BotContext, pull: number, a: Acceptance, store?: Store): Promise<void> {
  // The record comes first: it is what makes a re-run of the gate pass.
  await recordAcceptance(b, pull, a, store);
  await markStickyComment(b, pull, a);
  await setCommitStatus(b, a.sha, 'success', `Performance changes accepted by ${a.by}`);
}
