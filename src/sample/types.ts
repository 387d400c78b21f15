// What the runner records per run (written to runs.json by `flamediff record`).

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  kernel: string;
  platform: string;
  arch: string;
  /** 1/5/15-minute load averages at the start of the run set. */
  loadAvg: [number, number, number];
  hostname: string;
}

export interface RunRecord {
  /** 1-based run number within its side. */
  index: number;
  /** 'base' | 'head' for interleaved runs, 'run' otherwise. */
  side: string;
  /** Path to the run's profile file, relative to runs.json. */
  file: string;
  format: string;
  wallSeconds: number;
  /** User + system CPU seconds of the workload and its children (from the OS). */
  cpuSeconds: number;
  /** Peak resident set size in bytes (max over the process tree as the OS reports it). */
  peakRssBytes: number;
  samples: number;
  exitCode: number;
  sampler: string;
  samplerVersion: string;
  startedAt: string;
}

export interface RunSet {
  schema: 1;
  sampler: string;
  samplerVersion: string;
  command: string[];
  cwd: string;
  rateHz: number | null;
  warmup: number;
  machine: MachineInfo;
  runs: RunRecord[];
}
