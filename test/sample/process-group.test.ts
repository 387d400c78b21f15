// Issue 14 item 3: a workload's descendant that starts its own session (`setsid`) leaves the
// process group, so kill(-pgid) misses it. runGroup finds it by the marker it inherited, or by the
// session id it was seen to start (when it cleared its environment), and kills it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGroup } from '../../src/sample/process-group.js';

const dirs: string[] = [];
const pids: number[] = [];
afterAll(() => {
  for (const p of pids) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {}
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'flamediff-pg-'));
  dirs.push(d);
  return d;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie waiting for init to reap it is dead for our purpose.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function pidFrom(file: string): Promise<number> {
  for (let i = 0; i < 500 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
  const pid = Number(readFileSync(file, 'utf8').trim());
  pids.push(pid);
  return pid;
}

describe.runIf(process.platform === 'linux')('descendants in a session of their own', () => {
  it('a setsid grandchild left behind by a workload that exited is killed and named', async () => {
    const d = tmp();
    const f = path.join(d, 'pid');
    const r = await runGroup({
      argv: ['sh', '-c', `setsid sh -c 'echo $$ > ${f}; exec sleep 300' & sleep 0.3; exit 0`],
      cwd: d,
      env: process.env,
    });
    const pid = await pidFrom(f);
    expect(r.exitCode).toBe(0);
    expect(r.escaped).toEqual([`${pid} (sleep) killed`]);
    expect(alive(pid)).toBe(false);
  });

  it('one that also cleared its environment is found by the session it started', async () => {
    const d = tmp();
    const f = path.join(d, 'pid');
    // The leader lives long enough for the once-a-second session sampling to see the grandchild.
    const r = await runGroup({
      argv: [
        'sh',
        '-c',
        `setsid env -i sh -c 'echo $$ > ${f}; exec sleep 300' & while [ ! -s ${f} ]; do sleep 0.05; done; sleep 2.5`,
      ],
      cwd: d,
      env: process.env,
    });
    const pid = await pidFrom(f);
    expect(r.escaped).toEqual([`${pid} (sleep) killed`]);
    expect(alive(pid)).toBe(false);
  });

  it('an abort (Ctrl-C, a cancelled job) stops the group and the escaped grandchild', async () => {
    const d = tmp();
    const f = path.join(d, 'pid');
    const stop = new AbortController();
    const running = runGroup({
      argv: ['sh', '-c', `setsid sh -c 'echo $$ > ${f}; exec sleep 300' & sleep 300`],
      cwd: d,
      env: process.env,
      signal: stop.signal,
      killGraceMs: 200,
    });
    const pid = await pidFrom(f);
    expect(alive(pid)).toBe(true);
    stop.abort();
    const r = await running;
    expect(r.aborted).toBe(true);
    expect(alive(pid)).toBe(false);
    expect(alive(r.pid)).toBe(false);
  });
});
