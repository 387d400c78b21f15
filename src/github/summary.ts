// GitHub rejects a step summary over 1 MiB (and then shows none at all), so a long report is cut
// at a line boundary with a note saying where the full report is.

export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export function fitSummary(markdown: string, note: string, limit = SUMMARY_LIMIT_BYTES): string {
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const tail = `\n\n> ${note}\n`;
  const budget = limit - Buffer.byteLength(tail, 'utf8');
  // Cut on bytes, then back off to the last newline so no line (or character) is split.
  let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  const nl = cut.lastIndexOf('\n');
  if (nl > 0) cut = cut.slice(0, nl);
  return `${cut}${tail}`;
}
