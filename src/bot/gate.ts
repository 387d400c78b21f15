// The pull_request path consults acceptances: when the gate fails for a head commit someone with
// write access accepted, the check passes and the comment says who accepted it and why. Only the
// exact commit is covered, so a new push is gated again.
import type { FlamediffOptions } from '../config/options.js';
import type { CheckContext, CheckResult } from '../pipeline/types.js';
import { openStore } from '../store/index.js';
import { type Acceptance, isAccepted, withAcceptance } from './acceptances.js';

export type RunCheck = (opts: FlamediffOptions, ctx: CheckContext) => Promise<CheckResult>;

/** The pull request of a run: CheckContext.pullNumber, else the one the action's env names. */
export function applyAcceptance(result: CheckResult, a: Acceptance, log?: (l: string) => void): CheckResult {
  log?.(
    `flamediff: the gate failed, but ${a.sha.slice(0, 12)} was accepted by ${a.by} at ${a.at}${a.reason ? ` (${a.reason.slice(0, 200)})` : ''}: passing.`,
  );
  return {
    ...result,
    verdict: 'pass',
    commentMarkdown: result.commentMarkdown && withAcceptance(result.commentMarkdown, a),
    summaryMarkdown: withAcceptance(`\n${result.summaryMarkdown}`, a),
  };
}

/**
 * Wraps runCheck: after a failing comparison for a pull request, looks up an acceptance of exactly
 * the head commit. `pullOf` gives the pull request number (the action knows it even when the
 * pipeline was not asked to store pictures).
 */
export function withAcceptances(run: RunCheck, pullOf: (ctx: CheckContext) => number | undefined): RunCheck {
  return async (opts, ctx) => {
    const result = await run(opts, ctx);
    const pull = pullOf(ctx);
    if (result.mode !== 'compare' || result.verdict !== 'fail' || pull === undefined) return result;
    const store = await openStore(opts, ctx.cwd ?? process.cwd());
    try {
      const a = await isAccepted(store, pull, ctx.headSha);
      return a ? applyAcceptance(result, a, ctx.log) : result;
    } finally {
      await store.close();
    }
  };
}
