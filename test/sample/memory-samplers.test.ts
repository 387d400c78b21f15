// The parts of the Fil, memray and austin samplers that need no sampler installed: command lines,
// memray's CSV folding, the ptrace advice. The real runs are in real-python-samplers.test.ts.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { importProfile } from '../../src/formats/index.js';
import { Profile } from '../../src/profile/profile.js';
import { ptraceAdvice } from '../../src/sample/samplers/attach.js';
import { austinArgs } from '../../src/sample/samplers/austin.js';
import { filSampler } from '../../src/sample/samplers/fil.js';
import { interpreterFramesWarning } from '../../src/sample/samplers/interpreter-frames.js';
import { memrayCsvToFolded, memraySampler } from '../../src/sample/samplers/memray.js';

const ctx = (command: string[], options: Record<string, boolean | string> = {}) => ({
  command,
  cwd: '/w',
  env: {},
  rateHz: null,
  options,
  info: { version: '1' },
  workDir: '/tmp/run',
});

describe('Fil and memray command lines', () => {
  it("run as the workload interpreter's module, or as their own script", () => {
    expect(filSampler.plan(ctx(['python3', 'bench.py', '-n', '3'])).argv).toEqual([
      'python3',
      '-m',
      'filprofiler',
      '-o',
      '/tmp/run/fil-result',
      '--no-browser',
      'run',
      'bench.py',
      '-n',
      '3',
    ]);
    expect(memraySampler.plan(ctx(['bench.py'], { native: true })).argv).toEqual([
      'memray',
      'run',
      '-q',
      '--native',
      '-o',
      '/tmp/run/memray.bin',
      'bench.py',
    ]);
    expect(memraySampler.plan(ctx(['python3', '-m', 'pkg'])).workloadIndex).toBe(7);
  });
});

describe("memray's CSV as folded stacks in bytes", () => {
  const csv = [
    'allocator,num_allocations,size,tid,thread_name,stack_trace',
    'MALLOC,1000,20001000,1,0x1,<listcomp>;bench.py;20|build_index;bench.py;20|main;bench.py;29',
    'MALLOC,10,1000,1,0x1,build_index;bench.py;21|main;bench.py;29',
    'MALLOC,1,24,1,0x1,build_index;bench.py;21|main;bench.py;29',
    'MALLOC,1,8,1,0x1,',
    '"MALLOC",1,16,1,"0x1","f;dir, with comma/x.py;3"',
    '',
  ].join('\n');

  it('reverses the stacks (root first), sums identical ones and sorts the lines', () => {
    expect(memrayCsvToFolded(csv, 'm.csv')).toBe(
      [
        '[no Python stack] 8',
        'bench.py:29 (main);bench.py:20 (build_index);bench.py:20 (<listcomp>) 20001000',
        'bench.py:29 (main);bench.py:21 (build_index) 1024',
        'dir, with comma/x.py:3 (f) 16',
        '',
      ].join('\n'),
    );
    const p = importProfile('m.mem.folded', new TextEncoder().encode(memrayCsvToFolded(csv, 'm.csv')));
    expect(p.meta.unit).toBe('bytes');
    expect(p.totalWeight()).toBe(20_002_048);
  });

  it('refuses another CSV or a bad row with the line', () => {
    expect(() => memrayCsvToFolded('a,b\n1,2\n', 'x.csv')).toThrow(
      "x.csv:1: expected memray's CSV header `allocator,num_allocations,size,tid,thread_name,stack_trace`",
    );
    const bad = `${csv.split('\n')[0]}\nMALLOC,1,lots,1,0x1,f;a.py;1\n`;
    expect(() => memrayCsvToFolded(bad, 'x.csv')).toThrow(UserError);
    expect(() => memrayCsvToFolded(bad, 'x.csv')).toThrow('x.csv:2: expected 6 fields with a size in bytes');
  });
});

describe('austin modes', () => {
  it('memory and full are flags; both at once are refused', () => {
    expect(austinArgs(null, 'o', { memory: true })).toEqual([
      '--timeout',
      '5000',
      '--memory',
      '--output',
      'o',
    ]);
    expect(austinArgs(1000, 'o', { full: true })).toEqual([
      '--timeout',
      '5000',
      '--interval',
      '1000',
      '--full',
      '--output',
      'o',
    ]);
    expect(() => austinArgs(null, 'o', { memory: true, full: true })).toThrow(/exclude each other/);
  });
});

describe('ptrace refused', () => {
  it('says why and how to allow it', () => {
    expect(
      ptraceAdvice('py-spy', ['Error: Permission Denied: Try running again with elevated permissions']),
    ).toMatch(
      /^py-spy cannot attach to the workload \(ptrace was refused\): .*ptrace_scope.*--cap-add SYS_PTRACE/,
    );
    expect(ptraceAdvice('austin', ['Traceback ...', 'ZeroDivisionError'])).toBeUndefined();
  });
});

describe('perf on an interpreted workload', () => {
  const profile = (names: string[]) => {
    const p = new Profile({ unit: 'nanoseconds' });
    p.addFrames(names, 1);
    return p;
  };

  it('warns without interpreter-level frames, not with them, and not for native programs', () => {
    const c = profile(['main', '_PyEval_EvalFrameDefault', 'long_add']);
    expect(interpreterFramesWarning(['python3', 'b.py'], c)).toMatch(/--sampler py-spy .* `python -X perf/);
    expect(interpreterFramesWarning(['bench.py'], c)).toMatch(/no Python functions/);
    expect(
      interpreterFramesWarning(['python3', '-X', 'perf', 'b.py'], profile(['py::main:b.py'])),
    ).toBeUndefined();
    expect(interpreterFramesWarning(['node', 'a.js'], profile(['Builtins_JSEntry']))).toMatch(
      /--sampler node/,
    );
    expect(interpreterFramesWarning(['node', 'a.js'], profile(['JS:*work /a.js:3']))).toBeUndefined();
    expect(interpreterFramesWarning(['./workload'], c)).toBeUndefined();
  });
});
