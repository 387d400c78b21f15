// `flamediff artifact` output: a manifest naming every run, the runner described without its host
// name, shards added one call at a time; and the manifest's optional machine description.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArtifact } from '../../src/bot/make-artifact.js';
import { MANIFEST_NAME, parseManifest } from '../../src/bot/manifest.js';

const SHA = 'e'.repeat(40);

function recorded(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-runs-'));
  mkdirSync(dir, { recursive: true });
  const runs = [1, 2].map((i) => {
    writeFileSync(path.join(dir, `run-${i}.folded`), `main;work ${100 + i}\n`);
    return { index: i, file: `run-${i}.folded`, wallSeconds: 1.5, cpuSeconds: 1.2, exitCode: 0 };
  });
  const machine = {
    cpuModel: 'AMD EPYC 7763',
    cores: 4,
    kernel: '6.5.0',
    platform: 'linux',
    arch: 'x64',
    loadAvg: [0.5, 0.4, 0.3],
    hostname: 'fv-az123-456',
  };
  writeFileSync(path.join(dir, 'runs.json'), JSON.stringify({ schema: 1, sampler: 'perf', machine, runs }));
  return dir;
}

describe('flamediff artifact', () => {
  it('packs the runs per shard with a validated manifest; the host name stays behind', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'flamediff-art-')), 'art');
    const o = { runsDir: recorded(), repository: 'octo/app', headSha: SHA, pullNumber: 7, outDir: out };
    await makeArtifact({ ...o, shard: 'parser' });
    await makeArtifact({ ...o, shard: 'render' });
    const text = readFileSync(path.join(out, MANIFEST_NAME), 'utf8');
    const m = parseManifest(text, 'm');
    expect(m.shards.map((s) => s.name)).toEqual(['parser', 'render']);
    expect(m.shards[0].runs.map((r) => r.file)).toEqual(['parser/run-1.folded', 'parser/run-2.folded']);
    expect(m.shards[0].machine).toEqual({
      cpuModel: 'AMD EPYC 7763',
      cores: 4,
      kernel: '6.5.0',
      platform: 'linux',
      arch: 'x64',
      loadAvg: [0.5, 0.4, 0.3],
    });
    expect(text).not.toContain('fv-az123-456');
    expect(readFileSync(path.join(out, 'render/run-2.folded'), 'utf8')).toBe('main;work 102\n');
    await expect(makeArtifact({ ...o, shard: 'parser' })).rejects.toThrow(/already has a shard 'parser'/);
  });

  it('names the runs.json it cannot use and what was expected', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'flamediff-art-')), 'art');
    const empty = mkdtempSync(path.join(os.tmpdir(), 'flamediff-runs-'));
    const o = {
      runsDir: empty,
      repository: 'octo/app',
      headSha: SHA,
      pullNumber: 7,
      outDir: out,
      shard: 's',
    };
    const runsJson = path.join(empty, 'runs.json');
    await expect(makeArtifact(o)).rejects.toThrow(
      `${runsJson}: cannot read the runs of \`flamediff record\` (no such file or directory); expected the directory \`flamediff record\` wrote`,
    );
    writeFileSync(runsJson, '{"schema": 1, "runs": []}');
    await expect(makeArtifact(o)).rejects.toThrow(`${runsJson}: no runs recorded`);
    writeFileSync(runsJson, '{"schema": 1, "runs": [{"index": 1}]}');
    await expect(makeArtifact(o)).rejects.toThrow(
      `${runsJson}: run 1 has no "file" (expected a profile path)`,
    );
  });

  it('the manifest machine is validated like everything else', () => {
    const base = {
      schema: 1,
      tool: 'flamediff',
      repository: 'octo/app',
      pullNumber: null,
      headSha: SHA,
      createdAt: '2026-11-21T10:00:00Z',
    };
    const shard = (machine: unknown) => ({
      ...base,
      shards: [
        { name: 'main', sampler: 'perf', runs: [{ file: 'main/r', wallSeconds: 1, cpuSeconds: 1 }], machine },
      ],
    });
    const good = { cpuModel: 'x', cores: 2, kernel: 'k', platform: 'linux', arch: 'x64', loadAvg: [0, 0, 0] };
    expect(parseManifest(JSON.stringify(shard(good)), 'm').shards[0].machine).toEqual(good);
    expect(() => parseManifest(JSON.stringify(shard({ ...good, cpuModel: 'x\u001b[31m' })), 'm')).toThrow(
      /\$\.shards\[0\]\.machine\.cpuModel: .*expected text/,
    );
    expect(() => parseManifest(JSON.stringify(shard({ ...good, hostname: 'h' })), 'm')).toThrow(
      /machine: unknown key 'hostname'/,
    );
    expect(() => parseManifest(JSON.stringify(shard({ ...good, loadAvg: [1] })), 'm')).toThrow(
      /loadAvg: expected three load averages/,
    );
  });
});
