// What the pipeline adds beyond the workload runs: parse, merge, compare, render (SVG, PNG, text),
// report and store, for 5 + 5 runs of a realistic profile (a 30 s workload sampled at 1 kHz:
// ~30,000 samples, ~2,500 functions, up to 3,000 distinct stacks per run), and how much the store grows
// per baseline commit (dir store files, git data branch objects). Inputs are generated (seeded)
// under bench/data/pipeline/; the workload itself is replaced by reading those files, so the
// figures are exactly the pipeline's own cost.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../src/lib/random.js';
import { median, writeSection } from './lib/results.js';

// Run with `npm run bench pipeline`: scripts/asset-hooks.mjs provides the `?raw` / `?binary` imports.
const { runCheck } = await import('../src/pipeline/check.js');
const { defaultOptions } = await import('../src/config/options.js');
const { importProfileFile } = await import('../src/formats/index.js');
const { compareRuns, mergeConsistent } = await import('../src/stats/index.js');
const { renderDiffSvg, svgToPng, renderTextFlame } = await import('../src/render/index.js');

const DATA = path.resolve(import.meta.dirname, 'data', 'pipeline');
const RUNS = 5;
const WORKLOAD_SECONDS = 30;

/**
 * A call tree shaped like a real service: a few hot paths, a long tail, recursion-free depth 8-40.
 * Each run draws 30,000 samples from the same tree (run-to-run jitter from the seed); the head
 * side gives `hot_5` 6 percentage points more.
 */
function writeRuns(): { base: string[]; head: string[] } {
  mkdirSync(DATA, { recursive: true });
  const shape = seededRandom(42);
  const FUNCS = 2500;
  const names = Array.from({ length: FUNCS }, (_, i) => (i < 20 ? `hot_${i}` : `fn_${i}`));
  const files = Array.from({ length: FUNCS }, (_, i) => `src/mod${i % 120}/file${i % 37}.py`);
  const label = (i: number) => `${names[i]} (${files[i]}:${((i * 7) % 400) + 1})`;
  // Stacks are walks down one call tree (children picked with a skewed choice), so they share
  // prefixes as real stacks do; 3,000 distinct stacks, depth 8-30.
  const child = new Map<string, number>();
  let next = 1;
  const stacks: { frames: number[]; weight: number }[] = [];
  for (let s = 0; s < 3000; s++) {
    const depth = 8 + Math.floor(shape() * 23);
    const frames = [0];
    for (let d = 1; d < depth; d++) {
      const edge = `${frames[d - 1]}:${Math.floor(shape() ** 2 * 4)}`;
      let id = child.get(edge);
      if (id === undefined) {
        id = next < FUNCS ? next++ : 20 + Math.floor(shape() * (FUNCS - 20));
        child.set(edge, id);
      }
      frames.push(id);
    }
    stacks.push({ frames, weight: shape() ** 3 });
  }
  // The regression: a stack ending in hot_5 (so hot_5's own time grows), new samples on the head side.
  const withHot = stacks.find((s) => s.frames.includes(5)) ?? stacks[0];
  stacks.push({ frames: [...withHot.frames.slice(0, withHot.frames.indexOf(5)), 5], weight: 0 });
  const hot = stacks.length - 1;
  const cumulative: number[] = [];
  let acc = 0;
  for (const st of stacks) cumulative.push((acc += st.weight));
  const write = (side: string, run: number, extra: number) => {
    const r = seededRandom(1000 + run * 17 + (side === 'head' ? 7 : 0));
    const counts = new Map<number, number>();
    for (let k = 0; k < 30000; k++) {
      const x = r() * acc;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      counts.set(lo, (counts.get(lo) ?? 0) + 1);
    }
    if (extra > 0) counts.set(hot, (counts.get(hot) ?? 0) + extra);
    const lines = [...counts].map(([i, c]) => `${stacks[i].frames.map(label).join(';')} ${c}`);
    const file = path.join(DATA, `${side}-${run}.folded`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  return {
    base: Array.from({ length: RUNS }, (_, i) => write('base', i + 1, 0)),
    head: Array.from({ length: RUNS }, (_, i) => write('head', i + 1, 1900 + i * 20)),
  };
}

function fakeRecorder(files: string[]) {
  return async () => {
    const profiles = [];
    for (const f of files) {
      const p = await importProfileFile(f);
      p.meta.intervalNs = 1_000_000;
      profiles.push(p);
    }
    return {
      profiles,
      runSet: {
        schema: 1 as const,
        sampler: 'bench',
        samplerVersion: '1',
        command: ['bench'],
        cwd: '.',
        rateHz: 1000,
        warmup: 0,
        machine: {
          cpuModel: os.cpus()[0]?.model ?? '?',
          cores: os.cpus().length,
          kernel: os.release(),
          platform: 'linux',
          arch: 'x64',
          loadAvg: [0, 0, 0] as [number, number, number],
          hostname: 'bench',
        },
        runs: profiles.map((p, i) => ({
          index: i + 1,
          side: 'run',
          file: path.basename(files[i]),
          format: 'folded',
          wallSeconds: WORKLOAD_SECONDS,
          cpuSeconds: WORKLOAD_SECONDS,
          peakRssBytes: 0,
          samples: p.totalWeight(),
          exitCode: 0,
          sampler: 'bench',
          samplerVersion: '1',
          startedAt: new Date().toISOString(),
        })),
      },
    };
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@b',
    },
  }).trim();
}

