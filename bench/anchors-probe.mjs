// Preloaded (`node --import`) into the flamediff runs of bench/anchors.bench.ts: writes, at exit,
// the process clock when our first module ran and at exit (ms since the process started) to
// $FLAMEDIFF_BENCH_PROBE, so the benchmark can put the time in the process beside the whole.
import { writeFileSync } from 'node:fs';

const file = process.env.FLAMEDIFF_BENCH_PROBE;
const startMs = performance.now();
if (file) {
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ startMs, endMs: performance.now() }));
  });
}
