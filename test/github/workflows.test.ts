// The shipped workflows and the docs' snippet must only use inputs action.yml declares, and the
// docs must document every input: a renamed input breaks users' workflows silently otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const INPUTS = Object.keys(action.inputs);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

function flamediffSteps(wf: Workflow): Step[] {
  return Object.values(wf.jobs).flatMap((j) =>
    j.steps.filter((s) => s.uses === './' || s.uses?.startsWith('flamediff/flamediff@')),
  );
}

const workflows = [
  ...readdirSync(path.join(ROOT, 'examples/workflows'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `examples/workflows/${f}`),
  '.github/workflows/dogfood.yml',
];

describe('workflows using the action', () => {
  it.each(workflows)('%s uses declared inputs and the minimal permissions', (file) => {
    const wf = parse(read(file)) as Workflow;
    const steps = flamediffSteps(wf);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      for (const k of Object.keys(s.with ?? {})) expect(INPUTS, `${file}: with.${k}`).toContain(k);
      expect(s.with?.command, `${file}: command`).toBeTruthy();
    }
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('the docs snippet is a valid workflow with declared inputs', () => {
    const doc = read('docs/action.md');
    const block = doc.match(/```yaml\n(# \.github\/workflows\/performance\.yml[\s\S]*?)```/);
    expect(block).not.toBeNull();
    const wf = parse(block?.[1] ?? '') as Workflow;
    for (const s of flamediffSteps(wf))
      for (const k of Object.keys(s.with ?? {})) expect(INPUTS).toContain(k);
  });

  it('docs/action.md documents every input and output', () => {
    const doc = read('docs/action.md');
    for (const k of [...INPUTS, ...Object.keys(action.outputs)]) expect(doc, k).toContain(`| \`${k}\` |`);
  });

  it('ci.yml runs .ci/run and checks dist/', () => {
    const ci = read('.github/workflows/ci.yml');
    expect(ci).toContain('.ci/run');
    expect(ci).toContain('npm run check-dist');
  });
});
