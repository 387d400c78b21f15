// analyse(runSets, settings, history) -> Analysis: the pipeline's second stage. Pure (no files,
// no store, no network): merges the consistent hotspots of each side, compares them with the
// statistics of src/stats, draws the pictures and looks up the ranked frames' history.
import { frameTrends } from '../history/frame-trends.js';
import type { HistoryFile } from '../history/types.js';
import { renderDiffSvg, renderFlameSvg, renderTextFlame, svgToPng } from '../render/index.js';
import type { RunSets, RunSide } from '../sample/types.js';
import { compareRuns } from '../stats/compare.js';
import { mergeConsistent } from '../stats/merge.js';
import type { CompareSettings, ComparisonReport } from '../stats/types.js';
import { firstLines, machineWarning, sideTotals, topFrames } from './facts.js';
import type { AnalyseOptions, Analysis, SideSummary } from './types.js';

export async function analyse(
  runSets: RunSets,
  compare: CompareSettings,
  history: HistoryFile | null,
  o: AnalyseOptions,
): Promise<Analysis> {
  const pictures = o.pictures ?? true;
  // Interleaved runs on one machine make time per frame comparable (drift hits both sides), and
  // time avoids the compositional effect of shares (one frame growing shrinks every other share).
  // A stored baseline may come from another machine or another hour: compare shares.
  const settings: CompareSettings = runSets.interleaved
    ? { ...compare, metric: o.metric ?? 'time', sessions: 'interleaved' }
    : { ...compare, metric: o.metric ?? compare.metric, sessions: 'separate' };
  const head = summarise(runSets.head, settings);
  const base = runSets.base ? summarise(runSets.base, settings) : null;
  const frameLines = firstLines(
    runSets.head.runs.map((r) => r.profile),
    settings.granularity,
  );
  const flameSvg = pictures ? renderFlameSvg(head.merged, { title: o.headTitle }) : null;
  if (!runSets.base || !base) {
    return {
      runSets,
      settings,
      head,
      base,
      report: null,
      reportJson: null,
      frameLines,
      pictures: { flameSvg, diffSvg: null, diffPng: null, textFlame: null },
      trends: [],
    };
  }
  // Stored baselines of consecutive base commits measure how far frames move between sessions;
  // interleaved runs share one session, so the history says nothing about them.
  const report = compareRuns(runSets.base.runs, runSets.head.runs, settings, {
    history: runSets.interleaved || !history ? [] : history.entries,
  });
  report.warnings.push(...sideWarnings(runSets.base, runSets.head));
  const diffSvg = pictures ? renderDiffSvg(base.merged, head.merged, report, { title: o.diffTitle }) : null;
  const ranked = report.frames.filter((f) => f.rank !== null).map((f) => f.key);
  return {
    runSets,
    settings,
    head,
    base,
    report,
    reportJson: reportJson(report),
    frameLines,
    pictures: {
      flameSvg,
      diffSvg,
      diffPng: diffSvg ? await svgToPng(diffSvg) : null,
      textFlame: pictures
        ? renderTextFlame(head.merged, { style: 'markdown', comparison: report, budget: 8000 })
        : null,
    },
    trends: history ? frameTrends(history, ranked) : [],
  };
}

function summarise(side: RunSide, settings: CompareSettings): SideSummary {
  const merged = mergeConsistent(
    side.runs.map((r) => r.profile),
    settings,
  );
  return {
    runs: side.runs.length,
    totals: sideTotals(side.runs),
    top: topFrames(merged.profile, settings.granularity),
    merged: merged.profile,
    droppedShare: merged.droppedShare,
  };
}

/** What the run sets themselves say against comparing them (other machine, other sampler). */
function sideWarnings(base: RunSide, head: RunSide): string[] {
  const out: string[] = [];
  const other = machineWarning(base.machine, head.machine);
  if (other) out.push(other);
  if (base.sampler && head.sampler && base.sampler !== head.sampler) {
    // A changed `sampler:` setting: frame names and what a sample means differ between the sides.
    out.push(
      `The baseline was recorded with ${base.sampler} and the head with ${head.sampler}: frames may not correspond; record a new baseline.`,
    );
  }
  return out;
}

/** report.json's text: serialised once, here, and stored and written as these bytes. */
export function reportJson(report: ComparisonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
