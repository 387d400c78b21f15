#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  historyEntry
} from "./chunk-SEKLUSDU.js";
import {
  writeBaseline,
  writePullReport
} from "./chunk-3ERTFF5M.js";
import {
  shortSha
} from "./chunk-3R2GF4FG.js";

// src/store/persist.ts
async function persist(store, a, t) {
  return t.kind === "baseline" ? persistBaseline(store, a, t) : persistPull(store, a, t);
}
async function persistBaseline(store, a, t) {
  const side = a.runSets.head;
  const totals = a.head.totals;
  const date = t.commitDate ?? t.recordedAt;
  return store.update(
    `flamediff: baseline ${t.branch} ${shortSha(t.sha)}`,
    (tx) => writeBaseline(tx, {
      branch: t.branch,
      sha: t.sha,
      runs: {
        recordedAt: t.recordedAt,
        sampler: side.sampler,
        samplerVersion: side.samplerVersion,
        command: side.command,
        rateHz: side.rateHz,
        machine: side.machine
      },
      profiles: side.runs.map((r) => ({
        profile: r.profile,
        wallSeconds: finite(r.wallSeconds),
        cpuSeconds: finite(r.cpuSeconds),
        peakRssBytes: finite(r.peakRssBytes)
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
        settings: a.settings
      },
      flameSvg: a.pictures.flameSvg,
      historyEntry: historyEntry(
        t.sha,
        date,
        totals,
        a.head.top,
        totals.wallSeconds ?? totals.profileSeconds
      ),
      retention: t.retention,
      dashboard: t.dashboard
    })
  );
}
async function persistPull(store, a, t) {
  const { diffSvg, diffPng } = a.pictures;
  if (!a.reportJson || !diffSvg || !diffPng) return [];
  return store.update(`flamediff: report for #${t.pull} at ${shortSha(t.sha)}`, async (tx) => {
    if (t.stillCurrent && !await t.stillCurrent()) return;
    await writePullReport(
      tx,
      t.pull,
      t.sha,
      {
        "diff.svg": diffSvg,
        "diff.png": diffPng,
        "report.json": a.reportJson ?? "",
        "comment.md": t.comment
      },
      t.retention
    );
  });
}
function finite(x) {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

export {
  persist
};
