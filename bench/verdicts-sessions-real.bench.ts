// Verdicts across real sessions (issue 13): the examples recorded in 11 sessions some time apart,
// each beside a busy loop on one core (a noisy neighbour), then every consecutive pair compared
// as a pull request would be against a stored baseline: separate sessions, with the stored
// history of the sessions before it (as the data branch holds it) and without any (a new
// repository). Every flagged A/A pair is a false fail. Then the injected regression, recorded
// under the same load, against the last session: found and ranked #1?
//
// FLAMEDIFF_BENCH_GAP (seconds between sessions, default 20) and FLAMEDIFF_BENCH_SESSIONS
// (default 11) make it longer or shorter.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { topFrames } from '../src/analyse/facts.js';
import { compareRuns } from '../src/stats/compare.js';
import { mergeConsistent } from '../src/stats/merge.js';
import type { BaselineShares } from '../src/stats/session-noise.js';
import type { RunInput } from '../src/stats/types.js';
import { writeSection } from './lib/results.js';
import {
  nodeWorkload,
  OUT,
  perfWorkload,
  ROOT,
  recordRuns,
  SCALE,
  startLoad,
  type Workload,
} from './verdicts/real.js';

const GAP = Number(process.env.FLAMEDIFF_BENCH_GAP ?? 20);
const SESSIONS = Number(process.env.FLAMEDIFF_BENCH_SESSIONS ?? 11);
const RUNS = 5;

/** What a stored baseline keeps of a session for the history: its top frames' shares. */
function stored(runs: RunInput[]): BaselineShares {
  const merged = mergeConsistent(runs.map((r) => r.profile));
  return { frames: topFrames(merged.profile, 'function', 200) };
}

async function session(w: Workload, dir: string, regression: boolean): Promise<RunInput[]> {
  mkdirSync(dir, { recursive: true });
  const load = startLoad(1);
  try {
    return await recordRuns(w, dir, RUNS, regression);
  } finally {
    for (const p of load) p.kill('SIGKILL');
  }
}

interface Outcome {
  fails: number;
  flagged: string[];
}

function aa(sessions: RunInput[][], withHistory: boolean): Outcome {
  const out: Outcome = { fails: 0, flagged: [] };
  for (let i = 0; i + 1 < sessions.length; i++) {
    const history = withHistory ? sessions.slice(0, i + 1).map(stored) : [];
    const r = compareRuns(sessions[i], sessions[i + 1], { sessions: 'separate' }, { history });
    if (r.verdict === 'fail') out.fails++;
    for (const f of r.frames)
      if ((f.status === 'regressed' || f.status === 'new') && f.rank !== null)
        out.flagged.push(`${i + 1}->${i + 2}: ${f.name} ${(f.delta * 100).toFixed(2)} pp`);
  }
  return out;
}

async function measure(w: Workload, tag: string): Promise<string[]> {
  const dir = path.join(OUT, 'sessions', tag);
  rmSync(dir, { recursive: true, force: true });
  const sessions: RunInput[][] = [];
  const started = Date.now();
  for (let i = 0; i < SESSIONS; i++) {
    if (i > 0) await sleep(GAP * 1000);
    sessions.push(await session(w, path.join(dir, `s${i + 1}`), false));
    console.log(`${tag}: session ${i + 1} of ${SESSIONS} recorded`);
  }
  await sleep(GAP * 1000);
  const slow = await session(w, path.join(dir, 'regression'), true);
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const withH = aa(sessions, true);
  const without = aa(sessions, false);
  const history = sessions.map(stored);
  const reg = compareRuns(sessions[sessions.length - 1], slow, { sessions: 'separate' }, { history });
  const first = reg.frames.find((f) => f.rank === 1);
  const target = reg.frames.find((f) => f.name === w.regressed);
  const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
  const pairs = sessions.length - 1;
  return [
    `| ${tag} A/A, stored history of the earlier sessions | ${pairs} | ${withH.fails} | ${withH.flagged.join('; ') || '-'} |`,
    `| ${tag} A/A, no history (the default prior) | ${pairs} | ${without.fails} | ${without.flagged.join('; ') || '-'} |`,
    `| ${tag} injected regression (+30% of total CPU time) in \`${w.regressed}\` vs the last session | 1 | ${reg.verdict === 'fail' ? 1 : 0} (${reg.verdict}) | ranked #1: ${first ? `${first.name}` : '-'}; ${w.regressed}: ${target ? `${target.status}, ${pp(target.delta)} [${pp(target.ci.lo)}, ${pp(target.ci.hi)}]` : 'not tested'} |`,
    `<!-- ${tag}: ${SESSIONS} sessions + 1 over ${minutes} min -->`,
  ];
}

const t0 = performance.now();
mkdirSync(OUT, { recursive: true });
const rows = [
  '| comparison | pairs | verdict fails | ranked frames (pair: frame change) |',
  '|---|--:|--:|---|',
];
rows.push(...(await measure(nodeWorkload, 'node')));
const binary = path.join(OUT, 'workload');
const cc = spawnSync(
  process.env.CC || 'cc',
  ['-O1', '-g', '-fno-omit-frame-pointer', '-o', binary, path.join(ROOT, 'examples/native/workload.c')],
  { encoding: 'utf8' },
);
if (cc.status === 0 && existsSync(binary)) rows.push(...(await measure(perfWorkload(binary), 'perf')));
else rows.push(`perf: native example not built (${(cc.stderr || '').slice(0, 120)})`);
const text = `${rows.filter((r) => !r.startsWith('<!--')).join('\n')}

${SESSIONS} sessions of ${RUNS} runs per workload (FLAMEDIFF_EXAMPLE_SCALE=${SCALE}), ${GAP} s apart, each recorded beside a busy loop on one of the 2 cores; consecutive sessions compared as a pull request against a stored baseline (separate sessions, default settings). "Stored history" passes the top-frame shares of every earlier session, as the data branch keeps them; "no history" is a new repository. ${rows
  .filter((r) => r.startsWith('<!--'))
  .map((r) => r.slice(5, -4))
  .join('; ')}. Whole benchmark: ${((performance.now() - t0) / 1000).toFixed(0)} s.`;
console.log(text);
writeSection(
  'verdicts-sessions-real',
  'Verdicts across real sessions under a noisy neighbour (stats)',
  'npm run bench verdicts-sessions-real',
  text,
);
