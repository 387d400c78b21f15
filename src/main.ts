// The action's composition root: the real runner, API client, sampler installer and pipeline.
// The API client and the pipeline (samplers, statistics, the PNG renderer's WebAssembly) load
// only when there is work for them, so skipped events and the first log line do not wait.
import { gatedRunCheck, withBotHandlers } from './bot/action-hooks.js';
import { errorLine } from './errors.js';
import type { ActionIo } from './github/action-io.js';
import { baseHandlers } from './github/dispatch.js';
import { type ActionDeps, runAction } from './github/run-action.js';
import { runnerIo } from './github/runner-commands.js';

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

/** The action's one try/catch: anything that escapes fails the step with a one-line reason. */
export async function run(deps: Partial<ActionDeps> = {}): Promise<void> {
  const io = deps.io ?? runnerIo();
  try {
    await runAction({ ...defaultDeps(io), ...deps });
  } catch (err) {
    io.setFailed(errorLine(err));
    // A bug (not a user error) also gets its stack, for bug reports.
    if (err instanceof Error && err.stack && !('exitCode' in err)) io.info(err.stack);
  }
}
