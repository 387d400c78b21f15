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
import { API } from '../github/helpers.js';
import { commentPayload, fixture, REPO } from './helpers.js';

const SECRET = 'test-webhook-secret-not-real';
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let server: RunningServer;
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
  server = await startServe(['--port', '0', '--host', '127.0.0.1', '--api-url', API], io());
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
    expect(await deliver('issue_comment', payload)).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(body).toBe(`${REPLY_MARKER}\n${BOT_HELP}`);
    expect(auth).toBe('token ghs_installationTokenForTests');
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
    expect(await deliver('workflow_run', { ...p, installation: { id: 42 } })).toBe(200);
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
});
