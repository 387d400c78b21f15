// `/flamediff explain <frame>`: the frame's numbers before and after, and the call path that
// carries most of its time on each side, from the report the pipeline stored for the PR's head.

import { frameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import { atGranularity, type Granularity, mergeProfiles } from '../profile/transform.js';
import { pct, pp } from '../report/format.js';
import { mdCode } from '../report/markdown.js';
import type { ComparisonReport, FrameResult } from '../stats/types.js';
import { loadBaseline, readBaselineIndex } from '../store/baselines.js';
import { parseJson } from '../store/json-file.js';
import { layout } from '../store/layout.js';
import type { StoreReader } from '../store/types.js';

const MAX_MATCHES = 3;
const MAX_PATH = 25;

export interface StoredReport {
  /** '' for a single workload, else the shard name. */
  shard: string;
  report: ComparisonReport;
  /** Baseline commit and store key compared with, when known. */
  baseline: { branch: string; sha: string } | null;
}

/** Reports stored for a pull request's head commit (one, or one per shard). */
export async function storedReports(
  store: StoreReader,
  pull: number,
  sha: string,
  baseBranch: string,
): Promise<StoredReport[]> {
  const dir = layout.pullShaDir(pull, sha);
  const files = (await store.list(dir)).filter((f) => f.endsWith('/report.json'));
  const out: StoredReport[] = [];
  for (const f of files) {
    // pulls/<n>/<sha>/report.json, or pulls/<n>/<sha>/shards/<name>/report.json
    const sub = f.slice(dir.length + 1);
    const m = /^shards\/([^/]+)\/report\.json$/.exec(sub);
    if (sub !== 'report.json' && !m) continue;
    const shard = m ? m[1] : '';
    const bytes = await store.read(f);
    if (!bytes) continue;
    const report = parseJson<ComparisonReport>(bytes, store.describe(f), 'a comparison report');
    const base = f.replace(/report\.json$/, '');
    out.push({ shard, report, baseline: await baselineOf(store, base, baseBranch) });
  }
  return out;
}

/** baseline.json (written by the bot), else the stored baseline whose sha the comment names. */
async function baselineOf(
  store: StoreReader,
  prefix: string,
  baseBranch: string,
): Promise<{ branch: string; sha: string } | null> {
  const meta = await store.read(`${prefix}baseline.json`);
  if (meta) {
    const m = parseJson<{ branch?: unknown; sha?: unknown }>(
      meta,
      store.describe(`${prefix}baseline.json`),
      'baseline.json',
    );
    if (typeof m.branch === 'string' && typeof m.sha === 'string') return { branch: m.branch, sha: m.sha };
  }
  const comment = await store.read(`${prefix}comment.md`);
  if (!comment) return null;
  const text = new TextDecoder().decode(comment);
  const index = await readBaselineIndex(store, baseBranch);
  for (let i = index.baselines.length - 1; i >= 0; i--) {
    const sha = index.baselines[i].sha;
    if (text.includes(sha.slice(0, 7))) return { branch: baseBranch, sha };
  }
  return null;
}

/** Frames matching `query`: exact key, else exact name, else case-insensitive substring. */
export function findFrames(report: ComparisonReport, query: string): FrameResult[] {
  const q = query.trim();
  const exact = report.frames.filter((f) => f.key === q);
  if (exact.length) return exact;
  const named = report.frames.filter((f) => f.name === q);
  if (named.length) return named.slice(0, MAX_MATCHES);
  const lower = q.toLowerCase();
  return report.frames.filter((f) => f.key.toLowerCase().includes(lower)).slice(0, MAX_MATCHES);
}

/** The root-first path (frame keys) that carries most of `key`'s weight in `p`. */
export function heaviestPath(p: Profile, key: string, g: Granularity): string[] {
  const q = atGranularity(p, g);
  const labels: string[] = [];
  for (let id = 0; id < q.frames.size; id++) labels.push(frameLabel(q.frame(id)));
  const weights = new Map<string, { w: number; ids: number[] }>();
  q.forEachStack((ids, w) => {
    let at = -1;
    for (let k = 0; k < ids.length; k++) {
      if (labels[ids[k]] === key) {
        at = k;
        break;
      }
    }
    if (at < 0) return;
    const prefix = Array.from(ids.subarray(0, at + 1));
    const sig = prefix.join(',');
    const e = weights.get(sig);
    if (e) e.w += w;
    else weights.set(sig, { w, ids: prefix });
  });
  let best: { w: number; ids: number[] } | null = null;
  // Sorted by signature so equal weights pick the same path every time.
  for (const [, e] of [...weights.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!best || e.w > best.w) best = e;
  }
  return best ? best.ids.map((id) => labels[id]) : [];
}

function pathBlock(title: string, path: readonly string[]): string {
  if (path.length === 0) return `${title}: not on any sampled stack.`;
  const shown = path.length > MAX_PATH ? [...path.slice(0, 2), '…', ...path.slice(-(MAX_PATH - 3))] : path;
  return [`${title}:`, '', ...shown.map((k, i) => `${'  '.repeat(Math.min(i, 12))}- ${mdCode(k, 120)}`)].join(
    '\n',
  );
}

function share(x: number): string {
  return pct(x);
}

export interface ExplainInput {
  query: string;
  reports: StoredReport[];
  /** Loads the merged baseline profile of a stored baseline (null when gone). */
  baseProfile: (b: { branch: string; sha: string }) => Promise<Profile | null>;
}

/** The reply's Markdown; every frame name is a code span (no mention, link or HTML can get out). */
export async function explainReply(x: ExplainInput): Promise<string> {
  const lines: string[] = [];
  let found = 0;
  for (const r of x.reports) {
    const frames = findFrames(r.report, x.query);
    if (frames.length === 0) continue;
    const base = r.baseline ? await x.baseProfile(r.baseline) : null;
    for (const f of frames) {
      found++;
      lines.push(`### ${mdCode(f.key, 160)}${r.shard ? ` (shard ${mdCode(r.shard)})` : ''}`, '');
      lines.push(
        `| | before | after | change |`,
        '|---|---:|---:|---:|',
        `| inclusive share | ${share(f.base.mean)} | ${share(f.head.mean)} | ${pp(f.delta)} |`,
        `| self share | ${share(f.base.selfMean)} | ${share(f.head.selfMean)} | ${pp(f.selfDelta)} |`,
        '',
      );
      const ci = `${pp(f.ci.lo)} to ${pp(f.ci.hi)} (${Math.round(f.ci.level * 100)}% interval)`;
      const rank = f.rank === null ? '' : `, ranked regression #${f.rank}`;
      const explained = f.explainedBy ? `; explained by ${mdCode(f.explainedBy, 120)}` : '';
      lines.push(
        `Status **${f.status}**${rank}: change ${ci}, q = ${f.qValue.toPrecision(2)}${explained}.`,
        '',
      );
      const before = base ? heaviestPath(base, f.key, r.report.settings.granularity) : null;
      lines.push(
        before === null
          ? 'Call path before: the baseline profile is no longer stored.'
          : pathBlock('Call path before (heaviest stack in the baseline)', before),
        '',
        pathBlock('Call path after (heaviest stack in this commit)', f.path),
        '',
      );
    }
  }
  if (found === 0) {
    return `No frame matching ${mdCode(x.query, 120)} in the report for this commit. Frame names are listed in the flamediff comment; \`/flamediff explain <name>\` matches a full name or a part of one.`;
  }
  return lines.join('\n').trimEnd();
}

/** The merged baseline profile from the store (for the "before" call path). */
export async function loadBaseProfile(
  store: StoreReader,
  b: { branch: string; sha: string },
): Promise<Profile | null> {
  const loaded = await loadBaseline(store, b.branch, b.sha);
  if (!loaded) return null;
  return mergeProfiles(loaded.inputs.map((r) => r.profile));
}
