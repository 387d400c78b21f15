// Baselines in a store: writing one (run files, runs.json, summary, flamegraph, history, index,
// retention) in one update, and reading one back with every file checked.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError, UserError } from '../errors.js';
import { importProfile } from '../formats/index.js';
import {
  appendHistory,
  emptyHistory,
  HISTORY_SCHEMA,
  type HistoryEntry,
  type HistoryFile,
  parseHistory,
  serializeHistory,
} from '../history/index.js';
import { writeFolded } from '../profile/folded-writer.js';
import type { Profile } from '../profile/profile.js';
import type { Unit } from '../profile/types.js';
import type { MachineInfo } from '../sample/types.js';
import type { RunInput } from '../stats/index.js';
import type { CompareSettings } from '../stats/types.js';
import { checkSchema, jsonBytes, parseJson, readJson } from './json-file.js';
import { layout, STORE_SCHEMA } from './layout.js';
import { readPullsIndex } from './pulls.js';
import type { StoreReader, StoreTx } from './types.js';

export interface StoredRun {
  index: number;
  /** File name inside the baseline directory. */
  file: string;
  /** sha256 (hex) of the stored (gzipped) bytes: detects truncated or corrupt files. */
  sha256: string;
  bytes: number;
  samples: number;
  unit: Unit;
  intervalNs: number | null;
  wallSeconds: number | null;
  cpuSeconds: number | null;
  peakRssBytes: number | null;
}

export interface StoredRuns {
  schema: 1;
  branch: string;
  sha: string;
  recordedAt: string;
  sampler: string;
  samplerVersion: string;
  command: string[];
  rateHz: number | null;
  machine: MachineInfo | null;
  runs: StoredRun[];
}

export interface BaselineSummary {
  schema: 1;
  branch: string;
  sha: string;
  recordedAt: string;
  commitDate: string | null;
  runs: number;
  sampler: string;
  machine: MachineInfo | null;
  totals: {
    samples: number;
    wallSeconds: number | null;
    cpuSeconds: number | null;
    profileSeconds: number | null;
  };
  droppedShare: number;
  topFrames: { key: string; share: number; selfShare: number }[];
  settings: CompareSettings;
}

export interface BaselineIndex {
  schema: 1;
  branch: string;
  /** Oldest first. */
  baselines: { sha: string; recordedAt: string }[];
}

export interface NewBaseline {
  branch: string;
  sha: string;
  runs: Omit<StoredRuns, 'schema' | 'branch' | 'sha' | 'runs'>;
  /** One profile per run with what the runner measured. */
  profiles: {
    profile: Profile;
    wallSeconds: number | null;
    cpuSeconds: number | null;
    peakRssBytes: number | null;
  }[];
  summary: Omit<BaselineSummary, 'schema' | 'branch' | 'sha'>;
  flameSvg: string | null;
  historyEntry: HistoryEntry;
  retention: number;
  /**
   * Builds the trends dashboard from the updated history; `retained` are the baselines whose files
   * are kept. Its files are written under dashboard/<branch>/ in the same update.
   */
  dashboard?: (history: HistoryFile, retained: ReadonlySet<string>) => Map<string, string | Uint8Array>;
}

/** What a job is going to write, so every file it will rewrite can be checked before it runs. */
export interface StorePlan {
  /** The base branch whose history (and, when recording, baseline index) the job reads or rewrites. */
  branch: string;
  /** The job records a baseline: profiles/<branch>/index.json and history/<branch>.json are rewritten. */
  baseline?: boolean;
  /** The job stores a pull request report: pulls/index.json is rewritten. */
  pulls?: boolean;
}

/**
 * Fails when the store as a whole was written by a newer flamediff; stamps a new store. With a
 * plan, also reads and checks every file the job will rewrite (corrupt JSON, an unknown shape, a
 * newer schema), so a bad file stops the job before the workload runs, not after.
 */
export async function checkStore(
  tx: StoreReader & Partial<Pick<StoreTx, 'write'>>,
  plan?: StorePlan,
): Promise<void> {
  const meta = await readJson<{ schema: number }>(tx, layout.meta, 'the store description');
  if (meta) checkSchema(meta, tx.describe(layout.meta), STORE_SCHEMA);
  else tx.write?.(layout.meta, jsonBytes({ schema: STORE_SCHEMA, layout: 'flamediff-store' }));
  if (!plan) return;
  await readHistory(tx, plan.branch);
  if (plan.baseline) await readBaselineIndex(tx, plan.branch);
  if (plan.pulls) await readPullsIndex(tx);
}

