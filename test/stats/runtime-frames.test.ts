import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/profile/profile.js';
import { runtimeClass } from '../../src/profile/runtime-frames.js';
import { compareRuns } from '../../src/stats/index.js';

const f = (name: string, file = '', kind: Parameters<typeof runtimeClass>[0]['kind'] = 'other') => ({
  name,
  file,
  kind,
});

describe('runtimeClass: one classifier for every format', () => {
  it.each([
    [f('(garbage collector)'), 'gc'],
    [f('(program)'), 'compiler'],
    [f('(idle)'), 'idle'],
    [f('gc_collect_main'), 'gc'],
    [f('gc_collect_with_callback', '', 'native'), 'gc'],
    [f('<GC>'), 'gc'],
    [f('GC', '', 'gc'), 'gc'],
    [f('G1ParScanThreadState::trim_queue', '', 'native'), 'gc'],
    [f('ZGCThread'), 'gc'],
    [f('GC Thread#0', '', 'thread'), 'gc'],
    [f('CompileBroker::compiler_thread_loop', '', 'native'), 'compiler'],
    [f('C2Compiler::compile_method'), 'compiler'],
    [f('Interpreter'), 'interpreter'],
    [f('runtime.gcBgMarkWorker', 'runtime/mgc.go', 'go'), 'gc'],
    [f('runtime.gcDrain', 'runtime/mgcmark.go', 'go'), 'gc'],
    [f('do_syscall_64', '', 'kernel'), 'kernel'],
    [f('entry_SYSCALL_64_[k]'), 'kernel'],
  ])('%o is %s', (frame, cls) => {
    expect(runtimeClass(frame)).toBe(cls);
  });

  it.each([
    // `_[j]` marks a JIT-compiled user method (async-profiler), not JIT overhead.
    [f('com.example.Parser.parse', '', 'jit')],
    // Runtime by name in one format, user code in another: a Python function of that name.
    [f('gc_collect_stats', 'app/metrics.py', 'python')],
    [f('(program)', 'app.js', 'js')],
    [f('runtime.main', 'runtime/proc.go', 'go')],
    [f('G1Helper', 'src/G1Helper.java', 'java')],
    [f('scoreTokens', 'workload.mjs', 'js')],
  ])('%o is user code', (frame) => {
    expect(runtimeClass(frame)).toBeNull();
  });
});

/** A profile from `stack weight` lines (frames by name, root first), 1 ms per sample. */
function profile(lines: [string, number][]): Profile {
  const p = new Profile({ unit: 'samples', intervalNs: 1_000_000 });
  for (const [stack, w] of lines) p.addFrames(stack.split(';'), w);
  return p;
}

describe('user frames are compared on the mass without runtime frames', () => {
  // Folded input: the GC frame has no kind, only its name (as after a stored baseline's round trip).
  const side = (gc: number) =>
    [0, 1, 2, 3, 4].map((i) => ({
      profile: profile([
        ['(garbage collector)', gc + 20 * i],
        ['main;parse', 4000 + 10 * i],
        ['main;render', 4000 - 10 * i],
        ['main;(program)', 600],
      ]),
    }));

  it('a GC share that halves between sessions fails no user frame', () => {
    const r = compareRuns(side(3000), side(1400));
    expect(r.verdict).toBe('pass');
    for (const key of ['parse', 'render', 'main']) {
      const fr = r.frames.find((x) => x.key === key);
      expect(fr?.status).toBe('unchanged');
      // Same user-mass share on both sides, reported on the scale of all samples.
      expect(Math.abs(fr?.delta ?? 1)).toBeLessThan(0.005);
    }
    expect(r.frames.find((x) => x.key === '(garbage collector)')?.runtime).toBe('gc');
    expect(r.frames.find((x) => x.key === '(program)')?.runtime).toBe('compiler');
    expect(r.frames.find((x) => x.key === 'parse')?.runtime).toBeNull();
  });

  it('a real regression next to the GC shift is still found', () => {
    const head = [0, 1, 2, 3, 4].map((i) => ({
      profile: profile([
        ['(garbage collector)', 1400 + 20 * i],
        ['main;parse', 6000 + 10 * i],
        ['main;render', 4000 - 10 * i],
        ['main;(program)', 600],
      ]),
    }));
    const r = compareRuns(side(3000), head);
    expect(r.summary?.ranked[0]).toBe('parse');
    expect(r.frames.find((x) => x.key === 'render')?.status).toBe('unchanged');
  });
});
