// flamediff example workload (Node): tokenise, score and summarise synthetic log lines.
//
// Runs for about a second. FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `scoreTokens`
// does extra string work (a reverse-and-rehash for about 3 in 4 tokens), about +30% of total
// CPU time. FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1). FLAMEDIFF_EXAMPLE_FAIL=1 exits
// with status 3 (for fault tests). FLAMEDIFF_EXAMPLE_CHILD=1 does half the work in a child
// `node` process (to show that the profiles of several processes from one run are merged).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCALE = Number(process.env.FLAMEDIFF_EXAMPLE_SCALE || '1');
const REGRESSION = process.env.FLAMEDIFF_EXAMPLE_REGRESSION === '1';

function makeLines(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(`${i} GET /api/item/${(i * 7919) % 1000} status=${200 + (i % 3)} ms=${(i * 104729) % 997}`);
  }
  return lines;
}

function tokenise(line) {
  return line.split(' ').map((t) => t.split('='));
}

// Scores every token of every line. Called once per round (not per line), so V8 optimizes it on
// its own instead of inlining it into a hot caller, and profiles show it by name.
function scoreTokens(lines) {
  const scores = [];
  for (const tokens of lines) {
    for (const tok of tokens) {
      let s = 0;
      const t = tok[tok.length - 1];
      for (let k = 0; k < t.length; k++) s = (s * 31 + t.charCodeAt(k)) | 0;
      if (tok[0] === 'status') s ^= 0x5bd1e995;
      if (REGRESSION && (s & 3) !== 0) {
        // The injected regression: a needless reverse-and-rehash for about 3 in 4 tokens.
        const r = t.split('').reverse().join('');
        for (let k = 0; k < r.length; k++) s = (s * 17 + r.charCodeAt(k)) | 0;
      }
      scores.push(s);
    }
  }
  return scores;
}

function summarise(scores) {
  const buckets = new Map();
  for (const s of scores) buckets.set(s & 15, (buckets.get(s & 15) || 0) + 1);
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]);
}

function work(rounds) {
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    // Chunks of lines keep the heap small, so the garbage collector stays a minor part.
    const all = makeLines(Math.round(40000 * SCALE));
    for (let at = 0; at < all.length; at += 2000) {
      const lines = all.slice(at, at + 2000).map(tokenise);
      for (const [, n] of summarise(scoreTokens(lines))) total += n;
    }
  }
  return total;
}

function main() {
  if (process.env.FLAMEDIFF_EXAMPLE_FAIL === '1') {
    console.error('example: failing on purpose (FLAMEDIFF_EXAMPLE_FAIL=1)');
    process.exit(3);
  }
  let rounds = 6;
  if (process.env.FLAMEDIFF_EXAMPLE_CHILD === '1') {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, FLAMEDIFF_EXAMPLE_CHILD: '', FLAMEDIFF_EXAMPLE_ROUNDS: '3' },
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
    rounds = 3;
  }
  rounds = Number(process.env.FLAMEDIFF_EXAMPLE_ROUNDS || rounds);
  console.log(`processed ${work(rounds)} tokens`);
}

main();
