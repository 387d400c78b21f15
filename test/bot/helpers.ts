// Shared by the bot's tests: fixtures, a BotContext on a temporary directory store, a recorder.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BotContext } from '../../src/bot/context.js';
import { defaultOptions } from '../../src/config/options.js';
import { DirStore } from '../../src/store/dir-store.js';
import { testClient } from '../github/helpers.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/bot');
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const REPO = '/repos/Codertocat/Hello-World';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

export interface TestBot extends BotContext {
  lines: string[];
  outputs: Record<string, string>;
  store(): DirStore;
}

export function testBot(payload: Record<string, unknown>, over: Partial<BotContext> = {}): TestBot {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-bot-'));
  const options = { ...defaultOptions(), store: 'dir' as const, storeDir: 'store', command: ['true'] };
  const lines: string[] = [];
  const outputs: Record<string, string> = {};
  const bot: TestBot = {
    client: testClient(),
    owner: 'Codertocat',
    repo: 'Hello-World',
    payload,
    options,
    cwd: dir,
    serverUrl: 'https://github.com',
    acceptLabel: 'performance-regression-accepted',
    comment: 'always',
    failOnRegression: true,
    log: (l) => lines.push(`info: ${l}`),
    warn: (l) => lines.push(`warning: ${l}`),
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    lines,
    outputs,
    store: () => new DirStore(path.join(dir, 'store')),
    ...over,
  };
  return bot;
}

/** An issue_comment payload with `body` by `login` (a User unless `type` says otherwise). */
export function commentPayload(
  body: string,
  login = 'maintainer-mona',
  type = 'User',
  createdAt = new Date().toISOString(),
): Record<string, unknown> {
  const p = fixture<{ comment: { body: string; created_at: string; user: { login: string; type: string } } }>(
    'issue_comment.created.json',
  );
  // Written now: after any report the test stored before (an accept is checked against it).
  p.comment.created_at = createdAt;
  p.comment.body = body;
  p.comment.user.login = login;
  p.comment.user.type = type;
  return p as unknown as Record<string, unknown>;
}
