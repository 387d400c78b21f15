// Replies to commands. Every reply carries a hidden marker so the bot never answers itself.
import { describeApiError } from '../github/api-error.js';
import { fitComment } from '../github/sticky-comment.js';
import type { BotContext } from './context.js';

export const REPLY_MARKER = '<!-- flamediff:reply -->';

export async function reply(b: BotContext, pull: number, markdown: string): Promise<void> {
  try {
    const { data } = await b.client.rest.issues.createComment({
      owner: b.owner,
      repo: b.repo,
      issue_number: pull,
      // An explain reply over several shards can pass GitHub's limit: cut it rather than get a 422.
      body: fitComment(`${REPLY_MARKER}\n${markdown}`),
    });
    b.log(`flamediff: replied ${data.html_url}`);
  } catch (err) {
    b.warn(describeApiError('Replying to the command', err, { permission: 'pull-requests: write' }));
  }
}

/** A reaction on the command comment: cheap feedback that it was seen and done. */
export async function react(b: BotContext, commentId: number, content: '+1' | 'confused'): Promise<void> {
  try {
    await b.client.rest.reactions.createForIssueComment({
      owner: b.owner,
      repo: b.repo,
      comment_id: commentId,
      content,
    });
  } catch (err) {
    b.warn(describeApiError('Reacting to the command', err, { permission: 'pull-requests: write' }));
  }
}
