// persist(store, analysis, target): the pipeline's fourth stage. Writes what an analysis produced
// in one store update: a baseline (its runs, summary, flamegraph, history entry and dashboard) or
// a pull request's latest report (pictures, report.json, comment). Returns the paths written.
import { historyEntry } from '../analyse/facts.js';
import type { Analysis } from '../analyse/types.js';
import type { HistoryFile } from '../history/types.js';
import { shortSha } from '../lib/sha.js';
import { writeBaseline } from './baselines.js';
import { writePullReport } from './pulls.js';
import type { Store } from './types.js';

export type PersistTarget =
  | {
      kind: 'baseline';
      branch: string;
      sha: string;
      /** The commit's date (ISO); the recording time when git cannot say. */
      commitDate: string | null;
      recordedAt: string;
      retention: number;
      /** Builds the dashboard's files from the updated history (written in the same update). */
      dashboard?: (history: HistoryFile, retained: ReadonlySet<string>) => Map<string, string | Uint8Array>;
    }
  | {
      kind: 'pull';
      pull: number;
      sha: string;
      /** The PR comment as posted (stored beside the pictures for the bot's replies). */
      comment: string;
      retention: number;
      /** Asked inside the update (again on a retried push): false stores nothing (a newer head). */
      stillCurrent?: () => Promise<boolean>;
    };

export async function persist(store: Store, a: Analysis, t: PersistTarget): Promise<string[]> {
  return t.kind === 'baseline' ? persistBaseline(store, a, t) : persistPull(store, a, t);
}

async function persistBaseline(
  store: Store,
  a: Analysis,
  t: Extract<PersistTarget, { kind: 'baseline' }>,
): Promise<string[]> {
  const side = a.runSets.head;
  const totals = a.head.totals;
  const date = t.commitDate ?? t.recordedAt;
  return store.update(`flamediff: baseline ${t.branch} ${shortSha(t.sha)}`, (tx) =>
    writeBaseline(tx, {
      branch: t.branch,
      sha: t.sha,
      runs: {
        recordedAt: t.recordedAt,
        sampler: side.sampler,
        samplerVersion: side.samplerVersion,
        command: side.command,
        rateHz: side.rateHz,
        machine: side.machine,
      },
      profiles: side.runs.map((r) => ({
        profile: r.profile,
        wallSeconds: finite(r.wallSeconds),
        cpuSeconds: finite(r.cpuSeconds),
        peakRssBytes: finite(r.peakRssBytes),
      })),
      summary: {
        recordedAt: t.recordedAt,
        commitDate: date,
        runs: side.runs.length,
        sampler: `${side.sampler} ${side.samplerVersion}`.trim(),
        machine: side.machine,
        totals,
        droppedShare: a.head.droppedShare,
        topFrames: a.head.top,
        settings: a.settings,
      },
      flameSvg: a.pictures.flameSvg,
      historyEntry: historyEntry(
        t.sha,
        date,
        totals,
        a.head.top,
        totals.wallSeconds ?? totals.profileSeconds,
      ),
      retention: t.retention,
      dashboard: t.dashboard,
    }),
  );
}

async function persistPull(
  store: Store,
  a: Analysis,
  t: Extract<PersistTarget, { kind: 'pull' }>,
): Promise<string[]> {
  const { diffSvg, diffPng } = a.pictures;
  if (!a.reportJson || !diffSvg || !diffPng) return [];
  return store.update(`flamediff: report for #${t.pull} at ${shortSha(t.sha)}`, async (tx) => {
    // Asked on every attempt: a push rejected because another job landed first asks again.
    if (t.stillCurrent && !(await t.stillCurrent())) return;
    await writePullReport(
      tx,
      t.pull,
      t.sha,
      {
        'diff.svg': diffSvg,
        'diff.png': diffPng,
        'report.json': a.reportJson ?? '',
        'comment.md': t.comment,
      },
      t.retention,
    );
  });
}

function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
