// issue_comment events: `/flamediff accept|explain|help` in pull request comments. The comment
// body is hostile text: it is parsed by a fixed grammar (commands.ts), never evaluated, and
// anything quoted back goes through the Markdown escaping of src/report/markdown.ts.
import { describeApiError } from '../github/api-error.js';
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { mdCode } from '../report/markdown.js';
import { openStore } from '../store/index.js';
import { readPullsIndex } from '../store/pulls.js';
import type { StoreReader } from '../store/types.js';
import { accept } from './accept.js';
import { BOT_HELP, type BotCommand, parseBotCommand } from './commands.js';
import type { BotContext } from './context.js';
import { explainReply, loadBaseProfile, storedReports } from './explain.js';
import { checkWriteAccess } from './permission.js';
import { REPLY_MARKER, react, reply } from './reply.js';

/** What the handler did, for logs and tests. */
export type CommentOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'help' | 'unknown' | 'explained' | 'refused' | 'accepted'; pull: number };

interface CommentPayload {
  action: string;
  pull: number;
  commentId: number;
  body: string;
  login: string;
  userType: string;
  htmlUrl: string;
  /** When the comment was written (ISO 8601), if the payload says. */
  createdAt: string;
}

function readPayload(p: Record<string, unknown>): CommentPayload | string {
  const issue = p.issue as { number?: unknown; pull_request?: unknown } | undefined;
  const c = p.comment as
    | {
        id?: unknown;
        body?: unknown;
        html_url?: unknown;
        created_at?: unknown;
        user?: { login?: unknown; type?: unknown };
      }
    | undefined;
  if (typeof issue?.number !== 'number' || typeof c?.id !== 'number') {
    return 'issue_comment payload without issue.number or comment.id';
  }
  if (!issue.pull_request) return `#${issue.number} is an issue, not a pull request`;
  if (typeof c.user?.login !== 'string') return 'comment without an author';
  return {
    action: typeof p.action === 'string' ? p.action : '',
    pull: issue.number,
    commentId: c.id,
    body: typeof c.body === 'string' ? c.body : '',
    login: c.user.login,
    userType: typeof c.user.type === 'string' ? c.user.type : '',
    htmlUrl: typeof c.html_url === 'string' ? c.html_url : '',
    createdAt: typeof c.created_at === 'string' ? c.created_at : '',
  };
}

function ignore(b: BotContext, reason: string): CommentOutcome {
  b.log(`flamediff: ignoring the comment: ${reason}.`);
  return { kind: 'ignored', reason };
}

export async function handleIssueComment(b: BotContext): Promise<CommentOutcome> {
  const c = readPayload(b.payload);
  if (typeof c === 'string') return ignore(b, c);
  // Edits and deletions do not repeat a command (an edited "accept" is not a new acceptance).
  if (c.action !== 'created') return ignore(b, `comment ${c.action || 'event'}, only new comments are read`);
  // Never react to bots, ourselves included: two bots answering each other would never stop.
  if (c.userType === 'Bot' || c.body.includes(REPLY_MARKER) || c.body.includes(COMMENT_MARKER)) {
    return ignore(b, `the comment is by a bot (${c.login})`);
  }
  const cmd = parseBotCommand(c.body);
  if (!cmd) return ignore(b, 'no /flamediff command in it');
  b.log(`flamediff: ${describeCommand(cmd)} from ${c.login} on #${c.pull}.`);
  switch (cmd.kind) {
    case 'help':
      await reply(b, c.pull, BOT_HELP);
      return { kind: 'help', pull: c.pull };
    case 'unknown':
      await reply(
        b,
        c.pull,
        `${cmd.word === 'explain' ? '`/flamediff explain` needs a frame name.' : `Unknown flamediff command ${mdCode(cmd.word)}.`}\n\n${BOT_HELP}`,
      );
      return { kind: 'unknown', pull: c.pull };
    case 'explain':
      return explain(b, c, cmd.frame);
    case 'accept':
      return acceptByComment(b, c, cmd.reason);
  }
}

function describeCommand(cmd: BotCommand): string {
  // Logged text is bounded and stripped of control characters (workflow commands start with ::).
  const clip = (s: string) => JSON.stringify(s.slice(0, 80));
  switch (cmd.kind) {
    case 'accept':
      return `command accept (reason ${clip(cmd.reason)})`;
    case 'explain':
      return `command explain ${clip(cmd.frame)}`;
    case 'help':
      return 'command help';
    case 'unknown':
      return `unknown command ${clip(cmd.word)}`;
  }
}

