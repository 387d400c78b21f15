// The example workloads of examples/, embedded (so dist/ and `flamediff demo` need no repo
// checkout), plus the one-line build of the native one. Each has an injected regression switched
// on by FLAMEDIFF_EXAMPLE_REGRESSION=1 (see examples/README.md).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nativeSource from '../../examples/native/workload.c?raw';
import nodeSource from '../../examples/node/workload.mjs?raw';
import pythonSource from '../../examples/python/workload.py?raw';
import { UserError } from '../errors.js';
import { runTool } from './tool.js';

export const REGRESSION_ENV = 'FLAMEDIFF_EXAMPLE_REGRESSION';
export const SCALE_ENV = 'FLAMEDIFF_EXAMPLE_SCALE';

export type ExampleName = 'native' | 'node' | 'python';

export const EXAMPLES: Record<ExampleName, { file: string; source: string; regressedFunction: string }> = {
  native: { file: 'workload.c', source: nativeSource, regressedFunction: 'checksum_pass' },
  node: { file: 'workload.mjs', source: nodeSource, regressedFunction: 'scoreTokens' },
  python: { file: 'workload.py', source: pythonSource, regressedFunction: 'score_record' },
};

/** The compiler flags: frame pointers so `perf record -g` unwinds whole stacks. */
export const NATIVE_CFLAGS = ['-O1', '-g', '-fno-omit-frame-pointer'];

/** Writes an example's source into `dir`; returns its path. */
export async function writeExample(name: ExampleName, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, EXAMPLES[name].file);
  await writeFile(file, EXAMPLES[name].source);
  return file;
}

/** Writes and compiles the native example into `dir`; returns the executable's path. */
export async function buildNativeExample(dir: string, cc = process.env.CC || 'cc'): Promise<string> {
  const src = await writeExample('native', dir);
  const exe = path.join(dir, 'workload');
  const r = await runTool([cc, ...NATIVE_CFLAGS, '-o', exe, src], { timeoutMs: 60_000 });
  if (r.error === 'ENOENT') {
    throw new UserError(
      `no C compiler (${cc}) to build the native example; install one (e.g. apt-get install gcc)`,
    );
  }
  if (r.code !== 0)
    throw new UserError(`${cc} could not build ${src}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return exe;
}
