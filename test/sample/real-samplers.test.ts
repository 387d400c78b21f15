// Real sampling on this machine: perf on the native example, node --cpu-prof on the Node example
// (directly, through npm scripts and npx, and with a child process).
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importProfileFile } from '../../src/formats/index.js';
import { buildNativeExample, writeExample } from '../../src/sample/examples.js';
import { InterruptedError, record, recordInterleaved } from '../../src/sample/index.js';
import { groupMembers, pgidOf, readRunSet, tempDir, totalShare, waitFor } from './helpers.js';

// Small workloads keep the suite fast; the shapes of the profiles are what is checked.
const SMALL = { FLAMEDIFF_EXAMPLE_SCALE: '0.25' };

describe('perf on the native example', () => {
  let exe: string;
  beforeAll(async () => {
    exe = await buildNativeExample(await tempDir());
  });

  it('records N runs with whole stacks, OS resource figures and runs.json', async () => {
    const out = await tempDir();
    const lines: string[] = [];
    const { runSet, profiles } = await record({
      sampler: 'perf',
      command: [exe],
      env: SMALL,
      runs: 2,
      warmup: 0,
      rateHz: 499,
      outDir: out,
      onProgress: (l) => lines.push(l),
    });
    expect(runSet.runs.map((r) => r.file)).toEqual(['run-1.perf', 'run-2.perf']);
    expect(existsSync(path.join(out, 'run-1.perf'))).toBe(true);
    expect(existsSync(path.join(out, 'run-2.log'))).toBe(true);
    expect(await readRunSet(out)).toEqual(runSet);
    expect(runSet.sampler).toBe('perf');
    expect(runSet.samplerVersion).toMatch(/^\d+\.\d+/);
    expect(runSet.rateHz).toBe(499);
    expect(runSet.warmup).toBe(0);
    expect(runSet.machine.cores).toBeGreaterThan(0);
    expect(runSet.machine.kernel).toMatch(/Linux/);
    for (const r of runSet.runs) {
      expect(r.format).toBe('perf-script');
      expect(r.samples).toBeGreaterThan(20);
      expect(r.cpuSeconds).toBeGreaterThan(0);
      expect(r.wallSeconds).toBeGreaterThan(0);
      expect(r.peakRssBytes).toBeGreaterThan(100_000);
      expect(r.exitCode).toBe(0);
      expect(r.resourceScope).toBe('workload');
    }
    // Frame pointers: the leaf sift_down sits under sort_block, not directly under main.
    const p = profiles[0];
    expect(totalShare(p, 'sort_block')).toBeGreaterThan(0.2);
    let siftUnderSort = 0;
    let sift = 0;
    p.forEachStack((ids, w) => {
      const names = Array.from(ids, (id) => p.frame(id).name);
      const at = names.indexOf('sift_down');
      if (at > 0) {
        sift += w;
        if (names[at - 1] === 'sort_block') siftUnderSort += w;
      }
    });
    expect(siftUnderSort / sift).toBeGreaterThan(0.9);
    // The run file on disk is what a later stage re-reads.
    const again = await importProfileFile(path.join(out, 'run-1.perf'));
    expect(again.totalWeight()).toBeGreaterThan(0);
    // The run file keeps perf's header: a time event says its interval (no "profiles do not say
    // their sampling interval" warning when compared); a cycles event's weights are counts.
    if (again.meta.unit === 'nanoseconds') expect(again.meta.intervalNs).toBe(Math.round(1e9 / 499));
    expect(lines.some((l) => /^run 2 of 2: .* samples/.test(l))).toBe(true);
  });

  it('shows the injected regression in checksum_pass', async () => {
    const base = await record({
      sampler: 'perf',
      command: [exe],
      env: SMALL,
      runs: 1,
      warmup: 0,
      outDir: await tempDir(),
    });
    const head = await record({
      sampler: 'perf',
      command: [exe],
      env: { ...SMALL, FLAMEDIFF_EXAMPLE_REGRESSION: '1' },
      runs: 1,
      warmup: 0,
      outDir: await tempDir(),
    });
    const b = totalShare(base.profiles[0], 'checksum_pass');
    const h = totalShare(head.profiles[0], 'checksum_pass');
    expect(h).toBeGreaterThan(b + 0.1);
    // checksum_pass is called from checksum_block: the caller is in the stacks (no tail call).
    expect(totalShare(head.profiles[0], 'checksum_block')).toBeGreaterThanOrEqual(h * 0.9);
  });

  it('stops perf and the workload on abort, leaving nothing of the process group', async () => {
    const dir = await tempDir();
    const pids = path.join(dir, 'pids');
    const sh = path.join(dir, 'long.sh');
    await writeFile(
      sh,
      `#!/bin/sh\nsleep 60 &\necho $$ $! > "${pids}.tmp" && mv "${pids}.tmp" "${pids}"\nwait\n`,
    );
    await chmod(sh, 0o755);
    const controller = new AbortController();
    const pending = record({
      sampler: 'perf',
      command: [sh],
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
      signal: controller.signal,
    }).catch((e) => e);
    expect(await waitFor(() => existsSync(pids), 20_000)).toBe(true);
    const [shell] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
    const pgid = pgidOf(shell);
    // perf leads the group: perf, GNU time, the shell and its sleep.
    expect(groupMembers(pgid).length).toBeGreaterThanOrEqual(3);
    controller.abort();
    expect(await pending).toBeInstanceOf(InterruptedError);
    expect(await waitFor(() => groupMembers(pgid).length === 0, 5000)).toBe(true);
  });

  it('records with --call-graph dwarf', async () => {
    const { runSet, profiles } = await record({
      sampler: 'perf',
      command: [exe],
      env: { FLAMEDIFF_EXAMPLE_SCALE: '0.1' },
      runs: 1,
      warmup: 0,
      rateHz: 99,
      samplerOptions: { dwarf: true },
      outDir: await tempDir(),
    });
    expect(runSet.runs[0].samples).toBeGreaterThan(0);
    expect(totalShare(profiles[0], 'main')).toBeGreaterThan(0.5);
  });
});

