// Speed case: 10 + 10 runs of 200k distinct stacks each, built in memory from a seeded random
// call tree (5,000 functions, depth 8-24), so no large files are needed. Runs share most stacks
// (as real runs of one workload do) with run-specific weights, and 10% of each run's stacks are
// its own.
import { Profile } from '../../src/profile/profile.js';
import { compareRuns, mergeConsistent } from '../../src/stats/index.js';
import { makeRng, type Rng } from '../../test/support/random.js';
import { median } from '../lib/results.js';

const FUNCTIONS = 5000;

function randomStack(rng: Rng): Int32Array {
  const depth = 8 + Math.floor(rng.next() * 17);
  const s = new Int32Array(depth);
  // A skewed walk: shallow frames come from a few hot functions, deep ones from many.
  for (let d = 0; d < depth; d++) s[d] = Math.floor(rng.next() ** 2 * Math.min(FUNCTIONS, 10 * (d + 1) ** 2));
  return s;
}

export async function speedCase(runs = 10, stacks = 200_000, repeats = 3) {
  const t0 = performance.now();
  const rng = makeRng(4242);
  const pool: Int32Array[] = [];
  const seen = new Set<string>();
  while (pool.length < stacks) {
    const s = randomStack(rng);
    const k = s.join(',');
    if (!seen.has(k)) {
      seen.add(k);
      pool.push(s);
    }
  }
  let depthSum = 0;
  const build = (side: number) =>
    Array.from({ length: runs }, (_, r) => {
      const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
      for (let i = 0; i < FUNCTIONS; i++)
        p.intern({ name: `fn${i}`, file: `src/module${i % 97}.js`, line: (i * 7) % 400, kind: 'js' });
      const local = makeRng(1000 * side + r);
      for (let i = 0; i < stacks; i++) {
        // 90% shared stacks, 10% this run's own.
        const s = local.next() < 0.9 ? pool[i] : randomStack(local);
        p.addStack(s, 1 + Math.floor(local.next() * 5));
      }
      while (p.stackCount < stacks) p.addStack(randomStack(local), 1);
      const { offsets, length } = p.stacks.columns();
      depthSum += offsets[length];
      return { profile: p };
    });
  const base = build(1);
  const head = build(2);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    const c = process.cpuUsage();
    compareRuns(base, head);
    const dc = process.cpuUsage(c);
    times.push(performance.now() - s);
    cpu.push((dc.user + dc.system) / 1000);
  }
  const m0 = performance.now();
  const mc = process.cpuUsage();
  mergeConsistent(base.map((r) => r.profile));
  const mergeCpu = process.cpuUsage(mc);
  const mergeMs = performance.now() - m0;
  return {
    runs,
    stacks,
    frames: FUNCTIONS,
    depth: depthSum / (2 * runs * stacks),
    medianMs: median(times),
    cpuMs: median(cpu),
    repeats,
    buildMs,
    mergeMs,
    mergeCpuMs: (mergeCpu.user + mergeCpu.system) / 1000,
  };
}
