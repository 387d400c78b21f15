// Parses `/flamediff ...` commands from PR comment bodies. Comment text is hostile input: the
// parser only recognises a fixed grammar, never evaluates anything, and bounds every field.

export type BotCommand =
  | { kind: 'accept'; reason: string }
  | { kind: 'explain'; frame: string }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string };

const MAX_REASON = 500;
const MAX_FRAME = 300;

/**
 * Finds the first line that starts with `/flamediff` (outside code blocks, quotes and HTML
 * comments, as GitHub renders them) and parses it. Returns null when the comment holds no command.
 *
 * HTML comments are invisible wherever they open: at the start of a line (an HTML block) or in the
 * middle of one (inline HTML, which may span lines), so every `<!-- ... -->` span is removed before
 * lines are read. An unclosed `<!--` hides the rest of the comment: CommonMark would show the text
 * of an unclosed inline one, but a command nobody can be sure was visible must not act.
 */
export function parseBotCommand(body: string): BotCommand | null {
  // The open fence (a ``` block is closed only by ``` of at least its length, not by ~~~).
  let fence: string | null = null;
  let inHtmlComment = false;
  for (const raw of body.split(/\r?\n/)) {
    const f = /^(`{3,}|~{3,})/.exec(raw.trim())?.[1];
    if (fence !== null) {
      if (f && f[0] === fence[0] && f.length >= fence.length && raw.trim() === f) fence = null;
      continue;
    }
    // Text nobody sees when the comment is rendered must not act.
    const visible = withoutHtmlComments(raw, inHtmlComment);
    inHtmlComment = visible.open;
    if (visible.hadComment && visible.text.trim() === '') continue;
    const text = visible.text;
    const line = text.trim();
    if (!visible.hadComment && f) {
      fence = f;
      continue;
    }
    // Four spaces or a tab: an indented code block; `>`: a quote.
    if (/^( {4}|\t)/.test(text) || line.startsWith('>')) continue;
    const m = /^\/flamediff(?:\s+(\S+))?(?:\s+(.*))?$/i.exec(line);
    if (!m) continue;
    const word = (m[1] ?? 'help').toLowerCase();
    const rest = cleanArgument(m[2] ?? '');
    switch (word) {
      case 'accept':
        return { kind: 'accept', reason: rest.slice(0, MAX_REASON) };
      case 'explain':
        return rest
          ? { kind: 'explain', frame: rest.slice(0, MAX_FRAME) }
          : { kind: 'unknown', word: 'explain' };
      case 'help':
        return { kind: 'help' };
      default:
        return { kind: 'unknown', word: word.slice(0, 40) };
    }
  }
  return null;
}

/**
 * The visible part of one line: `<!-- ... -->` spans removed (each replaced by one space so words on
 * either side stay apart), starting inside a comment when `open`. `open` in the result says whether
 * a comment is still open at the end of the line. `<!-->` and `<!--->` are complete (empty) comments.
 */
export function withoutHtmlComments(
  line: string,
  open: boolean,
): { text: string; open: boolean; hadComment: boolean } {
  let out = '';
  let at = 0;
  let inside = open;
  let hadComment = open;
  while (at <= line.length) {
    if (inside) {
      const end = line.indexOf('-->', at);
      if (end < 0) return { text: out, open: true, hadComment };
      at = end + 3;
      inside = false;
      continue;
    }
    const start = line.indexOf('<!--', at);
    if (start < 0) {
      out += line.slice(at);
      break;
    }
    out += `${line.slice(at, start)}${start > 0 ? ' ' : ''}`;
    hadComment = true;
    at = start + 4;
    if (line.startsWith('>', at)) at += 1;
    else if (line.startsWith('->', at)) at += 2;
    else inside = true;
  }
  return { text: out, open: false, hadComment };
}

/** Strips control characters and surrounding quotes/backticks; collapses white space. */
function cleanArgument(s: string): string {
  let t = s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const q = /^(["'`])(.*)\1$/.exec(t);
  if (q) t = q[2].trim();
  return t;
}

export const BOT_HELP = [
  'flamediff commands (in a pull request comment):',
  '',
  '- `/flamediff accept [reason]`: accept the performance changes of the current head commit (write access needed; a new push needs a new acceptance).',
  "- `/flamediff explain <frame>`: show a frame's call paths and numbers before and after.",
  '- `/flamediff help`: this list.',
  '',
  'The label `performance-regression-accepted` also accepts the current head commit.',
].join('\n');
