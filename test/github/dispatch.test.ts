import { describe, expect, it } from 'vitest';
import { baseHandlers, decideMode } from '../../src/github/dispatch.js';
import type { GitHubEvent } from '../../src/github/event.js';
import { fixture } from './helpers.js';

function event(
  name: string,
  payload: Record<string, unknown>,
  extra: Partial<GitHubEvent> = {},
): GitHubEvent {
  return {
    name,
    payload,
    owner: 'Codertocat',
    repo: 'Hello-World',
    sha: 'c4295bd74fb0f4fda03689c3df3f2803b658fd85',
    ref: 'refs/heads/main',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: '/tmp',
    ...extra,
  };
}

describe('mode decision', () => {
  it('push to the default branch records a baseline for the pushed commit', () => {
    const d = decideMode(event('push', fixture('push.json')), null);
    expect(d).toMatchObject({
      kind: 'baseline',
      headSha: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
      headRef: 'main',
      baseBranch: 'main',
      fork: false,
    });
  });

  it('push to another branch, a tag or a deletion is an explained no-op', () => {
    const other = decideMode(event('push', { ...fixture('push.json'), ref: 'refs/heads/feature' }), null);
    expect(other).toMatchObject({ kind: 'skip' });
    expect(other.reason).toMatch(/'feature', which is not the base branch 'main'.*pull_request/);
    expect(decideMode(event('push', { ...fixture('push.json'), ref: 'refs/tags/v1' }), null)).toMatchObject({
      kind: 'skip',
    });
    expect(decideMode(event('push', { ...fixture('push.json'), deleted: true }), null)).toMatchObject({
      kind: 'skip',
    });
  });

  it('the base-branch input overrides the default branch', () => {
    const p = { ...fixture('push.json'), ref: 'refs/heads/develop' };
    expect(decideMode(event('push', p), 'develop')).toMatchObject({
      kind: 'baseline',
      baseBranch: 'develop',
    });
    expect(decideMode(event('push', fixture('push.json')), 'develop')).toMatchObject({ kind: 'skip' });
  });

  it('pull_request compares the PR head (not the merge commit) with its own base', () => {
    const d = decideMode(event('pull_request', fixture('pull_request.synchronize.json')), 'release');
    expect(d).toMatchObject({
      kind: 'compare',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      headRef: 'changes',
      baseBranch: 'main',
      pullNumber: 2,
      fork: false,
    });
  });

  it('recognises a pull request from a fork', () => {
    expect(decideMode(event('pull_request', fixture('pull_request.fork.json')), null)).toMatchObject({
      kind: 'compare',
      fork: true,
    });
  });

  it('closed pull requests, pull_request_target and unknown events are explained no-ops', () => {
    const closed = { ...fixture('pull_request.synchronize.json'), action: 'closed' };
    expect(decideMode(event('pull_request', closed), null)).toMatchObject({ kind: 'skip' });
    const target = decideMode(event('pull_request_target', fixture('pull_request.fork.json')), null);
    expect(target).toMatchObject({ kind: 'skip', warn: true });
    expect(target.reason).toMatch(/docs\/bot\.md/);
    const sched = decideMode(event('schedule', {}), null);
    expect(sched.kind).toBe('skip');
    expect(sched.reason).toMatch(/'schedule' event is not one flamediff acts on.*push.*pull_request/);
  });

  it('takes its handler table from the caller (the bot adds events to a copy)', () => {
    const base = baseHandlers();
    const table = new Map(base).set('test_event_x', () => ({ kind: 'skip', reason: 'handled by the test' }));
    expect(decideMode(event('test_event_x', {}), null).reason).toMatch(/not one flamediff acts on/);
    expect(base.has('test_event_x')).toBe(false);
    expect(decideMode(event('test_event_x', {}), null, table)).toEqual({
      kind: 'skip',
      reason: 'handled by the test',
    });
  });
});
