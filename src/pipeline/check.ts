// The main job, as four stages: measure -> analyse -> present -> persist. The action, the bot and
// `flamediff check`/`demo` all call runCheck; nothing here needs GitHub. This file only decides
// what to measure and what to compare it with, and writes the outputs; each stage does its own job.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyse, withReport } from '../analyse/analyse.js';
import type { Analysis } from '../analyse/types.js';
import { validateOptions } from '../config/load.js';
import type { FlamediffOptions } from '../config/options.js';
import { buildDashboard } from '../dashboard/index.js';
import { UserError } from '../errors.js';
import type { HistoryFile } from '../history/types.js';
import { mkdirError } from '../lib/fs-errors.js';
import { shortSha } from '../lib/sha.js';
import { type Presentation, type PresentFacts, present } from '../report/present.js';
import { type MeasureJob, measure, REAL_RECORDER } from '../sample/measure.js';
import type { RunSets, RunSide } from '../sample/types.js';
import { applyRefactors } from '../stats/refactors.js';
import { checkStore, readHistory } from '../store/baselines.js';
import { layout } from '../store/layout.js';
import { openStore } from '../store/open.js';
import { persist } from '../store/persist.js';
import { readPullsIndex } from '../store/pulls.js';
import type { Store } from '../store/types.js';
import { selectBaseline } from './baseline-select.js';
import { confirmVerdict } from './confirm.js';
import { commitDate, mergeBase, temporaryWorktree } from './git-info.js';
import { recogniseRefactors } from './refactors.js';
import type { CheckContext, CheckDeps, CheckResult } from './types.js';

export type { CheckContext, CheckDeps, CheckResult } from './types.js';

interface Job {
  opts: FlamediffOptions;
  ctx: CheckContext;
  deps: CheckDeps;
  cwd: string;
  outDir: string;
  workDir: string;
  tmp: string;
  log: (line: string) => void;
}

export async function runCheck(
  opts: FlamediffOptions,
  ctx: CheckContext,
  deps: CheckDeps = REAL_RECORDER,
): Promise<CheckResult> {
  validateOptions(opts, 'flamediff');
  if (!/^[0-9a-f]{4,64}$/i.test(ctx.headSha)) {
    throw new UserError(`head commit '${ctx.headSha}' is not a commit id (expected 4 to 64 hex digits)`);
  }
  if (ctx.headRuns && opts.baseline === 'rerun') {
    throw new UserError(
      'baseline: rerun cannot work from runs measured elsewhere (nothing may run here); use baseline: stored',
    );
  }
  const cwd = path.resolve(ctx.cwd ?? process.cwd());
  const outDir = path.resolve(cwd, opts.outDir);
  await mkdir(outDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw mkdirError(outDir, 'cannot create the output directory', err);
  });
  const store = await openStore(opts, cwd);
  const job: Job = {
    opts,
    ctx,
    deps,
    cwd,
    outDir,
    workDir: path.resolve(cwd, opts.workingDirectory),
    tmp: await mkdtemp(path.join(os.tmpdir(), 'flamediff-runs-')),
    log: ctx.log ?? (() => {}),
  };
  try {
    // Fail on a store we cannot write (newer schema, a corrupt file the job would rewrite) before
    // spending time on the workload.
    await checkStore(store, {
      branch: opts.baseBranch,
      baseline: ctx.isBaseBranch,
      pulls: !ctx.isBaseBranch && ctx.pullNumber !== undefined,
    });
    return ctx.isBaseBranch ? await recordBaseline(job, store) : await compare(job, store);
  } finally {
    await store.close();
    await rm(job.tmp, { recursive: true, force: true });
  }
}

function measureJob(job: Job, base?: { root: string; workDir: string }): MeasureJob {
  const o = job.opts;
  return {
    sampler: o.sampler,
    command: o.command,
    runs: o.runs,
    warmup: o.warmup,
    rateHz: o.rateHz,
    timeoutSeconds: o.timeoutSeconds,
    samplerOptions: o.samplerOptions,
    env: o.env,
    headEnv: job.ctx.headEnv,
    head: { root: job.cwd, workDir: job.workDir },
    base,
    tmp: job.tmp,
    log: job.log,
    signal: job.ctx.signal,
    recorder: job.deps,
  };
}

/** The head's runs: measured here, or handed over (the bot's artifacts). */
async function headRuns(job: Job, label = 'head'): Promise<RunSide> {
  return job.ctx.headRuns ?? (await measure({ ...measureJob(job), headLabel: label })).head;
}

