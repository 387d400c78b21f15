// Fork-safe mode against nock's GitHub: the workflow_run handler reads the run and the pull request
// from the API, downloads the artifact through the API's redirect, validates it, compares it with
// the stored baseline (the real pipeline) and reports; hostile artifacts and forged events are
// rejected with one log line and no side effect (no write request, nothing stored).
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAcceptance } from '../../src/bot/acceptances.js';
import { MANIFEST_NAME } from '../../src/bot/manifest.js';
import { handleWorkflowRun } from '../../src/bot/workflow-run.js';
import type { ZipEntry } from '../../src/bot/zip.js';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import { runCheck } from '../../src/pipeline/check.js';
import { API } from '../github/helpers.js';
import { artifactEntries, BASE_WEIGHTS, type ShardSpec, SLOW_WEIGHTS, zipOf } from './artifact-fixture.js';
import { fixture, HEAD, REPO, type TestBot, testBot } from './helpers.js';

const RUN = 30433642;
const MAIN_SHA = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';
const BLOB = 'https://pipelines.actions.githubusercontent.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

type Json = Record<string, unknown>;

/** The Markdown with fenced blocks and code spans removed (GitHub shows their content literally). */
function outsideCode(md: string): string {
  return md
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1\s*$/gm, '')
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
}

function runFacts(over: Json = {}): Json {
  return { ...fixture('actions-run.fork.json'), ...over };
}

function payload(over: Json = {}): Json {
  const p = fixture<Json & { workflow_run: Json }>('workflow_run.completed.json');
  p.workflow_run = { ...p.workflow_run, ...over };
  return p;
}

/** The run lookup, the artifact list and the download (302 to blob storage, like GitHub). */
function artifactRoutes(
  scope: nock.Scope,
  zip: Uint8Array,
  name = 'flamediff',
  size = zip.length,
): nock.Scope {
  const list = fixture<{ artifacts: Json[] }>('artifacts.json');
  list.artifacts[0] = { ...list.artifacts[0], name, size_in_bytes: size };
  scope.get(`${REPO}/actions/runs/${RUN}/artifacts`).query(true).reply(200, list);
  if (size <= 64 * 2 ** 20) {
    scope
      .get(`${REPO}/actions/artifacts/11/zip`)
      .reply(302, '', { location: `${BLOB}/artifact-11.zip?sig=abc` });
    nock(BLOB)
      .get('/artifact-11.zip')
      .query(true)
      .reply(200, Buffer.from(zip), { 'content-type': 'application/zip' });
  }
  return scope;
}

/** Records the baseline from a push run's artifact, as the workflow_run for main would. */
async function recordBaseline(bot: TestBot, shards: ShardSpec[]): Promise<void> {
  const zip = zipOf(
    artifactEntries({ repository: 'Codertocat/Hello-World', pullNumber: null, headSha: MAIN_SHA }, shards),
  );
  const repo = fixture<Json>('workflow_run.completed.json').repository;
  const scope = artifactRoutes(
    nock(API)
      .get(`${REPO}/actions/runs/${RUN}`)
      .reply(
        200,
        runFacts({ event: 'push', head_branch: 'main', head_sha: MAIN_SHA, head_repository: repo }),
      ),
    zip,
  );
  const push = { ...bot, payload: payload({ event: 'push', head_branch: 'main', head_sha: MAIN_SHA }) };
  const out = await handleWorkflowRun(push, { runCheck });
  expect(out).toEqual({ kind: 'recorded', shards: shards.map((s) => s.name) });
  expect(scope.isDone()).toBe(true);
}

function prEntries(shards: ShardSpec[], over: Json = {}): ZipEntry[] {
  return artifactEntries(
    { repository: 'Codertocat/Hello-World', pullNumber: 2, headSha: HEAD, ...over },
    shards,
  );
}

/** Every request after the artifact download: the comment and the status. */
function reportRoutes(scope: nock.Scope, seen: { comment?: string; status?: Json }): nock.Scope {
  return scope
    .get('/user')
    .reply(403, { message: 'Resource not accessible by integration' })
    .get(`${REPO}/issues/2/comments`)
    .query(true)
    .reply(200, [])
    .post(`${REPO}/issues/2/comments`, (b) => {
      seen.comment = b.body;
      return true;
    })
    .reply(201, {
      id: 9,
      body: '',
      html_url: 'https://github.com/Codertocat/Hello-World/pull/2#issuecomment-9',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    })
    .post(`${REPO}/statuses/${HEAD}`, (b) => {
      seen.status = b;
      return true;
    })
    .reply(201, fixture('status.created.json'));
}

