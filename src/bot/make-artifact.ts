// Builds the directory a fork-safe or sharded workflow uploads as an artifact: the run files of a
// `flamediff record` output directory under `<shard>/`, and a manifest that names them.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UserError } from '../errors.js';
import { RUNS_FILE, readRunSet } from '../sample/run-set.js';
import type { RunSet } from '../sample/types.js';
import {
  MANIFEST_NAME,
  type ManifestMachine,
  parseManifest,
  type RunManifest,
  serializeManifest,
} from './manifest.js';

export interface MakeArtifactOptions {
  /** Output directory of `flamediff record` (holds runs.json). */
  runsDir: string;
  shard: string;
  repository: string;
  headSha: string;
  pullNumber: number | null;
  /** Artifact directory to create or add a shard to. */
  outDir: string;
  now?: Date;
}

export async function makeArtifact(o: MakeArtifactOptions): Promise<RunManifest> {
  const runsJson = path.join(o.runsDir, RUNS_FILE);
  const runSet = await readRunSet(o.runsDir);
  if (!runSet) {
    throw new InputError(
      runsJson,
      undefined,
      'cannot read the runs of `flamediff record` (no such file or directory); expected the directory `flamediff record` wrote',
    );
  }
  if (runSet.runs.length === 0) {
    throw new InputError(
      runsJson,
      undefined,
      'no runs recorded; expected the runs.json that `flamediff record` writes',
    );
  }
  await mkdir(path.join(o.outDir, o.shard), { recursive: true });
  const runs = [];
  for (const r of runSet.runs) {
    const target = `${o.shard}/${path.basename(r.file)}`;
    await copyFile(path.join(o.runsDir, r.file), path.join(o.outDir, target));
    runs.push({ file: target, wallSeconds: r.wallSeconds ?? null, cpuSeconds: r.cpuSeconds ?? null });
  }
  const manifest: RunManifest = {
    schema: 1,
    tool: 'flamediff',
    repository: o.repository,
    pullNumber: o.pullNumber,
    headSha: o.headSha,
    createdAt: (o.now ?? new Date()).toISOString(),
    shards: [{ name: o.shard, sampler: runSet.sampler, runs, ...machineOf(runSet) }],
  };
  const text = serializeManifest(manifest);
  // Validate what we write with the same code that will read it: a bad flag fails here, early.
  const checked = parseManifest(text, path.join(o.outDir, MANIFEST_NAME));
  const existing = await readExisting(path.join(o.outDir, MANIFEST_NAME));
  if (existing) {
    if (existing.shards.some((s) => s.name === o.shard)) {
      throw new UserError(`${path.join(o.outDir, MANIFEST_NAME)}: already has a shard '${o.shard}'`);
    }
    checked.shards = [...existing.shards, ...checked.shards];
  }
  await writeFile(path.join(o.outDir, MANIFEST_NAME), serializeManifest(checked));
  return checked;
}

async function readExisting(file: string): Promise<RunManifest | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  return parseManifest(text, file);
}

/** The runner's description (no host name: it may identify a machine, and the report needs none). */
function machineOf(runSet: RunSet): { machine?: ManifestMachine } {
  const m = runSet.machine;
  if (!m || typeof m.cpuModel !== 'string') return {};
  const clip = (x: unknown, n: number) =>
    String(x ?? '')
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .slice(0, n);
  const load = Array.isArray(m.loadAvg) && m.loadAvg.length === 3 ? m.loadAvg : [0, 0, 0];
  return {
    machine: {
      cpuModel: clip(m.cpuModel, 200),
      cores: Number.isInteger(m.cores) && m.cores >= 0 ? m.cores : 0,
      kernel: clip(m.kernel, 200),
      platform: clip(m.platform, 40),
      arch: clip(m.arch, 40),
      loadAvg: load.map((x) => (Number.isFinite(x) && x >= 0 ? x : 0)) as [number, number, number],
    },
  };
}
