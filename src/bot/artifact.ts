// Validates a downloaded run artifact before the privileged workflow uses it: the manifest must
// match the workflow_run it claims to come from, every file must be listed, and profiles are
// parsed as data only (never executed, never trusted for paths).
import { UserError } from '../errors.js';
import { importProfile } from '../formats/index.js';
import type { Profile } from '../profile/profile.js';
import {
  MANIFEST_NAME,
  type ManifestMachine,
  type ManifestShard,
  parseManifest,
  type RunManifest,
} from './manifest.js';
import type { ZipEntry } from './zip.js';

export interface ArtifactExpectation {
  /** owner/name of the repository the workflow_run belongs to. */
  repository: string;
  /** head_sha of the workflow_run. */
  headSha: string;
  /** Pull requests the head sha belongs to (from the API, not from the artifact). */
  pullNumbers: readonly number[];
}

export interface ValidatedRun {
  profile: Profile;
  wallSeconds?: number;
  cpuSeconds?: number;
}

export interface ValidatedShard {
  name: string;
  sampler: string;
  runs: ValidatedRun[];
  /** The runner as the artifact describes it (unverified: shown in the report as a claim). */
  machine?: ManifestMachine;
}

export interface ValidatedArtifact {
  manifest: RunManifest;
  shards: ValidatedShard[];
}

export function validateArtifact(
  entries: readonly ZipEntry[],
  label: string,
  expect: ArtifactExpectation,
): ValidatedArtifact {
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const raw = byName.get(MANIFEST_NAME);
  if (!raw) throw new UserError(`${label}: no ${MANIFEST_NAME} at the top of the artifact`);
  const manifest = parseManifest(new TextDecoder().decode(raw), `${label}/${MANIFEST_NAME}`);
  checkProvenance(manifest, label, expect);
  const listed = new Set<string>([MANIFEST_NAME]);
  const shards = manifest.shards.map((s) => loadShard(s, byName, label, listed));
  const extra = entries.map((e) => e.name).filter((n) => !listed.has(n));
  if (extra.length) {
    throw new UserError(`${label}: files not listed in the manifest: ${extra.slice(0, 5).join(', ')}`);
  }
  return { manifest, shards };
}

function checkProvenance(m: RunManifest, label: string, expect: ArtifactExpectation): void {
  if (m.repository.toLowerCase() !== expect.repository.toLowerCase()) {
    throw new UserError(
      `${label}: manifest is for repository ${m.repository}, but the workflow run is in ${expect.repository}`,
    );
  }
  if (m.headSha !== expect.headSha) {
    throw new UserError(
      `${label}: manifest is for commit ${m.headSha.slice(0, 12)}, but the workflow run measured ${expect.headSha.slice(0, 12)}`,
    );
  }
  if (m.pullNumber !== null && !expect.pullNumbers.includes(m.pullNumber)) {
    throw new UserError(
      `${label}: manifest names pull request #${m.pullNumber}, which does not have head ${expect.headSha.slice(0, 12)}`,
    );
  }
}

function loadShard(
  s: ManifestShard,
  files: Map<string, Uint8Array>,
  label: string,
  listed: Set<string>,
): ValidatedShard {
  const runs = s.runs.map((r) => {
    const data = files.get(r.file);
    if (!data) throw new UserError(`${label}: manifest lists ${r.file}, which is not in the artifact`);
    listed.add(r.file);
    const profile = importProfile(`${label}/${r.file}`, data);
    return { profile, wallSeconds: r.wallSeconds ?? undefined, cpuSeconds: r.cpuSeconds ?? undefined };
  });
  return { name: s.name, sampler: s.sampler, runs, ...(s.machine ? { machine: s.machine } : {}) };
}

/** Joins the artifacts of a sharded matrix: same repository, commit and PR; distinct shard names. */
export function combineArtifacts(artifacts: readonly ValidatedArtifact[]): ValidatedArtifact {
  if (artifacts.length === 0) throw new UserError('no flamediff artifacts to combine');
  const first = artifacts[0].manifest;
  const pairs: Array<{ meta: ManifestShard; shard: ValidatedShard }> = [];
  for (const a of artifacts) {
    const m = a.manifest;
    if (
      m.repository !== first.repository ||
      m.headSha !== first.headSha ||
      m.pullNumber !== first.pullNumber
    ) {
      throw new UserError(
        `artifacts disagree: ${m.repository}@${m.headSha.slice(0, 12)} vs ${first.repository}@${first.headSha.slice(0, 12)}`,
      );
    }
    a.shards.forEach((shard, i) => {
      if (pairs.some((p) => p.shard.name === shard.name)) {
        throw new UserError(`shard '${shard.name}' appears in more than one artifact`);
      }
      pairs.push({ meta: m.shards[i], shard });
    });
  }
  pairs.sort((x, y) => (x.shard.name < y.shard.name ? -1 : 1));
  return { manifest: { ...first, shards: pairs.map((p) => p.meta) }, shards: pairs.map((p) => p.shard) };
}