async function recordBaseline(job: Job, store: Store): Promise<CheckResult> {
  const { opts, ctx } = job;
  const branch = opts.baseBranch;
  // Validate what the update will rewrite before the workload runs.
  const history = await readHistory(store, branch);
  job.log(
    `recording a baseline for ${branch} at ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`,
  );
  const runSets: RunSets = { head: await headRuns(job, 'baseline'), base: null, interleaved: false };
  const analysis = await analyse(runSets, opts.compare, history, {
    headTitle: `${branch} @ ${shortSha(ctx.headSha)}`,
    diffTitle: '',
  });
  const flamePath = path.join(job.outDir, 'flamegraph.svg');
  const summaryPath = path.join(job.outDir, 'summary.md');
  const shown = present(analysis, {
    mode: 'baseline',
    headSha: ctx.headSha,
    headRef: ctx.headRef,
    baseline: { sha: ctx.headSha, branch, note: null },
    store: { kind: store.kind, location: store.location },
    written: [flamePath],
  });
  const recordedAt = new Date().toISOString();
  const stored = await persist(store, analysis, {
    kind: 'baseline',
    branch,
    sha: ctx.headSha,
    commitDate: await commitDate(job.cwd, ctx.headSha),
    recordedAt,
    retention: opts.retention,
    dashboard: (h, retained) =>
      buildDashboard(h, {
        repoUrl: ctx.repoUrl,
        // From dashboard/<branch>/ back to the store root, then to the kept baseline's flamegraph.
        flamegraphUrl: (sha) =>
          retained.has(sha)
            ? `${'../'.repeat(branch.split('/').length + 1)}${layout.baselineDir(branch, sha)}/flamegraph.svg`
            : null,
      }),
  });
  await writeFile(flamePath, analysis.pictures.flameSvg ?? '');
  await writeFile(summaryPath, shown.summary);
  return {
    ...result('baseline', analysis, shown),
    files: { flameSvg: flamePath, summaryMd: summaryPath },
    baseline: { sha: ctx.headSha, branch, note: null },
    stored,
  };
}

interface Sides {
  runSets: RunSets;
  baseline: { sha: string; branch: string; note: string | null; commitDate: string | null };
}

function baseRefs(job: Job): string[] {
  if (job.ctx.baseRef) return [job.ctx.baseRef];
  const b = job.opts.baseBranch;
  return [`${job.opts.remote}/${b}`, `origin/${b}`, b].filter((x, i, a) => a.indexOf(x) === i);
}

/** `baseline: rerun`: the merge-base checked out beside the head, both measured interleaved here. */
async function measureRerun(job: Job): Promise<Sides> {
  const { opts, ctx } = job;
  const base = ctx.baselineSha
    ? { sha: ctx.baselineSha }
    : await mergeBase(job.cwd, ctx.headSha, baseRefs(job));
  if (!base) {
    throw new UserError(
      `baseline: rerun needs the merge-base of ${shortSha(ctx.headSha)} and ${baseRefs(job).join(' / ')}; fetch the base branch (fetch-depth: 0)`,
    );
  }
  const wt = await temporaryWorktree(job.cwd, base.sha);
  try {
    job.log(
      `rerun: base ${shortSha(base.sha)} and head ${shortSha(ctx.headSha)} interleaved, ${opts.runs} runs each`,
    );
    const rel = path.relative(job.cwd, job.workDir);
    const runSets = await measure(measureJob(job, { root: wt.dir, workDir: path.join(wt.dir, rel) }));
    return {
      runSets,
      baseline: {
        sha: base.sha,
        branch: opts.baseBranch,
        note: null,
        commitDate: await commitDate(job.cwd, base.sha),
      },
    };
  } finally {
    await wt.dispose();
  }
}

/** `baseline: stored`: the stored baseline of the merge-base (found before the workload runs). */
async function measureStored(job: Job, store: Store): Promise<Sides> {
  const { opts, ctx } = job;
  const { selected, note } = await selectBaseline(store, {
    cwd: job.cwd,
    headSha: ctx.headSha,
    baseBranch: opts.baseBranch,
    baseRefs: baseRefs(job),
    depth: opts.baselineDepth,
    explicitSha: ctx.baselineSha,
  });
  if (selected)
    job.log(
      `baseline: ${shortSha(selected.sha)} on ${selected.branch}${selected.note ? ` (${selected.note})` : ''}`,
    );
  else job.log(`no baseline: ${note}`);
  if (!ctx.headRuns) job.log(`measuring ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`);
  const head = await headRuns(job);
  const r = selected?.loaded.runs;
  const base: RunSide | null =
    selected && r
      ? {
          runs: selected.loaded.inputs,
          sampler: r.sampler,
          samplerVersion: r.samplerVersion,
          command: r.command,
          rateHz: r.rateHz,
          machine: r.machine,
        }
      : null;
  return {
    runSets: { head, base, interleaved: false },
    baseline: selected
      ? { sha: selected.sha, branch: selected.branch, note: selected.note, commitDate: selected.commitDate }
      : { sha: '', branch: opts.baseBranch, note, commitDate: null },
  };
}

