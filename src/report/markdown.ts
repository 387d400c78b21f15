// Markdown escaping for text that comes from profiles (frame names, files, warnings that quote
// them). Profiles come from untrusted code (fork PRs), so nothing they contain may become an
// @mention, a link, an image, HTML or table structure in a GitHub comment.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const ZWSP = '\u200b';

/** Removes control and bidi-override characters (terminal escapes, Trojan-source reordering). */
export function stripControl(s: string): string {
  return s.replace(CONTROL, '\ufffd');
}

/**
 * A code span: inside one, GitHub renders no Markdown, no HTML, no mention and no autolink.
 * Pipes are escaped so the span is safe in a table cell; the fence is longer than any backtick
 * run inside. Long names are shortened in the middle.
 */
export function mdCode(s: string, max = 140): string {
  let t = stripControl(s).replace(/[\r\n\t]+/g, ' ');
  if (t.length > max) t = `${t.slice(0, Math.ceil(max / 2) - 1)}…${t.slice(t.length - Math.floor(max / 2))}`;
  t = t.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') || t === '' ? ' ' : '';
  return `${fence}${pad}${t || ' '}${pad}${fence}`;
}

/**
 * Plain prose that may quote profile text: every Markdown punctuation character is backslash-
 * escaped, `<` and `&` become entities, and mentions, autolinks and bare URLs are broken with a
 * zero-width space (GitHub finds mentions and URLs in the rendered text, after escapes).
 */
export function mdText(s: string): string {
  return stripControl(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~=^$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:(?=\\?\/)/g, `:${ZWSP}`)
    .replace(/\b(www)\\\./gi, `$1${ZWSP}\\.`);
}

/** A link target we built ourselves; anything but http(s) is refused. Characters that end a link are encoded. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(
    /[()<>"'`\\[\]]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A fenced block whose fence cannot be closed by the content. */
export function mdFence(text: string, info = 'text'): string {
  const clean = stripControl(text);
  const longest = Math.max(2, ...(clean.match(/`{3,}|~{3,}/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${clean.replace(/\n$/, '')}\n${fence}`;
}
