// The runner with real child processes: N runs after warm-ups, interleaving, exit-status checks,
// timeouts, signals, orphans, and files. Workloads are small shell scripts using the `command`
// sampler (they write a folded profile to $FLAMEDIFF_PROFILE_OUT), so every path is exercised
// without depending on a particular profiler.
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError, RunFailedError, record, recordInterleaved } from '../../src/sample/index.js';
import { parseTimerOutput, pollProc } from '../../src/sample/resource-timer.js';
import { pidAlive, readRunSet, tempDir, waitFor } from './helpers.js';

/** Writes an executable sh script and returns its path. */
async function script(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

const WRITE_PROFILE = 'printf "main;work 5\\nmain;idle 2\\n" > "$FLAMEDIFF_PROFILE_OUT"';

describe('record', () => {
  it('runs warm-ups then N runs, each with its own file, and writes runs.json', async () => {
    const dir = await tempDir();
    const log = path.join(dir, 'order.txt');
    const cmd = await script(dir, 'ok.sh', `echo "$FLAMEDIFF_RUN" >> "${log}"\n${WRITE_PROFILE}`);
    const out = path.join(dir, 'out');
    const { runSet, profiles } = await record({
      sampler: 'command',
      command: [cmd],
      runs: 3,
      warmup: 2,
      outDir: out,
    });
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      'run:warmup:1',
      'run:warmup:2',
      'run:run:1',
      'run:run:2',
      'run:run:3',
    ]);
    expect(runSet.runs.map((r) => [r.index, r.file, r.sequence, r.samples, r.side])).toEqual([
      [1, 'run-1.folded', 1, 7, 'run'],
      [2, 'run-2.folded', 2, 7, 'run'],
      [3, 'run-3.folded', 3, 7, 'run'],
    ]);
    expect(profiles).toHaveLength(3);
    expect(runSet.warmup).toBe(2);
    expect(runSet.command).toEqual([cmd]);
    expect((await readdir(out)).sort()).toEqual([
      'run-1.folded',
      'run-1.log',
      'run-2.folded',
      'run-2.log',
      'run-3.folded',
      'run-3.log',
      'runs.json',
    ]);
    expect(await readRunSet(out)).toEqual(runSet);
  });

  it('passes cwd and env to the workload and records the sampler version', async () => {
    const dir = await tempDir();
    const cmd = await script(
      dir,
      'env.sh',
      `pwd > "${dir}/pwd.txt"; echo "$MY_VAR" > "${dir}/var.txt"\n${WRITE_PROFILE}`,
    );
    const { runSet } = await record({
      sampler: 'command',
      command: [cmd],
      cwd: '/tmp',
      env: { MY_VAR: 'hello' },
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
    });
    expect((await readFile(path.join(dir, 'pwd.txt'), 'utf8')).trim()).toBe('/tmp');
    expect((await readFile(path.join(dir, 'var.txt'), 'utf8')).trim()).toBe('hello');
    expect(runSet.cwd).toBe('/tmp');
  });

  it('substitutes {profile} in the command', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'arg.sh', 'printf "a;b 3\\n" > "$1"');
    const { runSet } = await record({
      sampler: 'command',
      command: [cmd, '{profile}'],
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
    });
    expect(runSet.runs[0].samples).toBe(3);
  });

  it('measures CPU time and peak RSS from the OS', async () => {
    const dir = await tempDir();
    const busy = path.join(dir, 'busy.cjs');
    await writeFile(
      busy,
      // Spins until it has used 300 ms of CPU (not wall time: the machine may be busy).
      `const b = Buffer.alloc(64 * 1024 * 1024, 1); let x = 0;
       while (process.cpuUsage().user < 300000) x += b[x % b.length];
       require('fs').writeFileSync(process.env.FLAMEDIFF_PROFILE_OUT, 'main;spin 9\\n');`,
    );
    const { runSet } = await record({
      sampler: 'command',
      command: ['node', busy],
      runs: 1,
      warmup: 0,
      outDir: path.join(dir, 'out'),
    });
    const r = runSet.runs[0];
    // GNU time where it is installed (Debian: the `time` package), else the /proc fallback.
    const gnu = existsSync('/usr/bin/time') && process.env.FLAMEDIFF_NO_GNU_TIME !== '1';
    expect(r.resourceSource).toBe(gnu ? 'gnu-time' : 'proc');
    expect(r.cpuSeconds).toBeGreaterThanOrEqual(r.resourceSource === 'gnu-time' ? 0.29 : 0.2);
    expect(r.peakRssBytes).toBeGreaterThan(64 * 1024 * 1024);
    expect(r.wallSeconds).toBeGreaterThan(0);
  });

  it('replaces the run files of an earlier recording in the same directory', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'ok.sh', WRITE_PROFILE);
    const out = path.join(dir, 'out');
    await record({ sampler: 'command', command: [cmd], runs: 3, warmup: 0, outDir: out });
    await writeFile(path.join(out, 'run-9.sh'), 'a file of the user, not listed in runs.json');
    await record({ sampler: 'command', command: [cmd], runs: 1, warmup: 0, outDir: out });
    expect((await readdir(out)).sort()).toEqual(['run-1.folded', 'run-1.log', 'run-9.sh', 'runs.json']);
  });
});

