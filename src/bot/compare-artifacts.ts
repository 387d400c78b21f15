// Compares validated artifact runs with the stored baselines by running the pipeline's own
// runCheck with the artifact's profiles in place of the sampler (CheckDeps.record): the same
// baseline search, statistics, pictures and Markdown as the action, without running any code.
// One comparison per shard; the bot stores their files under one pull request entry and joins
// their comments into one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { blobUrl, buildReportLinks, type RepoSite, rawUrl } from '../github/links.js';
import type { SourceResolver } from '../github/source-files.js';
import type { CheckContext, CheckDeps, CheckResult, ReportLinks } from '../pipeline/check.js';
import type { RecordResult } from '../sample/index.js';
import type { RunSet } from '../sample/types.js';
import { layout } from '../store/layout.js';
import type { ValidatedShard } from './artifact.js';

/** Shard `main` (the default of `flamediff artifact`) uses the base branch's own baselines. */
export const DEFAULT_SHARD = 'main';

/** Store key of a shard's baselines: the base branch itself for the default shard. */
export function shardBranch(baseBranch: string, shard: string): string {
  return shard === DEFAULT_SHARD ? baseBranch : `${baseBranch}.shard-${shard}`;
}

/** The artifact's runs as a RecordResult: what `record` would have returned, nothing executed. */
export function artifactRecord(shard: ValidatedShard, headSha: string): RecordResult {
  const runs = shard.runs.map((r, i) => ({
    index: i + 1,
    side: 'run',
    file: `run-${i + 1}`,
    format: r.profile.meta.format ?? 'artifact',
    wallSeconds: r.wallSeconds ?? Number.NaN,
    cpuSeconds: r.cpuSeconds ?? Number.NaN,
    peakRssBytes: 0,
    samples: r.profile.totalWeight(),
    exitCode: 0,
    sampler: shard.sampler,
    samplerVersion: '',
    startedAt: '',
  }));
  const runSet: RunSet = {
    schema: 1,
    sampler: shard.sampler,
    samplerVersion: '',
    command: [`(artifact ${shard.name} of ${headSha.slice(0, 12)})`],
    cwd: '',
    rateHz: null,
    warmup: 0,
    // What the artifact says about its runner (shown as a code span; nothing depends on it).
    machine: {
      ...(shard.machine ?? {
        cpuModel: 'runner of the pull request workflow (not described)',
        cores: 0,
        kernel: '',
        platform: '',
        arch: '',
        loadAvg: [0, 0, 0],
      }),
      hostname: '',
    },
    runs,
  };
  return { runSet, profiles: shard.runs.map((r) => r.profile) };
}

function artifactDeps(shard: ValidatedShard, headSha: string): CheckDeps {
  const rec = async () => artifactRecord(shard, headSha);
  return {
    record: rec,
    recordInterleaved: async () => {
      throw new UserError(
        'baseline: rerun cannot work from an artifact (nothing may run here); use baseline: stored',
      );
    },
  };
}

export interface ShardComparison {
  shard: string;
  result: CheckResult;
  /** Files to store under the pull request's entry (path below pulls/<n>/<sha>/ -> bytes). */
  files: Record<string, Uint8Array | string>;
}

export interface CompareArtifactsInput {
  shards: ValidatedShard[];
  options: FlamediffOptions;
  headSha: string;
  headRef: string;
  /** Base branch of the pull request (or the branch a push recorded). */
  baseBranch: string;
  pull: number | undefined;
  /** 'compare' for pull requests, 'baseline' for pushes to the base branch. */
  mode: 'compare' | 'baseline';
  cwd: string;
  /** refs/remotes/<remote>/<base>, for the merge-base. */
  baseRef: string;
  site: RepoSite;
  resolve: SourceResolver;
  log: (line: string) => void;
  runCheck: (opts: FlamediffOptions, ctx: CheckContext, deps: CheckDeps) => Promise<CheckResult>;
}

function shardLinks(i: CompareArtifactsInput, shard: string, multi: boolean): ReportLinks {
  if (!multi || i.pull === undefined) return buildReportLinks(i.site, i.pull, i.resolve, true);
  const dir = `${layout.pullShaDir(i.pull, i.headSha)}/shards/${shard}`;
  const base = buildReportLinks(i.site, i.pull, i.resolve, true);
  const svgUrl = i.site.pagesUrl
    ? `${i.site.pagesUrl}${dir}/diff.svg`
    : blobUrl(i.site, i.site.dataBranch, `${dir}/diff.svg`);
  if (i.site.private) return { ...base, svgUrl, imageUrl: undefined, inlineTextFlamegraph: true };
  return { ...base, svgUrl, imageUrl: rawUrl(i.site, i.site.dataBranch, `${dir}/diff.png`) };
}

export async function compareArtifacts(i: CompareArtifactsInput): Promise<ShardComparison[]> {
  const multi = i.shards.length > 1 || (i.shards[0] && i.shards[0].name !== DEFAULT_SHARD);
  const out: ShardComparison[] = [];
  for (const shard of i.shards) {
    const key = shardBranch(i.baseBranch, shard.name);
    const opts: FlamediffOptions = {
      ...i.options,
      compare: { ...i.options.compare },
      // Nothing runs: the command is only a label, and runs is what the artifact holds.
      command: i.options.command.length ? i.options.command : ['(artifact)'],
      runs: shard.runs.length,
      baseline: 'stored',
      baseBranch: key,
      outDir: multi ? path.join(i.options.outDir, 'shards', shard.name) : i.options.outDir,
    };
    i.log(
      `flamediff: shard ${shard.name}: ${shard.runs.length} runs (${shard.sampler}), baselines of '${key}'.`,
    );
    const ctx: CheckContext = {
      headSha: i.headSha,
      headRef: multi ? `${i.headRef} [${shard.name}]` : i.headRef,
      isBaseBranch: i.mode === 'baseline',
      // The bot stores the files itself (one entry for all shards): the pipeline stores nothing.
      pullNumber: undefined,
      links: i.mode === 'compare' ? shardLinks(i, shard.name, Boolean(multi)) : undefined,
      log: i.log,
      cwd: i.cwd,
      baseRef: i.baseRef,
    };
    const result = await i.runCheck(opts, ctx, artifactDeps(shard, i.headSha));
    const prefix = multi ? `shards/${shard.name}/` : '';
    const files: Record<string, Uint8Array | string> = {};
    const add = async (name: string, file: string | undefined) => {
      if (file) files[`${prefix}${name}`] = new Uint8Array(await readFile(file));
    };
    await add('diff.svg', result.files.diffSvg);
    await add('diff.png', result.files.diffPng);
    await add('report.json', result.files.reportJson);
    if (result.commentMarkdown) files[`${prefix}comment.md`] = result.commentMarkdown;
    if (result.baseline?.sha) {
      files[`${prefix}baseline.json`] =
        `${JSON.stringify({ schema: 1, branch: key, sha: result.baseline.sha })}\n`;
    }
    out.push({ shard: shard.name, result, files });
  }
  return out;
}
