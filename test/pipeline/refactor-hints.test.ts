// Renamed and moved functions from the git diff, in real (temporary) git repositories: a JS
// workload where a function is renamed, one moved to another file, and a call moved to another
// caller; a commit git does not have gives an error, not hints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFunctions, refactorHints } from '../../src/pipeline/refactor-hints.js';
import { sh } from '../store/helpers/git-fixture.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const WORKLOAD = `// A small workload.
function tokenise(text) {
  return text.split(/\\s+/);
}

function scoreTokens(tokens) {
  let score = 0;
  for (const t of tokens) score += t.length * 31;
  return score;
}

function summarise(scores) {
  return scores.reduce((a, b) => a + b, 0);
}

function report(x) {
  return String(x);
}

function main() {
  const scores = [];
  for (let i = 0; i < 100; i++) scores.push(scoreTokens(tokenise('a bb ccc')));
  const s = summarise(scores);
  return report(s);
}

main();
`;

function repo(): { dir: string; base: string; commit: (files: Record<string, string | null>) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'flamediff-refactor-'));
  roots.push(dir);
  sh(dir, 'init', '--quiet', '-b', 'main');
  writeFileSync(path.join(dir, 'workload.mjs'), WORKLOAD);
  sh(dir, 'add', '.');
  sh(dir, 'commit', '--quiet', '-m', 'workload');
  const base = sh(dir, 'rev-parse', 'HEAD');
  return {
    dir,
    base,
    commit(files) {
      sh(dir, 'checkout', '--quiet', '--detach', base);
      for (const [f, text] of Object.entries(files)) {
        if (text === null) sh(dir, 'rm', '--quiet', f);
        else writeFileSync(path.join(dir, f), text);
      }
      sh(dir, 'add', '-A');
      sh(dir, 'commit', '--quiet', '-m', 'change');
      return sh(dir, 'rev-parse', 'HEAD');
    },
  };
}

describe('refactorHints', () => {
  const r = repo();

  it('a renamed function (definition and call site)', async () => {
    const head = r.commit({ 'workload.mjs': WORKLOAD.replaceAll('scoreTokens', 'rankTokens') });
    const { hints, error } = await refactorHints(r.dir, r.base, head);
    expect(error).toBeNull();
    expect(hints).toEqual([
      {
        kind: 'renamed',
        from: { name: 'scoreTokens', file: 'workload.mjs' },
        to: { name: 'rankTokens', file: 'workload.mjs' },
        similarity: 1,
      },
    ]);
  });

  it('a function moved to another file', async () => {
    const fn = /function summarise[\s\S]*?\n}\n/.exec(WORKLOAD)?.[0] ?? '';
    const head = r.commit({
      'workload.mjs': `import { summarise } from './lib.mjs';\n${WORKLOAD.replace(fn, '')}`,
      'lib.mjs': `export ${fn}`,
    });
    const { hints } = await refactorHints(r.dir, r.base, head);
    expect(hints).toEqual([
      {
        kind: 'moved',
        from: { name: 'summarise', file: 'workload.mjs' },
        to: { name: 'summarise', file: 'lib.mjs' },
        similarity: 1,
      },
    ]);
  });

  it('a renamed file moves every function in it', async () => {
    const head = r.commit({ 'workload.mjs': null, 'bench.mjs': WORKLOAD });
    const { hints } = await refactorHints(r.dir, r.base, head);
    expect(
      hints.map((h) => (h.kind === 'caller' ? h.kind : `${h.kind} ${h.from.name} ${h.to.file}`)),
    ).toEqual([
      'moved tokenise bench.mjs',
      'moved scoreTokens bench.mjs',
      'moved summarise bench.mjs',
      'moved report bench.mjs',
      'moved main bench.mjs',
    ]);
  });

  it('a call moved to another caller', async () => {
    const head = r.commit({
      'workload.mjs': WORKLOAD.replace('  return String(x);', '  return String(summarise([x]));').replace(
        '  const s = summarise(scores);',
        '  const s = scores.length;',
      ),
    });
    const { hints } = await refactorHints(r.dir, r.base, head);
    expect(hints).toEqual([
      {
        kind: 'caller',
        callee: 'summarise',
        fromCaller: { name: 'main', file: 'workload.mjs' },
        toCaller: { name: 'report', file: 'workload.mjs' },
      },
    ]);
  });

  it('an edited body still pairs (similar enough); an unrelated new function does not', async () => {
    const head = r.commit({
      'workload.mjs': WORKLOAD.replaceAll('scoreTokens', 'rankTokens')
        .replace('t.length * 31', 't.length * 37')
        .replace(
          'function report(x) {\n  return String(x);\n}',
          'function render(x) {\n  const y = JSON.stringify({ x });\n  return y.trim();\n}',
        )
        .replace('return report(s)', 'return render(s)'),
    });
    const { hints } = await refactorHints(r.dir, r.base, head);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({
      kind: 'renamed',
      from: { name: 'scoreTokens' },
      to: { name: 'rankTokens' },
    });
    expect((hints[0] as { similarity: number }).similarity).toBeGreaterThanOrEqual(0.6);
    expect((hints[0] as { similarity: number }).similarity).toBeLessThan(1);
  });

  it('a commit missing from the clone (shallow) is an error naming it', async () => {
    const { hints, error } = await refactorHints(r.dir, r.base, 'f'.repeat(40));
    expect(hints).toEqual([]);
    expect(error).toMatch(/^commit fffffff is not in this clone \(.*fetch-depth: 0 fetches it\)$/);
  });
});

describe('parseFunctions', () => {
  it('python: def extents by indentation; go and rust headers', () => {
    const py = parseFunctions(
      'a.py',
      'import x\n\ndef f(a):\n    return a\n\n    # c\nclass K:\n    def g(self):\n        pass\nx = 1\n',
    );
    expect(py.map((f) => [f.name, f.start, f.end])).toEqual([
      ['f', 3, 6],
      ['g', 8, 9],
    ]);
    expect(
      parseFunctions('a.go', 'func (s *S) Run(x int) {\n}\nfunc main() {\n}\n').map((f) => f.name),
    ).toEqual(['Run', 'main']);
    expect(parseFunctions('a.rs', 'pub fn go() {\n}\n').map((f) => f.name)).toEqual(['go']);
    expect(parseFunctions('a.txt', 'function x() {}')).toEqual([]);
  });
});