/**
 * An acceptance is for the report the maintainer read. If the stored report of this pull request
 * is for another commit, or was written after the comment, the head moved after they looked (a
 * push between the comment and this job), so accepting it would accept code nobody saw. Null when
 * the head is the one reported before the comment, or when no report is stored to tell.
 */
async function unseenHead(store: StoreReader, c: CommentPayload, headSha: string): Promise<string | null> {
  const entry = (await readPullsIndex(store)).pulls.find((p) => p.pull === c.pull);
  if (!entry) return null;
  const short = (sha: string) => sha.slice(0, 12);
  if (entry.sha !== headSha) {
    return `the pull request's head is now ${short(headSha)}, and flamediff's last report is for ${short(entry.sha)}`;
  }
  if (c.createdAt && Date.parse(entry.updatedAt) > Date.parse(c.createdAt)) {
    return `the report on ${short(headSha)} was posted after your comment`;
  }
  return null;
}

async function pullHead(b: BotContext, pull: number): Promise<{ sha: string; baseRef: string } | null> {
  try {
    const { data } = await b.client.rest.pulls.get({ owner: b.owner, repo: b.repo, pull_number: pull });
    return { sha: data.head.sha, baseRef: data.base.ref };
  } catch (err) {
    b.warn(describeApiError(`Reading pull request #${pull}`, err, { permission: 'pull-requests: read' }));
    return null;
  }
}

async function explain(b: BotContext, c: CommentPayload, frame: string): Promise<CommentOutcome> {
  const head = await pullHead(b, c.pull);
  if (!head) return ignore(b, 'the pull request could not be read');
  const store = await openStore(b.options, b.cwd);
  try {
    const reports = await storedReports(store, c.pull, head.sha, head.baseRef);
    const text =
      reports.length === 0
        ? `No flamediff report is stored for ${mdCode(head.sha.slice(0, 12))} yet (the comparison may still be running, or found no baseline).`
        : await explainReply({ query: frame, reports, baseProfile: (x) => loadBaseProfile(store, x) });
    await reply(b, c.pull, text);
  } finally {
    await store.close();
  }
  return { kind: 'explained', pull: c.pull };
}

async function acceptByComment(b: BotContext, c: CommentPayload, reason: string): Promise<CommentOutcome> {
  const perm = await checkWriteAccess(b.client, b.owner, b.repo, c.login);
  if (!perm.allowed) {
    b.warn(
      `flamediff: ${c.login} asked to accept #${c.pull} but has '${perm.level}' access (write, maintain or admin needed): refused, nothing recorded.`,
    );
    await reply(
      b,
      c.pull,
      `Sorry ${mdCode(c.login)}, only people with write access to this repository can accept performance changes. A maintainer can comment \`/flamediff accept <reason>\` or add the label ${mdCode(b.acceptLabel)}.`,
    );
    await react(b, c.commentId, 'confused');
    return { kind: 'refused', pull: c.pull };
  }
  const head = await pullHead(b, c.pull);
  if (!head) return ignore(b, 'the pull request could not be read');
  // One store for the check and the record: opening a git store fetches the data branch.
  const store = await openStore(b.options, b.cwd);
  try {
    const stale = await unseenHead(store, c, head.sha);
    if (stale) {
      b.warn(`flamediff: ${c.login} asked to accept #${c.pull}, but ${stale}: refused, nothing recorded.`);
      await reply(
        b,
        c.pull,
        `${mdCode(c.login)}, nothing was accepted: ${stale}. Wait for flamediff's report on ${mdCode(head.sha.slice(0, 12))} and accept again if it is still fine.`,
      );
      await react(b, c.commentId, 'confused');
      return { kind: 'refused', pull: c.pull };
    }
    await accept(
      b,
      c.pull,
      {
        sha: head.sha,
        by: c.login,
        at: new Date().toISOString(),
        reason,
        via: 'comment',
        ...(c.htmlUrl ? { commentUrl: c.htmlUrl } : {}),
      },
      store,
    );
  } finally {
    await store.close();
  }
  await react(b, c.commentId, '+1');
  return { kind: 'accepted', pull: c.pull };
}
