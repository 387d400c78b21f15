// One comment and one verdict for all shards of a sharded run: a table of the shards' verdicts,
// then each shard's own report folded in a <details> block. Shard names are validated by the
// manifest ([A-Za-z0-9._-]), and still go through mdCode.
import { COMMENT_MARKER } from '../lib/comment-marker.js';
import { mdCode } from '../report/markdown.js';
import { COMMENT_LIMIT } from '../report/render.js';
import type { ShardComparison } from './compare-artifacts.js';

export type CombinedVerdict = 'pass' | 'fail' | 'none';

export function combinedVerdict(shards: readonly ShardComparison[]): CombinedVerdict {
  if (shards.some((s) => s.result.verdict === 'fail')) return 'fail';
  if (shards.some((s) => s.result.verdict === 'pass')) return 'pass';
  return 'none';
}

function change(x: number | null): string {
  return x === null ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function stripMarker(md: string): string {
  return md.replace(COMMENT_MARKER, '').replace(/^\n+/, '');
}

export function combineComments(shards: readonly ShardComparison[], headSha: string): string {
  if (shards.length === 1 && shards[0].shard === 'main') return shards[0].result.commentMarkdown;
  const verdict = combinedVerdict(shards);
  const icon = verdict === 'fail' ? ':x:' : verdict === 'pass' ? ':white_check_mark:' : ':grey_question:';
  const head = [
    COMMENT_MARKER,
    `## ${icon} flamediff: ${shards.length} shards, verdict **${verdict}**`,
    '',
    `Commit ${mdCode(headSha.slice(0, 12))}. Each shard is compared with its own baselines; the pull request fails when any shard does.`,
    '',
    '| shard | verdict | ranked regressions | total change |',
    '|---|---|---:|---:|',
    ...shards.map(
      (s) =>
        `| ${mdCode(s.shard)} | ${s.result.verdict} | ${s.result.regressions} | ${change(s.result.totalChange)} |`,
    ),
    '',
  ].join('\n');
  const sections = shards.map(
    (s) =>
      `<details${s.result.verdict === 'fail' ? ' open' : ''}><summary>Shard ${mdCode(s.shard)}: ${s.result.verdict}</summary>\n\n${stripMarker(s.result.commentMarkdown)}\n\n</details>\n`,
  );
  const full = `${head}\n${sections.join('\n')}`;
  if (full.length <= COMMENT_LIMIT) return full;
  // Too long together: keep the failing shards' reports while they fit, summarise the rest.
  let out = head;
  const order = [...shards.keys()].sort(
    (a, b) =>
      Number(shards[b].result.verdict === 'fail') - Number(shards[a].result.verdict === 'fail') || a - b,
  );
  const left: string[] = [];
  for (const k of order) {
    if (out.length + sections[k].length + 400 < COMMENT_LIMIT) out += `\n${sections[k]}`;
    else left.push(shards[k].shard);
  }
  if (left.length) {
    out += `\n<sub>Reports of ${left.map((s) => mdCode(s)).join(', ')} left out to stay under GitHub's comment limit: see the job summary and the data branch.</sub>\n`;
  }
  return out;
}
