// main.ts's one try/catch: every failure becomes one setFailed line (a bug also logs its stack).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../src/github/octokit.js';
import { run } from '../../src/main.js';
import { checkout, git, makeRemote } from './git-fixture.js';
import { recordingIo } from './helpers.js';

function pushEnv(): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'flamediff-main-'));
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main', private: false } }),
  );
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_WORKSPACE: dir,
  };
}

describe('run (the action entry)', () => {
  it('turns a user error into one failed line without a stack', async () => {
    const io = recordingIo({ command: 'x', 'github-token': 't', runs: 'many' });
    await run({ io, env: pushEnv() });
    expect(io.failed).toEqual(["input 'runs': 'many' is not valid (expected an integer from 2 to 1000)"]);
    expect(io.text()).not.toMatch(/\n\s+at /);
  });

  it('reports a bug as name: message and logs its stack', async () => {
    const r = makeRemote({ 'bench.py': 'x\n' });
    const sha = git(r.work, 'rev-parse', 'HEAD');
    const env = {
      ...pushEnv(),
      GITHUB_SHA: sha,
      GITHUB_WORKSPACE: checkout(r, 'ws', sha, 'refs/heads/main'),
    };
    const io = recordingIo({ command: 'x', 'github-token': 't', 'install-sampler': 'false' });
    await run({
      io,
      env,
      runCheck: async () => {
        throw new TypeError('boom');
      },
      // Recording a baseline makes no API call: an empty object stands in for the client.
      createClient: () => ({}) as GitHubClient,
    });
    expect(io.failed).toEqual(['TypeError: boom']);
    expect(io.text()).toMatch(/TypeError: boom\n\s+at /);
  });
});