function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [(performance.now() - t0) / 1000, v];
}

const { base, head } = writeRuns();
const noDeps = async () => {
  throw new Error('unused');
};

// 1. Whole jobs (runCheck with the workload replaced by parsing the recorded files).
const root = mkdtempSync(path.join(os.tmpdir(), 'flamediff-bench-pipeline-'));
const shaOf = (i: number) => i.toString(16).padStart(40, 'a');
const opts = (store: 'dir' | 'git', out: string) => ({
  ...defaultOptions(),
  command: ['bench'],
  runs: RUNS,
  store,
  outDir: out,
});
// BENCH_ONLY=confirm runs only part 0 (confirm and refactor hints), which writes its own sections.
const benchCommand =
  process.env.BENCH_ONLY === 'confirm'
    ? 'BENCH_ONLY=confirm npm run bench pipeline'
    : 'npm run bench pipeline';
// 0. Confirm before failing (src/pipeline/confirm.ts): the same failing PR job with `confirm: never`
// and `confirm: auto` in a real git repository (the merge-base is checked out into a temporary
// worktree); the interleaved runs are replaced by parsing the run files too, so the difference is
// the pipeline's own cost of confirming. The workload's cost is 2 x (runs + warmup) more runs.
{
  const repo = mkdtempSync(path.join(os.tmpdir(), 'flamediff-bench-confirm-'));
  git(repo, 'init', '--quiet', '-b', 'main');
  writeFileSync(path.join(repo, 'app.txt'), 'base\n');
  writeFileSync(path.join(repo, '.gitignore'), '.flamediff/\nout/\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'base');
  const baseSha = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'update-ref', 'refs/remotes/origin/main', baseSha);
  git(repo, 'checkout', '--quiet', '-b', 'feature');
  writeFileSync(path.join(repo, 'app.txt'), 'head\n');
  git(repo, 'commit', '--quiet', '-am', 'head');
  const headSha = git(repo, 'rev-parse', 'HEAD');
  const interleaved = async () => ({ base: await fakeRecorder(base)(), head: await fakeRecorder(head)() });
  await runCheck(
    opts('dir', 'out'),
    { headSha: baseSha, headRef: 'main', isBaseBranch: true, cwd: repo },
    { record: fakeRecorder(base), recordInterleaved: noDeps },
  );
  const times: Record<'never' | 'auto', number[]> = { never: [], auto: [] };
  let outcome = '';
  let reported = 0;
  for (let rep = 0; rep < 3; rep++) {
    for (const confirm of ['never', 'auto'] as const) {
      const [t, res] = await time(() =>
        runCheck(
          { ...opts('dir', 'out'), confirm },
          { headSha, headRef: 'feature', isBaseBranch: false, cwd: repo },
          { record: fakeRecorder(head), recordInterleaved: interleaved },
        ),
      );
      if (res.verdict !== 'fail') throw new Error(`bench: the failing PR passed with confirm: ${confirm}`);
      if (confirm === 'auto') {
        outcome = res.report?.confirmation?.outcome ?? 'none';
        reported = res.report?.confirmation?.seconds ?? Number.NaN;
      }
      times[confirm].push(t);
    }
  }
  rmSync(repo, { recursive: true, force: true });
  const never = median(times.never);
  const auto = median(times.auto);
  const ms = (x: number) => `${(x * 1000).toFixed(0)} ms`;
  const workload = 2 * (RUNS + 1) * WORKLOAD_SECONDS;
  const confirmMd = `
The failing PR job of "Pipeline overhead" (5 + 5 runs, 30,000 samples, an injected +6 pp regression) with
\`confirm: never\` and with \`confirm: auto\` (default), in a real git repository; the interleaved
re-measurement of the merge-base is replaced by parsing the run files, so the difference is what the
pipeline adds. Median of 3. Outcome with auto: ${outcome}.

| Failing PR job (dir store) | Time |
|---|--:|
| confirm: never | ${ms(never)} |
| confirm: auto (worktree of the merge-base, parse 5 + 5 interleaved runs, second comparison, reconcile) | ${ms(auto)} |
| pipeline cost of confirming | ${ms(auto - never)} (the report's \`confirmation.seconds\`: ${reported} s) |

The workload dominates: confirming runs 2 x (runs + warmup) = ${2 * (RUNS + 1)} more runs, ${workload} s for this
30 s workload at runs: ${RUNS}, warmup: 1, against ${RUNS + 1} x 30 = ${(RUNS + 1) * WORKLOAD_SECONDS} s for the head runs of
every PR job. Only failing PRs pay it (\`confirm: auto\`); a passing PR job is unchanged.
`;
  console.log(confirmMd);
  writeSection('pipeline-confirm', 'Confirm before failing: cost', benchCommand, confirmMd);
  // Refactor hints (src/pipeline/refactor-hints.ts) on this repository's own history: the git diff
  // of the last 20 first-parent commits, parsed into function-level hints.
  const { refactorHints } = await import('../src/pipeline/refactor-hints.js');
  const root = path.resolve(import.meta.dirname, '..');
  const from = git(root, 'rev-parse', 'HEAD~20');
  const to = git(root, 'rev-parse', 'HEAD');
  const changed = git(root, 'diff', '--name-only', '-M', from, to).split('\n').filter(Boolean).length;
  const hintTimes: number[] = [];
  let hintCount = 0;
  for (let rep = 0; rep < 3; rep++) {
    const [t, h] = await time(() => refactorHints(root, from, to));
    if (h.error) throw new Error(`bench: ${h.error}`);
    hintTimes.push(t);
    hintCount = h.hints.length;
  }
  const hintsMd = `
\`refactorHints\` on flamediff's own repository, \`HEAD~20..HEAD\` (${changed} files changed; ${hintCount} hints):
${ms(median(hintTimes))} (median of 3; one \`git diff -M -U0\` and one \`git cat-file --batch\` for both versions of every changed source file;
most hints are the bundled \`dist/chunks\` files, renamed by their content hash).
Every PR job with a baseline pays it once (the profile checks that follow are part of the comparison).
`;
  console.log(hintsMd);
  writeSection('pipeline-refactors', 'Refactor hints from the git diff: cost', benchCommand, hintsMd);
  if (process.env.BENCH_ONLY === 'confirm') process.exit(0);
}

