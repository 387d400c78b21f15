// The main job: sample -> merge -> find the baseline -> compare -> render -> report -> gate -> store.
// The action, the bot and `flamediff check` all call runCheck; nothing here needs GitHub.
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateOptions } from '../config/load.js';
import type { FlamediffOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { buildDashboard, frameTrends } from '../history/index.js';
import type { Profile } from '../profile/profile.js';
import { renderDiffSvg, renderFlameSvg, renderTextFlame, svgToPng } from '../render/index.js';
import { renderConsole } from '../report/console.js';
import { seconds, shortSha } from '../report/format.js';
import { mdCode, mdText } from '../report/markdown.js';
import { renderBaselineSummary, renderComment, renderSummary } from '../report/render.js';
import type { ReportInput } from '../report/view-model.js';
import { type RecordOptions, type RecordResult, record, recordInterleaved } from '../sample/index.js';
import { inTheWay } from '../sample/runner.js';
import type { MachineInfo } from '../sample/types.js';
import { compareRuns, mergeConsistent, type RunInput } from '../stats/index.js';
import type { ComparisonReport } from '../stats/types.js';
import { checkStore, readHistory, writeBaseline } from '../store/baselines.js';
import { openStore } from '../store/index.js';
import { layout } from '../store/layout.js';
import { readPullsIndex, writePullReport } from '../store/pulls.js';
import type { Store } from '../store/types.js';
import { selectBaseline } from './baseline-select.js';
import { confirmVerdict } from './confirm.js';
import { commitDate, mergeBase, temporaryWorktree } from './git-info.js';
import { applyRefactors, attachRefactors, recogniseRefactors } from './refactors.js';
import {
  firstLines,
  historyEntry,
  machineText,
  machineWarning,
  relativeProfile,
  runInputs,
  sideTotals,
  topFrames,
} from './summary.js';

/** Links the report can use; the action fills them from the repository, the CLI may leave them empty. */
export interface ReportLinks {
  /** URL of the differential flamegraph PNG (raw URL on the data branch). */
  imageUrl?: string;
  /** URL of the interactive SVG (GitHub Pages or file view). */
  svgUrl?: string;
  /**
   * Link for a source location in the head commit, or null when it is not in the repository.
   * `file` is relative to the repository root when the profile's path lies under it.
   */
  sourceUrl?: (file: string, line: number) => string | null;
  /** Put the text flamegraph inline instead of the image (private repositories). */
  inlineTextFlamegraph?: boolean;
}

export interface CheckContext {
  /** Commit being measured. */
  headSha: string;
  /** Branch or ref name of the head (e.g. 'main', 'feature/x'). */
  headRef: string;
  /** True when the head is on the base branch: record a baseline instead of comparing. */
  isBaseBranch: boolean;
  pullNumber?: number;
  links?: ReportLinks;
  /** Progress and log lines. */
  log?: (line: string) => void;
  /** Repository root: the workload's working directory and the dir store are relative to it (default process.cwd()). */
  cwd?: string;
  /** Ref(s) the merge-base is taken with (default origin/<baseBranch>, then <baseBranch>). */
  baseRef?: string;
  /** Compare with the baseline stored for exactly this commit (skips the merge-base search). */
  baselineSha?: string;
  /** https://github.com/owner/repo, for commit and pull request links in the dashboard. */
  repoUrl?: string;
  /** Extra environment for the head side only (the demo's injected regression). */
  headEnv?: Record<string, string>;
  /** Aborts the runs (Ctrl-C / SIGTERM): the workload is stopped and nothing is recorded. */
  signal?: AbortSignal;
}

export interface CheckResult {
  mode: 'baseline' | 'compare';
  /** 'none' when a baseline was recorded or no baseline was found to compare with. */
  verdict: 'pass' | 'fail' | 'none';
  report: ComparisonReport | null;
  regressions: number;
  /** Relative change of the total, when known. */
  totalChange: number | null;
  /** Files written under options.outDir (absolute paths). */
  files: {
    reportJson?: string;
    commentMd?: string;
    summaryMd?: string;
    diffSvg?: string;
    diffPng?: string;
    flameSvg?: string;
  };
  /** PR comment Markdown (under 65,536 characters), job summary Markdown, console text. */
  commentMarkdown: string;
  summaryMarkdown: string;
  consoleText: string;
  /**
   * The baseline compared with, and a note when it is older than the merge-base or missing
   * (sha '' when no baseline was found: the note says why). After recording: the recorded commit.
   */
  baseline: { sha: string; branch: string; note: string | null } | null;
  /** Paths written to the store (relative to the store root / data branch). */
  stored: string[];
}

/** The samplers, replaceable in tests that use hand-built profiles. */
export interface CheckDeps {
  record: typeof record;
  recordInterleaved: typeof recordInterleaved;
}

const DEFAULT_DEPS: CheckDeps = { record, recordInterleaved };

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
  deps: CheckDeps = DEFAULT_DEPS,
): Promise<CheckResult> {
  validateOptions(opts, 'flamediff');
  if (!/^[0-9a-f]{4,64}$/i.test(ctx.headSha)) {
    throw new UserError(`head commit '${ctx.headSha}' is not a commit id (expected 4 to 64 hex digits)`);
  }
  const cwd = path.resolve(ctx.cwd ?? process.cwd());
  const outDir = path.resolve(cwd, opts.outDir);
  await mkdir(outDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${outDir}: cannot create the output directory (${inTheWay(err)})`);
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
    // Fail on a store we cannot write (newer schema) before spending time on the workload.
    await checkStore(store);
    return ctx.isBaseBranch ? await recordBaseline(job, store) : await compare(job, store);
  } finally {
    await store.close();
    await rm(job.tmp, { recursive: true, force: true });
  }
}

function recordOptions(job: Job, side: string, env: Record<string, string> = {}): RecordOptions {
  const o = job.opts;
  return {
    sampler: o.sampler,
    command: o.command,
    cwd: job.workDir,
    env: { ...o.env, ...env },
    runs: o.runs,
    warmup: o.warmup,
    rateHz: o.rateHz ?? undefined,
    timeoutSeconds: o.timeoutSeconds,
    outDir: path.join(job.tmp, side),
    samplerOptions: o.samplerOptions,
    onProgress: job.log,
    signal: job.ctx.signal,
  };
}

/** A run set where any run failed is never used (and never becomes a baseline). */
function checkRuns(r: RecordResult, side: string, expected: number): void {
  const bad = r.runSet.runs.find((x) => x.exitCode !== 0);
  if (bad) {
    throw new UserError(
      `the workload failed (${side} run ${bad.index} exited with status ${bad.exitCode}); nothing was recorded`,
    );
  }
  if (r.profiles.length !== expected || r.profiles.some((p) => !(p.totalWeight() > 0))) {
    throw new UserError(
      `the ${side} runs gave ${r.profiles.length} profiles with samples, expected ${expected}; nothing was recorded`,
    );
  }
}

async function recordBaseline(job: Job, store: Store): Promise<CheckResult> {
  const { opts, ctx } = job;
  const branch = opts.baseBranch;
  // Validate what the update will rewrite before the workload runs.
  await readHistory(store, branch);
  job.log(
    `recording a baseline for ${branch} at ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`,
  );
  const rec = relativeTo(await job.deps.record(recordOptions(job, 'head', ctx.headEnv)), job.cwd);
  checkRuns(rec, 'baseline', opts.runs);
  const inputs = runInputs(rec);
  const merged = mergeConsistent(rec.profiles, opts.compare);
  const flameSvg = renderFlameSvg(merged.profile, { title: `${branch} @ ${shortSha(ctx.headSha)}` });
  const totals = sideTotals(inputs);
  const top = topFrames(merged.profile, opts.compare.granularity);
  const recordedAt = new Date().toISOString();
  const date = (await commitDate(job.cwd, ctx.headSha)) ?? recordedAt;
  const rs = rec.runSet;
  const stored = await store.update(`flamediff: baseline ${branch} ${shortSha(ctx.headSha)}`, (tx) =>
    writeBaseline(tx, {
      branch,
      sha: ctx.headSha,
      runs: {
        recordedAt,
        sampler: rs.sampler,
        samplerVersion: rs.samplerVersion,
        command: rs.command,
        rateHz: rs.rateHz,
        machine: rs.machine,
      },
      profiles: rec.profiles.map((profile, i) => ({
        profile,
        wallSeconds: rs.runs[i]?.wallSeconds ?? null,
        cpuSeconds: rs.runs[i]?.cpuSeconds ?? null,
        peakRssBytes: rs.runs[i]?.peakRssBytes ?? null,
      })),
      summary: {
        recordedAt,
        commitDate: date,
        runs: rec.profiles.length,
        sampler: `${rs.sampler} ${rs.samplerVersion}`.trim(),
        machine: rs.machine,
        totals,
        droppedShare: merged.droppedShare,
        topFrames: top,
        settings: opts.compare,
      },
      flameSvg,
      historyEntry: historyEntry(ctx.headSha, date, totals, top, totals.wallSeconds ?? totals.profileSeconds),
      retention: opts.retention,
      dashboard: (history, retained) =>
        buildDashboard(history, {
          repoUrl: ctx.repoUrl,
          // From dashboard/<branch>/ back to the store root, then to the kept baseline's flamegraph.
          flamegraphUrl: (sha) =>
            retained.has(sha)
              ? `${'../'.repeat(branch.split('/').length + 1)}${layout.baselineDir(branch, sha)}/flamegraph.svg`
              : null,
        }),
    }),
  );
  const flamePath = path.join(job.outDir, 'flamegraph.svg');
  await writeFile(flamePath, flameSvg);
  const lines = [
    `Recorded baseline ${mdCode(shortSha(ctx.headSha))} for ${mdCode(branch)}: ${rec.profiles.length} runs with ${mdCode(rs.sampler)}, ${totals.profileSeconds !== null ? `${seconds(totals.profileSeconds)} profiled` : `${Math.round(totals.samples)} samples`} per run (mean).`,
    '',
    'Top frames (inclusive share):',
    '',
    ...top.slice(0, 10).map((f) => `- ${mdCode(f.key)}: ${(f.share * 100).toFixed(1)}%`),
  ];
  const summaryMarkdown = renderBaselineSummary(mdText(ctx.headRef), lines.join('\n'));
  const summaryPath = path.join(job.outDir, 'summary.md');
  await writeFile(summaryPath, summaryMarkdown);
  const consoleText = [
    `flamediff: recorded baseline ${shortSha(ctx.headSha)} for ${branch} (${rec.profiles.length} runs, ${store.kind} store ${store.location})`,
    'Top frames:',
    ...top
      .slice(0, 10)
      .map(
        (f) =>
          `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.key.replace(/[\u0000-\u001f\u007f]/g, '?')}`,
      ),
    `Wrote: ${flamePath}`,
    '',
  ].join('\n');
  return {
    mode: 'baseline',
    verdict: 'none',
    report: null,
    regressions: 0,
    totalChange: null,
    files: { flameSvg: flamePath, summaryMd: summaryPath },
    commentMarkdown: '',
    summaryMarkdown,
    consoleText,
    baseline: { sha: ctx.headSha, branch, note: null },
    stored,
  };
}

interface Sides {
  base: RunInput[];
  head: RunInput[];
  baseRec: { sampler: string; samplerVersion: string; machine: string; rateHz: number | null } | null;
  /** Machine of a stored baseline (null for a rerun: both sides ran here). */
  baseMachine: MachineInfo | null;
  headRec: RecordResult;
  baseline: { sha: string; branch: string; note: string | null; commitDate: string | null } | null;
  rerun: boolean;
}

function baseRefs(job: Job): string[] {
  if (job.ctx.baseRef) return [job.ctx.baseRef];
  const b = job.opts.baseBranch;
  return [`${job.opts.remote}/${b}`, `origin/${b}`, b].filter((x, i, a) => a.indexOf(x) === i);
}

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
    const common = recordOptions(job, 'head');
    const { command: _c, cwd: _w, env: _e, outDir: _o, ...shared } = common;
    const res = await job.deps.recordInterleaved({
      ...shared,
      base: {
        command: opts.command,
        cwd: path.join(wt.dir, rel),
        env: { ...opts.env },
        outDir: path.join(job.tmp, 'base'),
      },
      head: {
        command: opts.command,
        cwd: job.workDir,
        env: { ...opts.env, ...ctx.headEnv },
        outDir: path.join(job.tmp, 'head'),
      },
    });
    checkRuns(res.base, 'base', opts.runs);
    checkRuns(res.head, 'head', opts.runs);
    // Each side's paths relative to its own checkout, so the same file is the same frame.
    res.base = relativeTo(res.base, wt.dir);
    res.head = relativeTo(res.head, job.cwd);
    const m = res.base.runSet;
    return {
      base: runInputs(res.base),
      head: runInputs(res.head),
      baseRec: {
        sampler: m.sampler,
        samplerVersion: m.samplerVersion,
        machine: machineText(m.machine),
        rateHz: m.rateHz,
      },
      headRec: res.head,
      baseMachine: null,
      baseline: {
        sha: base.sha,
        branch: opts.baseBranch,
        note: null,
        commitDate: await commitDate(job.cwd, base.sha),
      },
      rerun: true,
    };
  } finally {
    await wt.dispose();
  }
}

async function measureStored(job: Job, store: Store): Promise<Sides> {
  const { opts, ctx } = job;
  // Find and load (and check) the baseline before spending time on the workload.
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
  job.log(`measuring ${shortSha(ctx.headSha)} (${opts.runs} runs, ${opts.sampler})`);
  const headRec = relativeTo(await job.deps.record(recordOptions(job, 'head', ctx.headEnv)), job.cwd);
  checkRuns(headRec, 'head', opts.runs);
  const r = selected?.loaded.runs;
  return {
    base: selected?.loaded.inputs ?? [],
    head: runInputs(headRec),
    baseRec: r
      ? {
          sampler: r.sampler,
          samplerVersion: r.samplerVersion,
          machine: machineText(r.machine),
          rateHz: r.rateHz,
        }
      : null,
    headRec,
    baseMachine: r?.machine ?? null,
    baseline: selected
      ? { sha: selected.sha, branch: selected.branch, note: selected.note, commitDate: selected.commitDate }
      : { sha: '', branch: opts.baseBranch, note, commitDate: null },
    rerun: false,
  };
}

async function compare(job: Job, store: Store): Promise<CheckResult> {
  const { opts, ctx } = job;
  // Read (and check) the history before the workload runs; drop outputs a previous run left behind.
  const history = await readHistory(store, opts.baseBranch);
  if (ctx.pullNumber !== undefined) await readPullsIndex(store);
  for (const stale of ['diff.svg', 'diff.png', 'report.json'])
    await rm(path.join(job.outDir, stale), { force: true });
  const sides = opts.baseline === 'rerun' ? await measureRerun(job) : await measureStored(job, store);
  const hasBase = sides.base.length > 0;
  const headMerged = mergeConsistent(sides.headRec.profiles, opts.compare);
  const files: CheckResult['files'] = {};
  const out = (name: string) => path.join(job.outDir, name);
  files.flameSvg = out('flamegraph.svg');
  await writeFile(
    files.flameSvg,
    renderFlameSvg(headMerged.profile, { title: `${ctx.headRef} @ ${shortSha(ctx.headSha)}` }),
  );

  let report: ComparisonReport | null = null;
  let diffSvg: string | null = null;
  let diffPng: Uint8Array | null = null;
  let textFlame: string | null = null;
  let trends: ReportInput['trends'] = [];
  if (hasBase) {
    job.log('comparing');
    // Interleaved runs on one machine make time per frame comparable (drift hits both sides), and
    // time avoids the compositional effect of shares (one frame growing shrinks every other share).
    // A stored baseline may come from another machine or another hour: compare shares.
    const settings = sides.rerun
      ? { ...opts.compare, metric: 'time' as const, sessions: 'interleaved' as const }
      : { ...opts.compare, sessions: 'separate' as const };
    // Renamed and moved functions: the base's frames take their head names (src/pipeline/refactors.ts).
    const refactors = await recogniseRefactors({
      cwd: job.cwd,
      baseSha: sides.baseline?.sha ?? null,
      headSha: ctx.headSha,
      base: sides.base,
      head: sides.head,
      settings,
    });
    sides.base = applyRefactors(sides.base, sides.head, refactors, settings.granularity);
    report = compareRuns(sides.base, sides.head, settings);
    attachRefactors(report, refactors);
    const other = machineWarning(sides.baseMachine, sides.headRec.runSet.machine);
    if (other) report.warnings.push(other);
    const baseSampler = sides.baseRec?.sampler;
    if (baseSampler && baseSampler !== sides.headRec.runSet.sampler) {
      // A changed `sampler:` setting: frame names and what a sample means differ between the sides.
      report.warnings.push(
        `The baseline was recorded with ${baseSampler} and the head with ${sides.headRec.runSet.sampler}: frames may not correspond; record a new baseline.`,
      );
    }
    // Before failing on a stored baseline: re-measure the merge-base interleaved (src/pipeline/confirm.ts).
    report = await confirmVerdict(report, {
      mode: opts.confirm,
      interleaved: sides.rerun,
      settings: opts.compare,
      log: job.log,
      remeasure: async () =>
        measureRerun(job).then((s) => ({
          ...s,
          base: applyRefactors(s.base, s.head, refactors, settings.granularity),
          baseSha: s.baseline?.sha ?? '',
        })),
    });
    const baseMerged = mergeConsistent(
      sides.base.map((r) => r.profile),
      opts.compare,
    );
    diffSvg = renderDiffSvg(baseMerged.profile, headMerged.profile, report, {
      title: `${shortSha(sides.baseline?.sha ?? '')} → ${shortSha(ctx.headSha)}`,
    });
    diffPng = await svgToPng(diffSvg);
    textFlame = renderTextFlame(headMerged.profile, { style: 'markdown', comparison: report, budget: 8000 });
    const ranked = report.frames.filter((f) => f.rank !== null).map((f) => f.key);
    trends = frameTrends(history, ranked);
    files.diffSvg = out('diff.svg');
    files.diffPng = out('diff.png');
    await writeFile(files.diffSvg, diffSvg);
    await writeFile(files.diffPng, diffPng);
    files.reportJson = out('report.json');
    await writeFile(files.reportJson, `${JSON.stringify(report, null, 2)}\n`);
  }

  const hrs = sides.headRec.runSet;
  const input: ReportInput = {
    report,
    headSha: ctx.headSha,
    headRef: ctx.headRef,
    baseline: sides.baseline,
    headDate: await commitDate(job.cwd, ctx.headSha),
    measured: {
      runsBase: sides.base.length,
      runsHead: sides.head.length,
      sampler: hrs.sampler,
      samplerVersion: hrs.samplerVersion,
      machine: machineText(hrs.machine),
      rerun: sides.rerun,
      rateHz: hrs.rateHz,
    },
    links: ctx.links,
    rootDir: job.cwd,
    frameLines: firstLines(sides.headRec.profiles, opts.compare.granularity),
    textFlame,
    trends,
    localFiles: {
      diffSvg: files.diffSvg && path.relative(process.cwd(), files.diffSvg),
      diffPng: files.diffPng && path.relative(process.cwd(), files.diffPng),
    },
  };
  const commentMarkdown = renderComment(input);
  const summaryMarkdown = renderSummary(input, mdText(`${ctx.headRef} @ ${shortSha(ctx.headSha)}`));
  files.commentMd = out('comment.md');
  files.summaryMd = out('summary.md');
  await writeFile(files.commentMd, commentMarkdown);
  await writeFile(files.summaryMd, summaryMarkdown);
  const written = Object.values(files).filter((f): f is string => Boolean(f));
  const consoleText = renderConsole(input, written);

  let stored: string[] = [];
  if (ctx.pullNumber !== undefined && report && diffSvg && diffPng) {
    const reportJson = `${JSON.stringify(report, null, 2)}\n`;
    const pull = ctx.pullNumber;
    stored = await store.update(`flamediff: report for #${pull} at ${shortSha(ctx.headSha)}`, (tx) =>
      writePullReport(
        tx,
        pull,
        ctx.headSha,
        {
          'diff.svg': diffSvg,
          'diff.png': diffPng,
          'report.json': reportJson,
          'comment.md': commentMarkdown,
        },
        opts.retention,
      ),
    );
  }
  const regressions = report
    ? report.frames.filter((f) => f.status === 'regressed' && f.rank !== null).length
    : 0;
  return {
    mode: 'compare',
    verdict: report ? report.verdict : 'none',
    report,
    regressions,
    totalChange: report?.total.change ?? null,
    files,
    commentMarkdown,
    summaryMarkdown,
    consoleText,
    baseline: sides.baseline && {
      sha: sides.baseline.sha,
      branch: sides.baseline.branch,
      note: sides.baseline.note,
    },
    stored,
  };
}

/**
 * Source paths relative to the checkout they ran in: stored baselines stay valid on another runner
 * (another absolute path), a rerun's worktree and the head checkout name the same file alike, and
 * reports show `src/x.py`, not `/home/runner/work/repo/repo/src/x.py`.
 */
function relativeTo(r: RecordResult, root: string): RecordResult {
  // Samplers may report the resolved path (/private/tmp vs /tmp): try both spellings of the root.
  let real = root;
  try {
    real = realpathSync(root);
  } catch {}
  const rel = (p: Profile) =>
    real === root ? relativeProfile(p, root) : relativeProfile(relativeProfile(p, root), real);
  return { ...r, profiles: r.profiles.map(rel) };
}
