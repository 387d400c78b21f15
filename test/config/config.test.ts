import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySettingFlags } from '../../src/config/flags.js';
import { parseConfig, validateOptions } from '../../src/config/load.js';
import { DEFAULT_OPTIONS, defaultOptions } from '../../src/config/options.js';
import { KEYS, SETTINGS, splitCommand } from '../../src/config/schema.js';
import { DEFAULT_COMPARE_SETTINGS } from '../../src/stats/index.js';

const FILE = 'flamediff.yml';

describe('flamediff.yml', () => {
  it('an empty file gives the defaults', () => {
    expect(parseConfig('', FILE)).toEqual(DEFAULT_OPTIONS);
    expect(parseConfig('# only a comment\n', FILE)).toEqual(DEFAULT_OPTIONS);
  });

  it('reads every key', () => {
    const o = parseConfig(
      [
        'command: node bench.js --size "a b"',
        'sampler: node',
        'runs: 7',
        'warmup: 0',
        'rate-hz: 499',
        'timeout-seconds: 30',
        'working-directory: bench',
        'baseline: rerun',
        'confirm: never',
        'base-branch: develop',
        'store: git',
        'store-dir: .perf',
        'data-branch: perf-data',
        'remote: upstream',
        'out-dir: reports',
        'fail-on-regression: false',
        'retention: 10',
        'baseline-depth: 5',
        'sampler-options: { dwarf: true, mode: fast }',
        'env: { SIZE: 3, MODE: x }',
        'compare:',
        '  alpha: 0.01',
        '  min-share: 0.01',
        '  quorum: 0.6',
        '  min-effect: 0.003',
        '  min-rel-effect: 0.1',
        '  granularity: line',
        '  gate-frame-share: 0.02',
        '  gate-total: 0.05',
        '  seed: 42',
      ].join('\n'),
      FILE,
    );
    expect(o).toEqual({
      command: ['node', 'bench.js', '--size', 'a b'],
      sampler: 'node',
      runs: 7,
      warmup: 0,
      rateHz: 499,
      timeoutSeconds: 30,
      workingDirectory: 'bench',
      baseline: 'rerun',
      confirm: 'never',
      baseBranch: 'develop',
      store: 'git',
      storeDir: '.perf',
      dataBranch: 'perf-data',
      remote: 'upstream',
      outDir: 'reports',
      failOnRegression: false,
      retention: 10,
      baselineDepth: 5,
      samplerOptions: { dwarf: true, mode: 'fast' },
      env: { SIZE: '3', MODE: 'x' },
      compare: {
        ...DEFAULT_OPTIONS.compare,
        alpha: 0.01,
        minShare: 0.01,
        quorum: 0.6,
        minEffect: 0.003,
        minRelEffect: 0.1,
        granularity: 'line',
        gateFrameShare: 0.02,
        gateTotal: 0.05,
        seed: 42,
      },
    });
    expect(
      parseConfig('command: [python, "bench.py"]\ncompare: { gate-total: off }\nrate-hz: default', FILE),
    ).toMatchObject({
      command: ['python', 'bench.py'],
      rateHz: null,
      compare: { gateTotal: null },
    });
  });

  it('does not change the defaults object', () => {
    parseConfig('runs: 9\ncompare: { alpha: 0.2 }', FILE);
    expect(DEFAULT_OPTIONS.runs).toBe(5);
    expect(DEFAULT_OPTIONS.compare.alpha).toBe(DEFAULT_COMPARE_SETTINGS.alpha);
  });

  it('unknown keys are errors with the line and a suggestion', () => {
    expect(() => parseConfig('runs: 3\nrnus: 5\n', FILE)).toThrow(
      /^flamediff\.yml:2: unknown key 'rnus' \(did you mean 'runs'\?\)/,
    );
    expect(() => parseConfig('compare:\n  alpah: 0.1\n', FILE)).toThrow(
      /^flamediff\.yml:2: unknown key 'compare\.alpah' \(did you mean 'compare\.alpha'\?\)/,
    );
  });

  it('a statistics key at the top level says it belongs under compare:', () => {
    expect(() => parseConfig('runs: 3\ngate-total: 0.05\n', FILE)).toThrow(
      "flamediff.yml:2: 'gate-total' belongs under 'compare:' (expected compare: { gate-total: ... })",
    );
  });

  it('bad values quote the value and the expected form', () => {
    const cases: [string, string][] = [
      ['runs: many', "flamediff.yml:1: runs: 'many' is not valid (expected an integer from 2 to 1000)"],
      ['runs: 2.5', "flamediff.yml:1: runs: '2.5' is not valid (expected an integer from 2 to 1000)"],
      [
        'sampler: dtrace',
        "flamediff.yml:1: sampler: 'dtrace' is not valid (expected one of 'py-spy', 'austin'",
      ],
      ['\nstore: s3', "flamediff.yml:2: store: 's3' is not valid (expected one of 'dir', 'git')"],
      [
        'fail-on-regression: yes please',
        "fail-on-regression: 'yes please' is not valid (expected true or false)",
      ],
      [
        'compare:\n  alpha: 2',
        "flamediff.yml:2: compare.alpha: '2' is not valid (expected a number from 1e-9 to 0.5)",
      ],
      ['base-branch: "a b"', "base-branch: 'a b' is not valid (expected a git branch name"],
      ['command: "node \'unclosed"', "command: 'node 'unclosed' is not valid (expected a command line"],
      ['command: []', 'command: a list is not valid (expected a command line'],
      ['env: { A: [1] }', "env: a list is not valid (expected a mapping of names to strings (key 'A'))"],
      ['compare: 3', "flamediff.yml:1: 'compare' must be a mapping"],
    ];
    for (const [text, msg] of cases) expect(() => parseConfig(text, FILE), text).toThrow(msg);
  });

  it('YAML syntax errors name the line', () => {
    expect(() => parseConfig('runs: 3\nsampler: [perf\n', FILE)).toThrow(
      /^flamediff\.yml:\d+: not valid YAML/,
    );
    expect(() => parseConfig('- a\n- b\n', FILE)).toThrow('flamediff.yml:1: expected a mapping of settings');
    expect(() => parseConfig('runs: 3\nruns: 4\n', FILE)).toThrow(/flamediff\.yml:2: not valid YAML/);
  });
});

