// Refactors from the PR's diff: which functions were renamed, moved to another file, or moved to
// another caller between two commits. `git diff -M` gives the changed (and renamed) files and
// their hunks; each hunk is mapped to the function around it (found by a small per-language
// parser of function headers), and functions that disappeared are paired with functions that
// appeared by their body. A function's body is compared with its own name blanked out and
// whitespace collapsed, so a pure rename or move matches exactly and an edited one by line overlap.
// The stats side (src/stats/rename-match.ts) checks each hint against the profiles.
import { firstLine, git } from '../lib/git.js';

export interface FunctionRef {
  name: string;
  /** Path relative to the repository root, as git names it. */
  file: string;
}

export type RefactorHint =
  | {
      kind: 'renamed' | 'moved' | 'renamed and moved';
      from: FunctionRef;
      to: FunctionRef;
      similarity: number;
    }
  | { kind: 'caller'; callee: string; fromCaller: FunctionRef; toCaller: FunctionRef };

export interface HintsResult {
  hints: RefactorHint[];
  /** Why no diff could be computed (a commit missing from a shallow clone, not a repository), else null. */
  error: string | null;
}

interface Fn {
  name: string;
  start: number;
  end: number;
  body: string[];
}

interface FileDiff {
  oldPath: string | null;
  newPath: string | null;
  /** Removed line numbers (old side) and added line numbers (new side). */
  removed: Set<number>;
  added: Set<number>;
}

/** Lowest similarity of two bodies (Dice coefficient of their lines) that still pairs them. */
const MIN_SIMILARITY = 0.6;

const CODE = /\.(m?[jt]sx?|cjs|cts|py|pyx|go|c|cc|cpp|cxx|h|hpp|rs|java|kt|scala|rb)$/i;

async function out(cwd: string, args: string[]): Promise<string | null> {
  const r = await git(cwd, args).catch(() => null);
  return r && r.code === 0 ? r.stdout.toString('utf8') : null;
}

export async function refactorHints(cwd: string, baseSha: string, headSha: string): Promise<HintsResult> {
  for (const sha of [baseSha, headSha]) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) return { hints: [], error: `'${sha}' is not a commit id` };
    const ok = await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]).catch(() => null);
    if (ok?.code !== 0) {
      const why = ok ? firstLine(ok.stderr) : 'git is not available';
      return {
        hints: [],
        error: `commit ${sha.slice(0, 7)} is not in this clone (${why || 'shallow clone?'}; fetch-depth: 0 fetches it)`,
      };
    }
  }
  const diff = await out(cwd, [
    'diff',
    '-M',
    '--find-renames',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    baseSha,
    headSha,
  ]);
  if (diff === null)
    return { hints: [], error: `git diff ${baseSha.slice(0, 7)} ${headSha.slice(0, 7)} failed` };
  const files = parseDiff(diff).filter((f) => CODE.test(f.newPath ?? f.oldPath ?? ''));
  // Every file's two versions in one `git cat-file --batch` (one process, not two per file).
  const specs = files.flatMap((f) => [
    f.oldPath ? `${baseSha}:${f.oldPath}` : '',
    f.newPath ? `${headSha}:${f.newPath}` : '',
  ]);
  const blobs = await catFiles(cwd, specs);
  const sides = files.map((f, i) => ({
    diff: f,
    old: parseFunctions(f.oldPath ?? '', blobs[2 * i]),
    now: parseFunctions(f.newPath ?? '', blobs[2 * i + 1]),
  }));
  return { hints: hintsFrom(sides), error: null };
}

/** Contents of `rev:path` specs ('' for an empty spec or a missing object), in order. */
async function catFiles(cwd: string, specs: string[]): Promise<string[]> {
  const asked = specs.filter((x) => x !== '');
  if (asked.length === 0) return specs.map(() => '');
  const r = await git(cwd, ['cat-file', '--batch'], { input: `${asked.join('\n')}\n` }).catch(() => null);
  const found: string[] = [];
  if (r && r.code === 0) {
    const buf = r.stdout;
    let at = 0;
    for (let k = 0; k < asked.length && at < buf.length; k++) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) break;
      const header = buf.subarray(at, nl).toString('utf8');
      const m = /^[0-9a-f]+ \w+ (\d+)$/.exec(header);
      if (!m) {
        found.push(''); // "<spec> missing"
        at = nl + 1;
        continue;
      }
      const size = Number(m[1]);
      found.push(buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      at = nl + 1 + size + 1;
    }
  }
  let k = 0;
  return specs.map((x) => (x === '' ? '' : (found[k++] ?? '')));
}