describe('recordInterleaved', () => {
  it('alternates base and head (A B A B) after alternating warm-ups', async () => {
    const dir = await tempDir();
    const log = path.join(dir, 'order.txt');
    const a = await script(dir, 'a.sh', `echo "A $FLAMEDIFF_RUN" >> "${log}"\n${WRITE_PROFILE}`);
    const b = await script(dir, 'b.sh', `echo "B $FLAMEDIFF_RUN" >> "${log}"\n${WRITE_PROFILE}`);
    const { base, head } = await recordInterleaved({
      sampler: 'command',
      runs: 3,
      warmup: 1,
      base: { command: [a], outDir: path.join(dir, 'base') },
      head: { command: [b], outDir: path.join(dir, 'head') },
    });
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      'A base:warmup:1',
      'B head:warmup:1',
      'A base:run:1',
      'B head:run:1',
      'A base:run:2',
      'B head:run:2',
      'A base:run:3',
      'B head:run:3',
    ]);
    expect(base.runSet.runs.map((r) => r.sequence)).toEqual([1, 3, 5]);
    expect(head.runSet.runs.map((r) => r.sequence)).toEqual([2, 4, 6]);
    expect(base.runSet.side).toBe('base');
    expect((await readRunSet(path.join(dir, 'head'))).runs.every((r) => r.side === 'head')).toBe(true);
  });

  it('keeps nothing of either side when one run fails', async () => {
    const dir = await tempDir();
    const a = await script(dir, 'a.sh', WRITE_PROFILE);
    const b = await script(dir, 'b.sh', `[ "$FLAMEDIFF_RUN" = head:run:2 ] && exit 4\n${WRITE_PROFILE}`);
    const err = await recordInterleaved({
      sampler: 'command',
      runs: 2,
      warmup: 0,
      base: { command: [a], outDir: path.join(dir, 'base') },
      head: { command: [b], outDir: path.join(dir, 'head') },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect(err.message).toMatch(/^run 2 of 2 \(head\) failed: the workload exited with status 4/);
    expect(await readdir(path.join(dir, 'base'))).toEqual([]);
    expect(await readdir(path.join(dir, 'head'))).toEqual([]);
  });
});

