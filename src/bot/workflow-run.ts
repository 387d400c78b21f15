// Fork-safe mode, privileged half: a workflow_run event (write token) for a finished pull_request
// (or push) workflow. Nothing of the pull request is checked out or run: the artifact is downloaded,
// validated strictly (zip.ts, manifest.ts, artifact.ts) against facts read from the API (never from
// the artifact or the payload alone), compared with the stored baselines, and reported as the
// sticky comment and the `flamediff` commit status on the pull request's head commit.
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { baseRef, ensureMergeBase } from '../github/git-history.js';
import { headGuard } from '../github/head-guard.js';
import type { RepoSite } from '../github/links.js';
import { createSourceResolver } from '../github/source-files.js';
import { postSticky } from '../github/sticky-comment.js';
import { trackedFiles } from '../lib/git.js';
import type { CheckContext, CheckResult } from '../pipeline/types.js';
import { openStore } from '../store/index.js';
import { writePullReport } from '../store/pulls.js';
import { isAccepted, withAcceptance } from './acceptances.js';
import { combineArtifacts, type ValidatedArtifact, validateArtifact } from './artifact.js';
import { combineComments, combinedVerdict } from './combine.js';
import { compareArtifacts } from './compare-artifacts.js';
import { type BotContext, repoFullName } from './context.js';
import { setCommitStatus } from './status.js';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip.js';

export interface WorkflowRunDeps {
  runCheck: (opts: FlamediffOptions, ctx: CheckContext) => Promise<CheckResult>;
  limits?: ZipLimits;
  /** Artifacts whose name starts with this are flamediff's (default 'flamediff'). */
  artifactPrefix?: string;
}

export type WorkflowRunOutcome =
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'recorded'; shards: string[] }
  | {
      kind: 'compared';
      pull: number;
      verdict: 'pass' | 'fail' | 'none';
      accepted: boolean;
      commentUrl: string;
    };

/** A reason to refuse the event: logged as one line, nothing written or posted. */
class Rejected extends Error {}

interface RunFacts {
  id: number;
  event: string;
  headSha: string;
  headBranch: string;
  headRepo: string;
  headOwner: string;
  conclusion: string;
}

interface PullFacts {
  number: number;
  baseRef: string;
  headRef: string;
}

function payloadRun(b: BotContext): { id: number; headSha: string; repo: string } {
  const wr = b.payload.workflow_run as
    | { id?: unknown; head_sha?: unknown; repository?: { full_name?: unknown } }
    | undefined;
  if (typeof wr?.id !== 'number' || typeof wr.head_sha !== 'string') {
    throw new Rejected('the workflow_run payload has no workflow_run.id or head_sha');
  }
  const repo = typeof wr.repository?.full_name === 'string' ? wr.repository.full_name : '';
  return { id: wr.id, headSha: wr.head_sha, repo };
}

/** The run as the API describes it: a payload can be replayed or forged, the API cannot. */
async function readRun(b: BotContext, id: number): Promise<RunFacts> {
  try {
    const { data } = await b.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      owner: b.owner,
      repo: b.repo,
      run_id: id,
    });
    return {
      id,
      event: data.event,
      headSha: data.head_sha,
      headBranch: data.head_branch ?? '',
      headRepo: data.head_repository?.full_name ?? '',
      headOwner: data.head_repository?.owner?.login ?? '',
      conclusion: data.conclusion ?? '',
    };
  } catch (err) {
    if ((err as { status?: number }).status === 404) {
      throw new Rejected(`workflow run ${id} does not exist in ${repoFullName(b)}`);
    }
    throw err;
  }
}