function prRoutes(zip: Uint8Array): nock.Scope {
  return artifactRoutes(
    nock(API)
      .get(`${REPO}/actions/runs/${RUN}`)
      .reply(200, runFacts())
      .get(`${REPO}/pulls`)
      .query({ state: 'open', head: 'octocat-fork:changes', per_page: '100' })
      .reply(200, fixture('pulls.list.json')),
    zip,
  );
}

describe('workflow_run from a fork pull request', { timeout: 60_000 }, () => {
  it('compares the artifact with the baseline, comments once and sets a failing status', async () => {
    const bot = testBot(payload());
    await recordBaseline(bot, [{ name: 'main', weights: BASE_WEIGHTS }]);
    const seen: { comment?: string; status?: Json } = {};
    const scope = reportRoutes(prRoutes(zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]))), seen);
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out).toMatchObject({ kind: 'compared', pull: 2, verdict: 'fail', accepted: false });
    expect(scope.isDone()).toBe(true);
    expect(seen.comment?.startsWith(COMMENT_MARKER)).toBe(true);
    expect(seen.comment).toContain('tokenize');
    expect(seen.status).toMatchObject({ state: 'failure', context: 'flamediff' });
    const stored = await bot.store().list(`pulls/2/${HEAD}`);
    expect(stored).toEqual(
      ['baseline.json', 'comment.md', 'diff.png', 'diff.svg', 'report.json'].map(
        (f) => `pulls/2/${HEAD}/${f}`,
      ),
    );
    expect(bot.outputs).toMatchObject({ mode: 'compare', verdict: 'fail' });
  });

  it('an accepted head commit passes: status success and the comment says who accepted', async () => {
    const bot = testBot(payload());
    await recordBaseline(bot, [{ name: 'main', weights: BASE_WEIGHTS }]);
    await bot.store().update('accept', (tx) =>
      addAcceptance(tx, 2, {
        sha: HEAD,
        by: 'maintainer-mona',
        at: '2026-11-21T10:00:00Z',
        reason: 'known',
        via: 'comment',
      }),
    );
    const seen: { comment?: string; status?: Json } = {};
    const scope = reportRoutes(prRoutes(zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]))), seen);
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out).toMatchObject({ kind: 'compared', verdict: 'fail', accepted: true });
    expect(scope.isDone()).toBe(true);
    expect(seen.status).toMatchObject({ state: 'success' });
    expect(seen.comment).toContain('**Accepted** with `/flamediff accept` by `maintainer-mona`');
  });

  it('frame names with Markdown/HTML from the artifact come out escaped in the comment', async () => {
    const evil = 'evil<img src=x onerror=alert(1)>@octocat[x](https://evil.example)';
    const bot = testBot(payload());
    await recordBaseline(bot, [{ name: 'main', weights: { ...BASE_WEIGHTS, [evil]: 100 } }]);
    const seen: { comment?: string; status?: Json } = {};
    const scope = reportRoutes(
      prRoutes(zipOf(prEntries([{ name: 'main', weights: { ...BASE_WEIGHTS, [evil]: 5000 } }]))),
      seen,
    );
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out).toMatchObject({ kind: 'compared', verdict: 'fail' });
    expect(scope.isDone()).toBe(true);
    // Inside code spans and fenced blocks GitHub renders text literally; everywhere else the
    // name must be escaped: no tag, no link, no mention.
    const c = outsideCode(seen.comment ?? '');
    expect(c).toContain('evil');
    expect(c).not.toContain('<img');
    expect(c).toContain('&lt;img');
    expect(c).not.toContain('[x](https://evil.example)');
    expect(c).not.toMatch(/(^|[^\u200b])@octocat/);
  });

  it('sharded artifacts: one comparison per shard, one combined comment and verdict', async () => {
    const bot = testBot(payload());
    await recordBaseline(bot, [
      { name: 'linux-parse', weights: BASE_WEIGHTS },
      { name: 'linux-render', weights: BASE_WEIGHTS },
    ]);
    const seen: { comment?: string; status?: Json } = {};
    const scope = reportRoutes(
      prRoutes(
        zipOf(
          prEntries([
            { name: 'linux-parse', weights: BASE_WEIGHTS },
            { name: 'linux-render', weights: SLOW_WEIGHTS },
          ]),
        ),
      ),
      seen,
    );
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out).toMatchObject({ kind: 'compared', verdict: 'fail' });
    expect(scope.isDone()).toBe(true);
    expect(seen.comment).toContain('flamediff: 2 shards, verdict **fail**');
    expect(seen.comment).toMatch(/\| `linux-parse` \| pass \|/);
    expect(seen.comment).toMatch(/\| `linux-render` \| fail \|/);
    const stored = await bot.store().list(`pulls/2/${HEAD}/shards`);
    expect(stored).toContain(`pulls/2/${HEAD}/shards/linux-render/report.json`);
    expect(stored).toContain(`pulls/2/${HEAD}/shards/linux-parse/diff.png`);
  });
});

