// Stand-in samplers for pipeline tests: hand-built profiles (test/store/helpers/profiles.ts)
// instead of real runs, so the pipeline's own logic is tested fast and deterministically.
import type { CheckDeps } from '../../src/pipeline/check.js';
import type { RecordOptions, RecordResult } from '../../src/sample/index.js';
import type { MachineInfo, RunSet } from '../../src/sample/types.js';
import { handProfile } from '../store/helpers/profiles.js';

export const MACHINE: MachineInfo = {
  cpuModel: 'Test CPU',
  cores: 2,
  kernel: '6.0',
  platform: 'linux',
  arch: 'x64',
  loadAvg: [0.1, 0.2, 0.3],
  hostname: 'test',
};

/** `slow` extra samples in `draw` when the env (or cwd, for rerun) says so; exit code from FAKE_EXIT. */
export function fakeRecord(calls: RecordOptions[] = []): CheckDeps['record'] {
  return async (o) => {
    calls.push(o);
    const slow = Number(o.env?.FAKE_SLOW ?? 0);
    return fakeResult(o.runs ?? 5, slow, o.command, Number(o.env?.FAKE_EXIT ?? 0));
  };
}

export function fakeResult(runs: number, slow: number, command: string[], exitCode = 0): RecordResult {
  const profiles = Array.from({ length: runs }, (_, i) =>
    handProfile(i + 1, slow > 0 ? slow + ((i * 13) % 7) : 0),
  );
  const runSet: RunSet = {
    schema: 1,
    sampler: 'fake',
    samplerVersion: '1.0',
    command,
    cwd: '.',
    rateHz: 100,
    warmup: 0,
    machine: MACHINE,
    runs: profiles.map((p, i) => ({
      index: i + 1,
      side: 'run',
      file: `run-${i + 1}.folded`,
      format: 'folded',
      wallSeconds: (p.totalWeight() / 100) * (1 + ((i * 7) % 3) / 100),
      cpuSeconds: p.totalWeight() / 100,
      peakRssBytes: 1e6,
      samples: p.totalWeight(),
      exitCode: i === runs - 1 ? exitCode : 0,
      sampler: 'fake',
      samplerVersion: '1.0',
      startedAt: '2026-01-01T00:00:00Z',
    })),
  };
  return { runSet, profiles };
}
