// Line iteration without split(): one indexOf per line, CR of CRLF dropped, no array of lines.

/** Calls fn(line, lineNumber) for every line (1-based); a final line without newline counts. */
export function forEachLine(text: string, fn: (line: string, lineNo: number) => void): void {
  const n = text.length;
  let start = 0;
  let lineNo = 0;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    lineNo++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    fn(text.slice(start, stop), lineNo);
    start = end + 1;
  }
}

/** First non-blank, non-comment lines (for content sniffs), at most `max` of them. */
export function firstLines(text: string, max: number, skipComments = true): string[] {
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  while (start < n && out.length < max) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    const line = text.slice(start, end).trim();
    if (line !== '' && !(skipComments && line.startsWith('#'))) out.push(line);
    start = end + 1;
  }
  return out;
}
