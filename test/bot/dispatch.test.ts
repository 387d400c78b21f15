// The bot's handlers in the action's dispatcher (added by src/bot/action-hooks.ts withBotHandlers).
import { describe, expect, it } from 'vitest';
import { botFromAction, withBotHandlers } from '../../src/bot/action-hooks.js';
import { defaultOptions } from '../../src/config/options.js';
import { baseHandlers, decideMode as decideBase, type HandlerTable } from '../../src/github/dispatch.js';
import type { GitHubEvent } from '../../src/github/event.js';
import type { ActionRunContext } from '../../src/github/run-action.js';
import { SUMMARY_LIMIT_BYTES } from '../../src/github/summary.js';
import { fixture as githubFixture, type RecordingIo, recordingIo, testClient } from '../github/helpers.js';
import { fixture } from './helpers.js';

const TABLE: HandlerTable = withBotHandlers(baseHandlers());
const decideMode = (e: GitHubEvent, base: string | null) => decideBase(e, base, TABLE);

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

describe('the bot inside the action', () => {
  function ctx(io: RecordingIo): ActionRunContext {
    return {
      deps: { io } as unknown as ActionRunContext['deps'],
      event: event('workflow_run', fixture('workflow_run.completed.json')),
      inputs: {
        options: defaultOptions(),
        settings: {
          token: 't',
          comment: 'always',
          installSampler: false,
          configPath: null,
          baseBranchSet: false,
        },
      },
      client: testClient(),
    };
  }

  it("keeps the job summary under GitHub's 1 MiB (several shards' reports together can pass it)", async () => {
    const io = recordingIo({});
    const shard = `## shard\n\n${'| `frame` | 1.0% | 2.0% |\n'.repeat(30_000)}`;
    await botFromAction(ctx(io)).writeSummary?.([shard, shard].join('\n\n'));
    expect(Buffer.byteLength(io.summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(io.summary).toMatch(/Summary truncated at GitHub's 1 MiB limit/);
  });

  it('a summary that cannot be written is a warning, not a crash', async () => {
    const io = recordingIo({});
    io.writeSummary = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    await botFromAction(ctx(io)).writeSummary?.('## report');
    expect(io.text()).toMatch(/warning: flamediff: cannot write the job summary \(ENOSPC/);
  });
});
