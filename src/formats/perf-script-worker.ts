// Worker thread entry of perf-script-parallel.ts (bundled as dist/perf-worker.js): collapses
// its part of the file and posts the frames and stacks back (the typed arrays transferred).
import { parentPort, workerData } from 'node:worker_threads';
import { collapsePart, type PartJob } from './perf-script-parallel.js';

const r = collapsePart(workerData as PartJob);
parentPort?.postMessage(r, [r.ids.buffer, r.offsets.buffer, r.weights.buffer] as ArrayBuffer[]);
