// One measurement of bench/collapse.bench.ts, run in a fresh process (bundled with esbuild, no
// tsx in the process) so that its peak RSS is its own. Prints one JSON line.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { collapseCommand } from '../src/commands/collapse.js';
import { importProfileFile } from '../src/formats/index.js';
import { importFoldedMerged } from '../src/formats/merged-import.js';
import { writeFoldedChunks } from '../src/profile/folded-writer.js';
import { mergeProfiles } from '../src/profile/transform.js';

const [job, out, ...inputs] = process.argv.slice(2);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bytes = inputs.reduce((s, f) => s + statSync(f).size, 0);
const t0 = performance.now();
const c0 = cpuMs();
let stacks = 0;
if (job === 'collapse') {
  // The `flamediff collapse` command itself: read, detect, decode, collapse, write the file.
  const io = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: process.cwd(), env: {} };
  await collapseCommand.run([...inputs, '-o', out], io);
} else if (job === 'merge') {
  // What `flamediff collapse a b c` does with plain folded files: one profile read from all.
  const files = inputs.map((f) => ({ path: f, shownName: f }));
  const merged = await importFoldedMerged(files, { format: 'folded' });
  if (merged === undefined) throw new Error('the parts were not read as plain folded files');
  stacks = merged.stackCount;
} else if (job === 'merge-profiles') {
  // The library path: a profile per file, then mergeProfiles.
  const profiles = [];
  for (const f of inputs) profiles.push(await importProfileFile(f, { format: 'folded' }));
  stacks = mergeProfiles(profiles).stackCount;
} else if (job === 'roundtrip') {
  const p = await importProfileFile(inputs[0], { format: 'folded' });
  stacks = p.stackCount;
  const fd = openSync(out, 'w');
  writeFoldedChunks(p, (chunk) => {
    writeSync(fd, chunk);
  });
  closeSync(fd);
}
const wallMs = performance.now() - t0;
console.log(
  JSON.stringify({
    job,
    bytes,
    wallMs,
    cpuMs: cpuMs() - c0,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    stacks,
  }),
);
