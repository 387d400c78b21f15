// Runtime frames: work the language runtime or the operating system does on its own schedule
// (garbage collection, JIT compilation, interpretation, idle, kernel), whose share follows the
// machine's load as much as the code. One classifier for every format, by frame name and kind, so
// a stored baseline that lost its kinds (folded text) is classified like the original profile.
// The rules are documented in docs/statistics.md ("Runtime frames").
import type { Frame } from './types.js';

export type RuntimeClass = 'gc' | 'compiler' | 'interpreter' | 'idle' | 'kernel';

/**
 * Classes whose samples are not on behalf of the user frames above them: they leave the mass user
 * frames are compared on. Interpreter and kernel time is the user frame's own work done slower or
 * faster (an interpreted method, a syscall it made), so it stays in its callers' shares.
 */
export const EXCLUDED_FROM_USER_MASS: ReadonlySet<RuntimeClass> = new Set(['gc', 'compiler', 'idle']);

const BY_NAME: ReadonlyMap<string, RuntimeClass> = new Map([
  // V8 (.cpuprofile, and its folded/speedscope exports)
  ['(garbage collector)', 'gc'],
  ['(program)', 'compiler'],
  ['(idle)', 'idle'],
  // CPython samplers' synthetic frames (austin `:GC:`, profiling.sampling `<GC>`)
  ['GC', 'gc'],
  [':GC:', 'gc'],
  ['<GC>', 'gc'],
  // Idle markers of py-spy, pyflame, perf
  ['<idle>', 'idle'],
  ['[idle]', 'idle'],
  ['idle', 'idle'],
  ['cpu_idle', 'idle'],
  ['do_idle', 'idle'],
  ['cpuidle_enter', 'idle'],
  ['swapper', 'idle'],
  // HotSpot (async-profiler, perf with perf-map-agent)
  ['Interpreter', 'interpreter'],
]);

/** Native (C/C++) runtime symbols, matched only on frames without a user-language source file. */
const NATIVE_RULES: readonly [RegExp, RuntimeClass][] = [
  // CPython's collector (perf, py-spy --native)
  [/^(gc_collect|_PyObject_GC_Collect|collect_generations|gc_collect_main)/, 'gc'],
  // HotSpot collectors and their threads
  [
    /^(G1[A-Z]\w*|ZGC\w*|Z[A-Z][a-z]+\w*::|Shenandoah\w*|PSScavenge|PSPromotionManager|ParallelScavengeHeap|GenCollectedHeap|GCTaskThread|ConcurrentGCThread|WorkerThread::run|GangWorker)/,
    'gc',
  ],
  [/^(GC Thread|G1 |GC task|ZGC |Gang worker)/, 'gc'],
  // HotSpot JIT compilers and their threads
  [
    /^(CompileBroker::|C2Compiler::|C1Compiler|Compilation::|Compile::|CompilerThread|C[12] CompilerThread|PhaseChaitin|PhaseIdealLoop)/,
    'compiler',
  ],
  [/^(InterpreterRuntime::|TemplateInterpreter)/, 'interpreter'],
  // CPython's evaluation loop itself
  [/^(_PyEval_EvalFrameDefault)$/, 'interpreter'],
];

/** Go runtime functions (pprof, perf on a Go binary): `runtime.` is Go's own package. */
const GO_RULES: readonly [RegExp, RuntimeClass][] = [
  [
    /^runtime\.(gcBgMarkWorker|gcDrain\w*|gcAssistAlloc\w*|gcMarkDone|gcMarkTermination|gcStart|markroot\w*|scanobject|scanstack|scanblock|greyobject|bgsweep|sweepone|bgscavenge|gcenable|forEachP|stopTheWorld\w*)$/,
    'gc',
  ],
  [/^runtime\.(findRunnable|findrunnable|stopm|notesleep|futexsleep|netpoll|schedule|park_m)$/, 'idle'],
];

const USER_FILE = /\.(py|pyx|pyw|js|mjs|cjs|ts|mts|cts|jsx|tsx|java|kt|scala|rb|php)$/i;

/** The runtime class of a frame, or null for user code. */
export function runtimeClass(f: Pick<Frame, 'name' | 'file' | 'kind'>): RuntimeClass | null {
  switch (f.kind) {
    case 'gc':
      return 'gc';
    case 'idle':
      return 'idle';
    case 'kernel':
      return 'kernel';
  }
  const byName = BY_NAME.get(f.name);
  if (byName !== undefined && f.file === '') return byName;
  // FlameGraph's `_[k]` suffix when a parser kept it in the name. `_[j]` is NOT runtime: it marks
  // a JIT-compiled user method (async-profiler, perf-map-agent), which is the user's code.
  if (f.name.endsWith('_[k]')) return 'kernel';
  if (f.name.startsWith('runtime.')) {
    for (const [re, cls] of GO_RULES) if (re.test(f.name)) return cls;
    return null;
  }
  if (USER_FILE.test(f.file) || f.kind === 'python' || f.kind === 'js' || f.kind === 'java') return null;
  for (const [re, cls] of NATIVE_RULES) if (re.test(f.name)) return cls;
  return null;
}
