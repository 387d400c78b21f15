// `flamediff record` end to end: flags, help, progress output, exit statuses, and Ctrl-C /
// SIGTERM delivered to a real CLI process while a workload (with a grandchild) is running.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli-main.js';
import type { Io } from '../../src/commands/command.js';
import { pidAlive, readRunSet, tempDir, waitFor } from '../sample/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function io(over: Partial<Io> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      isTTY: false,
      cwd: process.cwd(),
      env: process.env,
      ...over,
    } satisfies Io,
  };
}

async function script(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

const WRITE_PROFILE = 'printf "main;work 5\\n" > "$FLAMEDIFF_PROFILE_OUT"';

describe('flamediff record', () => {
  it('has help with usage, samplers and examples', async () => {
    const t = io();
    expect(await runCli(['record', '--help'], t.io)).toBe(0);
    const help = t.out.join('');
    expect(help).toMatch(/^Usage: flamediff record --sampler S \[options\] -- COMMAND/);
    expect(help).toContain('py-spy, austin, python, fil, memray, perf, node, go, async-profiler, command');
    expect(help).toContain('flamediff record --sampler node -- npm run bench');
  });

  it('rejects bad flags with one line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['record', '--sampler', 'perf'], /no command; give it after `--`/],
      [['record', '--', 'true'], /--sampler is required/],
      [
        ['record', '--sampler', 'vtune', '--', 'true'],
        /--sampler 'vtune' is not valid \(expected one of 'py-spy'/,
      ],
      [
        ['record', '--sampler', 'perf', '--runs', '0', '--', 'true'],
        /--runs '0' is not valid; expected an integer from 1 to 1000/,
      ],
      [
        ['record', '--sampler', 'perf', '--env', 'NOVALUE', '--', 'true'],
        /--env 'NOVALUE' is not valid \(expected KEY=VALUE\)/,
      ],
      [
        ['record', '--sampler', 'perf', 'bench', '--', 'true'],
        /unexpected 'bench'; put the command after `--`/,
      ],
      [
        ['record', '--sampler', 'perf', '--bogus', '--', 'true'],
        /flamediff record: Unknown option '--bogus'/,
      ],
      [
        ['record', '--sampler', 'perf', '--rnus', '3', '--', 'true'],
        /Unknown option '--rnus'.*did you mean --runs\?/,
      ],
      [['record', '--sampler', 'perf', '--cwd', '.', '--', 'true'], /--cwd is now --working-directory/],
    ];
    for (const [argv, re] of cases) {
      const t = io();
      expect(await runCli(argv, t.io)).toBe(2);
      const msg = t.err.join('');
      expect(msg).toMatch(re);
      expect(msg.trim().split('\n')).toHaveLength(1);
    }
  });

  it('records runs with plain progress lines in CI logs', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'ok.sh', `echo "$GREETING" > "${dir}/greeting"\n${WRITE_PROFILE}`);
    const t = io({ cwd: dir });
    const code = await runCli(
      [
        'record',
        '--sampler',
        'command',
        '--runs',
        '2',
        '--warmup',
        '1',
        '--out',
        'o',
        '--env',
        'GREETING=hi',
        '--',
        cmd,
      ],
      t.io,
    );
    expect(code).toBe(0);
    const lines = t.out.join('').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^command: 1 warm-up \+ 2 runs; CPU\/RSS from (gnu-time|proc)$/);
    expect(lines[1]).toMatch(/^warm-up 1 of 1: \d+\.\d\d s \(not recorded\)$/);
    expect(lines[2]).toMatch(
      /^run 1 of 2: \d+\.\d\d s wall, \d+\.\d\d s CPU, \d+ MiB peak RSS, 5 samples \(\d+\.\d\d s for the run with the sampler.s start, stop and collection\)$/,
    );
    expect(lines[4]).toMatch(/^recorded 2 runs with command \(median wall \d+\.\d\d s\): o\/runs\.json$/);
    expect(t.out.join('')).not.toContain('\r');
    expect((await readRunSet(path.join(dir, 'o'))).runs).toHaveLength(2);
    expect((await readFile(path.join(dir, 'greeting'), 'utf8')).trim()).toBe('hi');
  });

  it('redraws a status line on a terminal', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'slow.sh', `sleep 0.4\n${WRITE_PROFILE}`);
    const t = io({ cwd: dir, isTTY: true });
    expect(
      await runCli(['record', '--sampler', 'command', '--runs', '1', '--warmup', '0', '--', cmd], t.io),
    ).toBe(0);
    const text = t.out.join('');
    expect(text).toContain('\r\x1b[2Krun 1 of 1 … ');
    expect(text).toMatch(/run 1 of 1: .* 5 samples/);
  });

  it('fails with the run, its status and its stderr', async () => {
    const dir = await tempDir();
    const cmd = await script(dir, 'bad.sh', 'echo "Traceback: boom" >&2; exit 5');
    const t = io({ cwd: dir });
    expect(await runCli(['record', '--sampler', 'command', '--warmup', '0', '--', cmd], t.io)).toBe(2);
    expect(t.err.join('')).toBe(
      'flamediff: run 1 of 5 failed: the workload exited with status 5\n  last line of stderr:\n    Traceback: boom\n',
    );
    expect(existsSync(path.join(dir, 'out', 'runs', 'runs.json'))).toBe(false);
  });

  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the workload, its children and the sampler on ${sig}, leaving no orphans`, async () => {
      const dir = await tempDir();
      const pids = path.join(dir, 'pids');
      const cmd = await script(dir, 'long.sh', `sleep 60 &\necho $$ $! > "${pids}"\nwait`);
      // A real CLI process: the record command in its own node, as `flamediff record` runs it.
      const driver = path.join(dir, 'driver.mts');
      await writeFile(
        driver,
        `import { recordCommand } from ${JSON.stringify(path.join(ROOT, 'src/commands/record.ts'))};
         const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), isTTY: false, cwd: process.cwd(), env: process.env };
         try { process.exitCode = await recordCommand.run(process.argv.slice(2), io); }
         catch (e) { process.stderr.write('flamediff: ' + e.message + '\\n'); process.exitCode = e.exitCode ?? 2; }`,
      );
      const cli = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          driver,
          '--sampler',
          'command',
          '--runs',
          '3',
          '--out',
          path.join(dir, 'out'),
          '--',
          cmd,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      cli.stderr.on('data', (c) => (stderr += c));
      const exited = new Promise<number | null>((r) => cli.once('exit', (code) => r(code)));
      expect(await waitFor(() => existsSync(pids), 30_000)).toBe(true);
      await waitFor(async () => (await readFile(pids, 'utf8')).trim().split(' ').length === 2);
      const [shell, sleeper] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
      expect(pidAlive(sleeper)).toBe(true);
      cli.kill(sig);
      expect(await exited).toBe(130);
      expect(stderr).toMatch(
        /flamediff: interrupted during warm-up 1 of 1; the workload and the sampler were stopped/,
      );
      expect(await waitFor(() => !pidAlive(shell) && !pidAlive(sleeper), 5000)).toBe(true);
      expect(await readdir(path.join(dir, 'out'))).toEqual([]);
    });
  }
});
