// `/flamediff explain`, the accept label, and the pull_request gate consulting acceptances.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAcceptance, isAccepted } from '../../src/bot/acceptances.js';
import { explainReply, findFrames, heaviestPath } from '../../src/bot/explain.js';
import { withAcceptances } from '../../src/bot/gate.js';
import { handleIssueComment } from '../../src/bot/issue-comment.js';
import { handleAcceptLabel } from '../../src/bot/label.js';
import type { CheckResult } from '../../src/pipeline/check.js';
import { Profile } from '../../src/profile/profile.js';
import { API, frame, report } from '../github/helpers.js';
import { commentPayload, fixture, HEAD, REPO, testBot } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const EVIL = 'tok<script>alert(1)</script>@octocat';

function profile(stacks: [string[], number][]): Profile {
  const p = new Profile({ unit: 'samples' });
  for (const [frames, w] of stacks) p.addFrames(frames, w);
  return p;
}

describe('explain', () => {
  const rep = report([
    {
      ...frame(1, 'tokenize', 'src/lex.py', 0, 0.1, 0.3),
      key: 'tokenize (src/lex.py)',
      path: ['main (src/app.py)', 'parse (src/parse.py)', 'tokenize (src/lex.py)'],
    },
    frame(null, 'render', 'src/render.py', 0, 0.2, 0.2),
    { ...frame(2, EVIL, '', 0, 0.01, 0.05), key: EVIL },
  ]);

  it('finds frames by key, name, then substring', () => {
    expect(findFrames(rep, 'tokenize (src/lex.py)').map((f) => f.name)).toEqual(['tokenize']);
    expect(findFrames(rep, 'render').map((f) => f.name)).toEqual(['render']);
    expect(findFrames(rep, 'TOKEN').map((f) => f.name)).toEqual(['tokenize']);
    expect(findFrames(rep, 'nothing-like-it')).toEqual([]);
  });

  it('the heaviest call path of a frame in a profile, root first', () => {
    const p = profile([
      [['main', 'a', 'tokenize'], 10],
      [['main', 'b', 'tokenize'], 30],
      [['main', 'b', 'tokenize', 'inner'], 5],
      [['main', 'c'], 100],
    ]);
    expect(heaviestPath(p, 'tokenize', 'function')).toEqual(['main', 'b', 'tokenize']);
    expect(heaviestPath(p, 'absent', 'function')).toEqual([]);
  });

  it('replies with before/after numbers and both call paths', async () => {
    const base = profile([[['main (src/app.py)', 'lex (src/lex.py)', 'tokenize (src/lex.py)'], 10]]);
    const md = await explainReply({
      query: 'tokenize',
      reports: [{ shard: '', report: rep, baseline: { branch: 'main', sha: 'a'.repeat(40) } }],
      baseProfile: async () => base,
    });
    expect(md).toContain('| inclusive share | 10.0% | 30.0% | +20.0 pp |');
    expect(md).toContain('Status **regressed**, ranked regression #1');
    expect(md).toMatch(/Call path before[^\n]*:\n\n- `main \(src\/app\.py\)`\n {2}- `lex \(src\/lex\.py\)`/);
    expect(md).toMatch(
      /Call path after[^\n]*:\n\n- `main \(src\/app\.py\)`\n {2}- `parse \(src\/parse\.py\)`/,
    );
  });

  it('through a comment: reads the stored report for the head; hostile names stay code', async () => {
    const bot = testBot(commentPayload('/flamediff explain <script>'));
    await bot.store().update('seed', async (tx) => {
      tx.write(`pulls/2/${HEAD}/report.json`, JSON.stringify(rep));
      tx.write(
        `pulls/2/${HEAD}/baseline.json`,
        JSON.stringify({ schema: 1, branch: 'main', sha: 'a'.repeat(40) }),
      );
    });
    let body = '';
    const scope = nock(API)
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .post(`${REPO}/issues/2/comments`, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, { id: 1, html_url: 'https://github.com/x' });
    expect(await handleIssueComment(bot)).toEqual({ kind: 'explained', pull: 2 });
    expect(scope.isDone()).toBe(true);
    expect(body).toContain('### `tok<script>alert(1)</script>@octocat`');
    expect(body.replace(/`[^`\n]*`/g, '')).not.toMatch(/<script>|@octocat/);
    expect(body).toContain('Call path before: the baseline profile is no longer stored.');
  });

  it("a reply over several shards stays under GitHub's 65,536 characters (no 422, no lost reply)", async () => {
    // Three matches per shard with deep call paths: about 8 KiB each, 12 shards.
    const deep = Array.from({ length: 40 }, (_, i) => `layer_${i}_${'x'.repeat(100)} (src/deep.py:${i})`);
    const wide = report(
      [1, 2, 3].map((k) => ({ ...frame(k, `parse_${k}`, 'src/p.py', k, 0.1, 0.2), path: deep })),
    );
    const bot = testBot(commentPayload('/flamediff explain parse'));
    await bot.store().update('seed', async (tx) => {
      for (let i = 0; i < 12; i++) tx.write(`pulls/2/${HEAD}/shards/s${i}/report.json`, JSON.stringify(wide));
    });
    let body = '';
    const scope = nock(API)
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .post(`${REPO}/issues/2/comments`, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, { id: 1, html_url: 'https://github.com/x' });
    expect(await handleIssueComment(bot)).toEqual({ kind: 'explained', pull: 2 });
    expect(scope.isDone()).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('(shard `s0`)');
    expect(body).toMatch(/<sub>Cut to stay under GitHub's 65,536-character comment limit/);
  });

  it('says so when no report is stored for the head yet', async () => {
    const bot = testBot(commentPayload('/flamediff explain tokenize'));
    let body = '';
    const scope = nock(API)
      .get(`${REPO}/pulls/2`)
      .reply(200, fixture('pull.json'))
      .post(`${REPO}/issues/2/comments`, (b) => {
        body = b.body;
        return true;
      })
      .reply(201, { id: 1, html_url: 'https://github.com/x' });
    await handleIssueComment(bot);
    expect(scope.isDone()).toBe(true);
    expect(body).toContain('No flamediff report is stored for `ec26c3e57ca3` yet');
  });
});

describe('the accept label', () => {
  it('accepts the labeled head when the labeler has write access', async () => {
    const scope = nock(API)
      .get(`${REPO}/collaborators/maintainer-mona/permission`)
      .reply(200, fixture('permission.write.json'))
      .get('/user')
      .reply(403, {})
      .get(`${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO}/issues/2/comments`, (b) => b.body.includes('**Accepted** by label by `maintainer-mona`'))
      .reply(201, { id: 1, html_url: 'https://github.com/x' })
      .post(`${REPO}/statuses/${HEAD}`, (b) => b.state === 'success')
      .reply(201, {});
    const bot = testBot(fixture('pull_request.labeled.json'));
    expect(await handleAcceptLabel(bot)).toBe('accepted');
    expect(scope.isDone()).toBe(true);
    expect(await isAccepted(bot.store(), 2, HEAD)).toMatchObject({ by: 'maintainer-mona', via: 'label' });
  });

  it("keeps the sticky comment under GitHub's limit when the acceptance note is added to a full one", async () => {
    // The report is rendered just under 65,536 characters; the note must not push it into a 422.
    const full = `<!-- flamediff:comment -->\n${'| `frame` | +1.0 pp |\n'.repeat(2976)}`;
    expect(full.length).toBeLessThanOrEqual(65_536);
    let patched = '';
    const scope = nock(API)
      .get(`${REPO}/collaborators/maintainer-mona/permission`)
      .reply(200, fixture('permission.write.json'))
      .get('/user')
      .reply(403, {})
      .get(`${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, [
        {
          id: 7,
          body: full,
          html_url: 'https://github.com/c/7',
          user: { login: 'github-actions[bot]', type: 'Bot' },
        },
      ])
      .patch(`${REPO}/issues/comments/7`, (b) => {
        patched = b.body;
        return true;
      })
      .reply(200, { id: 7, html_url: 'https://github.com/c/7' })
      .post(`${REPO}/statuses/${HEAD}`)
      .reply(201, {});
    const bot = testBot(fixture('pull_request.labeled.json'));
    expect(await handleAcceptLabel(bot)).toBe('accepted');
    expect(scope.isDone()).toBe(true);
    expect(patched).toContain('**Accepted** by label');
    expect(patched.length).toBeLessThanOrEqual(65_536);
  });

  it('refuses (and says so) when the labeler only has triage access', async () => {
    const scope = nock(API)
      .get(`${REPO}/collaborators/maintainer-mona/permission`)
      .reply(200, fixture('permission.triage.json'))
      // The label does not stay on the pull request looking like an acceptance.
      .delete(`${REPO}/issues/2/labels/performance-regression-accepted`)
      .reply(200, [])
      .post(`${REPO}/issues/2/comments`, (b) => b.body.includes('**not** accepted and the label was removed'))
      .reply(201, { id: 1, html_url: 'https://github.com/x' });
    const bot = testBot(fixture('pull_request.labeled.json'));
    expect(await handleAcceptLabel(bot)).toBe('refused');
    expect(scope.isDone()).toBe(true);
    expect(await isAccepted(bot.store(), 2, HEAD)).toBeNull();
  });
});

describe('the pull_request gate honours acceptances of exactly the head commit', () => {
  const failing = (): CheckResult => ({
    mode: 'compare',
    verdict: 'fail',
    report: null,
    regressions: 1,
    totalChange: 0.1,
    files: {},
    commentMarkdown: '<!-- flamediff:comment -->\n## fail',
    summaryMarkdown: '## fail',
    consoleText: '',
    baseline: null,
    stored: [],
  });

  it('accepted sha: passes, comment and summary name who accepted; another sha: still fails', async () => {
    const bot = testBot({});
    await bot.store().update('accept', (tx) =>
      addAcceptance(tx, 2, {
        sha: HEAD,
        by: 'maintainer-mona',
        at: '2026-11-21T10:00:00.123Z',
        reason: 'ok',
        via: 'comment',
      }),
    );
    const gated = withAcceptances(
      async () => failing(),
      () => 2,
    );
    const ok = await gated(bot.options, { headSha: HEAD, headRef: 'x', isBaseBranch: false, cwd: bot.cwd });
    expect(ok.verdict).toBe('pass');
    expect(ok.commentMarkdown).toContain(
      '**Accepted** with `/flamediff accept` by `maintainer-mona` at 2026-11-21T10:00:00Z',
    );
    expect(ok.summaryMarkdown).toContain('maintainer-mona');
    const newPush = await gated(bot.options, {
      headSha: 'd'.repeat(40),
      headRef: 'x',
      isBaseBranch: false,
      cwd: bot.cwd,
    });
    expect(newPush.verdict).toBe('fail');
    const noPull = await withAcceptances(
      async () => failing(),
      () => undefined,
    )(bot.options, {
      headSha: HEAD,
      headRef: 'x',
      isBaseBranch: false,
      cwd: bot.cwd,
    });
    expect(noPull.verdict).toBe('fail');
  });
});
