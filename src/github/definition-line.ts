// At function granularity the comparison keys frames by function, so a frame may come without a
// line. An annotation needs one: find where the function is defined in the repository file.
// Only plain definitions are recognised (Python def, JS function/method/arrow, C-family and Go/Rust
// function headers); anything unclear gives null and no annotation rather than a wrong line.

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `pkg.Class.method`, `ns::fn(int)`, `Obj#m` -> the last plain identifier, or null. */
function baseName(name: string): string | null {
  const noArgs = name.replace(/\(.*$/, '').trim();
  const last = noArgs.split(/\.|::|#|\//).pop() ?? '';
  return IDENT.test(last) ? last : null;
}

function escapeRe(s: string): string {
  return s.replace(/[$]/g, '\\$');
}

function patterns(n: string): RegExp[] {
  return [
    new RegExp(`^\\s*(?:async\\s+)?def\\s+${n}\\s*\\(`),
    new RegExp(`\\bfunction\\s*\\*?\\s*${n}\\s*\\(`),
    new RegExp(
      `\\b(?:const|let|var)\\s+${n}\\s*=\\s*(?:async\\s*)?(?:function\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>)`,
    ),
    new RegExp(`^\\s*(?:(?:static|async|get|set|public|private|protected)\\s+)*${n}\\s*\\([^)]*\\)\\s*\\{`),
    new RegExp(`^func\\s+(?:\\([^)]*\\)\\s*)?${n}\\s*\\(`),
    new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:async\\s+)?fn\\s+${n}\\b`),
    // C/C++: a header starting in column 0 (return type first, or on the line above as in GNU
    // style), not a declaration ending in ';'.
    new RegExp(`^(?:[A-Za-z_][\\w\\s\\*&:<>,]*[\\s\\*&])?${n}\\s*\\([^;]*$`),
  ];
}

/** 1-based line where `name` is defined in `text`, or null. */
export function findDefinitionLine(text: string, name: string): number | null {
  const n = baseName(name);
  if (!n) return null;
  const res = patterns(escapeRe(n));
  const lines = text.split('\n');
  for (const re of res) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return i + 1;
  }
  return null;
}
