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
  /** Order of this run among all recorded runs of the invocation (interleaved: A1=1, B1=2, ...). */
  sequence?: number;
  /** Where cpuSeconds/peakRssBytes came from: GNU time (wait4 rusage), /proc polling, or none. */
  resourceSource?: 'gnu-time' | 'proc' | 'none';
  /** 'workload' when only the workload was timed; 'workload+sampler' when the sampler spawns it. */
  resourceScope?: 'workload' | 'workload+sampler';
  /** Raw output files merged into this run's profile (several node processes); 1 otherwise. */
  parts?: number;
  /** The run's stdout+stderr, relative to runs.json. */
  log?: string;
  /** Seconds spent reading/parsing the sampler's output after the workload exited. */
  collectSeconds?: number;
  /** Seconds from spawn to exit of the whole process group (sampler start-up/shutdown included). */
  processSeconds?: number;
  /** Seconds the runner spent on this run in all (spawn, wait, parse, files). */
  runnerSeconds?: number;
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
  /** 'base' | 'head' for interleaved recordings, 'run' otherwise. */
  side?: string;
  timeoutSeconds?: number | null;
  samplerOptions?: Record<string, boolean | string>;
  /** Load averages when the last run finished (compare with machine.loadAvg at the start). */
  loadAvgEnd?: [number, number, number];
}
