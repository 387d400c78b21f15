// Per-pull-request artifacts: the latest report of each pull request, the last K pull requests.
import { InputError } from '../errors.js';
import { checkStore } from './baselines.js';
import { jsonBytes, readJson } from './json-file.js';
import { layout } from './layout.js';
import type { StoreReader, StoreTx } from './types.js';

interface PullsIndex {
  schema: 1;
  /** Oldest update first. */
  pulls: { pull: number; sha: string; updatedAt: string }[];
}

/**
 * Stages `files` under pulls/<n>/<sha>/. Older commits of the same pull request are removed (the
 * sticky comment shows only the latest), and pull requests beyond the last `retention` are pruned.
 */
export async function writePullReport(
  tx: StoreTx,
  pull: number,
  sha: string,
  files: Record<string, Uint8Array | string>,
  retention: number,
  now = new Date().toISOString(),
): Promise<void> {
  await checkStore(tx);
  const index = await readPullsIndex(tx);
  await tx.remove(layout.pullDir(pull));
  const dir = layout.pullShaDir(pull, sha);
  for (const [name, data] of Object.entries(files)) tx.write(`${dir}/${name}`, data);
  const pulls = index.pulls.filter((p) => p.pull !== pull);
  pulls.push({ pull, sha, updatedAt: now });
  const drop = pulls.splice(0, Math.max(0, pulls.length - retention));
  for (const p of drop) {
    await tx.remove(layout.pullDir(p.pull));
    await tx.remove(layout.acceptances(p.pull));
  }
  tx.write(layout.pullsIndex, jsonBytes({ schema: 1, pulls }));
}

/**
 * The pulls index, checked (valid JSON, known schema); empty when there is none. The pipeline calls
 * it before the workload runs, so a bad index stops the job before any time is spent.
 */
export async function readPullsIndex(reader: StoreReader): Promise<PullsIndex> {
  const index = (await readJson<PullsIndex>(reader, layout.pullsIndex, 'a pulls index')) ?? {
    schema: 1,
    pulls: [],
  };
  if (!Array.isArray(index.pulls)) {
    throw new InputError(
      reader.describe(layout.pullsIndex),
      undefined,
      'expected "pulls": [{ pull, sha, updatedAt }, ...]',
    );
  }
  return index;
}
