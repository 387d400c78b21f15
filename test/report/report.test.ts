import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/lib/comment-marker.js';
import { renderConsole } from '../../src/report/console.js';
import { mdCode, mdText } from '../../src/report/markdown.js';
import { COMMENT_LIMIT, renderComment, renderSummary } from '../../src/report/render.js';
import type { ReportInput } from '../../src/report/types.js';
import { DEFAULT_COMPARE_SETTINGS } from '../../src/stats/index.js';
import { expectGolden } from '../support/golden.js';
import { frame, makeReport, standardFrames } from './make-report.js';

function input(report = makeReport(standardFrames()), extra: Partial<ReportInput> = {}): ReportInput {
  return {
    report,
    headSha: 'a'.repeat(40),
    headRef: 'feature/x',
    baseline: { sha: 'b'.repeat(40), branch: 'main', note: null, commitDate: '2026-01-01T00:00:00Z' },
    headDate: '2026-01-04T00:00:00Z',
    measured: {
      runsBase: 5,
      runsHead: 5,
      sampler: 'node',
      samplerVersion: '20.20.2',
      machine: 'Test CPU, 2 cores',
      rerun: false,
      rateHz: null,
    },
    links: {
      imageUrl: 'https://raw.githubusercontent.com/o/r/flamediff-data/pulls/1/aaa/diff.png',
      svgUrl: 'https://o.github.io/r/pulls/1/aaa/diff.svg',
      sourceUrl: (file, line) => `https://github.com/o/r/blob/${'a'.repeat(40)}/${file}#L${line}`,
    },
    textFlame: '```\nmain 100%\n  scoreToken 43%\n```',
    trends: [
      { key: 'scoreToken (workload.mjs)', sparkline: '▁▂▃▅▇', creepNote: 'crept up over abc1234..def5678' },
    ],
    ...extra,
  };
}