/** Pure: the hints from each changed file's diff and its functions before and after. */
export function hintsFrom(files: { diff: FileDiff; old: Fn[]; now: Fn[] }[]): RefactorHint[] {
  const hints: RefactorHint[] = [];
  const gone: { fn: Fn; file: string }[] = [];
  const added: { fn: Fn; file: string }[] = [];
  const calls: { removed: Map<string, FunctionRef[]>; added: Map<string, FunctionRef[]> } = {
    removed: new Map(),
    added: new Map(),
  };
  const note = (m: Map<string, FunctionRef[]>, callee: string, caller: FunctionRef) => {
    const list = m.get(callee) ?? [];
    if (!list.some((c) => c.name === caller.name && c.file === caller.file)) list.push(caller);
    m.set(callee, list);
  };
  for (const { diff, old, now } of files) {
    const oldNames = new Set(old.map((f) => f.name));
    const newNames = new Set(now.map((f) => f.name));
    const renamedFile = diff.oldPath !== null && diff.newPath !== null && diff.oldPath !== diff.newPath;
    for (const f of old) {
      if (!newNames.has(f.name)) {
        if (touches(f, diff.removed) || renamedFile || diff.newPath === null)
          gone.push({ fn: f, file: diff.oldPath as string });
      } else if (renamedFile) {
        // The whole file moved: each of its functions keeps its name under the new path.
        const to = now.find((g) => g.name === f.name) as Fn;
        hints.push({
          kind: 'moved',
          from: { name: f.name, file: diff.oldPath as string },
          to: { name: f.name, file: diff.newPath as string },
          similarity: similarity(f, to),
        });
      }
      for (const line of diff.removed) {
        if (line > f.start && line <= f.end) {
          for (const c of callsIn(f.body[line - f.start]))
            if (c !== f.name) note(calls.removed, c, { name: f.name, file: diff.oldPath as string });
        }
      }
    }
    for (const f of now) {
      if (!oldNames.has(f.name) && (touches(f, diff.added) || renamedFile || diff.oldPath === null))
        added.push({ fn: f, file: diff.newPath as string });
      for (const line of diff.added) {
        if (line > f.start && line <= f.end) {
          for (const c of callsIn(f.body[line - f.start]))
            if (c !== f.name) note(calls.added, c, { name: f.name, file: diff.newPath as string });
        }
      }
    }
  }
  // Pair gone and new functions by body, best pairs first (ties: names, files).
  const pairs: { g: number; a: number; s: number }[] = [];
  gone.forEach((g, gi) => {
    added.forEach((a, ai) => {
      const s = similarity(g.fn, a.fn);
      if (s >= MIN_SIMILARITY) pairs.push({ g: gi, a: ai, s });
    });
  });
  pairs.sort((x, y) => y.s - x.s || x.g - y.g || x.a - y.a);
  const usedG = new Set<number>();
  const usedA = new Set<number>();
  const renamedTo = new Map<string, string>();
  for (const p of pairs) {
    if (usedG.has(p.g) || usedA.has(p.a)) continue;
    usedG.add(p.g);
    usedA.add(p.a);
    const g = gone[p.g];
    const a = added[p.a];
    const kind =
      g.fn.name === a.fn.name ? 'moved' : g.file === a.file ? 'renamed' : ('renamed and moved' as const);
    hints.push({
      kind,
      from: { name: g.fn.name, file: g.file },
      to: { name: a.fn.name, file: a.file },
      similarity: Math.round(p.s * 1000) / 1000,
    });
    renamedTo.set(g.fn.name, a.fn.name);
  }
  // A call removed from one function and added to another: the callee moved to another caller
  // (not when the caller itself was renamed or moved: its whole body is removed and added).
  const same = (x: FunctionRef, y: FunctionRef) => x.name === y.name && x.file === y.file;
  const refactored = hints.flatMap((h) => (h.kind === 'caller' ? [] : [h]));
  for (const [callee, from] of [...calls.removed].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const to = calls.added.get(callee) ?? calls.added.get(renamedTo.get(callee) ?? '\0');
    if (!to || from.length !== 1 || to.length !== 1) continue;
    if (same(from[0], to[0])) continue;
    if (refactored.some((h) => same(h.from, from[0]) && same(h.to, to[0]))) continue;
    hints.push({ kind: 'caller', callee, fromCaller: from[0], toCaller: to[0] });
  }
  return hints;
}

function touches(f: Fn, lines: Set<number>): boolean {
  for (const l of lines) if (l >= f.start && l <= f.end) return true;
  return false;
}

const NOT_CALLS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'typeof',
  'new',
  'await',
  'yield',
  'elif',
  'print',
  'sizeof',
  'super',
]);

