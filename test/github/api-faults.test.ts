// The API client against a server that misbehaves: answers that never come, bodies that are not
// JSON, and the caller's signal (the reporting budget, a cancelled job) cutting requests off.
// A real local HTTP server, not nock: a hang must be a real socket that stays open.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeApiError } from '../../src/github/api-error.js';
import { ApiFaultError, createClient } from '../../src/github/octokit.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_q, res) => res.end();
let hits: string[] = [];
let server: Server;
let base = '';
/** Responses held open by `hang`, closed when the suite ends. */
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of held) r.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function client(extra: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  hits = [];
  return createClient({ token: 't', baseUrl: base, warn: () => {}, retryUnitMs: 1, ...extra });
}

const hang: Handler = (_q, res) => {
  held.push(res);
};
const SECRET_BODY = '<html>proxy error: session=hunter2</html>';

describe('GitHub API faults', () => {
  it('a request that never answers fails after the timeout, once, naming the endpoint', async () => {
    handler = hang;
    const c = client({ timeoutMs: 200 });
    const err = await c.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 7 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFaultError);
    expect((err as Error).message).toBe('GitHub API GET /repos/o/r/pulls/7 did not answer within 0.2 s');
    // Not retried: a hung API costs one timeout, not four.
    expect(hits).toEqual(['GET /repos/o/r/pulls/7']);
    expect(describeApiError('Reading the pull request', err)).toBe(
      'Reading the pull request failed: GitHub API GET /repos/o/r/pulls/7 did not answer within 0.2 s.',
    );
  });

  it('a JSON body that stops half-way times out too', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"id": 1,');
      held.push(res);
    };
    const c = client({ timeoutMs: 200 });
    const err = await c.rest.issues
      .listComments({ owner: 'o', repo: 'r', issue_number: 2 })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'GitHub API GET /repos/o/r/issues/2/comments did not answer within 0.2 s',
    );
  });

  it('malformed JSON names the endpoint and never echoes the body', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(SECRET_BODY);
    };
    const c = client();
    // paginate is where "Cannot use 'in' operator to search for 'total_count' in <body>" came from.
    const err = await c
      .paginate(c.rest.issues.listComments, { owner: 'o', repo: 'r', issue_number: 2 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFaultError);
    const line = describeApiError('Posting the pull request comment', err);
    expect(line).toBe(
      `Posting the pull request comment failed: GitHub API GET /repos/o/r/issues/2/comments returned invalid JSON (HTTP 200, ${SECRET_BODY.length} bytes of application/json); the body is not shown.`,
    );
    expect(line).not.toContain('hunter2');
    expect(hits).toHaveLength(1);
  });

  it('an error status with a malformed body does not echo it either', async () => {
    handler = (_q, res) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(SECRET_BODY);
    };
    const err = await client()
      .rest.repos.get({ owner: 'o', repo: 'r' })
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      /^GitHub API GET \/repos\/o\/r returned invalid JSON \(HTTP 502, /,
    );
    expect(String((err as Error).message)).not.toContain('hunter2');
  });

  it('well-formed answers still work (JSON, pagination, empty 204)', async () => {
    handler = (req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204);
        return res.end();
      }
      const page = new URL(req.url ?? '/', base).searchParams.get('page') ?? '1';
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (page === '1') headers.link = `<${base}/repos/o/r/issues/2/comments?page=2>; rel="next"`;
      res.writeHead(200, headers);
      res.end(JSON.stringify([{ id: Number(page) }]));
    };
    const c = client();
    const all = await c.paginate(c.rest.issues.listComments, { owner: 'o', repo: 'r', issue_number: 2 });
    expect(all.map((x) => x.id)).toEqual([1, 2]);
    await c.rest.issues.deleteComment({ owner: 'o', repo: 'r', comment_id: 5 });
  });

  it("the caller's signal cuts off a request in flight and refuses new ones, with its reason", async () => {
    handler = hang;
    const stop = new AbortController();
    const c = client({ timeoutMs: 60_000, signal: stop.signal });
    const pending = c.rest.issues
      .createComment({ owner: 'o', repo: 'r', issue_number: 2, body: 'x' })
      .catch((e: unknown) => e);
    while (hits.length === 0) await new Promise((r) => setTimeout(r, 10));
    stop.abort(new Error('the reporting budget of 1 s ran out'));
    expect(((await pending) as Error).message).toBe(
      'GitHub API POST /repos/o/r/issues/2/comments cut off: the reporting budget of 1 s ran out',
    );
    const later = await c.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 2 }).catch((e: unknown) => e);
    expect((later as Error).message).toBe(
      'GitHub API GET /repos/o/r/pulls/2 skipped: the reporting budget of 1 s ran out',
    );
    expect(hits).toEqual(['POST /repos/o/r/issues/2/comments']);
  });

  it('the signal also cuts off a retry wait (a 5xx being retried)', async () => {
    handler = (_q, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"Server Error"}');
    };
    const stop = new AbortController();
    // Retry waits of 1, 4, 9 s: the signal must end it long before they are over.
    const c = createClient({ token: 't', baseUrl: base, warn: () => {}, signal: stop.signal });
    hits = [];
    const pending = c.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 3 }).catch((e: unknown) => e);
    while (hits.length === 0) await new Promise((r) => setTimeout(r, 10));
    stop.abort(new Error('the job was cancelled'));
    expect(((await pending) as Error).message).toBe(
      'GitHub API GET /repos/o/r/pulls/3 cut off: the job was cancelled',
    );
    expect(hits).toHaveLength(1);
  });
});
