// `flamediff serve`: real signed HTTP requests to the local webhook server (HMAC SHA-256 with a
// test secret), octokit's App for signatures and installation tokens, nock for GitHub's API.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/bot/app.js';
import { BOT_HELP } from '../../src/bot/commands.js';
import { REPLY_MARKER } from '../../src/bot/reply.js';
import type { Io } from '../../src/commands/command.js';
import { startServe } from '../../src/commands/serve.js';
import { artifactEntries, BASE_WEIGHTS, SLOW_WEIGHTS, zipOf } from '../bot/artifact-fixture.js';
import { commentPayload, fixture, REPO } from '../bot/helpers.js';
import { commitFiles, git, makeRemote, type Remote } from '../github/git-fixture.js';
import { API } from '../github/helpers.js';

const SECRET = 'test-webhook-secret-not-real';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let server: RunningServer;
let remote: Remote;
const logs: string[] = [];

function io(): Io {
  return {
    stdout: (t) => logs.push(t),
    stderr: (t) => logs.push(t),
    isTTY: false,
    cwd: mkdtempSync(path.join(os.tmpdir(), 'flamediff-serve-')),
    env: { FLAMEDIFF_APP_ID: '123456', FLAMEDIFF_PRIVATE_KEY: privateKey, FLAMEDIFF_WEBHOOK_SECRET: SECRET },
  };
}

async function deliver(event: string, payload: unknown, secret = SECRET): Promise<number> {
  const status = await post(event, payload, secret);
  // Deliveries are answered at once (202) and handled after: wait for the handling.
  await server.idle();
  return status;
}