const baselineTimes: number[] = [];
const compareTimes: number[] = [];
for (let rep = 0; rep < 3; rep++) {
  const cwd = path.join(root, `dir-${rep}`);
  mkdirSync(cwd, { recursive: true });
  const [tb] = await time(() =>
    runCheck(
      opts('dir', 'out'),
      { headSha: shaOf(1), headRef: 'main', isBaseBranch: true, cwd, baselineSha: undefined },
      { record: fakeRecorder(base), recordInterleaved: noDeps },
    ),
  );
  const [tc, res] = await time(() =>
    runCheck(
      opts('dir', 'out'),
      {
        headSha: shaOf(2),
        headRef: 'feature',
        isBaseBranch: false,
        cwd,
        baselineSha: shaOf(1),
        pullNumber: 1,
      },
      {
        record: fakeRecorder(head),
        recordInterleaved: noDeps,
      },
    ),
  );
  const first = res.report?.frames.find((f) => f.rank === 1)?.name;
  if (first !== 'hot_5')
    throw new Error(`bench: the injected regression was not ranked first (got ${first})`);
  baselineTimes.push(tb);
  compareTimes.push(tc);
}

// 2. Stage breakdown of the compare job.
const stage: Record<string, number[]> = { parse: [], merge: [], compare: [], diffSvg: [], png: [], text: [] };
for (let rep = 0; rep < 3; rep++) {
  const [tp, profiles] = await time(async () =>
    Promise.all([...base, ...head].map((f) => importProfileFile(f))),
  );
  const b = profiles.slice(0, RUNS).map((profile) => ({ profile, wallSeconds: WORKLOAD_SECONDS }));
  const h = profiles.slice(RUNS).map((profile) => ({ profile, wallSeconds: WORKLOAD_SECONDS }));
  const [tm, merged] = await time(() => [
    mergeConsistent(b.map((x) => x.profile)),
    mergeConsistent(h.map((x) => x.profile)),
  ]);
  const [tcmp, report] = await time(() => compareRuns(b, h));
  const [td, svg] = await time(() => renderDiffSvg(merged[0].profile, merged[1].profile, report));
  const [tpng] = await time(() => svgToPng(svg));
  const [tt] = await time(() =>
    renderTextFlame(merged[1].profile, { style: 'markdown', comparison: report, budget: 8000 }),
  );
  stage.parse.push(tp / 2); // per side of 5 runs; the compare job parses one side (the baseline is read from the store)
  stage.merge.push(tm);
  stage.compare.push(tcmp);
  stage.diffSvg.push(td);
  stage.png.push(tpng);
  stage.text.push(tt);
}