function callsIn(line: string | undefined): string[] {
  if (!line) return [];
  const outCalls: string[] = [];
  for (const m of line.replace(/(["'`]).*?\1/g, '""').matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)) {
    if (!NOT_CALLS.has(m[1])) outCalls.push(m[1]);
  }
  return outCalls;
}

/** Dice coefficient of the normalised body lines (own name blanked, visibility and whitespace dropped). */
export function similarity(a: Fn, b: Fn): number {
  const norm = (f: Fn) =>
    f.body
      .map((l) =>
        l
          .split(f.name)
          .join('\u0001')
          // Visibility is not the body: `export` / `pub` added when a function moves to a module.
          .replace(/^\s*(?:export\s+(?:default\s+)?|pub(?:\([^)]*\))?\s+)/, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((l) => l !== '');
  const x = norm(a);
  const y = norm(b);
  if (x.length === 0 || y.length === 0) return 0;
  if (x.join('\n') === y.join('\n')) return 1;
  const count = new Map<string, number>();
  for (const l of x) count.set(l, (count.get(l) ?? 0) + 1);
  let common = 0;
  for (const l of y) {
    const c = count.get(l) ?? 0;
    if (c > 0) {
      common++;
      count.set(l, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Parses `git diff -U0` output: file pairs (renames included) and their changed line numbers. */
export function parseDiff(text: string): FileDiff[] {
  const files: FileDiff[] = [];
  let cur: FileDiff | null = null;
  const unq = (p: string) => {
    const s = p.startsWith('"') ? (JSON.parse(p) as string) : p;
    return s === '/dev/null' ? null : s.replace(/^[ab]\//, '');
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      cur = { oldPath: null, newPath: null, removed: new Set(), added: new Set() };
      files.push(cur);
      const m = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
      if (m) {
        cur.oldPath = m[1];
        cur.newPath = m[2];
      }
    } else if (!cur) {
    } else if (line.startsWith('rename from ')) cur.oldPath = line.slice('rename from '.length);
    else if (line.startsWith('rename to ')) cur.newPath = line.slice('rename to '.length);
    else if (line.startsWith('--- ')) cur.oldPath = unq(line.slice(4));
    else if (line.startsWith('+++ ')) cur.newPath = unq(line.slice(4));
    else if (line.startsWith('@@')) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const [os, oc, ns, nc] = [
        Number(m[1]),
        m[2] === undefined ? 1 : Number(m[2]),
        Number(m[3]),
        m[4] === undefined ? 1 : Number(m[4]),
      ];
      for (let i = 0; i < oc; i++) cur.removed.add(os + i);
      for (let i = 0; i < nc; i++) cur.added.add(ns + i);
    }
  }
  return files;
}

const HEADERS: { test: RegExp; patterns: RegExp[]; indent: boolean }[] = [
  {
    test: /\.(m?[jt]sx?|cjs|cts)$/i,
    indent: false,
    patterns: [
      /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/,
      /^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/,
      /^\s*(?:(?:static|async|get|set|public|private|protected)\s+)*\*?([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*(?::\s*[^{]+)?\{\s*$/,
    ],
  },
  { test: /\.(py|pyx)$/i, indent: true, patterns: [/^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/] },
  { test: /\.go$/i, indent: false, patterns: [/^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*[[(]/] },
  {
    test: /\.rs$/i,
    indent: false,
    patterns: [/^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+([A-Za-z_]\w*)/],
  },
  { test: /\.rb$/i, indent: false, patterns: [/^\s*def\s+(?:self\.)?([A-Za-z_]\w*[?!]?)/] },
  {
    test: /\.(c|cc|cpp|cxx|h|hpp|java|kt|scala)$/i,
    indent: false,
    patterns: [
      /^\s{0,4}(?!(?:if|for|while|switch|return|else|do|case)\b)(?:[\w:<>,*&[\]]+\s+)+\**([A-Za-z_]\w*)\s*\([^;]*$/,
      /^\s*(?:override\s+)?fun\s+([A-Za-z_]\w*)\s*\(/,
      /^\s*def\s+([A-Za-z_]\w*)/,
    ],
  },
];

const KEYWORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'function',
  'return',
  'else',
  'constructor',
]);

/** Function headers and extents (1-based lines) in one file's text; unknown languages give none. */
export function parseFunctions(file: string, text: string): Fn[] {
  const lang = HEADERS.find((h) => h.test.test(file));
  if (!lang || text === '') return [];
  const lines = text.split('\n');
  const fns: Fn[] = [];
  for (let i = 0; i < lines.length; i++) {
    let name: string | null = null;
    for (const p of lang.patterns) {
      const m = p.exec(lines[i]);
      if (m && !KEYWORDS.has(m[1])) {
        name = m[1];
        break;
      }
    }
    if (!name) continue;
    const end = lang.indent ? indentEnd(lines, i) : braceEnd(lines, i);
    fns.push({ name, start: i + 1, end: end + 1, body: lines.slice(i, end + 1) });
  }
  return fns;
}

function indentEnd(lines: string[], start: number): number {
  const indent = (l: string) => l.length - l.trimStart().length;
  const base = indent(lines[start]);
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    if (indent(lines[i]) <= base) break;
    end = i;
  }
  return end;
}

function braceEnd(lines: string[], start: number): number {
  let depth = 0;
  let opened = false;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i].replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$/, '');
    for (const c of l) {
      if (c === '{') {
        depth++;
        opened = true;
      } else if (c === '}') depth--;
    }
    if (opened && depth <= 0) return i;
    // An arrow function without a block ends with its statement.
    if (!opened && i > start + 2) return start;
    if (!opened && /;\s*$/.test(l)) return i;
  }
  return lines.length - 1;
}
