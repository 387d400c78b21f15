// runAction end to end inside the process: real inputs, event files, a real shallow checkout and
// nock for the API; only runCheck (the pipeline) is a stub that returns a fixed result.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlamediffOptions } from '../../src/config/options.js';
import { createClient } from '../../src/github/octokit.js';
import {
  type ActionDeps,
  CancelledError,
  RegressionGateError,
  runAction,
} from '../../src/github/run-action.js';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import type { CheckContext, CheckResult } from '../../src/pipeline/check.js';
import { checkout, commitFiles, git, makeRemote, openPullRequest } from './git-fixture.js';
import { API, fixture, frame, type RecordingIo, recordingIo, report } from './helpers.js';

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const LIST = '/repos/Codertocat/Hello-World/issues/2/comments';
const PULL = '/repos/Codertocat/Hello-World/pulls/2';

interface World {
  ws: string;
  head: string;
  merge: string;
  eventPath: string;
}

/** A repository with a PR (branch `changes`), checked out the way actions/checkout does for pull_request. */
function pullRequestWorld(payloadName = 'pull_request.synchronize.json'): World {
  const r = makeRemote({ 'bench.py': 'def tokenize():\n    pass\n', 'lib/parse.py': 'x = 1\n' });
  for (let i = 0; i < 3; i++) commitFiles(r.work, { 'notes.txt': `main ${i}\n` }, `main ${i}`);
  git(r.work, 'push', '--quiet', 'origin', 'main');
  git(r.work, 'checkout', '--quiet', '-b', 'changes');
  commitFiles(r.work, { 'bench.py': 'def tokenize():\n    slow()\n' }, 'slower tokenizer');
  const { head, merge } = openPullRequest(r, 2, 'changes');
  const ws = checkout(r, 'ws', merge, 'refs/pull/2/merge');
  const payload = fixture(payloadName) as { pull_request: { head: { sha: string }; base: { sha: string } } };
  payload.pull_request.head.sha = head;
  const eventPath = path.join(r.dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  return { ws, head, merge, eventPath };
}

function env(w: World, name = 'pull_request'): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: w.eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: w.merge,
    GITHUB_REF: 'refs/pull/2/merge',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: API,
    GITHUB_WORKSPACE: w.ws,
  };
}