describe('faults', () => {
  it('fails a run that exits non-zero, naming the run, the status and the last 20 stderr lines', async () => {
    const dir = await tempDir();
    const cmd = await script(
      dir,
      'fail.sh',
      `${WRITE_PROFILE}\nif [ "$FLAMEDIFF_RUN" = run:run:2 ]; then i=1; while [ $i -le 30 ]; do echo "stderr line $i" >&2; i=$((i+1)); done; exit 3; fi`,
    );
    const out = path.join(dir, 'out');
    const err = await record({ sampler: 'command', command: [cmd], runs: 3, warmup: 0, outDir: out }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(RunFailedError);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('run 2 of 3 failed: the workload exited with status 3');
    expect(lines[1]).toBe('  last 20 lines of stderr:');
    expect(lines.slice(2)).toEqual(Array.from({ length: 20 }, (_, i) => `    stderr line ${i + 11}`));
    expect(err.exitCode).toBe(2);
    // Run 1 succeeded, but a partial set is never kept.
    expect(existsSync(path.join(out, 'runs.json'))).toBe(false);
    expect(existsSync(path.join(out, 'run-1.folded'))).toBe(false);
    expect((await readdir(out)).filter((f) => !f.startsWith('.'))).toEqual([]);
    expect(await readdir(out)).toEqual([]);
  });

  it('fails a warm-up too', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'fail.sh', 'echo broken >&2; exit 1');
    const err = await record({ sampler: 'command', command: [cmd], runs: 1, warmup: 1, outDir: dir }).catch(
      (e) => e,
    );
    expect(err.message).toMatch(/^warm-up 1 of 1 failed: the workload exited with status 1\n.*\n {4}broken$/);
  });

  it('fails a run killed by a signal', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'kill.sh', `${WRITE_PROFILE}\necho dying >&2\nkill -KILL $$`);
    const err = await record({ sampler: 'command', command: [cmd], runs: 1, warmup: 0, outDir: dir }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(RunFailedError);
    expect(err.message).toMatch(/^run 1 of 1 failed: the workload was killed by signal 9 \(SIGKILL\)/);
    expect(err.message).toContain('    dying');
  });

  it('fails a command that cannot start', async () => {
    const dir = await tempDir();
    const err = await record({
      sampler: 'command',
      command: [path.join(dir, 'no-such-program')],
      runs: 1,
      warmup: 0,
      outDir: dir,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect(err.message).toMatch(
      /^run 1 of 1 failed: could not start '.*\/no-such-program' \([Nn]o such file or directory\)/,
    );
  });

  it('times a run out, kills its whole process group and leaves no orphan', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'child.pid');
    // A background grandchild that would outlive a naive kill of the direct child.
    const cmd = await script(dir, 'hang.sh', `sleep 60 &\necho $! > "${pidFile}"\necho waiting >&2\nwait`);
    const err = await record({
      sampler: 'command',
      command: [cmd],
      runs: 1,
      warmup: 0,
      timeoutSeconds: 1,
      outDir: dir,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RunFailedError);
    expect(err.message).toMatch(/^run 1 of 1 failed: timed out after 1 s and was killed/);
    expect(err.message).toContain('    waiting');
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(await waitFor(() => !pidAlive(pid), 5000)).toBe(true);
  });

  it('kills background processes a successful workload left behind', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'child.pid');
    const cmd = await script(
      dir,
      'leak.sh',
      `sleep 60 > /dev/null 2>&1 &\necho $! > "${pidFile}"\n${WRITE_PROFILE}`,
    );
    await record({ sampler: 'command', command: [cmd], runs: 1, warmup: 0, outDir: dir });
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(await waitFor(() => !pidAlive(pid), 5000)).toBe(true);
  });

  it('fails a run with no samples, and one that wrote no profile', async () => {
    const dir = await tempDir();
    const empty = await script(dir, 'empty.sh', 'printf "main;work 0\\n" > "$FLAMEDIFF_PROFILE_OUT"');
    const e1 = await record({ sampler: 'command', command: [empty], runs: 1, warmup: 0, outDir: dir }).catch(
      (e) => e,
    );
    expect(e1).toBeInstanceOf(RunFailedError);
    expect(e1.message).toMatch(
      /^run 1 of 1 failed: the profile has no samples: the workload ran \d+\.\d\d s, too short to sample/,
    );
    const none = await script(dir, 'none.sh', 'echo "forgot the profile" >&2');
    const e2 = await record({ sampler: 'command', command: [none], runs: 1, warmup: 0, outDir: dir }).catch(
      (e) => e,
    );
    expect(e2).toBeInstanceOf(RunFailedError);
    expect(e2.message).toMatch(/^run 1 of 1 failed: the command wrote no profile to \$FLAMEDIFF_PROFILE_OUT/);
    expect(e2.message).toContain('    forgot the profile');
  });

  it('stops the workload and its children when aborted, keeping nothing', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'child.pid');
    const cmd = await script(dir, 'long.sh', `sleep 60 &\necho $! > "${pidFile}"\nwait`);
    const controller = new AbortController();
    const out = path.join(dir, 'out');
    const pending = record({
      sampler: 'command',
      command: [cmd],
      runs: 2,
      warmup: 0,
      outDir: out,
      signal: controller.signal,
    }).catch((e) => e);
    expect(await waitFor(() => existsSync(pidFile))).toBe(true);
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(pidAlive(pid)).toBe(true);
    controller.abort();
    const err = await pending;
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err.exitCode).toBe(130);
    expect(err.message).toMatch(/^interrupted during run 1 of 2/);
    expect(await waitFor(() => !pidAlive(pid), 5000)).toBe(true);
    expect(await readdir(out)).toEqual([]);
  });

  it('reports a missing sampler before the first run, with the fix', async () => {
    const dir = await tempDir();
    const marker = path.join(dir, 'ran');
    const cmd = await script(dir, 'py.sh', `touch "${marker}"`);
    const err = await record({
      sampler: 'py-spy',
      command: [cmd],
      env: { PATH: '/nonexistent' },
      runs: 1,
      warmup: 0,
      outDir: dir,
    }).catch((e) => e);
    expect(err.message).toMatch(/^py-spy is not installed; install it with `pip install py-spy`/);
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects bad counts before running anything', async () => {
    const base = { sampler: 'command' as const, command: ['true'], outDir: '/tmp' };
    await expect(record({ ...base, runs: 0 })).rejects.toThrow(/runs must be an integer >= 1/);
    await expect(record({ ...base, warmup: -1 })).rejects.toThrow(/warmup must be an integer >= 0/);
    await expect(record({ ...base, command: [] })).rejects.toThrow(/no command/);
  });
});

