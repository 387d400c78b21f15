// Compares validated artifact runs with the stored baselines: the pipeline's runCheck with the
// artifact's runs as the head side (CheckContext.headRuns), so the same baseline search, analyse
// and present as the action, without running any code.
// One comparison per shard; the bot stores their files under one pull request entry and joins
// their comments into one.
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { blobUrl, buildReportLinks, type RepoSite, rawUrl } from '../github/links.js';
import type { SourceResolver } from '../github/source-files.js';
import type { CheckContext, CheckResult } from '../pipeline/types.js';
import type { ReportLinks } from '../report/types.js';
import type { RunSide } from '../sample/types.js';
import { layout } from '../store/layout.js';
import type { ValidatedShard } from './artifact.js';

/** Shard `main` (the default of `flamediff artifact`) uses the base branch's own baselines. */
export const DEFAULT_SHARD = 'main';

/** Store key of a shard's baselines: the base branch itself for the default shard. */
export function shardBranch(baseBranch: string, shard: string): string {
  return shard === DEFAULT_SHARD ? baseBranch : `${baseBranch}.shard-${shard}`;
}

/**
 * The artifact's runs as the head side: what the pull request's workflow measured, with what it
 * did not say left unknown (no invented machine or version). Nothing is executed here.
 */
export function artifactRunSide(shard: ValidatedShard, headSha: string): RunSide {
  return {
    runs: shard.runs.map((r) => ({
      profile: r.profile,
      wallSeconds: r.wallSeconds ?? undefined,
      cpuSeconds: r.cpuSeconds ?? undefined,
    })),
    sampler: shard.sampler,
    samplerVersion: '',
    command: [`(artifact ${shard.name} of ${headSha.slice(0, 12)})`],
    rateHz: null,
    // What the artifact says about its runner (shown as a code span; nothing depends on it).
    machine: shard.machine ? { ...shard.machine, hostname: '' } : null,
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
  runCheck: (opts: FlamediffOptions, ctx: CheckContext) => Promise<CheckResult>;
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
      headRuns: artifactRunSide(shard, i.headSha),
    };
    const result = await i.runCheck(opts, ctx);
    const prefix = multi ? `shards/${shard.name}/` : '';
    const files: Record<string, Uint8Array | string> = {};
    const a = result.analysis;
    const add = (name: string, data: string | Uint8Array | null | undefined) => {
      if (data) files[`${prefix}${name}`] = data;
    };
    add('diff.svg', a?.pictures.diffSvg);
    add('diff.png', a?.pictures.diffPng);
    add('report.json', a?.reportJson);
    if (result.commentMarkdown) files[`${prefix}comment.md`] = result.commentMarkdown;
    if (result.baseline?.sha) {
      files[`${prefix}baseline.json`] =
        `${JSON.stringify({ schema: 1, branch: key, sha: result.baseline.sha })}\n`;
    }
    out.push({ shard: shard.name, result, files });
  }
  return out;
}
