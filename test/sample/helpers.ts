// Shared helpers of the sampling tests: temp dirs, the example workloads, process probes.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { readRunSet as readRunSetFile } from '../../src/sample/run-set.js';
import type { RunSet } from '../../src/sample/types.js';

const dirs: string[] = [];

/** A temp dir removed after the file's tests. */
export async function tempDir(prefix = 'flamediff-sample-test-'): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** DIR/runs.json through the one reader (src/sample/run-set.ts); fails when there is none. */
export async function readRunSet(dir: string): Promise<RunSet> {
  const set = await readRunSetFile(dir);
  if (!set) throw new Error(`${path.join(dir, 'runs.json')}: missing`);
  return set;
}

/** True while a process with this pid exists (and is not a zombie). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Polls until `fn` is true or `ms` pass. */
export async function waitFor(
  fn: () => boolean | Promise<boolean>,
  ms = 10_000,
  every = 25,
): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, every));
  }
  return fn();
}

/** Self-time share of frames named `name` in a profile (leaf weight / total). */
export function selfShare(
  p: {
    forEachStack(fn: (ids: Int32Array, w: number) => void): void;
    frame(id: number): { name: string };
    totalWeight(): number;
  },
  name: string,
): number {
  let w = 0;
  p.forEachStack((ids, weight) => {
    if (ids.length && p.frame(ids[ids.length - 1]).name === name) w += weight;
  });
  return w / p.totalWeight();
}

/** Inclusive share of frames named `name` (stacks that contain it / total). */
export function totalShare(
  p: {
    forEachStack(fn: (ids: Int32Array, w: number) => void): void;
    frame(id: number): { name: string };
    totalWeight(): number;
  },
  name: string,
): number {
  let w = 0;
  p.forEachStack((ids, weight) => {
    for (const id of ids) {
      if (p.frame(id).name === name) {
        w += weight;
        return;
      }
    }
  });
  return w / p.totalWeight();
}

/** Process group id of a live process, from /proc/<pid>/stat. */
export function pgidOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** Live (non-zombie) processes whose process group is `pgid`. */
export function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f[0] !== 'Z' && Number(f[2]) === pgid) out.push(Number(name));
    } catch {}
  }
  return out;
}
