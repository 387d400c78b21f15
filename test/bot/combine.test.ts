// One comment and verdict for many shards, always under GitHub's comment limit.
import { describe, expect, it } from 'vitest';
import { combineComments, combinedVerdict } from '../../src/bot/combine.js';
import { type ShardComparison, shardBranch } from '../../src/bot/compare-artifacts.js';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import type { CheckResult } from '../../src/pipeline/check.js';
import { COMMENT_LIMIT } from '../../src/report/render.js';

function shard(name: string, verdict: CheckResult['verdict'], body: string): ShardComparison {
  const result = {
    mode: 'compare',
    verdict,
    report: null,
    regressions: verdict === 'fail' ? 2 : 0,
    totalChange: verdict === 'fail' ? 0.12 : -0.01,
    files: {},
    commentMarkdown: `${COMMENT_MARKER}\n${body}`,
    summaryMarkdown: body,
    consoleText: '',
    baseline: null,
    stored: [],
  } satisfies CheckResult;
  return { shard: name, result, files: {} };
}

describe('sharded verdicts and comments', () => {
  it('fail when any shard fails; pass when some passed; none when nothing was compared', () => {
    expect(combinedVerdict([shard('a', 'pass', ''), shard('b', 'fail', '')])).toBe('fail');
    expect(combinedVerdict([shard('a', 'pass', ''), shard('b', 'none', '')])).toBe('pass');
    expect(combinedVerdict([shard('a', 'none', '')])).toBe('none');
  });

  it('one marker, a table of shards, each report folded (failing ones open)', () => {
    const md = combineComments(
      [shard('parser', 'pass', 'P body'), shard('io', 'fail', 'I body')],
      'a'.repeat(40),
    );
    expect(md.split(COMMENT_MARKER)).toHaveLength(2);
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    expect(md).toContain('| `parser` | pass | 0 | -1.0% |');
    expect(md).toContain('| `io` | fail | 2 | +12.0% |');
    expect(md).toContain('<details open><summary>Shard `io`: fail</summary>\n\nI body');
    expect(md).toContain('<details><summary>Shard `parser`: pass</summary>\n\nP body');
  });

  it('the single default shard keeps the plain report', () => {
    const one = shard('main', 'fail', 'only');
    expect(combineComments([one], 'a'.repeat(40))).toBe(one.result.commentMarkdown);
  });

  it('too long together: failing shards first, the rest named, under the limit', () => {
    const big = 'x'.repeat(30_000);
    const md = combineComments(
      [shard('a', 'pass', big), shard('b', 'fail', big), shard('c', 'pass', big)],
      'a'.repeat(40),
    );
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toContain('Shard `b`: fail');
    expect(md).toMatch(/Reports of `a`, `c` left out|Reports of `c` left out/);
  });

  it('shard baselines live under their own store key; the default shard uses the branch', () => {
    expect(shardBranch('main', 'main')).toBe('main');
    expect(shardBranch('main', 'linux-x64')).toBe('main.shard-linux-x64');
  });
});