describe('issue 14: order of outputs, superseded heads (items 5, 1)', { timeout: 60_000 }, () => {
  it('starts the reporting budget once the verdict is known, then writes the outputs and the summary before the comment and the status', async () => {
    const events: string[] = [];
    const bot = testBot(payload(), {
      writeSummary: async () => {
        events.push('summary');
      },
      startReporting: () => {
        events.push('reporting budget');
      },
    });
    const setOutput = bot.setOutput;
    bot.setOutput = (n, v) => {
      events.push(`output ${n}`);
      setOutput?.(n, v);
    };
    await recordBaseline(bot, [{ name: 'main', weights: BASE_WEIGHTS }]);
    events.length = 0;
    const scope = prRoutes(zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }])))
      .get(`${REPO}/pulls/2`)
      .times(2)
      .reply(200, { head: { sha: HEAD } });
    reportRoutes(scope, {});
    scope.on('request', (_req, interceptor) => {
      const path = (interceptor as unknown as { path: string }).path;
      if (/\/issues\/2\/comments$/.test(path) && _req.method === 'POST') events.push('comment');
      if (/\/statuses\//.test(path)) events.push('status');
    });
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out).toMatchObject({ kind: 'compared', verdict: 'fail' });
    expect(scope.isDone()).toBe(true);
    expect(events).toEqual([
      'reporting budget',
      'output mode',
      'output verdict',
      'output regressions',
      'summary',
      'comment',
      'output comment-url',
      'status',
    ]);
  });

  it('a run for a head the pull request has moved on from stores, comments and sets nothing', async () => {
    const bot = testBot(payload());
    await recordBaseline(bot, [{ name: 'main', weights: BASE_WEIGHTS }]);
    const newer = 'd'.repeat(40);
    const scope = prRoutes(zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }])))
      .get(`${REPO}/pulls/2`)
      .reply(200, { head: { sha: newer } });
    const unexpected: string[] = [];
    nock.emitter.on('no match', (req: { method: string; path: string }) =>
      unexpected.push(`${req.method} ${req.path}`),
    );
    const out = await handleWorkflowRun(bot, { runCheck });
    nock.emitter.removeAllListeners('no match');
    expect(scope.isDone()).toBe(true);
    expect(unexpected).toEqual([]);
    // Its own verdict still stands (the step fails on it), but nothing describes the pull request.
    expect(out).toMatchObject({ kind: 'compared', verdict: 'fail', commentUrl: '' });
    expect(bot.outputs).toMatchObject({ mode: 'compare', verdict: 'fail', 'comment-url': '' });
    expect(await bot.store().list('pulls')).toEqual([]);
    expect(bot.lines.join('\n')).toContain(`flamediff: #2 moved on to ${newer.slice(0, 12)}`);
  });
});

