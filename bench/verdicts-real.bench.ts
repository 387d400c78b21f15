// Verdicts on real workloads: the examples recorded with node --cpu-prof and perf, A/A and
// injected-regression comparisons (see bench/verdicts/real.ts). Simulated figures: verdicts.bench.ts.
import { writeSection } from './lib/results.js';
import { realWorkloads } from './verdicts/real.js';

const t0 = performance.now();
const md = await realWorkloads();
const text = `${md}\n\nDefault settings; "frames flagged" counts frames with status regressed or new (in an A/A comparison every one is a false alarm). The total is wall time per run including process start, on a shared machine. Whole benchmark: ${((performance.now() - t0) / 1000).toFixed(0)} s.`;
console.log(text);
writeSection('verdicts-real', 'Verdicts on real workloads (stats)', 'npm run bench verdicts-real', text);
