// `npm run bench [name...]`: runs bench/*.bench.ts (or the named ones) one after another, each in
// its own process so peak-memory figures are its own. Each writes its section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f}`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/asset-hooks.mjs', `bench/${f}`],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${f} failed with status ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
