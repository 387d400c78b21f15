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
 */
export function parseBotCommand(body: string): BotCommand | null {
  // The open fence (a ``` block is closed only by ``` of at least its length, not by ~~~).
  let fence: string | null = null;
  let inHtmlComment = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const f = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (f && f[0] === fence[0] && f.length >= fence.length && line === f) fence = null;
      continue;
    }
    if (f) {
      fence = f;
      continue;
    }
    // Text nobody sees when the comment is rendered must not act.
    if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
      continue;
    }
    if (line.startsWith('<!--')) {
      inHtmlComment = !line.includes('-->', 4);
      continue;
    }
    // Four spaces or a tab: an indented code block; `>`: a quote.
    if (/^( {4}|\t)/.test(raw) || line.startsWith('>')) continue;
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
