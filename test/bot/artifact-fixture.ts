// Builds flamediff artifacts the way `flamediff artifact` + actions/upload-artifact would: folded
// profiles under <shard>/, a manifest, zipped. Profiles are generated from a seeded model so the
// comparison has a clear regression (or none) without running any sampler.
import { deflateRawSync } from 'node:zlib';
import { MANIFEST_NAME, type RunManifest, serializeManifest } from '../../src/bot/manifest.js';
import type { ZipEntry } from '../../src/bot/zip.js';
import { writeZip } from './zip-writer.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Deterministic jitter in [-1, 1). */
function jitter(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/** One folded run: `weights` per leaf frame under main;work, with ±3% run-to-run noise. */
export function foldedRun(weights: Record<string, number>, run: number): string {
  return `${Object.entries(weights)
    .map(([leaf, w], i) => `main;work;${leaf} ${Math.round(w * (1 + 0.03 * jitter(run * 31 + i)))}`)
    .join('\n')}\n`;
}

export const BASE_WEIGHTS = { parse: 4000, tokenize: 3000, render: 3000 };
export const SLOW_WEIGHTS = { parse: 4000, tokenize: 7000, render: 3000 };

export interface ShardSpec {
  name: string;
  weights: Record<string, number>;
  runs?: number;
}

export function artifactEntries(
  m: Omit<RunManifest, 'shards' | 'schema' | 'tool' | 'createdAt'>,
  shards: ShardSpec[],
): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const manifest: RunManifest = {
    schema: 1,
    tool: 'flamediff',
    createdAt: '2026-11-21T10:00:00Z',
    ...m,
    shards: shards.map((s) => {
      const runs = [];
      for (let i = 1; i <= (s.runs ?? 5); i++) {
        const file = `${s.name}/run-${i}.folded`;
        entries.push({ name: file, data: enc(foldedRun(s.weights, i)) });
        runs.push({ file, wallSeconds: 1 + i / 100, cpuSeconds: 1 });
      }
      return { name: s.name, sampler: 'perf', runs };
    }),
  };
  entries.unshift({ name: MANIFEST_NAME, data: enc(serializeManifest(manifest)) });
  return entries;
}

export function zipOf(entries: ZipEntry[]): Uint8Array {
  return writeZip(entries, (b) => deflateRawSync(b));
}
