import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_OPTIONS } from '../../src/config/options.js';
import { ACTION_ONLY_INPUTS, OPTION_INPUTS, readActionInputs } from '../../src/github/inputs.js';

const ACTION_YML = parse(readFileSync(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

/** What the runner passes: every action.yml default, overridden by the workflow's `with:`. */
function inputs(withValues: Record<string, string>): (name: string) => string {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries(ACTION_YML.inputs)) {
    all[k] = v.default?.startsWith('$') ? 'ghs_x' : (v.default ?? '');
  }
  Object.assign(all, withValues);
  return (name) => {
    if (!(name in all)) throw new Error(`input '${name}' is read but not declared in action.yml`);
    return all[name];
  };
}

const root = () => mkdtempSync(path.join(tmpdir(), 'flamediff-inputs-'));

describe('action.yml', () => {
  it('declares exactly the inputs the action reads, each documented', () => {
    const declared = Object.keys(ACTION_YML.inputs).sort();
    expect(declared).toEqual([...Object.keys(OPTION_INPUTS), ...ACTION_ONLY_INPUTS].sort());
    for (const [name, spec] of Object.entries(ACTION_YML.inputs)) {
      expect(spec.description.length, name).toBeGreaterThan(20);
      expect('default' in spec, `${name} has a default`).toBe(true);
      // Empty defaults defer to flamediff.yml, so the description must state the built-in default.
      if (spec.default === '' && name !== 'command') expect(spec.description, name).toMatch(/Default/);
    }
  });

  it('declares the documented outputs and runs dist/index.js on node24', () => {
    expect(Object.keys(ACTION_YML.outputs).sort()).toEqual(
      ['comment-url', 'mode', 'regressions', 'report-json', 'total-change', 'verdict'].sort(),
    );
    expect(ACTION_YML.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('reading inputs', () => {
  it('maps inputs onto the options object (empty inputs keep the defaults)', async () => {
    const { options, settings } = await readActionInputs(
      inputs({
        command: "python bench.py --label 'two words'",
        sampler: 'py-spy',
        runs: '7',
        rate: '250',
        timeout: '120',
        'gate-total': '0.05',
        alpha: '0.01',
        granularity: 'line',
        'fail-on-regression': 'false',
        comment: 'on-regression',
      }),
      root(),
    );
    expect(options.command).toEqual(['python', 'bench.py', '--label', 'two words']);
    expect(options).toMatchObject({
      sampler: 'py-spy',
      runs: 7,
      rateHz: 250,
      timeoutSeconds: 120,
      failOnRegression: false,
    });
    expect(options.compare).toMatchObject({ gateTotal: 0.05, alpha: 0.01, granularity: 'line' });
    expect(options.warmup).toBe(DEFAULT_OPTIONS.warmup);
    expect(options.store).toBe('git');
    expect(settings).toMatchObject({
      token: 'ghs_x',
      comment: 'on-regression',
      installSampler: true,
      baseBranchSet: false,
    });
  });

  it('applies flamediff.yml under the inputs (inputs win)', async () => {
    const dir = root();
    writeFileSync(
      path.join(dir, 'flamediff.yml'),
      'command: node bench.js\nsampler: node\nruns: 9\ncompare:\n  alpha: 0.02\n',
    );
    const { options } = await readActionInputs(inputs({ runs: '4' }), dir);
    expect(options).toMatchObject({ command: ['node', 'bench.js'], sampler: 'node', runs: 4 });
    expect(options.compare.alpha).toBe(0.02);
  });

  it('knows whether the base branch was set, by input or by flamediff.yml', async () => {
    const dir = root();
    const none = await readActionInputs(inputs({ command: 'x' }), dir);
    expect(none.settings.baseBranchSet).toBe(false);
    expect(none.options.baseBranch).toBe(DEFAULT_OPTIONS.baseBranch);
    const byInput = await readActionInputs(inputs({ command: 'x', 'base-branch': 'develop' }), dir);
    expect(byInput.settings.baseBranchSet).toBe(true);
    expect(byInput.options.baseBranch).toBe('develop');
    writeFileSync(path.join(dir, 'flamediff.yml'), 'command: x\nbase-branch: release\n');
    const byFile = await readActionInputs(inputs({}), dir);
    expect(byFile.settings.baseBranchSet).toBe(true);
    expect(byFile.options.baseBranch).toBe('release');
  });

  it('reads the file named by the config input, relative to the repository root', async () => {
    const dir = root();
    writeFileSync(path.join(dir, 'perf.yml'), 'command: [./bench, --fast]\n');
    const { options, settings } = await readActionInputs(inputs({ config: 'perf.yml' }), dir);
    expect(options.command).toEqual(['./bench', '--fast']);
    expect(settings.configPath).toBe('perf.yml');
  });

  it.each([
    ['runs', 'ten', "input 'runs': 'ten' is not valid (expected an integer from 2 to 1000)"],
    ['sampler', 'pyspy', "input 'sampler': 'pyspy' is not valid (expected one of 'py-spy'"],
    [
      'comment',
      'sometimes',
      "input 'comment': 'sometimes' is not valid (expected one of 'always', 'on-regression', 'never')",
    ],
    ['fail-on-regression', 'yes', "input 'fail-on-regression': 'yes' is not valid (expected true or false)"],
    [
      'data-branch',
      'bad branch',
      "input 'data-branch': 'bad branch' is not valid (expected a git branch name",
    ],
    ['alpha', '2', "input 'alpha': '2' is not valid (expected a number from"],
    [
      'command',
      "python 'unclosed",
      "input 'command': 'python 'unclosed' is not valid (expected a command line",
    ],
  ])('rejects %s = %j quoting the value and the expected form', async (name, value, message) => {
    await expect(readActionInputs(inputs({ command: 'x', [name]: value }), root())).rejects.toThrow(message);
  });

  it('requires a command and a token', async () => {
    await expect(readActionInputs(inputs({}), root())).rejects.toThrow(/input 'command' is empty/);
    await expect(readActionInputs(inputs({ command: 'x', 'github-token': '' }), root())).rejects.toThrow(
      /input 'github-token' is empty/,
    );
  });

  it('reports a bad flamediff.yml with its file and line', async () => {
    const dir = root();
    writeFileSync(path.join(dir, 'flamediff.yml'), 'command: x\nruns: lots\n');
    await expect(readActionInputs(inputs({}), dir)).rejects.toThrow(
      /flamediff\.yml:2: runs: 'lots' is not valid/,
    );
  });
});
