import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeApiError } from '../../src/github/api-error.js';
import { API, fixture, testClient } from './helpers.js';

const LIST = '/repos/Codertocat/Hello-World/issues/2/comments';
const post = (warnings: string[] = []) =>
  testClient(warnings).rest.issues.createComment({
    owner: 'Codertocat',
    repo: 'Hello-World',
    issue_number: 2,
    body: 'x',
  });

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('GitHub API errors', () => {
  it('retries 5xx responses (retry plugin) and succeeds', async () => {
    const scope = nock(API)
      .post(LIST)
      .reply(502, { message: 'Server Error' })
      .post(LIST)
      .reply(503, { message: 'Service Unavailable' })
      .post(LIST)
      .reply(201, fixture('issue-comment.created.json'));
    const r = await post();
    expect(r.status).toBe(201);
    expect(scope.isDone()).toBe(true);
  });

  it('reports a persistent 5xx with the endpoint and the fix after retrying', async () => {
    const scope = nock(API).post(LIST).times(4).reply(500, { message: 'Server Error' });
    const err = await failure(post());
    expect(scope.isDone()).toBe(true);
    expect(describeApiError('Posting the comment', err)).toBe(
      'Posting the comment failed: POST /repos/Codertocat/Hello-World/issues/2/comments returned 500 (Server Error). ' +
        'Fix: GitHub had a server error (retried already): re-run the job later.',
    );
  });

  it('retries a secondary rate limit after retry-after (throttling plugin)', async () => {
    const warnings: string[] = [];
    const scope = nock(API)
      .post(LIST)
      .reply(403, fixture('error.403-secondary-rate-limit.json'), { 'retry-after': '1' })
      .post(LIST)
      .reply(201, fixture('issue-comment.created.json'));
    const r = await post(warnings);
    expect(r.status).toBe(201);
    expect(scope.isDone()).toBe(true);
    expect(warnings.join('\n')).toMatch(/secondary rate limit on POST .*comments: retrying in 1 s/);
  });

  it('does not retry 403 "not accessible by integration" and names the permission to add', async () => {
    const scope = nock(API).post(LIST).once().reply(403, fixture('error.403-integration.json'));
    const err = await failure(post());
    expect(scope.isDone()).toBe(true);
    const line = describeApiError('Posting the comment', err, { permission: 'pull-requests: write' });
    expect(line).toContain('POST /repos/Codertocat/Hello-World/issues/2/comments returned 403');
    expect(line).toContain('(Resource not accessible by integration)');
    expect(line).toContain('`pull-requests: write`');
    expect(line).toContain('permissions: block');
  });

  it('on a fork pull request points to the fork-safe setup instead', async () => {
    nock(API).post(LIST).reply(403, fixture('error.403-integration.json'));
    const err = await failure(post());
    expect(describeApiError('Posting the comment', err, { fork: true })).toMatch(
      /forks get a read-only token.*docs\/bot\.md/,
    );
  });

  it('explains 404 and 422', async () => {
    nock(API).post(LIST).reply(404, fixture('error.404.json'));
    const e404 = await failure(post());
    expect(describeApiError('x', e404, { permission: 'issues: write' })).toMatch(
      /returned 404 \(Not Found\)\. Fix: not found, or the token cannot see it.*`issues: write`/,
    );
    nock(API)
      .post(LIST)
      .reply(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      });
    const e422 = await failure(post());
    expect(describeApiError('x', e422)).toMatch(
      /returned 422 \(Validation Failed\)\. Fix: GitHub rejected the request body/,
    );
  });

  it('never includes the token in the message', async () => {
    nock(API).post(LIST).reply(401, { message: 'Bad credentials' });
    const err = await failure(post());
    const line = describeApiError('x', err);
    expect(line).toContain('401 (Bad credentials)');
    expect(line).not.toContain('ghs_testtoken');
  });
});
