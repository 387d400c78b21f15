// Commit ids as people read them.

/**
 * The first 7 hex digits of a commit id, lowercase (as `git log --oneline` shows them on small
 * repositories). Anything that is not a hex digit is dropped, so a sha taken from an event, a
 * stored file or a fork's input can never carry text into a comment or a log line; an id with
 * no hex digit at all reads `unknown`.
 */
export function shortSha(sha: string): string {
  return (
    sha
      .replace(/[^0-9a-f]/gi, '')
      .slice(0, 7)
      .toLowerCase() || 'unknown'
  );
}