/** Open pull requests whose head is exactly the run's commit (forks: by owner:branch). */
async function findPulls(b: BotContext, run: RunFacts): Promise<PullFacts[]> {
  const list = (await b.client.paginate(b.client.rest.pulls.list, {
    owner: b.owner,
    repo: b.repo,
    state: 'open',
    head: `${run.headOwner}:${run.headBranch}`,
    per_page: 100,
  })) as {
    number: number;
    head: { sha: string; ref: string };
    base: { ref: string; repo?: { full_name?: string } | null };
  }[];
  return list
    .filter(
      (p) =>
        p.head.sha === run.headSha &&
        (p.base.repo?.full_name ?? repoFullName(b)).toLowerCase() === repoFullName(b).toLowerCase(),
    )
    .map((p) => ({ number: p.number, baseRef: p.base.ref, headRef: p.head.ref }));
}

async function downloadArtifacts(
  b: BotContext,
  run: RunFacts,
  expect: { pullNumbers: number[] },
  deps: WorkflowRunDeps,
): Promise<ValidatedArtifact> {
  const limits = deps.limits ?? DEFAULT_ZIP_LIMITS;
  const prefix = deps.artifactPrefix ?? 'flamediff';
  const all = (await b.client.paginate(b.client.rest.actions.listWorkflowRunArtifacts, {
    owner: b.owner,
    repo: b.repo,
    run_id: run.id,
    per_page: 100,
  })) as { id: number; name: string; size_in_bytes: number; expired: boolean }[];
  const mine = all.filter((a) => a.name.startsWith(prefix)).sort((x, y) => (x.name < y.name ? -1 : 1));
  if (mine.length === 0) {
    throw new Rejected(
      `workflow run ${run.id} has no artifact named ${prefix}*: upload \`flamediff artifact\`'s directory (docs/bot.md)`,
    );
  }
  const out: ValidatedArtifact[] = [];
  for (const a of mine) {
    const label = `artifact '${a.name.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)}' (id ${a.id})`;
    if (a.expired) throw new Rejected(`${label} has expired`);
    // The API's size (not the archive's own claims) decides whether to download at all.
    if (a.size_in_bytes > limits.maxArchiveBytes) {
      throw new Rejected(`${label} is ${a.size_in_bytes} bytes, over the limit of ${limits.maxArchiveBytes}`);
    }
    const res = await b.client.request(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      {
        owner: b.owner,
        repo: b.repo,
        artifact_id: a.id,
        archive_format: 'zip',
        // The raw body, whatever content type the storage answers with; read with a byte cap.
        request: { parseSuccessResponseBody: false },
      },
    );
    const bytes = await readCapped(
      res.data as unknown as ReadableStream<Uint8Array> | null,
      limits.maxArchiveBytes,
      label,
    );
    try {
      const entries = readZip(bytes, label, limits);
      out.push(
        validateArtifact(
          entries,
          label,
          { repository: repoFullName(b), headSha: run.headSha, pullNumbers: expect.pullNumbers },
          limits.maxTotalBytes,
        ),
      );
    } catch (err) {
      if (err instanceof UserError) throw new Rejected(err.message);
      throw err;
    }
  }
  try {
    return combineArtifacts(out);
  } catch (err) {
    if (err instanceof UserError) throw new Rejected(err.message);
    throw err;
  }
}

