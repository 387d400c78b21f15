// The built action (dist/index.js) end to end, as the Actions runner runs it, on a real git
// repository with a local bare remote, the shipped Node example under `node --cpu-prof`, and a
// local HTTP server standing in for the GitHub API:
//   1. push to main records the baseline on the data branch;
//   2. a pull request enabling the example's regression variant fails the step, posts exactly one
//      comment, annotates the regressed function's line and sets the outputs;
//   3. a second push to the pull request updates that comment instead of adding another.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import {
  checkout,
  commitFiles,
  git,
  makeRemote,
  openPullRequest,
  type Remote,
} from '../github/git-fixture.js';
import { fixture } from '../github/helpers.js';
import { type FakeGitHub, startFakeGitHub } from './fake-github.js';
import { DIST, REPO_ROOT, runStep, type StepRun } from './runner.js';

const TOKEN = 'ghs_e2eT0kenNeverPrinted0123456789abcd';
const EXAMPLE = 'examples/node/workload.mjs';
const CONFIG = (regression: boolean) =>
  [
    `command: node ${EXAMPLE}`,
    'sampler: node',
    'runs: 5',
    'warmup: 0',
    // The regression is switched on by this file's env, which a re-measured merge-base would
    // share: confirmation could never see it (it is tested in test/pipeline/e2e.test.ts).
    'confirm: never',
    'env:',
    "  FLAMEDIFF_EXAMPLE_SCALE: '0.4'",
    ...(regression ? ["  FLAMEDIFF_EXAMPLE_REGRESSION: '1'"] : []),
    '',
  ].join('\n');
const INPUTS = { 'install-sampler': 'false' };

let api: FakeGitHub;
let remote: Remote;

/** The example as committed to the test repository (read once: the example may be edited meanwhile). */
let exampleText = '';

