// The pipeline's arrows point one way (DEVELOPERS.md): the core stages never import the edges,
// report/ never reaches back into the pipeline, and no module imports its own stage's barrel
// (barrels only re-export, so they cannot close a cycle).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Static and dynamic import specifiers of a file. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
}

function stageOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');
}

function importedStage(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return spec.startsWith('@actions/') ? '@actions' : null;
  return stageOf(path.resolve(path.dirname(file), spec));
}

const CORE = ['profile', 'formats', 'stats', 'render', 'report', 'analyse', 'history'];
const EDGES = ['github', 'bot', 'store', 'pipeline', 'commands', '@actions', 'main', 'index', 'cli'];
/** What each stage may not import, beyond the core's rule. */
const NOT: Record<string, string[]> = {
  sample: ['stats', 'render', 'report', 'store', 'github', 'bot', 'pipeline', 'commands'],
  config: ['commands', 'pipeline', 'github', 'bot'],
  store: ['github', 'bot', 'pipeline', 'commands'],
  dashboard: ['store', 'github', 'bot', 'pipeline', 'commands'],
};

describe('architecture', () => {
  const all = files(SRC);

  it('the core stages never import the edges (GitHub, bot, store, pipeline, CLI)', () => {
    const bad: string[] = [];
    for (const f of all) {
      const stage = stageOf(f);
      const forbidden = [...(CORE.includes(stage) ? EDGES : []), ...(NOT[stage] ?? [])];
      for (const spec of imports(f)) {
        const to = importedStage(f, spec);
        if (to && to !== stage && forbidden.includes(to)) bad.push(`${path.relative(SRC, f)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("no module imports its own stage's barrel", () => {
    const bad = all
      .filter((f) => path.basename(f) !== 'index.ts')
      .flatMap((f) =>
        imports(f)
          .filter((s) => s === './index.js')
          .map((s) => `${path.relative(SRC, f)} -> ${s}`),
      );
    expect(bad).toEqual([]);
  });

  it('the four stage functions live in their own stages', async () => {
    expect(typeof (await import('../../src/sample/measure.js')).measure).toBe('function');
    expect(typeof (await import('../../src/analyse/analyse.js')).analyse).toBe('function');
    expect(typeof (await import('../../src/report/present.js')).present).toBe('function');
    expect(typeof (await import('../../src/store/persist.js')).persist).toBe('function');
  });
});