function failingResult(ws: string): CheckResult {
  return {
    mode: 'compare',
    verdict: 'fail',
    report: report([
      frame(1, 'tokenize', path.join(ws, 'bench.py'), 2),
      frame(2, 'loads', '/usr/lib/python3/json.py', 9),
    ]),
    regressions: 2,
    totalChange: 0.1,
    files: { reportJson: path.join(ws, 'out/report.json') },
    commentMarkdown: `${COMMENT_MARKER}\n## flamediff: fail\n`,
    summaryMarkdown: '## flamediff: fail\n\n| frame | change |\n',
    consoleText: 'fail',
    baseline: { sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', branch: 'main', note: null },
    stored: [],
  };
}

function deps(io: RecordingIo, e: Record<string, string>, result: (ctx: CheckContext) => CheckResult) {
  const calls: { opts: FlamediffOptions; ctx: CheckContext }[] = [];
  const d: ActionDeps = {
    io,
    env: e,
    runCheck: async (opts, ctx) => {
      calls.push({ opts: structuredClone({ ...opts }), ctx });
      return result(ctx);
    },
    createClient: (o) => createClient({ ...o, retryUnitMs: 1 }),
    installSampler: async () => {},
  };
  return { d, calls };
}

const baseInputs = {
  command: 'python bench.py',
  sampler: 'py-spy',
  'github-token': TOKEN,
  comment: 'always',
  'install-sampler': 'false',
};

async function gateFailure(p: Promise<void>): Promise<RegressionGateError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RegressionGateError) return err;
    throw err;
  }
  throw new Error('expected the gate to fail the step');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the action on pull_request', () => {
  it('compares, writes outputs and summary, annotates, comments once, then fails the gate', async () => {
    const w = pullRequestWorld();
    const io = recordingIo(baseInputs);
    const { d, calls } = deps(io, env(w), () => failingResult(w.ws));
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'))
      .get('/user')
      .reply(403, fixture('error.403-integration.json'))
      .get(LIST)
      .query(true)
      .reply(200, fixture('issue-comments.page1.json'))
      .post(LIST, (b) => b.body.startsWith(`${COMMENT_MARKER}\n## flamediff: fail`))
      .reply(201, fixture('issue-comment.created.json'));
    const err = await gateFailure(runAction(d));
    expect(scope.isDone()).toBe(true);
    expect(err.message).toBe(
      'flamediff: performance regression: tokenize grew by 10.0 pp of total (gate: 1.0 pp)',
    );

    // The pipeline got the PR head (not the merge commit), its base branch, and the links.
    expect(calls).toHaveLength(1);
    const { opts, ctx } = calls[0];
    expect(ctx).toMatchObject({
      headSha: w.head,
      headRef: 'changes',
      isBaseBranch: false,
      pullNumber: 2,
      cwd: w.ws,
      baseRef: 'refs/remotes/origin/main',
    });
    expect(opts).toMatchObject({
      command: ['python', 'bench.py'],
      sampler: 'py-spy',
      baseBranch: 'main',
      store: 'git',
    });
    expect(ctx.links?.imageUrl).toBe(
      `https://raw.githubusercontent.com/Codertocat/Hello-World/flamediff-data/pulls/2/${w.head}/diff.png`,
    );
    expect(ctx.links?.sourceUrl?.(path.join(w.ws, 'bench.py'), 2)).toBe(
      `https://github.com/Codertocat/Hello-World/blob/${w.head}/bench.py#L2`,
    );

    expect(io.outputs).toEqual({
      mode: 'compare',
      verdict: 'fail',
      regressions: '2',
      'report-json': path.join(w.ws, 'out/report.json'),
      'total-change': '0.1',
      'comment-url': 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-1486002099',
    });
    expect(io.summary).toBe('## flamediff: fail\n\n| frame | change |\n');
    // One error annotation, on the regressed line of the repository file; json.py is not ours.
    const annotations = io.lines.filter((l) => l.place?.file);
    expect(annotations).toEqual([
      expect.objectContaining({
        kind: 'error',
        place: { file: 'bench.py', startLine: 2, title: 'flamediff: regression #1 tokenize' },
      }),
    ]);
    expect(io.secrets).toEqual([TOKEN]);
    expect(io.text()).not.toContain(TOKEN);
    // The shallow checkout was deepened to reach the merge-base with main.
    expect(git(w.ws, 'merge-base', 'HEAD', 'refs/remotes/origin/main')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('keeps the verdict, outputs and gate when the comment cannot be posted', async () => {
    const w = pullRequestWorld();
    const io = recordingIo(baseInputs);
    const { d } = deps(io, env(w), () => failingResult(w.ws));
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'))
      .get('/user')
      .reply(403, fixture('error.403-integration.json'))
      .get(LIST)
      .query(true)
      .reply(200, [])
      .post(LIST)
      .reply(403, fixture('error.403-integration.json'));
    await gateFailure(runAction(d));
    expect(scope.isDone()).toBe(true);
    expect(io.outputs).toMatchObject({ verdict: 'fail', regressions: '2', 'comment-url': '' });
    expect(io.summary).toContain('flamediff: fail');
    const warning = io.lines.find(
      (l) => l.kind === 'warning' && l.message.startsWith('Posting the pull request comment'),
    );
    expect(warning?.message).toBe(
      'Posting the pull request comment failed: POST /repos/Codertocat/Hello-World/issues/2/comments returned 403 ' +
        '(Resource not accessible by integration). Fix: the token lacks `pull-requests: write`: add it to the ' +
        "workflow's permissions: block (docs/action.md#permissions). The verdict, outputs and job summary are unaffected.",
    );
  });

  it('on a fork PR warns up front, inlines the text flamegraph and points to the fork-safe mode', async () => {
    const w = pullRequestWorld('pull_request.fork.json');
    const io = recordingIo({ ...baseInputs, 'fail-on-regression': 'false' });
    const { d, calls } = deps(io, env(w), () => failingResult(w.ws));
    // Only the head check: no comment is attempted with the fork's read-only token (issue 14 item 8).
    const scope = nock(API)
      .get(PULL)
      .reply(200, { head: { sha: w.head } });
    const unexpected: string[] = [];
    nock.emitter.on('no match', (req: { method: string; path: string }) =>
      unexpected.push(`${req.method} ${req.path}`),
    );
    await runAction(d); // fail-on-regression: false -> the step passes
    nock.emitter.removeAllListeners('no match');
    expect(scope.isDone()).toBe(true);
    expect(unexpected).toEqual([]);
    expect(io.outputs['comment-url']).toBe('');
    expect(calls[0].ctx.links).toMatchObject({ inlineTextFlamegraph: true });
    // No pull number: the pipeline stores (pushes) nothing with a read-only token.
    expect(calls[0].ctx.pullNumber).toBeUndefined();
    expect(calls[0].ctx.links?.imageUrl).toBeUndefined();
    const warnings = io.lines.filter((l) => l.kind === 'warning').map((l) => l.message);
    expect(warnings[0]).toMatch(/comes from a fork.*docs\/bot\.md/);
    expect(warnings.some((m) => /Posting the pull request comment/.test(m))).toBe(false);
    expect(warnings.some((m) => /fail-on-regression is off, so the step passes/.test(m))).toBe(true);
    // Report-only mode: the regression is a warning annotation, not an error.
    expect(io.lines.filter((l) => l.place?.file).map((l) => l.kind)).toEqual(['warning']);
  });

  it('comment: on-regression posts nothing for a passing PR without an earlier comment', async () => {
    const w = pullRequestWorld();
    const io = recordingIo({ ...baseInputs, comment: 'on-regression' });
    const pass = (): CheckResult => ({
      ...failingResult(w.ws),
      verdict: 'pass',
      regressions: 0,
      report: report([], 'pass'),
    });
    const { d } = deps(io, env(w), pass);
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'))
      .get('/user')
      .reply(403, fixture('error.403-integration.json'))
      .get(LIST)
      .query(true)
      .reply(200, fixture('issue-comments.page1.json'));
    await runAction(d);
    expect(scope.isDone()).toBe(true);
    expect(io.outputs).toMatchObject({ verdict: 'pass', 'comment-url': '' });
  });
});

describe('a summary that cannot be written', () => {
  it('is a warning: outputs and the gate stand', async () => {
    const w = pullRequestWorld();
    const io = recordingIo({ ...baseInputs, comment: 'never' });
    io.writeSummary = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const { d } = deps(io, env(w), () => failingResult(w.ws));
    const scope = nock(API).get('/repos/Codertocat/Hello-World/pages').reply(404, fixture('error.404.json'));
    await gateFailure(runAction(d));
    expect(scope.isDone()).toBe(true);
    expect(io.outputs).toMatchObject({ verdict: 'fail', regressions: '2' });
    expect(io.text()).toContain(
      'warning: flamediff: cannot write the job summary (ENOSPC: no space left on device).',
    );
  });
});

describe('a token that cannot push', () => {
  it('compares without storing pictures, with a warning naming the fix', async () => {
    const w = pullRequestWorld();
    // Fetches work, pushes are refused: what a `contents: read` token gets from GitHub.
    git(w.ws, 'config', 'remote.origin.pushurl', path.join(w.ws, 'no-such-remote.git'));
    const io = recordingIo({ ...baseInputs, comment: 'never' });
    const { d, calls } = deps(io, env(w), () => ({
      ...failingResult(w.ws),
      verdict: 'pass',
      report: report([], 'pass'),
    }));
    const scope = nock(API);
    await runAction(d);
    expect(scope.isDone()).toBe(true);
    expect(calls[0].ctx.pullNumber).toBeUndefined();
    expect(calls[0].ctx.links).toMatchObject({ inlineTextFlamegraph: true });
    expect(io.text()).toMatch(
      /cannot push the data branch 'flamediff-data' to origin .*Fix: give the token `contents: write`/,
    );
  });

  it('fails a baseline recording before measuring', async () => {
    const r = makeRemote({ 'bench.py': 'x\n' });
    const sha = git(r.work, 'rev-parse', 'HEAD');
    const ws = checkout(r, 'ws', sha, 'refs/heads/main');
    git(ws, 'config', 'remote.origin.pushurl', path.join(ws, 'no-such-remote.git'));
    const eventPath = path.join(r.dir, 'push.json');
    writeFileSync(eventPath, JSON.stringify({ ...fixture('push.json'), after: sha }));
    const { d, calls } = deps(
      recordingIo(baseInputs),
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'Codertocat/Hello-World',
        GITHUB_SHA: sha,
        GITHUB_WORKSPACE: ws,
      },
      () => failingResult(ws),
    );
    await expect(runAction(d)).rejects.toThrow(
      /cannot push the data branch 'flamediff-data' to origin .*contents: write/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe('the action on other events', () => {
  it('push to the base branch records a baseline without any API call', async () => {
    const r = makeRemote({ 'bench.py': 'x\n' });
    const sha = git(r.work, 'rev-parse', 'HEAD');
    const ws = checkout(r, 'ws', sha, 'refs/heads/main');
    const eventPath = path.join(r.dir, 'push.json');
    writeFileSync(eventPath, JSON.stringify({ ...fixture('push.json'), after: sha }));
    const io = recordingIo(baseInputs);
    const result: CheckResult = {
      ...failingResult(ws),
      mode: 'baseline',
      verdict: 'none',
      report: null,
      regressions: 0,
      totalChange: null,
      files: {},
      stored: ['profiles/main/x/runs.json'],
    };
    const { d, calls } = deps(
      io,
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'Codertocat/Hello-World',
        GITHUB_SHA: sha,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_API_URL: API,
        GITHUB_WORKSPACE: ws,
      },
      () => result,
    );
    await runAction(d); // nock has no interceptors and the network is disabled: any call would throw
    expect(calls[0].ctx).toMatchObject({ headSha: sha, headRef: 'main', isBaseBranch: true });
    expect(io.outputs).toMatchObject({
      mode: 'baseline',
      verdict: 'none',
      regressions: '0',
      'comment-url': '',
    });
    expect(io.text()).toContain(`baseline recorded for ${sha.slice(0, 12)}`);
  });

  it('explains and skips an event it does not handle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flamediff-skip-'));
    const eventPath = path.join(dir, 'e.json');
    writeFileSync(eventPath, '{"schedule":"0 3 * * *"}');
    const io = recordingIo(baseInputs);
    const { d, calls } = deps(
      io,
      {
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SHA: 'abc',
        GITHUB_WORKSPACE: dir,
      },
      () => {
        throw new Error('not called');
      },
    );
    await runAction(d);
    expect(calls).toHaveLength(0);
    expect(io.outputs).toMatchObject({ mode: 'skip', verdict: 'none' });
    expect(io.text()).toMatch(/'schedule' event is not one flamediff acts on/);
  });

  it('fails with one line for a broken event payload or a bad input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flamediff-bad-'));
    const eventPath = path.join(dir, 'e.json');
    writeFileSync(eventPath, '{"ref": ');
    const e = {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'abc',
      GITHUB_WORKSPACE: dir,
    };
    await expect(runAction(deps(recordingIo(baseInputs), e, () => failingResult(dir)).d)).rejects.toThrow(
      /e\.json: the event payload is not valid JSON .*expected GitHub's webhook payload object/,
    );
    writeFileSync(eventPath, '{}');
    await expect(
      runAction(deps(recordingIo({ ...baseInputs, runs: '0' }), e, () => failingResult(dir)).d),
    ).rejects.toThrow("input 'runs': '0' is not valid (expected an integer from 2 to 1000)");
  });
});

