// `flamediff demo`: the whole pipeline on the shipped Node example, with nothing but node: a
// baseline, then the variant with the injected regression, compared. Writes out/ and prints the
// console report. The example is embedded (?raw) so dist/cli.js works from any directory.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import workload from '../../examples/node/workload.mjs?raw';
import { defaultOptions } from '../config/options.js';
import { runCheck } from '../pipeline/check.js';
import { withInterrupt } from '../sample/index.js';
import { type Command, numberFlag, parseCommandArgs } from './command.js';

/** Stable made-up commit ids: the demo runs outside any repository. */
const demoSha = (what: string) => createHash('sha1').update(`flamediff demo ${what}`).digest('hex');

const HELP = `Usage: flamediff demo [--out DIR] [--runs N] [--no-regression]

A self-contained run on the shipped Node example (examples/node/workload.mjs) under
node --cpu-prof: records a baseline, then runs the variant with an injected regression
(FLAMEDIFF_EXAMPLE_REGRESSION=1) and compares. Needs only node.

Writes to DIR (default out/): comment.md, summary.md, report.json, diff.svg, diff.png,
flamegraph.svg, and baseline/flamegraph.svg; prints the console report.

Options:
  --out DIR          output directory (default out)
  --runs N           runs per side (default 5)
  --scale X          workload size (default 0.4; 1 is about a second per run)
  --no-regression    compare the example with itself (an A/A run: expect a pass)
`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'self-contained demo on the shipped example: baseline, injected regression, report',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      'demo',
      argv,
      {
        out: { type: 'string' },
        runs: { type: 'string' },
        scale: { type: 'string' },
        'no-regression': { type: 'boolean' },
      },
      false,
    );
    // 5 runs of about 0.4 s per side keep the demo short (timings in bench/RESULTS.md); the
    // injected regression (about +20 pp of the profile) still clears the gate by a wide margin.
    const runs = numberFlag('demo', 'runs', values.runs as string | undefined, 5, {
      min: 2,
      max: 50,
      integer: true,
    });
    const scale = numberFlag('demo', 'scale', values.scale as string | undefined, 0.4, {
      min: 0.01,
      max: 20,
    });
    const outDir = path.resolve(io.cwd, (values.out as string | undefined) ?? 'out');
    return withInterrupt(async (signal) => {
      const work = await mkdtemp(path.join(os.tmpdir(), 'flamediff-demo-'));
      try {
        await writeFile(path.join(work, 'workload.mjs'), workload);
        const opts = defaultOptions();
        opts.command = [process.execPath, 'workload.mjs'];
        opts.sampler = 'node';
        opts.runs = runs;
        opts.warmup = 0;
        opts.timeoutSeconds = 120;
        opts.storeDir = path.join(work, '.flamediff');
        opts.env = { FLAMEDIFF_EXAMPLE_SCALE: String(scale) };
        // Node samples every ~1 ms by default; 2 kHz gives the short example enough samples per run.
        opts.rateHz = 2000;
        // One scratch directory, no git history: there is no merge-base to re-measure before failing.
        opts.confirm = 'never';
        const log = (line: string) => io.stderr(`flamediff demo: ${line}\n`);
        io.stderr(`flamediff demo: step 1/2, baseline: ${runs} runs of the example\n`);
        await runCheck(
          { ...opts, outDir: path.join(outDir, 'baseline') },
          { headSha: demoSha('base'), headRef: 'main', isBaseBranch: true, cwd: work, log, signal },
        );
        const regression = !values['no-regression'];
        io.stderr(
          `flamediff demo: step 2/2, ${regression ? 'the injected-regression variant' : 'the same code again (A/A)'}: ${runs} runs\n`,
        );
        const result = await runCheck(
          { ...opts, outDir },
          {
            headSha: demoSha(regression ? 'regression' : 'same'),
            headRef: regression ? 'demo/regression' : 'demo/same',
            isBaseBranch: false,
            cwd: work,
            baselineSha: demoSha('base'),
            headEnv: regression ? { FLAMEDIFF_EXAMPLE_REGRESSION: '1' } : {},
            log,
            signal,
          },
        );
        io.stdout(result.consoleText);
        io.stdout(
          `\nOpen ${path.relative(io.cwd, result.files.diffSvg ?? outDir) || '.'} in a browser for the interactive differential flamegraph.\n`,
        );
        return 0;
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    });
  },
};
