// perf sees native code only: on a Python (or Node) workload without the runtime's perf support
// its profile holds the interpreter's C functions (_PyEval_EvalFrameDefault, Builtins_...) and
// none of the program's own functions, so a diff of it says nothing about the code under review.
import path from 'node:path';
import type { Profile } from '../../profile/profile.js';
import { isPythonInterpreter } from './python.js';

/** The warning for a perf profile of an interpreted workload with no interpreter-level frames. */
export function interpreterFramesWarning(command: readonly string[], profile: Profile): string | undefined {
  const argv0 = path.basename(command[0] ?? '');
  const python = isPythonInterpreter(argv0) || (command.length === 1 && /\.py$/.test(argv0));
  const node = /^node(js)?$/.test(argv0);
  if (!python && !node) return undefined;
  // python -X perf names frames `py::function:file.py`; node --perf-basic-prof `JS:*name file:line`
  // or `LazyCompile:*name`.
  const own = python ? /^py::/ : /^(?:JS|LazyCompile|Function|InterpretedFunction|Baseline|Maglev|Turbofan):/;
  for (let i = 0; i < profile.frames.size; i++) if (own.test(profile.frame(i).name)) return undefined;
  return python
    ? "perf recorded a Python workload but its profile has no Python functions, only the interpreter's C code: use --sampler py-spy or --sampler austin, or run Python 3.12+ as `python -X perf ...` so perf sees Python frames"
    : 'perf recorded a Node workload but its profile has no JavaScript functions: use --sampler node, or run `node --perf-basic-prof ...` so perf sees JavaScript frames';
}