describe('node --cpu-prof on the Node example', () => {
  let dir: string;
  let script: string;
  beforeAll(async () => {
    dir = await tempDir();
    script = await writeExample('node', dir);
  });

  it('profiles `node script` into one .cpuprofile per run', async () => {
    const out = await tempDir();
    const { runSet, profiles } = await record({
      sampler: 'node',
      command: ['node', script],
      env: SMALL,
      runs: 2,
      warmup: 0,
      outDir: out,
    });
    expect(runSet.runs.map((r) => [r.file, r.format, r.parts])).toEqual([
      ['run-1.cpuprofile', 'cpuprofile', 1],
      ['run-2.cpuprofile', 'cpuprofile', 1],
    ]);
    expect(runSet.samplerVersion).toBe(process.versions.node);
    for (const r of runSet.runs) expect(r.samples).toBeGreaterThan(10);
    expect(totalShare(profiles[0], 'scoreTokens')).toBeGreaterThan(0.02);
  });

  it('honours the rate (100 us interval gives more samples than the 1 ms default)', async () => {
    const run = async (rateHz?: number) =>
      (
        await record({
          sampler: 'node',
          command: ['node', script],
          env: SMALL,
          runs: 1,
          warmup: 0,
          rateHz,
          outDir: await tempDir(),
        })
      ).runSet.runs[0].samples;
    const byDefault = await run();
    const fast = await run(10_000);
    expect(fast).toBeGreaterThan(byDefault * 2);
  });

  it('merges the profiles of a node child process with its parent', async () => {
    const { runSet, profiles } = await record({
      sampler: 'node',
      command: ['node', script],
      env: { ...SMALL, FLAMEDIFF_EXAMPLE_CHILD: '1' },
      runs: 1,
      warmup: 0,
      outDir: await tempDir(),
    });
    expect(runSet.runs[0].parts).toBe(2);
    expect(runSet.runs[0].file).toBe('run-1.folded');
    // Both processes ran `work`; the merged profile holds the samples of both.
    expect(totalShare(profiles[0], 'scoreTokens')).toBeGreaterThan(0.01);
    expect(totalShare(profiles[0], 'work')).toBeGreaterThan(0.1);
  });

  it('profiles an npm script and drops npm itself', async () => {
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'ex',
        version: '1.0.0',
        private: true,
        scripts: { bench: 'node workload.mjs' },
      }),
    );
    const { runSet, profiles } = await record({
      sampler: 'node',
      command: ['npm', 'run', '--silent', 'bench'],
      cwd: dir,
      env: { ...SMALL, npm_config_update_notifier: 'false' },
      runs: 1,
      warmup: 0,
      outDir: await tempDir(),
    });
    expect(runSet.runs[0].parts).toBe(1);
    expect(totalShare(profiles[0], 'scoreTokens')).toBeGreaterThan(0.02);
  });

  it('shows the injected regression in scoreTokens, base and head interleaved', async () => {
    const dir = await tempDir();
    // Half scale: long enough that V8's warm-up does not blur the shares.
    const HALF = { FLAMEDIFF_EXAMPLE_SCALE: '0.5' };
    const { base, head } = await recordInterleaved({
      sampler: 'node',
      runs: 1,
      warmup: 0,
      base: { command: ['node', script], env: HALF, outDir: path.join(dir, 'base') },
      head: {
        command: ['node', script],
        env: { ...HALF, FLAMEDIFF_EXAMPLE_REGRESSION: '1' },
        outDir: path.join(dir, 'head'),
      },
    });
    expect([base.runSet.runs[0].sequence, head.runSet.runs[0].sequence]).toEqual([1, 2]);
    expect(totalShare(head.profiles[0], 'scoreTokens')).toBeGreaterThan(
      totalShare(base.profiles[0], 'scoreTokens'),
    );
  });
});