export async function readHistory(reader: StoreReader, branch: string): Promise<HistoryFile> {
  const path = layout.history(branch);
  const bytes = await reader.read(path);
  if (bytes === null) return emptyHistory(branch);
  const where = reader.describe(path);
  let h: HistoryFile;
  try {
    h = parseHistory(new TextDecoder().decode(bytes), where);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new InputError(
      where,
      undefined,
      `history does not parse (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (!h || typeof h !== 'object' || !Array.isArray(h.entries)) {
    throw new InputError(where, undefined, 'expected a history file ({ schema, branch, entries: [...] })');
  }
  checkSchema(h, where, HISTORY_SCHEMA);
  return h;
}

export async function readBaselineIndex(reader: StoreReader, branch: string): Promise<BaselineIndex> {
  const path = layout.baselineIndex(branch);
  const idx = await readJson<BaselineIndex>(reader, path, 'a baseline index ({ schema, branch, baselines })');
  if (!idx) return { schema: 1, branch, baselines: [] };
  if (!Array.isArray(idx.baselines) || idx.baselines.some((b) => typeof b?.sha !== 'string')) {
    throw new InputError(
      reader.describe(path),
      undefined,
      'expected "baselines": [{ sha, recordedAt }, ...]',
    );
  }
  return idx;
}

/** Stages a baseline, its history entry and the retention pruning. Throws before staging on bad stored files. */
export async function writeBaseline(tx: StoreTx, b: NewBaseline): Promise<void> {
  await checkStore(tx);
  // Read (and validate) everything first: a corrupt history or index stops the job with nothing written.
  const history = await readHistory(tx, b.branch);
  const index = await readBaselineIndex(tx, b.branch);

  const dir = layout.baselineDir(b.branch, b.sha);
  await tx.remove(dir);
  const runs: StoredRun[] = b.profiles.map((r, i) => {
    const file = layout.runFile(i + 1);
    const gz = gzipSync(Buffer.from(writeFolded(r.profile)), { level: 6 });
    tx.write(`${dir}/${file}`, gz);
    return {
      index: i + 1,
      file,
      sha256: sha256(gz),
      bytes: gz.length,
      samples: r.profile.totalWeight(),
      unit: r.profile.meta.unit,
      intervalNs: r.profile.meta.intervalNs ?? null,
      wallSeconds: r.wallSeconds,
      cpuSeconds: r.cpuSeconds,
      peakRssBytes: r.peakRssBytes,
    };
  });
  const stored: StoredRuns = { schema: 1, branch: b.branch, sha: b.sha, ...b.runs, runs };
  tx.write(`${dir}/runs.json`, jsonBytes(stored));
  tx.write(`${dir}/summary.json`, jsonBytes({ schema: 1, branch: b.branch, sha: b.sha, ...b.summary }));
  if (b.flameSvg !== null) tx.write(`${dir}/flamegraph.svg`, b.flameSvg);

  const baselines = index.baselines.filter((x) => x.sha !== b.sha);
  baselines.push({ sha: b.sha, recordedAt: b.runs.recordedAt });
  // Retention: the last K baselines keep their files; older ones are removed (history keeps them).
  const drop = baselines.splice(0, Math.max(0, baselines.length - b.retention));
  for (const old of drop) await tx.remove(layout.baselineDir(b.branch, old.sha));
  tx.write(layout.baselineIndex(b.branch), jsonBytes({ schema: 1, branch: b.branch, baselines }));
  const updated = appendHistory(history, b.historyEntry);
  tx.write(layout.history(b.branch), serializeHistory(updated));
  if (b.dashboard) {
    const site = b.dashboard(updated, new Set(baselines.map((x) => x.sha)));
    for (const [name, data] of site) tx.write(`${layout.dashboardDir(b.branch)}/${name}`, data);
  }
}

export interface LoadedBaseline {
  runs: StoredRuns;
  inputs: RunInput[];
  summary: BaselineSummary | null;
}

/** Reads a stored baseline back; null when `sha` has none. Every file is checked against runs.json. */
export async function loadBaseline(
  reader: StoreReader,
  branch: string,
  sha: string,
): Promise<LoadedBaseline | null> {
  const dir = layout.baselineDir(branch, sha);
  const runsPath = `${dir}/runs.json`;
  const runs = await readJson<StoredRuns>(reader, runsPath, 'a baseline runs.json');
  if (!runs) return null;
  if (!Array.isArray(runs.runs) || runs.runs.length === 0) {
    throw new InputError(reader.describe(runsPath), undefined, 'expected "runs": [ ...one entry per run ]');
  }
  const inputs: RunInput[] = [];
  for (const r of runs.runs) inputs.push(await loadRun(reader, dir, r));
  const summaryPath = `${dir}/summary.json`;
  const summaryBytes = await reader.read(summaryPath);
  const summary = summaryBytes
    ? parseJson<BaselineSummary>(summaryBytes, reader.describe(summaryPath), 'a baseline summary.json')
    : null;
  return { runs, inputs, summary };
}

async function loadRun(reader: StoreReader, dir: string, r: StoredRun): Promise<RunInput> {
  if (typeof r?.file !== 'string' || !/^run-\d+\.folded\.gz$/.test(r.file)) {
    throw new InputError(
      reader.describe(`${dir}/runs.json`),
      undefined,
      `bad run file name ${JSON.stringify(r?.file)} (expected run-<i>.folded.gz)`,
    );
  }
  const path = `${dir}/${r.file}`;
  const where = reader.describe(path);
  const gz = await reader.read(path);
  if (gz === null)
    throw new InputError(where, undefined, 'missing (listed in runs.json); the baseline is incomplete');
  if (typeof r.sha256 === 'string' && sha256(gz) !== r.sha256) {
    throw new InputError(
      where,
      undefined,
      `corrupt or truncated (${gz.length} bytes, sha256 does not match runs.json; expected ${r.bytes} bytes)`,
    );
  }
  let text: Buffer;
  try {
    text = gunzipSync(gz);
  } catch (err) {
    throw new InputError(
      where,
      undefined,
      `corrupt or truncated gzip data (${(err as Error).message}); expected a gzipped folded profile`,
    );
  }
  const profile = importProfile(where.replace(/\.gz$/, ''), text, { format: 'folded' });
  profile.meta.unit = r.unit ?? 'samples';
  if (r.intervalNs) profile.meta.intervalNs = r.intervalNs;
  return {
    profile,
    wallSeconds: r.wallSeconds ?? undefined,
    cpuSeconds: r.cpuSeconds ?? undefined,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
