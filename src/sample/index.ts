// The sampling stage: run a workload N times under a real sampler (see docs/sampling.md).
// A barrel: it only re-exports.
export { withInterrupt } from './interrupt.js';
export { fromRecord, type MeasureJob, measure, REAL_RECORDER, type Recorder } from './measure.js';
export { record, recordInterleaved } from './record.js';
export { InterruptedError, RunFailedError } from './runner.js';
export type { Sampler } from './sampler.js';
export { SAMPLERS, samplerByName } from './samplers/index.js';
export type * from './types.js';