describe('flags and validation', () => {
  it('flags override and quote bad values', () => {
    const o = defaultOptions();
    applySettingFlags(
      o,
      {
        runs: '9',
        'gate-total': 'off',
        'no-fail-on-regression': true,
        granularity: 'module',
      },
      'check',
    );
    expect(o.runs).toBe(9);
    expect(o.compare.gateTotal).toBeNull();
    expect(o.failOnRegression).toBe(false);
    expect(o.compare.granularity).toBe('module');
    expect(() => applySettingFlags(o, { runs: 'lots' }, 'check')).toThrow(
      "--runs 'lots' is not valid (expected an integer from 2 to 1000)",
    );
    expect(() => applySettingFlags(o, { store: 'cloud' }, 'check')).toThrow(
      "--store 'cloud' is not valid (expected one of 'dir', 'git')",
    );
  });

  it('a job needs a command and at least two runs', () => {
    expect(() => validateOptions(defaultOptions(), 'x')).toThrow('x: no workload command');
    const o = { ...defaultOptions(), command: ['true'], runs: 1 };
    expect(() => validateOptions(o, 'x')).toThrow("runs: '1' is too few to compare");
  });

  it('splits command strings like a shell, without expansion', () => {
    expect(splitCommand(`python -c 'print("a b")' "x\\"y" $HOME`)).toEqual([
      'python',
      '-c',
      'print("a b")',
      'x"y',
      '$HOME',
    ]);
    expect(splitCommand('a "b')).toBeNull();
  });

  it('env: and sampler-options: with every entry commented out are empty', () => {
    const o = parseConfig('env:\n  # A: b\nsampler-options:\n', FILE);
    expect(o.env).toEqual({});
    expect(o.samplerOptions).toEqual({});
  });

  it('compare: with every entry commented out keeps the defaults', () => {
    expect(parseConfig('runs: 3\ncompare:\n  # alpha: 0.05\n', FILE).compare).toEqual(
      parseConfig('runs: 3\n', FILE).compare,
    );
  });

  it('a command YAML reads as a boolean or number is still the command the user wrote', () => {
    expect(parseConfig('command: true\n', FILE).command).toEqual(['true']);
    expect(parseConfig('command: 42\n', FILE).command).toEqual(['42']);
  });

  it('keeps a backslash inside double quotes unless it escapes $ ` " or \\ (as sh does)', () => {
    expect(splitCommand(String.raw`sh -c "printf 'a\nb' \$X \\ \"q\""`)).toEqual([
      'sh',
      '-c',
      String.raw`printf 'a\nb' $X \ "q"`,
    ]);
  });

  it('docs/configuration.md documents every key and default', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
    for (const s of SETTINGS)
      if (s.commands.length) expect(doc, s.key).toContain(`\`--${s.arg === '' ? '[no-]' : ''}${s.name}`);
    for (const k of KEYS) expect(doc, k.key).toContain(`\`${k.key.replace(/^compare\./, '')}\``);
  });
});

describe('documented defaults', () => {
  it('the table in docs/configuration.md shows the real defaults', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
    const row = (key: string) => doc.split('\n').find((l) => l.startsWith(`| \`${key}\` |`)) ?? '';
    const c = DEFAULT_OPTIONS.compare;
    const expected: Record<string, string> = {
      runs: String(DEFAULT_OPTIONS.runs),
      warmup: String(DEFAULT_OPTIONS.warmup),
      sampler: DEFAULT_OPTIONS.sampler,
      retention: String(DEFAULT_OPTIONS.retention),
      'baseline-depth': String(DEFAULT_OPTIONS.baselineDepth),
      'store-dir': DEFAULT_OPTIONS.storeDir,
      'data-branch': DEFAULT_OPTIONS.dataBranch,
      alpha: String(c.alpha),
      'min-share': String(c.minShare),
      quorum: String(c.quorum),
      'min-effect': String(c.minEffect),
      'min-rel-effect': String(c.minRelEffect),
      granularity: c.granularity,
      'gate-frame-share': String(c.gateFrameShare),
      'gate-total': c.gateTotal === null ? 'off' : String(c.gateTotal),
      seed: String(c.seed),
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(row(key).split('|')[3]?.trim(), key).toBe(`\`${value}\``);
    }
  });
});

describe('runs: 1 in flamediff.yml', () => {
  it('is refused with the file and line, like any other bad value', () => {
    expect(() => parseConfig('command: node x.js\nruns: 1\n', 'flamediff.yml')).toThrow(
      /flamediff\.yml:2: runs: '1' is not valid \(expected an integer from 2 to 1000\)/,
    );
  });
});
