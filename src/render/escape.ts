// Frame names come from profiled (possibly hostile) code. Everything that lands in the SVG goes
// through one of these functions.

// Characters XML 1.0 forbids (a single one makes the whole SVG unreadable): C0 controls other
// than tab/newline/return, lone surrogates, U+FFFE/U+FFFF.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces characters XML cannot carry with U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, '\ufffd');
}

const XML_ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for SVG element content and attribute values (either quote style). */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/[&<>"']/g, (c) => XML_ESC[c]);
}

/**
 * JSON that can sit inside a <script> element of an SVG (XML) or an HTML page: no `<`, `>` or
 * `&` (so no `</script>`, `]]>` or entity), no U+2028/2029 (line breaks in older JS parsers),
 * no XML-invalid characters (JSON.stringify already escapes controls and lone surrogates).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029\ufffe\uffff]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
