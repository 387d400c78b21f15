// Issue 14 end to end: the built action (dist/index.js) as the runner runs it, against the local
// stand-in API with faults injected, a real bare git remote, and real signals:
//   - a job whose commit the pull request has moved on from writes nothing to the pull request;
//   - a head check answered with malformed JSON, and a comment listing that never answers: one
//     line each naming the endpoint (never the body), the verdict stands, the step ends;
//   - SIGTERM while the workload runs: the workload, its setsid grandchild, the temporary folders
//     and refs are gone, one line says so, and the process ends before the runner's SIGKILL.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkout,
  commitFiles,
  git,
  makeRemote,
  openPullRequest,
  type Remote,
} from '../github/git-fixture.js';
import { fixture } from '../github/helpers.js';
import { type FakeGitHub, MALFORMED_BODY, startFakeGitHub } from './fake-github.js';
import { DIST, REPO_ROOT, runStep, type StepEnv, type StepRun } from './runner.js';

const TOKEN = 'ghs_e2eReliabilityT0kenNeverPrinted0123';
const EXAMPLE = 'examples/node/workload.mjs';
const CONFIG = [
  `command: node ${EXAMPLE}`,
  'sampler: node',
  'runs: 2',
  'warmup: 0',
  'env:',
  "  FLAMEDIFF_EXAMPLE_SCALE: '0.2'",
  '',
].join('\n');
// A workload that never ends and leaves a grandchild in a session of its own.
const HANG = [
  "import { spawn } from 'node:child_process';",
  "import { writeFileSync } from 'node:fs';",
  "spawn('setsid', ['sh', '-c', 'echo $$ > grand.pid; exec sleep 300'], { stdio: 'ignore' });",
  "writeFileSync('work.pid', String(process.pid));",
  'setInterval(() => {}, 1000);',
  '',
].join('\n');
const INPUTS = { 'install-sampler': 'false' };

let api: FakeGitHub;
let remote: Remote;
let mainSha = '';

function explain(r: StepRun): string {
  return `exit ${r.code} ${r.signal ?? ''}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-3000)}`;
}

function dataBranchFiles(): string[] {
  return git(remote.bare, 'ls-tree', '-r', '--name-only', 'flamediff-data').split('\n');
}

/** A private TMPDIR per step, so its temporary folders can be counted. */
function privateTmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'flamediff-e2e-tmp-'));
}

function pullStep(n: number, head: string, merge: string, extra: Partial<StepEnv> = {}): StepEnv {
  const p = fixture<Record<string, unknown> & { pull_request: Record<string, unknown> }>(
    'pull_request.synchronize.json',
  );
  p.number = n;
  p.pull_request = {
    ...p.pull_request,
    number: n,
    head: { ...(p.pull_request.head as object), sha: head, ref: 'slower' },
    base: { ...(p.pull_request.base as object), sha: mainSha, ref: 'main' },
  };
  return {
    workspace: checkout(remote, `ws-${n}`, merge, `refs/pull/${n}/merge`),
    eventName: 'pull_request',
    eventPayload: p,
    sha: merge,
    ref: `refs/pull/${n}/merge`,
    apiUrl: api.url,
    inputs: INPUTS,
    token: TOKEN,
    ...extra,
  };
}

function commentWrites(n: number) {
  return api.requests.filter(
    (r) =>
      (r.method === 'POST' && r.path.endsWith(`/issues/${n}/comments`)) ||
      (r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path)),
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` first`);
  api = await startFakeGitHub('Codertocat', 'Hello-World');
  remote = makeRemote({
    [EXAMPLE]: readFileSync(path.join(REPO_ROOT, EXAMPLE), 'utf8'),
    'hang.mjs': HANG,
    'flamediff.yml': CONFIG,
    '.gitignore': 'out/\n*.pid\n',
  });
  mainSha = git(remote.work, 'rev-parse', 'HEAD');
});

afterAll(async () => {
  await api?.close();
});

