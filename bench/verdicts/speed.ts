// Speed case: 10 + 10 runs of 200k distinct stacks each, built in memory from a seeded random
// call tree (5,000 functions, depth 8-24), so no large files are needed.
import { Profile } from '../../src/profile/profile.js';
import { compareRuns, mergeConsistent } from '../../src/stats/index.js';
import { makeRng } from '../../src/stats/prng.js';
import { median } from '../lib/results.js';

export async function speedCase(runs = 10, stacks = 200_000, repeats = 3) {
  const t0 = performance.now();
  const rng = makeRng(4242);
  const functions = 5000;
  const names = Array.from({ length: functions }, (_, i) => `fn${i} (src/module${i % 97}.js:${(i * 7) % 400})`);
  let depthSum = 0;
  const build = (side: number) =>
    Array.from({ length: runs }, (_, r) => {
      const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
      const ids = names.map((n) => {
        const m = /^(.*) \((.*):(\d+)\)$/.exec(n) as RegExpExecArray;
        return p.intern({ name: m[1], file: m[2], line: Number(m[3]), kind: 'js' });
      });
      const stack: number[] = [];
      let added = 0;
      const local = makeRng(1000 * side + r);
      while (p.stackCount < stacks) {
        const depth = 8 + Math.floor(local.next() * 17);
        stack.length = 0;
        // A skewed walk: shallow frames come from a few hot functions, deep ones from many.
        for (let d = 0; d < depth; d++) stack.push(ids[Math.floor(local.next() ** 2 * Math.min(functions, 10 * (d + 1) ** 2))]);
        p.addStack(stack, 1 + Math.floor(local.next() * 5));
        added++;
        depthSum += depth;
      }
      void added;
      return { profile: p };
    });
  void rng;
  const base = build(1);
  const head = build(2);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    compareRuns(base, head);
    times.push(performance.now() - s);
  }
  const m0 = performance.now();
  mergeConsistent(base.map((r) => r.profile));
  const mergeMs = performance.now() - m0;
  const frames = new Set<number>();
  for (const r of base) for (let i = 0; i < r.profile.frames.size; i++) frames.add(i);
  return {
    runs,
    stacks,
    frames: base[0].profile.frames.size,
    depth: depthSum / (2 * runs * stacks),
    medianMs: median(times),
    repeats,
    buildMs,
    mergeMs,
  };
}
