// Validates a downloaded run artifact before the privileged workflow uses it: the manifest must
// match the workflow_run it claims to come from, every file must be listed, and profiles are
// parsed as data only (never executed, never trusted for paths).
import { gunzipSync } from 'node:zlib';
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
import { DEFAULT_ZIP_LIMITS, type ZipEntry } from './zip.js';

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

/**
 * `maxProfileBytes` bounds what reaches the parsers, all profiles together, after gzip: the zip
 * reader bounds the archive, but a profile may itself be gzipped (pprof always is), and a few
 * hundred KiB of gzip can inflate to gigabytes.
 */
export function validateArtifact(
  entries: readonly ZipEntry[],
  label: string,
  expect: ArtifactExpectation,
  maxProfileBytes = DEFAULT_ZIP_LIMITS.maxTotalBytes,
): ValidatedArtifact {
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const raw = byName.get(MANIFEST_NAME);
  if (!raw) throw new UserError(`${label}: no ${MANIFEST_NAME} at the top of the artifact`);
  const manifest = parseManifest(new TextDecoder().decode(raw), `${label}/${MANIFEST_NAME}`);
  checkProvenance(manifest, label, expect);
  const listed = new Set<string>([MANIFEST_NAME]);
  const budget = { left: maxProfileBytes };
  const shards = manifest.shards.map((s) => loadShard(s, byName, label, listed, budget));
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
  budget: { left: number },
): ValidatedShard {
  const runs = s.runs.map((r) => {
    const data = files.get(r.file);
    if (!data) throw new UserError(`${label}: manifest lists ${r.file}, which is not in the artifact`);
    listed.add(r.file);
    const name = `${label}/${r.file}`;
    const bytes = boundedGunzip(data, name, budget.left);
    budget.left -= bytes.length;
    const profile = importProfile(name, bytes);
    return { profile, wallSeconds: r.wallSeconds ?? undefined, cpuSeconds: r.cpuSeconds ?? undefined };
  });
  return { name: s.name, sampler: s.sampler, runs, ...(s.machine ? { machine: s.machine } : {}) };
}

/**
 * Inflates a gzipped profile here, within `max` bytes, so the parsers (which inflate without a
 * bound) only ever see plain bytes. Gzip inside gzip is refused: no profiler writes it.
 */
function boundedGunzip(data: Uint8Array, name: string, max: number): Uint8Array {
  const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
  if (data.length > max) {
    throw new UserError(`${name}: the artifact's profiles pass the limit of ${max} bytes in total`);
  }
  if (!isGzip(data)) return data;
  let out: Uint8Array;
  try {
    out = gunzipSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new UserError(
      tooBig
        ? `${name}: gzip data inflates past the limit of ${max} bytes for the artifact's profiles (a gzip bomb?)`
        : `${name}: corrupt gzip data (expected a complete gzip stream)`,
    );
  }
  if (isGzip(out)) throw new UserError(`${name}: gzip inside gzip is not accepted`);
  return out;
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
