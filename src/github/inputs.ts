// Reads the action's inputs once into FlamediffOptions (through the shared key table of
// src/config/schema.ts, so flamediff.yml, CLI flags and inputs accept the same values) plus the few
// settings only the action has. An empty input means "not set": flamediff.yml or the default wins.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultOptions, type FlamediffOptions } from '../config/options.js';
import { keySpec, quoteValue, ValueProblem } from '../config/schema.js';
import { UserError } from '../errors.js';

/** Action input name -> key of src/config/schema.ts. Every one is documented in action.yml. */
export const OPTION_INPUTS: Readonly<Record<string, string>> = {
  command: 'command',
  sampler: 'sampler',
  runs: 'runs',
  warmup: 'warmup',
  rate: 'rate-hz',
  'working-directory': 'working-directory',
  timeout: 'timeout-seconds',
  baseline: 'baseline',
  confirm: 'confirm',
  'base-branch': 'base-branch',
  'data-branch': 'data-branch',
  'fail-on-regression': 'fail-on-regression',
  'gate-frame-share': 'compare.gate-frame-share',
  'gate-total': 'compare.gate-total',
  alpha: 'compare.alpha',
  'min-share': 'compare.min-share',
  'min-effect': 'compare.min-effect',
  granularity: 'compare.granularity',
};

/** Inputs that are not options of the pipeline: read by the action (and `accept-label` by the bot, src/bot/action-hooks.ts). */
export const ACTION_ONLY_INPUTS = [
  'github-token',
  'comment',
  'install-sampler',
  'config',
  'accept-label',
] as const;

export type CommentMode = 'always' | 'on-regression' | 'never';
const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-regression', 'never'];

export interface ActionSettings {
  token: string;
  comment: CommentMode;
  installSampler: boolean;
  /** Path of flamediff.yml from the `config` input, or null. */
  configPath: string | null;
  /** True when `base-branch` was set (input or flamediff.yml); else the repository's default branch is used. */
  baseBranchSet: boolean;
}

export interface ActionInputs {
  options: FlamediffOptions;
  settings: ActionSettings;
}

function badInput(name: string, value: string, expected: string): UserError {
  return new UserError(`input '${name}': ${quoteValue(value)} is not valid (expected ${expected})`);
}

function readSettings(get: (name: string) => string): ActionSettings {
  const token = get('github-token');
  if (!token) {
    throw new UserError(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
      "input 'github-token' is empty (expected a token; the default is ${{ github.token }}, keep it unless you pass a PAT)",
    );
  }
  const comment = get('comment') || 'always';
  if (!COMMENT_MODES.includes(comment as CommentMode)) {
    throw badInput('comment', comment, "one of 'always', 'on-regression', 'never'");
  }
  const install = get('install-sampler') || 'true';
  if (install !== 'true' && install !== 'false') throw badInput('install-sampler', install, 'true or false');
  return {
    token,
    comment: comment as CommentMode,
    installSampler: install === 'true',
    configPath: get('config') || null,
    baseBranchSet: false,
  };
}

/** As src/config/load.ts (not imported here: it brings the YAML parser, needed only with a file). */
const CONFIG_FILE = 'flamediff.yml';

/** The flamediff.yml to apply: the `config` input, else one at the repository root if present. */
function configFile(settings: ActionSettings, root: string): { file: string; required: boolean } | null {
  if (settings.configPath) return { file: path.resolve(root, settings.configPath), required: true };
  const implicit = path.join(root, CONFIG_FILE);
  return existsSync(implicit) ? { file: implicit, required: false } : null;
}

/**
 * Every input, read once, over the defaults and flamediff.yml (`root` is the repository root).
 * Throws UserError quoting a bad value and the expected form.
 */
export async function readActionInputs(
  get: (name: string) => string,
  root: string,
  { requireCommand = true }: { requireCommand?: boolean } = {},
): Promise<ActionInputs> {
  const settings = readSettings(get);
  let options = defaultOptions();
  // '' marks "not set": no source accepts an empty branch name, so it survives only if none set it.
  options.baseBranch = '';
  const config = configFile(settings, root);
  if (config) {
    const { loadConfigFile } = await import('../config/load.js');
    options = await loadConfigFile(config.file, options, config.required);
  }
  for (const [input, key] of Object.entries(OPTION_INPUTS)) {
    const raw = get(input);
    if (raw === '') continue;
    const spec = keySpec(key);
    if (!spec) throw new Error(`input '${input}' maps to unknown option key '${key}'`);
    try {
      spec.apply(options, raw);
    } catch (err) {
      if (err instanceof ValueProblem) throw badInput(input, raw, err.expected);
      throw err;
    }
  }
  if (requireCommand) requireWorkload(options);
  settings.baseBranchSet = options.baseBranch !== '';
  if (!settings.baseBranchSet) options.baseBranch = defaultOptions().baseBranch;
  // Cross-setting checks (e.g. runs >= 2) are runCheck's first step, before anything runs.
  // The action keeps baselines on the data branch: a local-directory store would vanish with the runner.
  options.store = 'git';
  return { options, settings };
}

/** The workload is needed only by events that measure (push, pull_request); bot events run none. */
export function requireWorkload(options: { command: string[] }): void {
  if (options.command.length === 0) {
    throw new UserError(
      `input 'command' is empty (expected the workload to profile, e.g. 'python bench.py', here or in ${CONFIG_FILE})`,
    );
  }
}
