// analyse(runSets, settings, history) -> Analysis: the pipeline's second stage. Pure (no files,
// no store, no network): merges the consistent hotspots of each side, compares them with the
// statistics of src/stats, draws the pictures and looks up the ranked frames' history.
import { frameTrends } from '../history/frame-trends.js';
import type { HistoryFile } from '../history/types.js';
import { renderDiffSvg, renderFlameSvg, renderTextFlame, svgToPng } from '../render/index.js';
import type { RunSets, RunSide } from '../sample/types.js';
import { compareRuns } from '../stats/compare.js';
import { mergeConsistent } from '../stats/merge.js';
import { applyRefactors, attachRefactors } from '../stats/refactors.js';
import type { CompareSettings, ComparisonReport } from '../stats/types.js';
import { firstLines, machineWarning, sideTotals, topFrames } from './facts.js';
import type { AnalyseOptions, Analysis, SideSummary } from './types.js';

export async function analyse(
  runSets: RunSets,
  compare: CompareSettings,
  history: HistoryFile | null,
  o: AnalyseOptions,
): Promise<Analysis> {
  // Interleaved runs on one machine make time per frame comparable (drift hits both sides), and
  // time avoids the compositional effect of shares (one frame growing shrinks every other share).
  // A stored baseline may come from another machine or another hour: compare shares.
  const settings: CompareSettings = runSets.interleaved
    ? { ...compare, metric: o.metric ?? 'time', sessions: 'interleaved' }
    : { ...compare, metric: o.metric ?? compare.metric, sessions: 'separate' };
  // Renamed and moved functions: the base's frames take their head names (stats/refactors.ts).
  const refactors = o.refactors;
  const base: RunSide | null =
    runSets.base && refactors?.pairs.length
      ? {
          ...runSets.base,
          runs: applyRefactors(runSets.base.runs, runSets.head.runs, refactors, settings.granularity),
        }
      : runSets.base;
  const compared: RunSets = { ...runSets, base };
  let report: ComparisonReport | null = null;
  if (base) {
    // Stored baselines of consecutive base commits measure how far frames move between sessions;
    // interleaved runs share one session, so the history says nothing about them.
    report = compareRuns(base.runs, runSets.head.runs, settings, {
      history: runSets.interleaved || !history ? [] : history.entries,
    });
    if (refactors) attachRefactors(report, refactors);
    report.warnings.push(...sideWarnings(base, runSets.head));
  }
  const head = summarise(runSets.head, settings);
  const analysis: Analysis = {
    runSets: compared,
    settings,
    head,
    base: base ? summarise(base, settings) : null,
    report: null,
    reportJson: null,
    frameLines: firstLines(
      runSets.head.runs.map((r) => r.profile),
      settings.granularity,
    ),
    pictures: {
      flameSvg: o.pictures === false ? null : renderFlameSvg(head.merged, { title: o.headTitle }),
      diffSvg: null,
      diffPng: null,
      textFlame: null,
    },
    trends: [],
  };
  return withReport(analysis, report, history, o);
}

/**
 * The analysis with `report` in place of its own (e.g. after a confirmation re-measured the base):
 * the JSON, the differential pictures and the trends follow the report.
 */
export async function withReport(
  a: Analysis,
  report: ComparisonReport | null,
  history: HistoryFile | null,
  o: AnalyseOptions,
): Promise<Analysis> {
  if (!report || !a.base) return { ...a, report: null, reportJson: null, trends: [] };
  const pictures = o.pictures ?? true;
  const diffSvg = pictures
    ? renderDiffSvg(a.base.merged, a.head.merged, report, { title: o.diffTitle })
    : null;
  const ranked = report.frames.filter((f) => f.rank !== null).map((f) => f.key);
  return {
    ...a,
    report,
    reportJson: reportJson(report),
    pictures: {
      flameSvg: a.pictures.flameSvg,
      diffSvg,
      diffPng: diffSvg ? await svgToPng(diffSvg) : null,
      textFlame: pictures
        ? renderTextFlame(a.head.merged, { style: 'markdown', comparison: report, budget: 8000 })
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
