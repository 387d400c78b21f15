import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickAnnotations } from '../../src/github/annotations.js';
import { findDefinitionLine } from '../../src/github/definition-line.js';
import { createSourceResolver } from '../../src/github/source-files.js';
import { frame, report } from './helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'flamediff-ann-'));
mkdirSync(path.join(root, 'app'));
const tracked = new Set(['app/parse.py', 'app/tokenize.py', 'bench.py', 'src/lib.js']);
const resolve = createSourceResolver({ root, workDir: path.join(root, 'app'), tracked });

describe('source files', () => {
  it('maps absolute paths, file:// URLs and workload-relative paths to tracked repository files', () => {
    expect(resolve(path.join(root, 'app/parse.py'))).toBe('app/parse.py');
    expect(resolve(pathToFileURL(path.join(root, 'src/lib.js')).href)).toBe('src/lib.js');
    expect(resolve('tokenize.py')).toBe('app/tokenize.py'); // relative to the working directory
    expect(resolve('bench.py')).toBe('bench.py'); // relative to the repository root
  });

  it('rejects files outside the repository or not tracked by git', () => {
    expect(resolve('/usr/lib/python3.12/json/decoder.py')).toBeNull();
    expect(resolve(path.join(root, 'node_modules/x/index.js'))).toBeNull();
    expect(resolve('../../etc/passwd')).toBeNull();
    expect(resolve('node:internal/timers')).toBeNull();
    expect(resolve('https://example.com/app.js')).toBeNull();
    expect(resolve('')).toBeNull();
  });
});

describe('annotations', () => {
  it('annotates ranked regressions in the repository, most important first, on their lines', () => {
    const r = report([
      frame(2, 'parse', path.join(root, 'app/parse.py'), 40, 0.1, 0.105),
      frame(1, 'tokenize', 'tokenize.py', 12, 0.1, 0.2),
      frame(3, 'json.loads', '/usr/lib/python3.12/json/__init__.py', 346),
      frame(null, 'main', 'bench.py', 3),
    ]);
    const a = pickAnnotations(r, resolve, true);
    expect(a.map((x) => [x.level, x.file, x.line])).toEqual([
      ['error', 'app/tokenize.py', 12],
      // 0.5 pp is under the 1 pp frame gate: reported, but not the reason the check fails.
      ['warning', 'app/parse.py', 40],
    ]);
    expect(a[0].title).toBe('flamediff: regression #1 tokenize');
    expect(a[0].message).toBe(
      'tokenize: inclusive share 10.00% -> 20.00%, +10.00 pp (+100%); q = 0.0040 over 5 runs.',
    );
  });

  it('makes every annotation a warning when the gate is off or the verdict passes', () => {
    const frames = [frame(1, 'tokenize', 'tokenize.py', 12)];
    expect(pickAnnotations(report(frames), resolve, false)[0].level).toBe('warning');
    expect(pickAnnotations(report(frames, 'pass'), resolve, true)[0].level).toBe('warning');
  });

  it("keeps within GitHub's per-level limit, dropping the least important", () => {
    const frames = Array.from({ length: 25 }, (_, i) => frame(i + 1, `f${i + 1}`, 'bench.py', i + 1));
    const a = pickAnnotations(report(frames), resolve, true);
    expect(a).toHaveLength(10);
    expect(a.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const mixed = [
      ...frames.slice(0, 12),
      ...Array.from({ length: 12 }, (_, i) => frame(13 + i, `s${i}`, 'bench.py', 100 + i, 0.1, 0.101)),
    ];
    const b = pickAnnotations(report(mixed), resolve, true);
    expect(b.filter((x) => x.level === 'error')).toHaveLength(10);
    expect(b.filter((x) => x.level === 'warning')).toHaveLength(10);
  });

  it('skips frames without a line and duplicates of the same line', () => {
    const a = pickAnnotations(
      report([frame(1, 'a', 'bench.py', 0), frame(2, 'b', 'bench.py', 5), frame(3, 'c', 'bench.py', 5)]),
      resolve,
      true,
    );
    expect(a.map((x) => x.title)).toEqual(['flamediff: regression #2 b']);
  });
});

describe('definition lines (function granularity gives no line)', () => {
  const js = [
    'import x from "y";',
    'function tokenise(line) {',
    '  return line;',
    '}',
    'const score = async (t) => t;',
    'class A {',
    '  static parse(text) {',
    '    return text;',
    '  }',
    '}',
  ].join('\n');
  const py =
    'import os\n\n\nclass P:\n    def tokenize(self, s):\n        return s\n\nasync def main():\n    pass\n';
  const c =
    '#include <stdio.h>\nstatic int score_token(const char *t);\n\nstatic int\nscore_token(const char *t)\n{\n  return 0;\n}\n';

  it('finds JS, Python and C definitions by the frame name', () => {
    expect(findDefinitionLine(js, 'tokenise')).toBe(2);
    expect(findDefinitionLine(js, 'score')).toBe(5);
    expect(findDefinitionLine(js, 'A.parse')).toBe(7);
    expect(findDefinitionLine(py, 'P.tokenize')).toBe(5);
    expect(findDefinitionLine(py, 'main')).toBe(8);
    // The declaration ending in ';' is skipped; the definition header is found.
    expect(findDefinitionLine(c, 'score_token')).toBe(5);
  });

  it('gives null rather than guessing', () => {
    expect(findDefinitionLine(js, 'missing')).toBeNull();
    expect(findDefinitionLine(js, '(anonymous)')).toBeNull();
    expect(findDefinitionLine(js, 'a.b(c')).toBeNull();
  });

  it('is used by pickAnnotations through a line finder', () => {
    const f = frame(1, 'tokenise', 'bench.py', 0);
    const a = pickAnnotations(report([f]), resolve, true, (fr) => findDefinitionLine(js, fr.name));
    expect(a.map((x) => [x.file, x.line])).toEqual([['bench.py', 2]]);
    expect(pickAnnotations(report([f]), resolve, true)).toEqual([]);
  });
});

describe('source files relative to the root and to the working directory', () => {
  it('prefers the repository root (the pipeline reports root-relative paths)', () => {
    const both = createSourceResolver({
      root,
      workDir: path.join(root, 'app'),
      tracked: new Set(['app/parse.py', 'parse.py']),
    });
    expect(both('parse.py')).toBe('parse.py');
    expect(both('app/parse.py')).toBe('app/parse.py');
  });
});
