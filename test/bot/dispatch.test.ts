// The bot's handlers in the action's dispatcher (registered by src/bot/action-hooks.ts).
import { describe, expect, it } from 'vitest';
import '../../src/bot/action-hooks.js';
import { decideMode } from '../../src/github/dispatch.js';
import type { GitHubEvent } from '../../src/github/event.js';
import { fixture as githubFixture } from '../github/helpers.js';
import { fixture } from './helpers.js';

function event(name: string, payload: Record<string, unknown>): GitHubEvent {
  return {
    name,
    payload,
    owner: 'Codertocat',
    repo: 'Hello-World',
    sha: 'f'.repeat(40),
    ref: 'refs/heads/main',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: '/tmp',
  };
}

describe('dispatch with the bot registered', () => {
  it('issue_comment and workflow_run are handled by the bot', () => {
    expect(decideMode(event('issue_comment', fixture('issue_comment.created.json')), null).kind).toBe(
      'custom',
    );
    expect(decideMode(event('workflow_run', fixture('workflow_run.completed.json')), null).kind).toBe(
      'custom',
    );
  });

  it('pull_request keeps measuring; its labeled event goes to the bot', () => {
    expect(decideMode(event('pull_request', githubFixture('pull_request.synchronize.json')), null).kind).toBe(
      'compare',
    );
    expect(decideMode(event('pull_request', fixture('pull_request.labeled.json')), null).kind).toBe('custom');
  });

  it('pull_request_target: only the label is handled; anything else is refused, pointing to docs/bot.md', () => {
    expect(decideMode(event('pull_request_target', fixture('pull_request.labeled.json')), null).kind).toBe(
      'custom',
    );
    const d = decideMode(event('pull_request_target', githubFixture('pull_request.synchronize.json')), null);
    expect(d).toMatchObject({ kind: 'skip', warn: true });
    expect(d.kind === 'skip' && d.reason).toMatch(/steal the token.*docs\/bot\.md/);
  });
});