describe('dist/index.js under faults, races and signals (issue 14)', { timeout: 300_000 }, () => {
  it('records a baseline to compare with', async () => {
    const r = await runStep({
      workspace: checkout(remote, 'ws-main', mainSha, 'refs/heads/main'),
      eventName: 'push',
      eventPayload: { ...fixture<Record<string, unknown>>('push.json'), after: mainSha },
      sha: mainSha,
      ref: 'refs/heads/main',
      apiUrl: api.url,
      inputs: INPUTS,
      token: TOKEN,
    });
    expect(r.code, explain(r)).toBe(0);
    expect(dataBranchFiles()).toContain(`profiles/main/${mainSha}/runs.json`);
  });

  it('a job for a commit the pull request has moved on from writes nothing to the pull request', async () => {
    git(remote.work, 'checkout', '--quiet', '-b', 'slower', 'main');
    commitFiles(remote.work, { 'NOTES.md': 'first push\n' }, 'First push');
    const { head, merge } = openPullRequest(remote, 3, 'slower');
    const newer = 'e'.repeat(40);
    api.pullHeads.set(3, newer); // push B landed while this job (for A) was measuring
    const before = dataBranchFiles();
    const r = await runStep(pullStep(3, head, merge));
    expect([0, 1], explain(r)).toContain(r.code);
    expect(r.outputs.mode).toBe('compare');
    expect(['pass', 'fail']).toContain(r.outputs.verdict);
    expect(r.outputs['comment-url']).toBe('');
    expect(commentWrites(3)).toEqual([]);
    expect(r.commands.filter((c) => c.props.file)).toEqual([]);
    // The stored report (pulls/3/...) is not written: the data branch is as it was.
    expect(dataBranchFiles()).toEqual(before);
    expect(r.stdout).toContain(
      `flamediff: #3 moved on to ${newer.slice(0, 12)} while this job measured ${head.slice(0, 12)}`,
    );
    expect(r.summary.length).toBeGreaterThan(0);
  });

  it('malformed JSON and a listing that never answers: one line each, the verdict stands', async () => {
    git(remote.work, 'checkout', '--quiet', 'slower');
    commitFiles(remote.work, { 'NOTES.md': 'second push\n' }, 'Second push');
    const { head, merge } = openPullRequest(remote, 3, 'slower');
    api.pullHeads.set(3, head);
    api.faults.push(
      { method: 'GET', path: /\/pulls\/3$/, kind: 'malformed' },
      { method: 'GET', path: /\/issues\/3\/comments$/, kind: 'hang' },
    );
    try {
      const r = await runStep(pullStep(3, head, merge, { extraEnv: { FLAMEDIFF_REPORT_BUDGET_MS: '3000' } }));
      expect([0, 1], explain(r)).toContain(r.code);
      expect(r.signal).toBeNull();
      expect(['pass', 'fail']).toContain(r.outputs.verdict);
      expect(r.outputs['comment-url']).toBe('');
      const warnings = r.commands.filter((c) => c.name === 'warning').map((c) => c.message);
      expect(warnings).toContain(
        `flamediff: Checking that #3's head is still ${head.slice(0, 12)} failed: GitHub API GET /repos/Codertocat/Hello-World/pulls/3 returned invalid JSON (HTTP 200, ${MALFORMED_BODY.length} bytes of application/json); the body is not shown. Reporting as if it were.`,
      );
      expect(warnings).toContain(
        "Posting the pull request comment failed: GitHub API GET /repos/Codertocat/Hello-World/issues/3/comments cut off: the reporting phase's 3 s budget for GitHub API calls ran out (the verdict stands). The verdict, outputs and job summary are unaffected.",
      );
      expect(r.stdout + r.stderr).not.toContain('s3cr3t');
      expect(r.stdout + r.stderr).not.toContain("Cannot use 'in' operator");
      // The report was stored (the head is current as far as anyone could tell).
      expect(dataBranchFiles()).toContain(`pulls/3/${head}/report.json`);
    } finally {
      api.faults.length = 0;
    }
  });

  it('SIGTERM while the workload runs: everything stops, nothing is left or recorded, one line says so', async () => {
    const ws = checkout(remote, 'ws-cancel', mainSha, 'refs/heads/main');
    const tmp = privateTmp();
    const tipBefore = git(remote.bare, 'rev-parse', 'flamediff-data');
    const pids = () =>
      ['work.pid', 'grand.pid']
        .map((f) => path.join(ws, f))
        .every((f) => existsSync(f) && readFileSync(f, 'utf8').trim() !== '');
    const r = await runStep({
      workspace: ws,
      eventName: 'push',
      eventPayload: { ...fixture<Record<string, unknown>>('push.json'), after: mainSha },
      sha: mainSha,
      ref: 'refs/heads/main',
      apiUrl: api.url,
      inputs: { ...INPUTS, command: 'node hang.mjs' },
      token: TOKEN,
      extraEnv: { TMPDIR: tmp },
      cancel: { when: pids },
    });
    // It ended by itself, before the runner's SIGKILL.
    expect(r.signal, explain(r)).toBeNull();
    expect(r.code).toBe(1);
    const errors = r.commands.filter((c) => c.name === 'error').map((c) => c.message);
    expect(errors).toEqual([
      'flamediff: cancelled (received SIGTERM): the workload was stopped and its temporary files and refs removed; nothing was recorded.',
    ]);
    const work = Number(readFileSync(path.join(ws, 'work.pid'), 'utf8'));
    const grand = Number(readFileSync(path.join(ws, 'grand.pid'), 'utf8'));
    expect(alive(work)).toBe(false);
    expect(alive(grand)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.startsWith('flamediff-'))).toEqual([]);
    expect(git(ws, 'for-each-ref', 'refs/flamediff')).toBe('');
    expect(git(remote.bare, 'rev-parse', 'flamediff-data')).toBe(tipBefore);
  });
});
