// Registry of samplers, one module each.
import { UserError } from '../../errors.js';
import type { Sampler } from '../sampler.js';
import { asyncProfilerSampler } from './async-profiler.js';
import { austinSampler } from './austin.js';
import { commandSampler } from './command.js';
import { filSampler } from './fil.js';
import { goSampler } from './go.js';
import { memraySampler } from './memray.js';
import { nodeSampler } from './node.js';
import { perfSampler } from './perf.js';
import { pySpySampler } from './py-spy.js';
import { pythonSampler } from './python.js';

export const SAMPLERS: readonly Sampler[] = [
  pySpySampler,
  austinSampler,
  pythonSampler,
  filSampler,
  memraySampler,
  perfSampler,
  nodeSampler,
  goSampler,
  asyncProfilerSampler,
  commandSampler,
];

export function samplerByName(name: string): Sampler {
  const s = SAMPLERS.find((x) => x.name === name);
  if (!s) {
    throw new UserError(
      `unknown sampler '${name}'; expected one of ${SAMPLERS.map((x) => x.name).join(', ')}`,
    );
  }
  return s;
}
