// The machine a run set ran on, so a report can warn when base and head ran on different hardware.
import os from 'node:os';
import type { MachineInfo } from './types.js';

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const [l1, l5, l15] = os.loadavg();
  return {
    cpuModel: cpus[0]?.model?.trim() || 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    kernel: `${os.type()} ${os.release()}`,
    platform: process.platform,
    arch: process.arch,
    loadAvg: [round2(l1), round2(l5), round2(l15)],
    hostname: os.hostname(),
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