// 3. Store growth per baseline commit: dir store and git data branch (objects in the bare remote).
const growthCommits = 4;
const dirCwd = path.join(root, 'growth-dir');
const bare = path.join(root, 'remote.git');
const clone = path.join(root, 'clone');
mkdirSync(dirCwd, { recursive: true });
git(root, 'init', '--quiet', '--bare', bare);
git(root, 'clone', '--quiet', bare, clone);
git(clone, 'commit', '--quiet', '--allow-empty', '-m', 'init');
git(clone, 'push', '--quiet', 'origin', 'HEAD:main');
const dirSizes: number[] = [];
const gitSizes: number[] = [];
for (let i = 0; i < growthCommits; i++) {
  const files = i % 2 ? head : base;
  await runCheck(
    opts('dir', 'out'),
    { headSha: shaOf(100 + i), headRef: 'main', isBaseBranch: true, cwd: dirCwd },
    { record: fakeRecorder(files), recordInterleaved: noDeps },
  );
  dirSizes.push(duBytes(path.join(dirCwd, '.flamediff')));
  await runCheck(
    opts('git', path.join(root, 'out-git')),
    { headSha: shaOf(100 + i), headRef: 'main', isBaseBranch: true, cwd: clone },
    { record: fakeRecorder(files), recordInterleaved: noDeps },
  );
  git(bare, 'gc', '--quiet');
  gitSizes.push(duBytes(path.join(bare, 'objects')));
}
const oneBaseline = path.join(dirCwd, '.flamediff/profiles/main', shaOf(100));
const fileSizes = execFileSync('ls', ['-l', oneBaseline], { encoding: 'utf8' })
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.trim().split(/\s+/))
  .map((f) => `${f[8]} ${(Number(f[4]) / 1024).toFixed(0)} KiB`)
  .join(', ');
const historyBytes = duBytes(path.join(dirCwd, '.flamediff/history'));
const perCommit = (xs: number[]) => (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
rmSync(root, { recursive: true, force: true });

const tb = median(baselineTimes);
const tc = median(compareTimes);
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const md = `
Input: ${RUNS} + ${RUNS} runs of a generated profile shaped like a 30 s workload at 1 kHz (30,000 samples,
2,500 functions, up to 3,000 distinct stacks of depth 8-30 per run; the head side has an injected +6 pp
regression in \`hot_5\`, which the job ranks first). The workload runs are replaced by parsing the
run files, so these times are exactly what the pipeline adds. Median of 3.

| Job (dir store) | Time | Share of a ${WORKLOAD_SECONDS} s workload (x${RUNS} runs) |
|---|--:|--:|
| Baseline job: parse 5 runs, merge, flamegraph SVG, store 5 run files + summary + history | ${ms(tb)} | ${((tb / (WORKLOAD_SECONDS * RUNS)) * 100).toFixed(2)}% |
| PR job: read + check baseline, parse 5 head runs, merge, compare, diff SVG + PNG, text flamegraph, report, store PR artifacts | ${ms(tc)} | ${((tc / (WORKLOAD_SECONDS * RUNS)) * 100).toFixed(2)}% |

Target: <= 3 s for the PR job: ${tc <= 3 ? 'met' : 'NOT met'} (${(tc / WORKLOAD_SECONDS).toFixed(3)} of a single 30 s run).

Stage breakdown (median of 3): parse 5 runs ${ms(median(stage.parse))}, merge both sides ${ms(median(stage.merge))},
compare ${ms(median(stage.compare))}, diff SVG ${ms(median(stage.diffSvg))}, PNG ${ms(median(stage.png))},
text flamegraph ${ms(median(stage.text))}.

Store growth per baseline commit (${growthCommits} baseline commits, before any retention pruning):
- dir store: ${kb(perCommit(dirSizes))} per commit (total ${kb(dirSizes[dirSizes.length - 1])} after ${growthCommits});
  one baseline: ${fileSizes}; history file after ${growthCommits} commits: ${kb(historyBytes)};
- git data branch: ${kb(perCommit(gitSizes))} of packed objects per commit in the remote (after \`git gc\`).
With the default retention (50 baselines) the dir store and the data branch's tree stay near
${kb(perCommit(dirSizes) * 50)}; the git history keeps pruned blobs until the branch is squashed (docs/store.md).
`;
console.log(md);
writeSection('pipeline', 'Pipeline overhead and store growth', 'npm run bench pipeline', md);
