// Every GitHub action the README, the docs, the examples and the project's own workflows name
// must be on a major that runs on Node 24: GitHub forces Node-20 actions onto Node 24 and
// removes Node 20 from its runners, so a user copying `actions/checkout@v4` gets warnings today
// and breakage later.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The first major of each action whose action.yml says `runs.using: node24` (release notes:
 * checkout v5.0.0, setup-node v5.0.0, setup-python v6.0.0, setup-go v6.0.0, setup-java v5.0.0,
 * upload-artifact v6.0.0 and download-artifact v7.0.0; the artifact actions' v5/v6 only
 * "supported" Node 24 and still defaulted to Node 20). An action not listed here fails the test
 * until someone checks its release notes and adds it.
 */
const FIRST_NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/setup-python': 6,
  'actions/setup-go': 6,
  'actions/setup-java': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
};

/** `actions/<name>@<ref>` references in `text`, wherever they are (YAML, Markdown, prose). */
function actionProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(
      /\b(actions\/[A-Za-z0-9_.-]+)(?:\/[A-Za-z0-9_./-]*)?@([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)/g,
    )) {
      const [, name, ref] = m;
      const where = `${file}:${i + 1}`;
      const first = FIRST_NODE24_MAJOR[name];
      const major = ref.match(/^v(\d+)(?:\.\d+)*$/);
      if (first === undefined) {
        problems.push(`${where}: ${name}@${ref} is not in the table of checked Node-24 majors`);
      } else if (!major) {
        problems.push(`${where}: ${name}@${ref} is not a version tag (expected @v${first} or later)`);
      } else if (Number(major[1]) < first) {
        problems.push(`${where}: ${name}@${ref} runs on Node 20 (use @v${first} or later)`);
      }
    }
  });
  return problems;
}

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!statSync(abs, { throwIfNoEntry: false })) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) => filesUnder(path.join(rel, e.name)));
}

const SCANNED = ['README.md', 'DEVELOPERS.md', 'action.yml', 'docs', 'examples', '.github', 'templates'];

describe('action majors in README, docs and examples', () => {
  it('finds a Node-20 major, an unpinned ref and an unchecked action in a sample', () => {
    const sample = [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/upload-artifact@v5 # preliminary Node 24 only',
      'Use `actions/setup-python@v6` and actions/download-artifact@main.',
      '      - uses: actions/some-new-thing@v9',
      '      - uses: actions/checkout@v5.0.1',
    ].join('\n');
    expect(actionProblems('x.yml', sample)).toEqual([
      'x.yml:1: actions/checkout@v4 runs on Node 20 (use @v5 or later)',
      'x.yml:2: actions/upload-artifact@v5 runs on Node 20 (use @v6 or later)',
      'x.yml:3: actions/download-artifact@main is not a version tag (expected @v7 or later)',
      'x.yml:4: actions/some-new-thing@v9 is not in the table of checked Node-24 majors',
    ]);
  });

  it('every action named anywhere runs on Node 24', () => {
    const files = SCANNED.flatMap(filesUnder).filter((f) => /\.(md|ya?ml|hbs|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((f) => actionProblems(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(problems).toEqual([]);
    // The scan saw the references it guards (not an empty match on a moved folder).
    const named = files.filter((f) => /actions\/checkout@/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(named).toEqual(expect.arrayContaining(['README.md', 'examples/workflows/node.yml']));
  });
});
