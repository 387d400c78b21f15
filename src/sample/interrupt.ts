// Ctrl-C / SIGTERM for commands that run workloads: each run is its own process group (session),
// so a terminal's SIGINT never reaches it; the command must turn the signal into an abort that the
// runner handles (stop the group, remove staged files, exit 130) instead of dying and orphaning it.

/**
 * Runs `fn` with a signal that aborts on SIGINT or SIGTERM (its reason an Error saying which, e.g.
 * `received SIGTERM`); the handlers are removed afterwards.
 */
export async function withInterrupt<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => controller.abort(new Error(`received ${sig}`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