/** Reads a download, refusing (and cancelling) it as soon as it passes `cap` bytes. */
async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  cap: number,
  label: string,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      throw new Rejected(`${label}: the download passed ${cap} bytes, larger than the limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function site(b: BotContext, headSha: string): RepoSite {
  const repo = b.payload.repository as { private?: unknown } | undefined;
  return {
    serverUrl: b.serverUrl,
    owner: b.owner,
    repo: b.repo,
    dataBranch: b.options.dataBranch,
    headSha,
    // Unknown visibility: the text flamegraph renders everywhere.
    private: repo?.private !== false,
    pagesUrl: null,
  };
}

export async function handleWorkflowRun(b: BotContext, deps: WorkflowRunDeps): Promise<WorkflowRunOutcome> {
  try {
    return await handle(b, deps);
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    b.warn(`flamediff: rejected the workflow_run event: ${err.message}. Nothing was stored or posted.`);
    return { kind: 'rejected', reason: err.message };
  }
}

async function handle(b: BotContext, deps: WorkflowRunDeps): Promise<WorkflowRunOutcome> {
  const action = b.payload.action;
  if (action !== 'completed') {
    const reason = `workflow_run ${String(action)}: flamediff acts when the run has completed`;
    b.log(`flamediff: ${reason}.`);
    return { kind: 'skipped', reason };
  }
  const claimed = payloadRun(b);
  if (claimed.repo && claimed.repo.toLowerCase() !== repoFullName(b).toLowerCase()) {
    throw new Rejected(
      `the event names workflow run ${claimed.id} of ${claimed.repo}, but this is ${repoFullName(b)}`,
    );
  }
  const run = await readRun(b, claimed.id);
  if (run.headSha !== claimed.headSha) {
    throw new Rejected(
      `the event says run ${run.id} measured ${claimed.headSha.slice(0, 12)}, the API says ${run.headSha.slice(0, 12)}`,
    );
  }
  if (run.conclusion !== 'success') {
    const reason = `workflow run ${run.id} concluded '${run.conclusion || 'unknown'}': no complete artifact to compare`;
    b.log(`flamediff: ${reason}.`);
    return { kind: 'skipped', reason };
  }
  if (run.event === 'push') return recordFromPush(b, run, deps);
  if (run.event !== 'pull_request') {
    const reason = `workflow run ${run.id} was triggered by '${run.event}': flamediff compares pull_request runs and records push runs`;
    b.log(`flamediff: ${reason}.`);
    return { kind: 'skipped', reason };
  }
  const pulls = await findPulls(b, run);
  if (pulls.length === 0) {
    throw new Rejected(
      `no open pull request of ${repoFullName(b)} has head ${run.headSha.slice(0, 12)} (${run.headOwner}:${run.headBranch})`,
    );
  }
  const artifact = await downloadArtifacts(b, run, { pullNumbers: pulls.map((p) => p.number) }, deps);
  const named = artifact.manifest.pullNumber;
  const pull =
    pulls.find((p) => p.number === named) ?? (named === null && pulls.length === 1 ? pulls[0] : null);
  if (!pull)
    throw new Rejected(
      `the artifact does not say which of pull requests ${pulls.map((p) => `#${p.number}`).join(', ')} it is for`,
    );
  return comparePull(b, run, pull, artifact, deps);
}

async function recordFromPush(
  b: BotContext,
  run: RunFacts,
  deps: WorkflowRunDeps,
): Promise<WorkflowRunOutcome> {
  const base = b.options.baseBranch;
  if (run.headBranch !== base || run.headRepo.toLowerCase() !== repoFullName(b).toLowerCase()) {
    const reason = `push run ${run.id} is for ${run.headRepo}:${run.headBranch}, not the base branch '${base}': nothing to record`;
    b.log(`flamediff: ${reason}.`);
    return { kind: 'skipped', reason };
  }
  const artifact = await downloadArtifacts(b, run, { pullNumbers: [] }, deps);
  const shards = await compareArtifacts({
    shards: artifact.shards,
    options: b.options,
    headSha: run.headSha,
    headRef: base,
    baseBranch: base,
    pull: undefined,
    mode: 'baseline',
    cwd: b.cwd,
    baseRef: baseRef(b.options.remote, base),
    site: site(b, run.headSha),
    resolve: () => null,
    log: b.log,
    runCheck: deps.runCheck,
  });
  b.setOutput?.('mode', 'baseline');
  b.log(
    `flamediff: recorded baselines for ${run.headSha.slice(0, 12)}: ${shards.map((s) => s.shard).join(', ')}.`,
  );
  return { kind: 'recorded', shards: shards.map((s) => s.shard) };
}

async function comparePull(
  b: BotContext,
  run: RunFacts,
  pull: PullFacts,
  artifact: ValidatedArtifact,
  deps: WorkflowRunDeps,
): Promise<WorkflowRunOutcome> {
  const { options } = b;
  b.log(
    `flamediff: pull request #${pull.number} (${pull.headRef} -> ${pull.baseRef}) at ${run.headSha.slice(0, 12)}: ${artifact.shards.length} shard(s) from run ${run.id}.`,
  );
  // The head's commits are fetched as data (for the merge-base), never checked out.
  await ensureMergeBase({
    root: b.cwd,
    remote: options.remote,
    baseBranch: pull.baseRef,
    head: run.headSha,
    commits: [`+refs/pull/${pull.number}/head:refs/remotes/${options.remote}/pull/${pull.number}/head`],
    depth: options.baselineDepth,
    log: b.log,
    warn: b.warn,
  });
  const s = site(b, run.headSha);
  const shards = await compareArtifacts({
    shards: artifact.shards,
    options,
    headSha: run.headSha,
    headRef: pull.headRef,
    baseBranch: pull.baseRef,
    pull: pull.number,
    mode: 'compare',
    cwd: b.cwd,
    baseRef: baseRef(options.remote, pull.baseRef),
    site: s,
    resolve: createSourceResolver({
      root: b.cwd,
      workDir: path.resolve(b.cwd, options.workingDirectory),
      tracked: await trackedFiles(b.cwd),
    }),
    log: b.log,
    runCheck: deps.runCheck,
  });
  const verdict = combinedVerdict(shards);
  let comment = combineComments(shards, run.headSha);
  // The verdict is known: from here on the API calls share the reporting budget, as in the action.
  b.startReporting?.();
  // A newer push to the pull request makes this report stale: then nothing is written for it.
  const guard = headGuard({
    client: b.client,
    owner: b.owner,
    repo: b.repo,
    pull: pull.number,
    sha: run.headSha,
    log: b.log,
    warn: b.warn,
  });
  const store = await openStore(options, b.cwd);
  let accepted = false;
  try {
    const a = verdict === 'fail' ? await isAccepted(store, pull.number, run.headSha) : null;
    if (a) {
      accepted = true;
      comment = withAcceptance(comment, a);
      b.log(
        `flamediff: the regression at ${run.headSha.slice(0, 12)} was accepted by ${a.by}: the gate passes.`,
      );
    }
    const files: Record<string, Uint8Array | string> = { 'comment.md': comment };
    for (const sh of shards) Object.assign(files, sh.files);
    await store.update(`flamediff: report for #${pull.number} at ${run.headSha.slice(0, 12)}`, async (tx) => {
      if (await guard.isCurrent())
        await writePullReport(tx, pull.number, run.headSha, files, options.retention);
    });
  } finally {
    await store.close();
  }
  const regressions = shards.reduce((n, sh) => n + sh.result.regressions, 0);
  // Outputs and the summary first, as in the action mode: a comment or status call that fails or
  // hangs must not hide the verdict.
  b.setOutput?.('mode', 'compare');
  b.setOutput?.('verdict', accepted ? 'pass' : verdict);
  b.setOutput?.('regressions', String(regressions));
  if (b.writeSummary) await b.writeSummary(shards.map((sh) => sh.result.summaryMarkdown).join('\n\n'));
  const current = await guard.isCurrent();
  const commentUrl = current ? await postComment(b, pull.number, comment, verdict) : '';
  b.setOutput?.('comment-url', commentUrl);
  const state = verdict === 'fail' && !accepted ? 'failure' : 'success';
  const description =
    verdict === 'none'
      ? 'No baseline to compare with yet'
      : accepted
        ? `Regression accepted (${regressions} ranked)`
        : verdict === 'fail'
          ? `Performance regression: ${regressions} ranked regression(s)`
          : 'No significant performance regression';
  if (current) await setCommitStatus(b, run.headSha, state, description, commentUrl || undefined);
  return { kind: 'compared', pull: pull.number, verdict, accepted, commentUrl };
}

async function postComment(b: BotContext, pull: number, body: string, verdict: string): Promise<string> {
  return postSticky(b.client, { owner: b.owner, repo: b.repo, issueNumber: pull }, body, {
    mode: b.comment,
    verdict,
    log: b.log,
    warn: b.warn,
  });
}