describe('PR comment', () => {
  it('matches the golden file', () => {
    const text = renderComment(input());
    expectGolden('report/comment.golden.md', text);
  });

  it('has the sticky marker, verdict, ranked table, collapsed improvements, image and method', () => {
    const text = renderComment(input());
    expect(text.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(text).toContain(
      '🔴 **Performance regression**: `scoreToken` (`workload.mjs:27`): 30.0% → 43.0% of samples (+13.0 pp); CPU time per run +30.0% (95% CI +25.0% to +35.0%).',
    );
    expect(text).toContain(
      `| 1 | \`scoreToken\` | [\`workload.mjs:27\`](https://github.com/o/r/blob/${'a'.repeat(40)}/workload.mjs#L27) | 30.0% → 43.0% | 600 ms → 860 ms | +13.0 pp [+12.0, +14.0 pp] | 0.002 | \`▁▂▃▅▇\` |`,
    );
    expect(text).toMatch(
      /<details><summary>Improvements \(1\)<\/summary>\n\n\| Frame[\s\S]*`tokenise`[\s\S]*<\/details>/,
    );
    expect(text).not.toMatch(/\| `summarise`/);
    expect(text).toContain(
      '[![Differential flamegraph: red grew, blue shrank](https://raw.githubusercontent.com/o/r/flamediff-data/pulls/1/aaa/diff.png)](https://o.github.io/r/pulls/1/aaa/diff.svg)',
    );
    expect(text).toMatch(
      /<details><summary>Text flamegraph<\/summary>\n\n```text\nmain 100%\n {2}scoreToken 43%\n```\n/,
    );
    expect(text).toContain('- 5 base and 5 head runs');
    expect(text).toContain('baseline `bbbbbbb` on `main` (3 days older than the head)');
    expect(text).toContain(
      `Welch t\\-test on per\\-run shares; false-discovery rate ${DEFAULT_COMPARE_SETTINGS.alpha}`,
    );
    expect(text).toContain('1 frame dropped as inconsistent');
    expect(text).toContain('crept up over abc1234\\.\\.def5678');
  });

  it('method line: no doubled punctuation after the test, readable baseline ages', () => {
    const rep = makeReport(standardFrames());
    rep.settings = { ...rep.settings, test: 'A per-frame test; effect floors.' };
    const md = renderComment(
      input(rep, {
        baseline: { sha: 'b'.repeat(40), branch: 'main', note: null, commitDate: '2026-01-04T00:00:00Z' },
      }),
    );
    expect(md).toContain('effect floors; false-discovery rate');
    expect(md).toContain('(under a minute older than the head)');
    const hour = renderComment(
      input(rep, {
        baseline: { sha: 'b'.repeat(40), branch: 'main', note: null, commitDate: '2026-01-03T23:00:00Z' },
      }),
    );
    expect(hour).toContain('(1 hour older than the head)');
  });

  it('noise block: counts every dropped frame (not only those listed) and says what the share covers', () => {
    const rep = makeReport(standardFrames());
    rep.droppedCount = 250;
    rep.droppedShare = { base: 1, head: 1 };
    const md = renderComment(input(rep));
    expect(md).toContain('250 frames dropped as inconsistent');
    expect(md).toContain(
      'samples whose leaf frame was not tested (dropped, or under 0.5% in every run): 100.0% of base and 100.0% of head.',
    );
    expect(renderConsole(input(rep), [])).toContain('Dropped as noise: 250 frames');
  });

  it('notes an old or missing baseline', () => {
    const old = renderComment(
      input(undefined, {
        baseline: {
          sha: 'c'.repeat(40),
          branch: 'main',
          note: 'the baseline ccccccc is 3 commits older than the merge-base',
        },
      }),
    );
    expect(old).toContain('> **Note:** the baseline ccccccc is 3 commits older than the merge\\-base');
    const none = renderComment(
      input(null as never, {
        report: null,
        baseline: { sha: '', branch: 'main', note: 'no baseline stored for main yet' },
      }),
    );
    expect(none).toContain('⚪ **No baseline to compare with** yet');
    expect(none).toContain('no baseline stored for main yet');
    expect(none).not.toContain('Regressed frames');
  });

  it('a frame name cannot inject mentions, links, images, HTML or table cells', () => {
    const evil =
      '@octocat [click](https://evil.example/x) ![pic](https://evil.example/p.png) <img src=x onerror=alert(1)> a|b `tick` www.evil.example\n# heading';
    const f = frame(evil, 'regressed', 0.1, 0.3, 1, 'evil|[x](javascript:alert(1)).js', 3);
    const report = makeReport([f]);
    report.reason = `frame ${evil} grew`;
    report.warnings = [`@team look at ${evil}`];
    report.dropped = [{ key: evil, name: evil, maxShare: 0.004, presence: 0.5 }];
    const text = renderComment(
      input(report, { links: { sourceUrl: () => 'javascript:alert(1)' }, trends: [] }),
    );
    // Outside code spans (where GitHub renders nothing), no mention, link, image or HTML tag survives.
    const prose = outsideCode(text);
    expect(prose).toContain('look at'); // the warning is there, escaped
    expect(prose).not.toMatch(/(^|[^`\u200b])@octocat/m);
    expect(prose).not.toMatch(/@team/);
    expect(prose).not.toMatch(/\]\(https?:\/\/evil|\]\(javascript/);
    expect(prose).not.toMatch(/!\[pic\]\(/);
    expect(prose).not.toMatch(/<img/i);
    expect(prose).not.toMatch(/[^\u200b]www\./);
    expect(prose).not.toMatch(/https?:\/\/evil/);
    expect(text).not.toMatch(/^#+ heading/m);
    // The regression row keeps its 8 cells: every pipe from the name is escaped.
    const row = text.split('\n').find((l) => l.startsWith('| 1 |')) ?? '';
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(7);
    // Names are code spans (not rendered as Markdown at all).
    expect(text).toContain(mdCode(evil));
  });

  it('stays under 65,536 characters, dropping detail in the stated order', () => {
    const long = (i: number) => `${'veryLongFunctionName'.repeat(6)}_${i}`;
    const frames = [
      ...Array.from({ length: 400 }, (_, i) =>
        frame(
          long(i),
          'regressed',
          0.01,
          0.02 + i / 1e5,
          i + 1,
          `src/deep/path/${'x'.repeat(60)}/${i}.js`,
          i + 1,
        ),
      ),
      ...Array.from({ length: 400 }, (_, i) => frame(`imp${long(i)}`, 'improved', 0.02, 0.01, null)),
    ];
    const report = makeReport(frames);
    report.dropped = Array.from({ length: 500 }, (_, i) => ({
      key: long(i),
      name: long(i),
      maxShare: 0.001,
      presence: 0.3,
    }));
    const text = renderComment(input(report, { textFlame: 'Q'.repeat(30000) }));
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(text).toContain(
      "Left out to stay under GitHub's 65,536-character comment limit: the text flamegraph.",
    );
    expect(text).toContain(`| 1 | ${mdCode(long(0))}`);
    expect(text).not.toContain('QQQQQQQQQQ');
    // Tighter limits walk further down the stated order; the top regression always stays.
    const tight = renderComment(input(report, { textFlame: 'Q'.repeat(30000) }), 6_000);
    expect(tight.length).toBeLessThanOrEqual(6_000);
    expect(tight).toContain('the improvements and noise lists; regressions beyond 5');
    expect(tight).toContain(`| 1 | ${mdCode(long(0))}`);
    expect(tight).not.toContain(`| 6 | ${mdCode(long(5))}`);
    const cut = renderComment(input(report), 2_000);
    expect(cut.length).toBeLessThanOrEqual(2_000);
    expect(cut).toContain('everything after this point');
    expect(cut.startsWith(COMMENT_MARKER)).toBe(true);
    // A small report is not cut.
    expect(renderComment(input())).not.toContain('Left out');
  });
});

describe('job summary and console', () => {
  it('summary has the full body without the marker', () => {
    const text = renderSummary(input(), 'feature/x @ aaaaaaa');
    expect(text.startsWith('## flamediff: feature/x @ aaaaaaa')).toBe(true);
    expect(text).not.toContain(COMMENT_MARKER);
    expect(text).toContain('`scoreToken`');
  });

  it('console report lists the verdict and ranked frames, without control characters', () => {
    const report = makeReport([frame('score\u001b[31mToken', 'regressed', 0.3, 0.43, 1, 'workload.mjs', 27)]);
    const text = renderConsole(input(report), ['out/comment.md']);
    expect(text).toContain(
      'flamediff: FAIL, performance regression: score\uFFFD[31mToken (workload.mjs:27): 30.0% -> 43.0% of samples (+13.0 pp); CPU time per run +30.0% (95% CI +25.0% to +35.0%)',
    );
    expect(text).toMatch(/1\s+score\uFFFD\[31mToken\s+workload\.mjs:27\s+30\.0% -> 43\.0%/);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('out/comment.md');
  });

  it('mdText escapes prose', () => {
    expect(mdText('a *b* @c https://x.y <i>')).toBe('a \\*b\\* @\u200bc https:\u200b//x\\.y &lt;i&gt;');
  });
});

/** The comment with code spans and fenced blocks removed: what GitHub would render as Markdown. */
function outsideCode(md: string): string {
  return md
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
}