/** Posts a signed delivery and returns the status without waiting for the handler. */
async function post(event: string, payload: unknown, secret = SECRET): Promise<number> {
  const body = JSON.stringify(payload);
  const sig = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const res = await fetch(`${server.url}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': sig,
      'user-agent': 'GitHub-Hookshot/test',
    },
    body,
  });
  await res.text();
  return res.status;
}

function installationToken(scope: nock.Scope): nock.Scope {
  return scope.post('/app/installations/42/access_tokens').reply(201, {
    token: 'ghs_installationTokenForTests',
    expires_at: '2099-01-01T00:00:00Z',
    permissions: {},
  });
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  // The repository's git remote: a local bare repository (the data branch is written there).
  remote = makeRemote({ 'README.md': 'hello\n' });
  server = await startServe(
    ['--port', '0', '--host', '127.0.0.1', '--api-url', API, '--git-url', remote.url],
    io(),
  );
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  await server?.close();
  nock.enableNetConnect();
});

describe('flamediff serve', { timeout: 30_000 }, () => {
  it('answers /flamediff help with the same handler as the action, as the App installation', async () => {
    let auth = '';
    let body = '';
    const scope = installationToken(nock(API))
      .post(`${REPO}/issues/2/comments`, (b) => {
        body = b.body;
        return true;
      })
      .matchHeader('authorization', (v) => {
        auth = v;
        return true;
      })
      .reply(201, { id: 1, html_url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-1' });
    const payload = { ...commentPayload('/flamediff help'), installation: { id: 42 } };
    expect(await deliver('issue_comment', payload)).toBe(202);
    expect(scope.isDone()).toBe(true);
    expect(body).toBe(`${REPLY_MARKER}\n${BOT_HELP}`);
    expect(auth).toBe('token ghs_installationTokenForTests');
  });

  it('answers before the handler has finished (GitHub gives a delivery 10 s)', async () => {
    // The installation token may be cached from an earlier test: optional here.
    nock(API).post('/app/installations/42/access_tokens').optionally().reply(201, {
      token: 'ghs_installationTokenForTests',
      expires_at: '2099-01-01T00:00:00Z',
      permissions: {},
    });
    // GitHub's reply to the bot's comment is held back until the test lets it go: the delivery
    // must be answered while its handler is still waiting (before, the answer waited for it).
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const scope = nock(API)
      .post(`${REPO}/issues/2/comments`)
      .reply(async () => {
        await gate;
        return [201, { id: 1, html_url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-1' }];
      });
    const payload = { ...commentPayload('/flamediff help'), installation: { id: 42 } };
    expect(await post('issue_comment', payload)).toBe(202);
    release();
    await server.idle();
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a request signed with another secret: no handler, no API call', async () => {
    const payload = { ...commentPayload('/flamediff help'), installation: { id: 42 } };
    const status = await deliver('issue_comment', payload, 'wrong-secret');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rejects a forged workflow_run for another repository with one log line and no write', async () => {
    // The App caches the installation token of the first test; a request for it would be fine too.
    nock(API)
      .post('/app/installations/42/access_tokens')
      .optionally()
      .reply(201, { token: 'ghs_installationTokenForTests', expires_at: '2099-01-01T00:00:00Z' });
    const p = fixture<Record<string, unknown> & { workflow_run: Record<string, unknown> }>(
      'workflow_run.completed.json',
    );
    p.workflow_run.repository = { full_name: 'evil/Hello-World' };
    const before = logs.length;
    expect(await deliver('workflow_run', { ...p, installation: { id: 42 } })).toBe(202);
    const lines = logs.slice(before).join('');
    expect(lines).not.toMatch(/failed/);
    expect(lines).toMatch(
      /\[Codertocat\/Hello-World\] warning: flamediff: rejected the workflow_run event: the event names workflow run 30433642 of evil\/Hello-World/,
    );
  });

  it('needs its secrets from the environment', async () => {
    const bad = { ...io(), env: {} };
    await expect(startServe(['--port', '0'], bad)).rejects.toThrow(
      /FLAMEDIFF_PRIVATE_KEY or FLAMEDIFF_PRIVATE_KEY_FILE/,
    );
  });

  it('workflow_run end to end: records the baseline from a push run, then reports a pull request', async () => {
    const token = () =>
      nock(API)
        .post('/app/installations/42/access_tokens')
        .optionally()
        .reply(201, { token: 'ghs_installationTokenForTests', expires_at: '2099-01-01T00:00:00Z' });
    const repo = fixture<Record<string, unknown>>('workflow_run.completed.json').repository;
    const mainSha = git(remote.work, 'rev-parse', 'HEAD');
    git(remote.work, 'checkout', '--quiet', '-b', 'changes');
    const head = commitFiles(remote.work, { 'slow.txt': 'slower\n' }, 'Slower');
    git(remote.work, 'push', '--quiet', 'origin', `${head}:refs/pull/2/head`);
    const blob = 'https://pipelines.actions.githubusercontent.com';
    const serveArtifact = (runId: number, zip: Uint8Array) => {
      nock(API)
        .get(`${REPO}/actions/runs/${runId}/artifacts`)
        .query(true)
        .reply(200, {
          total_count: 1,
          artifacts: [{ id: runId, name: 'flamediff', size_in_bytes: zip.length, expired: false }],
        })
        .get(`${REPO}/actions/artifacts/${runId}/zip`)
        .reply(302, '', { location: `${blob}/${runId}.zip` });
      nock(blob).get(`/${runId}.zip`).reply(200, Buffer.from(zip));
    };
    const runJson = (id: number, event: string, sha: string, branch: string, headRepo: unknown) => ({
      id,
      event,
      status: 'completed',
      conclusion: 'success',
      head_sha: sha,
      head_branch: branch,
      head_repository: headRepo,
      pull_requests: [],
    });
    const delivery = (id: number, sha: string, branch: string) => {
      const p = fixture<Record<string, Record<string, unknown>>>('workflow_run.completed.json');
      p.workflow_run = { ...p.workflow_run, id, head_sha: sha, head_branch: branch };
      return { ...p, installation: { id: 42 } };
    };

    // 1. perf-record ran on a push to main: the baseline comes from its artifact.
    token();
    const push = nock(API)
      .get(`${REPO}/actions/runs/501`)
      .reply(200, runJson(501, 'push', mainSha, 'main', repo));
    serveArtifact(
      501,
      zipOf(
        artifactEntries({ repository: 'Codertocat/Hello-World', pullNumber: null, headSha: mainSha }, [
          { name: 'main', weights: BASE_WEIGHTS },
        ]),
      ),
    );
    expect(await deliver('workflow_run', delivery(501, mainSha, 'main'))).toBe(202);
    expect(push.isDone()).toBe(true);
    expect(git(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data')).toContain(
      `profiles/main/${mainSha}/runs.json`,
    );

    // 2. perf-record ran for pull request #2: compared, commented, status set.
    token();
    const fork = fixture<Record<string, unknown>>('actions-run.fork.json').head_repository;
    let comment = '';
    let status: Record<string, unknown> = {};
    const pr = nock(API)
      .get(`${REPO}/actions/runs/502`)
      .reply(200, runJson(502, 'pull_request', head, 'changes', fork))
      .get(`${REPO}/pulls`)
      .query(true)
      .reply(200, [{ number: 2, head: { sha: head, ref: 'changes' }, base: { ref: 'main', repo } }])
      // Asked before the stored report and before the comment: the head is still this run's.
      .get(`${REPO}/pulls/2`)
      .times(2)
      .reply(200, { number: 2, head: { sha: head, ref: 'changes' }, base: { ref: 'main' } })
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get(`${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/2/comments`, (b) => {
        comment = b.body;
        return true;
      })
      .reply(201, { id: 5, html_url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-5' })
      .post(`${REPO}/statuses/${head}`, (b) => {
        status = b;
        return true;
      })
      .reply(201, {});
    serveArtifact(
      502,
      zipOf(
        artifactEntries({ repository: 'Codertocat/Hello-World', pullNumber: 2, headSha: head }, [
          { name: 'main', weights: SLOW_WEIGHTS },
        ]),
      ),
    );
    expect(await deliver('workflow_run', delivery(502, head, 'changes'))).toBe(202);
    expect(pr.isDone()).toBe(true);
    expect(comment).toContain('tokenize');
    expect(status).toMatchObject({ state: 'failure', context: 'flamediff' });
    expect(git(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data')).toContain(
      `pulls/2/${head}/report.json`,
    );
  });
});
