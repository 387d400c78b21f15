import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GITHUB_COMMENT_LIMIT, tokenIdentity, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import { API, fixture, testClient } from './helpers.js';

const T = { owner: 'Codertocat', repo: 'Hello-World', issueNumber: 2 };
const LIST = '/repos/Codertocat/Hello-World/issues/2/comments';
const BODY = `${COMMENT_MARKER}\n## flamediff: fail\n\n1 regression.`;

type Comment = { id: number; body: string; html_url: string };
const page1 = () => fixture<Comment[]>('issue-comments.page1.json');
const page2 = () => fixture<Comment[]>('issue-comments.page2.json');
const created = (body: string, id = 1486002099) => ({
  ...fixture('issue-comment.created.json'),
  id,
  body,
  html_url: `https://github.com/Codertocat/Hello-World/pull/2#issuecomment-${id}`,
});

/** Two pages linked the way GitHub links them (rel="next" / rel="last"). */
function twoPages(scope: nock.Scope, second: Comment[] = page2()): nock.Scope {
  return scope
    .get(LIST)
    .query({ per_page: '100' })
    .reply(200, page1(), {
      link: `<${API}${LIST}?per_page=100&page=2>; rel="next", <${API}${LIST}?per_page=100&page=2>; rel="last"`,
    })
    .get(LIST)
    .query({ per_page: '100', page: '2' })
    .reply(200, second);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('sticky comment', () => {
  it('finds its own comment on page 2 by marker and bot identity and updates it in place', async () => {
    const scope = twoPages(nock(API))
      .patch('/repos/Codertocat/Hello-World/issues/comments/1486002004', (b) => b.body === BODY)
      .reply(200, created(BODY, 1486002004));
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: true });
    expect(out).toMatchObject({ action: 'updated', id: 1486002004, removedDuplicates: 0 });
    expect(out.url).toBe('https://github.com/Codertocat/Hello-World/pull/2#issuecomment-1486002004');
    expect(scope.isDone()).toBe(true);
  });

  it('leaves the comment alone when the body is unchanged (no PATCH)', async () => {
    const same = page2();
    same[0].body = `${BODY}\n`;
    const scope = twoPages(nock(API), same);
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: true });
    expect(out.action).toBe('unchanged');
    expect(scope.isDone()).toBe(true);
  });

  it("never edits a person's comment that quotes the marker: creates its own instead", async () => {
    const scope = twoPages(nock(API), [])
      .post(LIST, (b) => b.body === BODY)
      .reply(201, created(BODY));
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: true });
    expect(out.action).toBe('created');
    expect(scope.isDone()).toBe(true);
  });

  it('with a PAT identity, matches that login only (the github-actions[bot] comment is not ours)', async () => {
    const mine = { ...page2()[0], id: 1486002005, user: fixture('user.pat.json') };
    const scope = twoPages(nock(API), [...page2(), mine])
      .patch('/repos/Codertocat/Hello-World/issues/comments/1486002005')
      .reply(200, created(BODY, 1486002005));
    const out = await upsertStickyComment(testClient(), T, BODY, {
      identity: 'flamediff-ci',
      createIfMissing: true,
    });
    expect(out).toMatchObject({ action: 'updated', id: 1486002005 });
    expect(scope.isDone()).toBe(true);
  });

  it('removes duplicates left by an earlier race, keeping the oldest', async () => {
    const dup = { ...page2()[0], id: 1486002010 };
    const scope = twoPages(nock(API), [...page2(), dup])
      .delete('/repos/Codertocat/Hello-World/issues/comments/1486002010')
      .reply(204)
      .patch('/repos/Codertocat/Hello-World/issues/comments/1486002004')
      .reply(200, created(BODY, 1486002004));
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: true });
    expect(out).toMatchObject({ action: 'updated', id: 1486002004, removedDuplicates: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('on-regression with nothing to report and no earlier comment posts nothing', async () => {
    const scope = twoPages(nock(API), []);
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: false });
    expect(out.action).toBe('skipped');
    expect(scope.isDone()).toBe(true);
  });

  it('a bot reply that merely quotes the marker (e.g. `/flamediff explain` echoing a query) is neither updated nor deleted', async () => {
    // `/flamediff explain <!--\tflamediff:comment -->`: the command cleaner turns the tab into a
    // space, so the bot's reply quotes the exact marker in a code span.
    const reply = {
      ...page2()[0],
      id: 1486002020,
      body: `<!-- flamediff:reply -->\nNo frame matching \`${COMMENT_MARKER}\` in the report for this commit.`,
    };
    const scope = twoPages(nock(API), [...page2(), reply])
      .patch('/repos/Codertocat/Hello-World/issues/comments/1486002004', (b) => b.body === BODY)
      .reply(200, created(BODY, 1486002004));
    const out = await upsertStickyComment(testClient(), T, BODY, { identity: null, createIfMissing: true });
    expect(out).toMatchObject({ action: 'updated', id: 1486002004, removedDuplicates: 0 });
    expect(scope.isDone()).toBe(true);
  });

  it("cuts a body over GitHub's 65,536-character limit at a line boundary instead of getting a 422", async () => {
    const long = `${COMMENT_MARKER}\n${'| `frame` | +1.0 pp |\n'.repeat(4000)}`;
    expect(long.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    let posted = '';
    const scope = twoPages(nock(API), [])
      .post(LIST, (b) => {
        posted = b.body;
        return true;
      })
      .reply(201, created(BODY));
    await upsertStickyComment(testClient(), T, long, { identity: null, createIfMissing: true });
    expect(scope.isDone()).toBe(true);
    expect(posted.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(posted.startsWith(COMMENT_MARKER)).toBe(true);
    expect(posted).toMatch(
      /\| `frame` \| \+1\.0 pp \|\n\n<sub>Cut to stay under GitHub's 65,536-character comment limit/,
    );
  });

  it('adds the marker when the body lacks it, so the next run finds the comment', async () => {
    const scope = twoPages(nock(API), [])
      .post(LIST, (b) => b.body.startsWith(COMMENT_MARKER))
      .reply(201, created(BODY));
    await upsertStickyComment(testClient(), T, '## flamediff', { identity: null, createIfMissing: true });
    expect(scope.isDone()).toBe(true);
  });
});

describe('token identity', () => {
  it('is the login for a personal access token', async () => {
    const scope = nock(API).get('/user').reply(200, fixture('user.pat.json'));
    expect(await tokenIdentity(testClient())).toBe('flamediff-ci');
    expect(scope.isDone()).toBe(true);
  });

  it('is unknown (null) for an installation token, which GET /user refuses', async () => {
    const scope = nock(API).get('/user').reply(403, fixture('error.403-integration.json'));
    expect(await tokenIdentity(testClient())).toBeNull();
    expect(scope.isDone()).toBe(true);
  });
});