describe('hostile input: rejected with one log line, nothing stored or posted', () => {
  async function rejects(bot: TestBot, scope: nock.Scope, reason: RegExp): Promise<void> {
    const out = await handleWorkflowRun(bot, { runCheck });
    expect(out.kind).toBe('rejected');
    expect(out.kind === 'rejected' && out.reason).toMatch(reason);
    expect(scope.isDone()).toBe(true);
    const warnings = bot.lines.filter((l) => l.startsWith('warning: flamediff: rejected'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Nothing was stored or posted.');
    expect(await bot.store().list('')).toEqual([]);
    // nock would throw on any unexpected (write) request: none was made.
    expect(nock.pendingMocks()).toEqual([]);
  }

  it('a workflow_run naming another repository', async () => {
    const p = payload();
    (p.workflow_run as { repository: Json }).repository = { full_name: 'evil/Hello-World' };
    await rejects(testBot(p), nock(API), /names workflow run 30433642 of evil\/Hello-World/);
  });

  it('a run id that does not exist here (404)', async () => {
    const scope = nock(API).get(`${REPO}/actions/runs/${RUN}`).reply(404, { message: 'Not Found' });
    await rejects(testBot(payload()), scope, /does not exist in Codertocat\/Hello-World/);
  });

  it('a payload whose head sha differs from the API', async () => {
    const scope = nock(API)
      .get(`${REPO}/actions/runs/${RUN}`)
      .reply(200, runFacts({ head_sha: 'b'.repeat(40) }));
    await rejects(testBot(payload()), scope, /the API says bbbbbbbbbbbb/);
  });

  it('no open pull request has the head commit', async () => {
    const scope = nock(API)
      .get(`${REPO}/actions/runs/${RUN}`)
      .reply(200, runFacts())
      .get(`${REPO}/pulls`)
      .query(true)
      .reply(200, []);
    await rejects(testBot(payload()), scope, /no open pull request .* has head ec26c3e57ca3/);
  });

  it('a manifest for another pull request', async () => {
    const zip = zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }], { pullNumber: 3 }));
    await rejects(testBot(payload()), prRoutes(zip), /names pull request #3, which does not have head/);
  });

  it('a manifest for another repository', async () => {
    const zip = zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }], { repository: 'evil/app' }));
    await rejects(testBot(payload()), prRoutes(zip), /manifest is for repository evil\/app/);
  });

  it('a manifest for another commit', async () => {
    const zip = zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }], { headSha: 'c'.repeat(40) }));
    await rejects(testBot(payload()), prRoutes(zip), /manifest is for commit cccccccccccc/);
  });

  it('an oversized artifact (by the API size: never downloaded)', async () => {
    const zip = zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]));
    await rejects(
      testBot(payload()),
      artifactRoutes(
        nock(API)
          .get(`${REPO}/actions/runs/${RUN}`)
          .reply(200, runFacts())
          .get(`${REPO}/pulls`)
          .query(true)
          .reply(200, fixture('pulls.list.json')),
        zip,
        'flamediff',
        65 * 2 ** 20,
      ),
      /is 68157440 bytes, over the limit/,
    );
  });

  it('a download larger than the API said is cut off at the limit (streamed, never held whole)', async () => {
    const zip = zipOf(prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]));
    const bot = testBot(payload());
    const scope = artifactRoutes(
      nock(API)
        .get(`${REPO}/actions/runs/${RUN}`)
        .reply(200, runFacts())
        .get(`${REPO}/pulls`)
        .query(true)
        .reply(200, fixture('pulls.list.json')),
      zip,
      'flamediff',
      10,
    );
    const out = await handleWorkflowRun(bot, {
      runCheck,
      limits: { maxArchiveBytes: 100, maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1000 },
    });
    expect(out).toMatchObject({ kind: 'rejected' });
    expect(out.kind === 'rejected' && out.reason).toMatch(
      /the download passed 100 bytes, larger than the limit/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('a zip-slip entry name', async () => {
    const entries = prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]);
    entries.push({ name: 'main/../../.github/workflows/pwn.yml', data: new TextEncoder().encode('x') });
    await rejects(testBot(payload()), prRoutes(zipOf(entries)), /path traversal/);
  });

  it('a manifest run file escaping its shard', async () => {
    const entries = prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]);
    const m = JSON.parse(new TextDecoder().decode(entries[0].data));
    m.shards[0].runs[0].file = '../etc/passwd';
    entries[0] = { name: MANIFEST_NAME, data: new TextEncoder().encode(JSON.stringify(m)) };
    await rejects(testBot(payload()), prRoutes(zipOf(entries)), /path traversal/);
  });

  it('a malformed manifest (unknown key, not JSON)', async () => {
    const entries = prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]);
    const m = JSON.parse(new TextDecoder().decode(entries[0].data));
    m.command = 'rm -rf /';
    entries[0] = { name: MANIFEST_NAME, data: new TextEncoder().encode(JSON.stringify(m)) };
    await rejects(testBot(payload()), prRoutes(zipOf(entries)), /unknown key 'command'/);
    entries[0] = { name: MANIFEST_NAME, data: new TextEncoder().encode('{"schema": 1,') };
    await rejects(testBot(payload()), prRoutes(zipOf(entries)), /not JSON/);
  });

  it('a profile that is not a profile', async () => {
    const entries = prEntries([{ name: 'main', weights: SLOW_WEIGHTS }]);
    entries[1] = { name: entries[1].name, data: new Uint8Array([0, 1, 2, 3, 0xff, 0xfe]) };
    await rejects(testBot(payload()), prRoutes(zipOf(entries)), /main\/run-1\.folded/);
  });

  it('not a zip at all', async () => {
    await rejects(
      testBot(payload()),
      prRoutes(new TextEncoder().encode('<html>Sign in</html>')),
      /not a zip archive/,
    );
  });
});

describe('events that are not for flamediff', () => {
  it('a requested (not completed) run is skipped without an API call', async () => {
    const p = payload();
    p.action = 'requested';
    expect(await handleWorkflowRun(testBot(p), { runCheck })).toMatchObject({ kind: 'skipped' });
  });

  it('a failed run is skipped after reading it from the API', async () => {
    const scope = nock(API)
      .get(`${REPO}/actions/runs/${RUN}`)
      .reply(200, runFacts({ conclusion: 'failure' }));
    expect(await handleWorkflowRun(testBot(payload()), { runCheck })).toMatchObject({ kind: 'skipped' });
    expect(scope.isDone()).toBe(true);
  });
});
