import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { importProfile, importProfileFile } from '../formats/index.js';
import type { FormatName, ImportOptions, PerfCollapseOptions } from '../formats/types.js';
import { fsError } from '../lib/fs-errors.js';
import { tempSuffix } from '../lib/temp-name.js';
import type { Profile } from '../profile/profile.js';
import type { Io, OptionSpec } from './command.js';

// Shared by `collapse` and `convert`: the input flags, reading FILE or `-` (stdin), and
// writing OUT atomically (temp file + rename) so a failed run never truncates an old output.

export const INPUT_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  'sample-type': { type: 'string' },
  pid: { type: 'boolean' },
  tid: { type: 'boolean' },
  kernel: { type: 'boolean' },
  jit: { type: 'boolean' },
  all: { type: 'boolean' },
  addrs: { type: 'boolean' },
  'event-filter': { type: 'string' },
  output: { type: 'string', short: 'o' },
};

export const INPUT_OPTIONS_HELP = `Input options:
  -f, --format F        Skip detection: folded, perf-script, py-spy, pyflame, austin,
                        async-profiler, memory, cpython, cpuprofile, pprof, speedscope,
                        pstats, diff-folded
      --sample-type T   Which metric of a multi-metric profile (pprof sample type; austin
                        time|cpu|memory|memory-released; diff-folded before|after)
perf script options (same meaning as FlameGraph's stackcollapse-perf.pl):
      --pid             Include the PID with process names (comm-PID)
      --tid             Include PID and TID with process names (comm-PID/TID)
      --kernel          Annotate kernel functions with _[k]
      --jit             Annotate JIT functions with _[j]
      --all             All annotations (--kernel --jit, inlined _[i])
      --addrs           Include raw addresses where symbols can't be found
      --event-filter E  Only this event (default: the first event seen)
`;

type Values = Record<string, unknown>;

export function importOptionsFrom(values: Values, io: Io): ImportOptions {
  const perf: PerfCollapseOptions = {};
  for (const k of ['pid', 'tid', 'kernel', 'jit', 'all', 'addrs'] as const)
    if (values[k] === true) perf[k] = true;
  if (typeof values['event-filter'] === 'string') perf.eventFilter = values['event-filter'];
  const opts: ImportOptions = { perf, onWarning: (m) => io.stderr(`flamediff: warning: ${m}\n`) };
  if (typeof values.format === 'string') opts.format = values.format as FormatName;
  if (typeof values['sample-type'] === 'string') opts.sampleType = values['sample-type'];
  return opts;
}

export async function readProfileArg(file: string, opts: ImportOptions, io: Io): Promise<Profile> {
  if (file === '-') return importProfile('<stdin>', await readStdin(), opts);
  return importProfileFile(resolve(io.cwd, file), opts, file);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes text to OUT (atomically) or to stdout when OUT is absent or `-`. */
export async function writeOutput(out: string | undefined, text: string, io: Io): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, out);
  const tmp = `${path}.${tempSuffix()}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw fsError(out, 'cannot write', err, `is ${dirname(out)} a writable directory?`);
  }
}
