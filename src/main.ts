// The action's composition root: the real runner, API client, sampler installer and pipeline.
// The API client and the pipeline (samplers, statistics, the PNG renderer's WebAssembly) load
// only when there is work for them, so skipped events and the first log line do not wait.
import { gatedRunCheck, withBotHandlers } from './bot/action-hooks.js';
import { errorLine } from './errors.js';
import type { ActionIo } from './github/action-io.js';
import { baseHandlers } from './github/dispatch.js';
import { type ActionDeps, runAction } from './github/run-action.js';
import { runnerIo } from './github/runner-commands.js';
import { withInterrupt } from './sample/interrupt.js';
import { descendants } from './sample/process-group.js';

export function defaultDeps(io: ActionIo = runnerIo()): ActionDeps {
  return {
    io,
    env: process.env,
    // The handler table, built here explicitly: the action's events plus the bot's.
    handlers: withBotHandlers(baseHandlers()),
    runCheck: gatedRunCheck(
      async (opts, ctx) => (await import('./pipeline/check.js')).runCheck(opts, ctx),
      process.env,
    ),
    createClient: async (o) => (await import('./github/octokit.js')).createClient(o),
    installSampler: async (sampler, log, warn) =>
      (await import('./github/install-sampler.js')).installSampler(sampler, log, warn),
  };
}

export interface RunOptions {
  /** How long a cancelled run may take to unwind before its helper processes are killed (3 s). */
  graceMs?: number;
  /** Ends the process when even that did not help (process.exit; tests pass their own). */
  exit?: (code: number) => void;
}

/**
 * The action's one try/catch: anything that escapes fails the step with a one-line reason.
 * SIGTERM and SIGINT (a cancelled run, `cancel-in-progress`) abort the run instead of killing the
 * process, so the workload is stopped and temporary files and refs are removed on the way out.
 */
export async function run(deps: Partial<ActionDeps> = {}, o: RunOptions = {}): Promise<void> {
  const io = deps.io ?? runnerIo();
  await withInterrupt(async (signal) => {
    const unwatch = watchCancel(signal, io, o);
    try {
      await runAction({ ...defaultDeps(io), signal, ...deps });
    } catch (err) {
      io.setFailed(errorLine(err));
      // A bug (not a user error) also gets its stack, for bug reports.
      if (err instanceof Error && err.stack && !('exitCode' in err)) io.info(err.stack);
    } finally {
      unwatch();
    }
  });
}

/**
 * After a cancel the run unwinds by itself: the workload's group is stopped, API requests are cut
 * off, temporary files and refs go in `finally` blocks. If something still holds it after `graceMs`
 * (a git fetch or push, a pip install), its child processes are killed so it can unwind; after as
 * long again the step ends regardless, before the runner's SIGKILL (about 7.5 s after SIGTERM).
 */
function watchCancel(signal: AbortSignal, io: ActionIo, o: RunOptions): () => void {
  const grace = o.graceMs ?? 3000;
  const timers: NodeJS.Timeout[] = [];
  const onAbort = () => {
    const killHelpers = setTimeout(() => {
      const left = descendants(process.pid);
      for (const p of left) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {}
      }
      if (left.length > 0) {
        const names = left.map((p) => `${p.pid} (${p.comm.replace(/[^\x20-\x7e]/g, '?')})`).join(', ');
        io.info(`flamediff: cancelled, and still busy after ${grace / 1000} s: killed ${names}.`);
      }
    }, grace);
    const giveUp = setTimeout(() => {
      const why = signal.reason instanceof Error ? signal.reason.message : 'cancelled';
      io.setFailed(
        `flamediff: cancelled (${why}); the job did not finish unwinding within ${(2 * grace) / 1000} s, so temporary files or refs may be left behind.`,
      );
      (o.exit ?? process.exit)(1);
    }, 2 * grace);
    // Neither holds the process open: they matter only while something else does.
    killHelpers.unref();
    giveUp.unref();
    timers.push(killHelpers, giveUp);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
    for (const t of timers) clearTimeout(t);
  };
}