describe('resource accounting', () => {
  it('parses GNU time output, including a signal', () => {
    expect(parseTimerOutput('FLAMEDIFF-RUSAGE 1.50 1.20 0.10 2048 0\n')).toEqual({
      wallSeconds: 1.5,
      cpuSeconds: 1.3,
      peakRssBytes: 2048 * 1024,
      exitCode: 0,
      termSignal: null,
    });
    expect(
      parseTimerOutput('Command terminated by signal 9\nFLAMEDIFF-RUSAGE 0.01 0.00 0.00 1540 0\n'),
    ).toMatchObject({
      exitCode: null,
      termSignal: 9,
    });
    expect(parseTimerOutput('')).toBeUndefined();
  });

  it('uses the /proc fallback in the runner when GNU time is not available', async () => {
    const dir = await tempDir();
    const busy = path.join(dir, 'busy.cjs');
    await writeFile(
      busy,
      `const b = Buffer.alloc(48 * 1024 * 1024, 1); let x = 0;
       while (process.cpuUsage().user < 300000) x += b[x % b.length];
       require('fs').writeFileSync(process.env.FLAMEDIFF_PROFILE_OUT, 'main;spin 9\\n');`,
    );
    process.env.FLAMEDIFF_NO_GNU_TIME = '1';
    try {
      const { runSet } = await record({
        sampler: 'command',
        command: ['node', busy],
        runs: 1,
        warmup: 0,
        outDir: dir,
      });
      const r = runSet.runs[0];
      expect(r.resourceSource).toBe('proc');
      expect(r.cpuSeconds).toBeGreaterThan(0.15);
      expect(r.peakRssBytes).toBeGreaterThan(48 * 1024 * 1024);
    } finally {
      delete process.env.FLAMEDIFF_NO_GNU_TIME;
    }
  });

  it('falls back to polling /proc for CPU and RSS', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', [
      '-e',
      'const b=Buffer.alloc(32<<20,1);while(process.cpuUsage().user<400000);',
    ]);
    const poll = pollProc(child.pid as number, 20);
    await new Promise((r) => child.once('exit', r));
    const { cpuSeconds, peakRssBytes } = poll.stop();
    expect(cpuSeconds).toBeGreaterThan(0.1);
    expect(peakRssBytes).toBeGreaterThan(32 << 20);
  });
});