/** The pipeline's part in the head check: it asks stillCurrent before storing, as check.ts does. */
function storingResult(ws: string, asked: boolean[]) {
  return async (ctx: CheckContext): Promise<CheckResult> => {
    const ok = ctx.stillCurrent ? await ctx.stillCurrent() : true;
    asked.push(ok);
    return { ...failingResult(ws), stored: ok ? [`pulls/2/${ctx.headSha}/report.json`] : [] };
  };
}

describe('issue 14: a job for a superseded commit (item 1)', () => {
  it('stores no report and writes no comment or annotation; its own verdict, outputs and summary stand', async () => {
    const w = pullRequestWorld();
    const io = recordingIo(baseInputs);
    const asked: boolean[] = [];
    const { d } = deps(io, env(w), () => failingResult(w.ws));
    const run = storingResult(w.ws, asked);
    d.runCheck = async (_o, ctx) => run(ctx);
    const newer = 'c'.repeat(40);
    // Asked once: a head seen to have moved on stays moved on.
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'))
      .get(PULL)
      .reply(200, { head: { sha: newer } });
    const unexpected: string[] = [];
    nock.emitter.on('no match', (req: { method: string; path: string }) =>
      unexpected.push(`${req.method} ${req.path}`),
    );
    const err = await gateFailure(runAction(d));
    nock.emitter.removeAllListeners('no match');
    expect(scope.isDone()).toBe(true);
    expect(unexpected).toEqual([]);
    expect(asked).toEqual([false]);
    expect(err.message).toMatch(/^flamediff: performance regression: /);
    expect(io.outputs).toMatchObject({ mode: 'compare', verdict: 'fail', 'comment-url': '' });
    expect(io.summary).toContain('flamediff: fail');
    expect(io.lines.filter((l) => l.place?.file)).toEqual([]);
    expect(io.text()).toContain(
      `flamediff: #2 moved on to ${newer.slice(0, 12)} while this job measured ${w.head.slice(0, 12)}: the job for ${newer.slice(0, 12)} reports on the pull request`,
    );
  });

  it('while the head is current it stores, annotates and comments as usual', async () => {
    const w = pullRequestWorld();
    const io = recordingIo(baseInputs);
    const asked: boolean[] = [];
    const { d } = deps(io, env(w), () => failingResult(w.ws));
    const run = storingResult(w.ws, asked);
    d.runCheck = async (_o, ctx) => run(ctx);
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'))
      .get(PULL)
      .times(2)
      .reply(200, { head: { sha: w.head } })
      .get('/user')
      .reply(403, fixture('error.403-integration.json'))
      .get(LIST)
      .query(true)
      .reply(200, [])
      .post(LIST)
      .reply(201, fixture('issue-comment.created.json'));
    await gateFailure(runAction(d));
    expect(scope.isDone()).toBe(true);
    expect(asked).toEqual([true]);
    expect(io.outputs['comment-url']).toMatch(/#issuecomment-/);
    expect(io.lines.filter((l) => l.place?.file)).toHaveLength(1);
  });
});

describe('issue 14: a hung API during reporting (item 4)', () => {
  it('the reporting budget cuts the comment off: a warning names it, the verdict and gate stand', async () => {
    const held: ServerResponse[] = [];
    const hits: string[] = [];
    const server = createServer((req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      hits.push(`${req.method} ${p}`);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (p === PULL) return json(200, { head: { sha: w.head } });
      if (p === '/user') return json(403, fixture('error.403-integration.json'));
      if (p === LIST) return held.push(res); // the comment listing never answers
      return json(404, { message: 'Not Found' });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    nock.enableNetConnect('127.0.0.1');
    const w = pullRequestWorld();
    try {
      const io = recordingIo(baseInputs);
      const e = {
        ...env(w),
        GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        FLAMEDIFF_REPORT_BUDGET_MS: '400',
        FLAMEDIFF_API_TIMEOUT_MS: '60000',
      };
      const { d } = deps(io, e, () => failingResult(w.ws));
      await gateFailure(runAction(d));
      expect(hits).toContain(`GET ${LIST}`);
      expect(io.outputs).toMatchObject({ verdict: 'fail', 'comment-url': '' });
      const warning = io.lines.find(
        (l) => l.kind === 'warning' && l.message.startsWith('Posting the pull request comment'),
      );
      expect(warning?.message).toBe(
        `Posting the pull request comment failed: GitHub API GET ${LIST} cut off: the reporting phase's 0.4 s budget for GitHub API calls ran out (the verdict stands). The verdict, outputs and job summary are unaffected.`,
      );
    } finally {
      nock.disableNetConnect();
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('issue 14: a cancelled job (item 2)', () => {
  it('fails with one line saying the job was cancelled and nothing was recorded', async () => {
    const w = pullRequestWorld();
    const io = recordingIo(baseInputs);
    const stop = new AbortController();
    const { d, calls } = deps(io, env(w), () => failingResult(w.ws));
    d.signal = stop.signal;
    d.runCheck = async (_o, ctx) => {
      calls.push({ opts: _o, ctx });
      // What the pipeline does on an abort: the runner stops the workload and throws.
      stop.abort(new Error('received SIGTERM'));
      expect(ctx.signal?.aborted).toBe(true);
      throw new Error(
        'interrupted during run 1 of 5; the workload and the sampler were stopped, no runs were kept',
      );
    };
    nock(API).get('/repos/Codertocat/Hello-World/pages').reply(404, fixture('error.404.json'));
    const err = await runAction(d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as Error).message).toBe(
      'flamediff: cancelled (received SIGTERM): the workload was stopped and its temporary files and refs removed; nothing was recorded.',
    );
    expect(calls).toHaveLength(1);
  });
});
