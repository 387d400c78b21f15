// The fork-safe and sharded example workflows: the privileged ones (write token) never check out
// or run pull request code; the unprivileged ones hold a read-only token; inputs exist in action.yml.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INPUTS = Object.keys(
  (parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const files = ['fork-safe', 'sharded'].flatMap((d) =>
  readdirSync(path.join(ROOT, 'examples/workflows', d)).map((f) => `examples/workflows/${d}/${f}`),
);
const load = (f: string) => parse(readFileSync(path.join(ROOT, f), 'utf8')) as Workflow;
const privileged = (wf: Workflow) => Object.values(wf.permissions).includes('write');

describe('fork-safe and sharded workflows', () => {
  it('exist', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s: write token only where no pull request code runs', (f) => {
    const wf = load(f);
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    if (!privileged(wf)) {
      expect(wf.permissions).toEqual({ contents: 'read' });
      expect(Object.keys(wf.on)).toContain('pull_request');
      return;
    }
    // Privileged: triggered by workflow_run / comments / the label, never pull_request.
    expect(Object.keys(wf.on)).not.toContain('pull_request');
    for (const s of steps) {
      expect(s.run, `${f}: no shell step in a privileged workflow`).toBeUndefined();
      if (s.uses?.startsWith('actions/checkout'))
        expect(s.with?.ref, `${f}: checkout of the default branch only`).toBeUndefined();
    }
  });

  it.each(files)('%s: flamediff steps use declared inputs', (f) => {
    const steps = Object.values(load(f).jobs).flatMap((j) => j.steps);
    for (const s of steps.filter((x) => x.uses?.startsWith('flamediff/flamediff@'))) {
      for (const k of Object.keys(s.with ?? {})) expect(INPUTS, `${f}: with.${k}`).toContain(k);
    }
  });

  it('the record workflows upload artifacts the report workflow picks up (flamediff*)', () => {
    for (const f of files.filter((x) => /perf-(record|shards)/.test(x))) {
      const up = Object.values(load(f).jobs)
        .flatMap((j) => j.steps)
        .find((s) => s.uses?.startsWith('actions/upload-artifact'));
      expect(String(up?.with?.name)).toMatch(/^flamediff/);
    }
  });
});
