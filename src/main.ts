import * as core from '@actions/core';
import { errorLine } from './errors.js';
import { coreIo } from './github/action-io.js';
import { createClient } from './github/octokit.js';
import { type ActionDeps, runAction } from './github/run-action.js';

/**
 * The real runner, API, sampler installer and pipeline; tests replace any of them. The pipeline
 * (samplers, statistics, the PNG renderer's WebAssembly) loads only when there is work to do, so
 * skipped events and the first log line do not wait for it.
 */
export function defaultDeps(): ActionDeps {
  return {
    io: coreIo(),
    env: process.env,
    runCheck: async (opts, ctx) => (await import('./pipeline/check.js')).runCheck(opts, ctx),
    createClient,
    installSampler: async (sampler, log, warn) =>
      (await import('./github/install-sampler.js')).installSampler(sampler, log, warn),
  };
}

/** The action's one try/catch: anything that escapes fails the step with a one-line reason. */
export async function run(deps: Partial<ActionDeps> = {}): Promise<void> {
  try {
    await runAction({ ...defaultDeps(), ...deps });
  } catch (err) {
    core.setFailed(errorLine(err));
    // A bug (not a user error) also gets its stack in the debug log, for bug reports.
    if (err instanceof Error && err.stack && !('exitCode' in err)) core.debug(err.stack);
  }
}