async function compare(job: Job, store: Store): Promise<CheckResult> {
  const { opts, ctx } = job;
  // Read (and check) the history before the workload runs; drop outputs a previous run left behind.
  const history: HistoryFile = await readHistory(store, opts.baseBranch);
  if (ctx.pullNumber !== undefined) await readPullsIndex(store);
  for (const stale of ['diff.svg', 'diff.png', 'report.json'])
    await rm(path.join(job.outDir, stale), { force: true });
  const sides = opts.baseline === 'rerun' ? await measureRerun(job) : await measureStored(job, store);
  const { runSets } = sides;
  if (runSets.base) job.log('comparing');
  // Renamed and moved functions, from the git diff between the baseline's commit and the head.
  const refactors = runSets.base
    ? await recogniseRefactors({
        cwd: job.cwd,
        baseSha: sides.baseline.sha || null,
        headSha: ctx.headSha,
        base: runSets.base.runs,
        head: runSets.head.runs,
        settings: opts.compare,
      })
    : undefined;
  const analyseOptions = {
    headTitle: `${ctx.headRef} @ ${shortSha(ctx.headSha)}`,
    diffTitle: `${shortSha(sides.baseline.sha)} → ${shortSha(ctx.headSha)}`,
    refactors,
  };
  let analysis = await analyse(runSets, opts.compare, history, analyseOptions);
  // Before failing on a stored baseline: re-measure the merge-base interleaved (pipeline/confirm.ts).
  // Runs handed over (the bot's fork artifacts) are never confirmed: nothing may run in that job.
  const confirmed = await confirmVerdict(analysis.report, {
    mode: ctx.headRuns ? 'never' : opts.confirm,
    interleaved: runSets.interleaved,
    settings: opts.compare,
    log: job.log,
    remeasure: async () => {
      const again = await measureRerun(job);
      const head = again.runSets.head.runs;
      const base = again.runSets.base?.runs ?? [];
      return {
        base: refactors ? applyRefactors(base, head, refactors, opts.compare.granularity) : base,
        head,
        baseSha: again.baseline.sha,
      };
    },
  });
  if (confirmed !== analysis.report)
    analysis = await withReport(analysis, confirmed, history, analyseOptions);
  const out = (name: string) => path.join(job.outDir, name);
  const hasReport = analysis.report !== null;
  const files: CheckResult['files'] = {
    flameSvg: out('flamegraph.svg'),
    ...(hasReport
      ? { diffSvg: out('diff.svg'), diffPng: out('diff.png'), reportJson: out('report.json') }
      : {}),
    commentMd: out('comment.md'),
    summaryMd: out('summary.md'),
  };
  const facts: PresentFacts = {
    mode: 'compare',
    headSha: ctx.headSha,
    headRef: ctx.headRef,
    baseline: sides.baseline,
    headDate: await commitDate(job.cwd, ctx.headSha),
    links: ctx.links,
    rootDir: job.cwd,
    localFiles: {
      diffSvg: files.diffSvg && path.relative(process.cwd(), files.diffSvg),
      diffPng: files.diffPng && path.relative(process.cwd(), files.diffPng),
    },
    written: Object.values(files).filter((f): f is string => Boolean(f)),
  };
  const shown = present(analysis, facts);
  await writeOutputs(files, analysis, shown);
  const stored =
    ctx.pullNumber !== undefined
      ? await persist(store, analysis, {
          kind: 'pull',
          pull: ctx.pullNumber,
          sha: ctx.headSha,
          comment: shown.comment,
          retention: opts.retention,
          stillCurrent: ctx.stillCurrent,
        })
      : [];
  const { baseline } = sides;
  return {
    ...result('compare', analysis, shown),
    files,
    baseline: { sha: baseline.sha, branch: baseline.branch, note: baseline.note },
    stored,
  };
}

async function writeOutputs(files: CheckResult['files'], a: Analysis, shown: Presentation): Promise<void> {
  const { flameSvg, diffSvg, diffPng } = a.pictures;
  const pairs: [string | undefined, string | Uint8Array | null][] = [
    [files.flameSvg, flameSvg],
    [files.diffSvg, diffSvg],
    [files.diffPng, diffPng],
    [files.reportJson, a.reportJson],
    [files.commentMd, shown.comment],
    [files.summaryMd, shown.summary],
  ];
  for (const [file, data] of pairs) if (file && data !== null) await writeFile(file, data);
}

function result(
  mode: CheckResult['mode'],
  analysis: Analysis,
  shown: Presentation,
): Omit<CheckResult, 'files' | 'baseline' | 'stored'> {
  const report = analysis.report;
  return {
    mode,
    verdict: report ? report.verdict : 'none',
    report,
    regressions: report?.summary?.regressions ?? 0,
    totalChange: report?.total.change ?? null,
    commentMarkdown: shown.comment,
    summaryMarkdown: shown.summary,
    consoleText: shown.console,
    analysis,
  };
}