/** The function that holds the injected regression (`if (REGRESSION ...`), and its line. */
function regressedFunction(): { name: string; line: number } {
  const lines = exampleText.split('\n');
  const at = lines.findIndex((l) => /\bif \(REGRESSION\b/.test(l));
  for (let i = at; i >= 0; i--) {
    const m = lines[i].match(/^function (\w+)/);
    if (m) return { name: m[1], line: i + 1 };
  }
  throw new Error(`${EXAMPLE}: no function holds 'if (REGRESSION'`);
}

function dataBranchFiles(): string[] {
  return git(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data').split('\n');
}

function explain(r: StepRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-3000)}`;
}

function pullPayload(action: string, head: string, base: string) {
  const p = fixture('pull_request.synchronize.json') as {
    action: string;
    pull_request: { head: { sha: string; ref: string }; base: { sha: string; ref: string } };
  };
  p.action = action;
  p.pull_request.head.sha = head;
  p.pull_request.head.ref = 'slower';
  p.pull_request.base.sha = base;
  return p;
}

function commentRequests(method: string) {
  return api.requests.filter(
    (r) => r.method === method && /\/issues\/(2\/comments|comments\/\d+)$/.test(r.path),
  );
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` first`);
  api = await startFakeGitHub('Codertocat', 'Hello-World');
  exampleText = readFileSync(path.join(REPO_ROOT, EXAMPLE), 'utf8');
  remote = makeRemote({
    [EXAMPLE]: exampleText,
    'flamediff.yml': CONFIG(false),
    '.gitignore': 'out/\n',
  });
});

afterAll(async () => {
  await api?.close();
});

describe('dist/index.js as the runner runs it', { timeout: 300_000 }, () => {
  let mainSha = '';
  let first: StepRun;

  it('push to main records the baseline', async () => {
    mainSha = git(remote.work, 'rev-parse', 'HEAD');
    const ws = checkout(remote, 'ws', mainSha, 'refs/heads/main');
    const r = await runStep({
      workspace: ws,
      eventName: 'push',
      eventPayload: { ...fixture<Record<string, unknown>>('push.json'), after: mainSha },
      sha: mainSha,
      ref: 'refs/heads/main',
      apiUrl: api.url,
      inputs: INPUTS,
      token: TOKEN,
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.outputs).toMatchObject({ mode: 'baseline', verdict: 'none', regressions: '0' });
    expect(dataBranchFiles()).toContain(`profiles/main/${mainSha}/runs.json`);
    expect(r.summary.length).toBeGreaterThan(0);
    // Recording a baseline talks to no API endpoint at all.
    expect(api.requests).toEqual([]);
  });

  it('a pull request with the regression fails the step, comments once and annotates the line', async () => {
    git(remote.work, 'checkout', '--quiet', '-b', 'slower', 'main');
    commitFiles(remote.work, { 'flamediff.yml': CONFIG(true) }, 'Turn on the slow scoring path');
    const { head, merge } = openPullRequest(remote, 2, 'slower');
    api.pullHeads.set(2, head);
    const ws = checkout(remote, 'ws', merge, 'refs/pull/2/merge');
    first = await runStep({
      workspace: ws,
      eventName: 'pull_request',
      eventPayload: pullPayload('opened', head, mainSha),
      sha: merge,
      ref: 'refs/pull/2/merge',
      apiUrl: api.url,
      inputs: INPUTS,
      token: TOKEN,
    });
    const r = first;
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs.mode).toBe('compare');
    expect(r.outputs.verdict).toBe('fail');
    expect(Number(r.outputs.regressions)).toBeGreaterThanOrEqual(1);
    // Wall time on a shared machine is noisy: only its presence is checked, not its sign.
    expect(Number.isFinite(Number(r.outputs['total-change']))).toBe(true);
    expect(existsSync(r.outputs['report-json'])).toBe(true);
    expect(r.outputs['comment-url']).toMatch(
      /^https:\/\/github\.com\/Codertocat\/Hello-World\/pull\/2#issuecomment-\d+$/,
    );

    // Exactly one comment, by the bot, with the marker and the picture from the data branch.
    expect(commentRequests('POST')).toHaveLength(1);
    const comments = api.comments.get(2) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(COMMENT_MARKER);
    expect(comments[0].body).toContain(
      `https://raw.githubusercontent.com/Codertocat/Hello-World/flamediff-data/pulls/2/${head}/diff.png`,
    );
    expect(dataBranchFiles()).toContain(`pulls/2/${head}/diff.png`);
    expect(api.requests.every((q) => q.authorization === `token ${TOKEN}`)).toBe(true);

    // The failing step says why, and the regressed function's line carries an error annotation.
    const failed = r.commands.filter((c) => c.name === 'error' && !c.props.file);
    expect(failed.at(-1)?.message).toMatch(/^flamediff: performance regression: /);
    const annotations = r.commands.filter((c) => c.name === 'error' && c.props.file);
    expect(annotations.length).toBeGreaterThanOrEqual(1);
    const culprit = regressedFunction();
    expect(annotations[0].props).toMatchObject({ file: EXAMPLE, line: String(culprit.line) });
    expect(annotations[0].props.title).toBe(`flamediff: regression #1 ${culprit.name}`);

    // The summary carries the report (the culprit by name); the token shows up only in add-mask.
    expect(r.summary).toContain(culprit.name);
    expect(r.summary).toContain(head.slice(0, 7));
    const withoutMask = r.stdout.replace(`::add-mask::${TOKEN}`, '');
    expect(withoutMask + r.stderr).not.toContain(TOKEN);
  });

  it('a second push to the pull request updates the comment instead of adding one', async () => {
    git(remote.work, 'checkout', '--quiet', 'slower');
    commitFiles(remote.work, { 'NOTES.md': 'still slow\n' }, 'Add notes');
    const { head, merge } = openPullRequest(remote, 2, 'slower');
    api.pullHeads.set(2, head);
    const ws = checkout(remote, 'ws', merge, 'refs/pull/2/merge');
    const r = await runStep({
      workspace: ws,
      eventName: 'pull_request',
      eventPayload: pullPayload('synchronize', head, mainSha),
      sha: merge,
      ref: 'refs/pull/2/merge',
      apiUrl: api.url,
      inputs: INPUTS,
      token: TOKEN,
    });
    expect(r.code, explain(r)).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(commentRequests('POST')).toHaveLength(1);
    expect(commentRequests('PATCH')).toHaveLength(1);
    const comments = api.comments.get(2) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(`pulls/2/${head}/diff.png`);
    expect(r.outputs['comment-url']).toBe(first.outputs['comment-url']);
  });

  it('an event it does not handle is an explained no-op; a bad input fails with one line', async () => {
    const ws = checkout(remote, 'ws', mainSha, 'refs/heads/main');
    const base = { workspace: ws, sha: mainSha, ref: 'refs/heads/main', apiUrl: api.url, token: TOKEN };
    const before = api.requests.length;
    const skip = await runStep({
      ...base,
      eventName: 'schedule',
      eventPayload: { schedule: '0 3 * * *' },
      inputs: INPUTS,
    });
    expect(skip.code, explain(skip)).toBe(0);
    expect(skip.outputs).toMatchObject({ mode: 'skip', verdict: 'none' });
    expect(skip.stdout).toMatch(/flamediff: the 'schedule' event is not one flamediff acts on/);
    const bad = await runStep({
      ...base,
      eventName: 'push',
      eventPayload: { ...fixture<Record<string, unknown>>('push.json'), after: mainSha },
      inputs: { ...INPUTS, runs: 'ten' },
    });
    expect(bad.code).toBe(1);
    expect(bad.commands.filter((c) => c.name === 'error')).toEqual([
      {
        name: 'error',
        props: {},
        message: "input 'runs': 'ten' is not valid (expected an integer from 2 to 1000)",
      },
    ]);
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
    expect(api.requests.length).toBe(before);
  });
});
