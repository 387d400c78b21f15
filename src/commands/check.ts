// `flamediff check`: the whole job on this machine. On the base branch it records a baseline; on any
// other ref it compares with the stored baseline (or reruns the base commit) and gates.
import path from 'node:path';
import { applySettingFlags, SETTING_FLAG_SPEC, SETTING_FLAGS_HELP } from '../config/flags.js';
import { CONFIG_FILE, loadConfigFile, validateOptions } from '../config/load.js';
import { UserError } from '../errors.js';
import { runCheck } from '../pipeline/check.js';
import { currentHead } from '../pipeline/git-info.js';
import { type Command, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff check [--config ${CONFIG_FILE}] [--base-ref REF] [--out DIR] [settings] [-- COMMAND...]

Runs the workload under the sampler, and:
  - on the base branch (base-branch, default main): records a baseline in the store;
  - elsewhere: compares with the nearest stored baseline, writes the report, and gates.

Options:
  --config FILE      settings file (default ./${CONFIG_FILE} when it exists)
  --base-ref REF     ref to take the merge-base with (default origin/<base-branch>, then <base-branch>)
  --out DIR          where reports and pictures go (default out/)
  --head-sha SHA     commit being measured (default: HEAD)
  --head-ref NAME    branch being measured (default: the current branch)
  --pull N           pull request number: also stores the report under pulls/N/ in the store

${SETTING_FLAGS_HELP}
Exit status: 0 pass (or baseline recorded), 1 gated regression, 2 bad input or setup error.

Examples:
  flamediff check -- node bench.js
  flamediff check --config ci/flamediff.yml --base-ref origin/main
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'the whole job: record a baseline on the base branch, elsewhere compare and gate',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('check', argv, {
      config: { type: 'string' },
      'base-ref': { type: 'string' },
      out: { type: 'string' },
      'head-sha': { type: 'string' },
      'head-ref': { type: 'string' },
      pull: { type: 'string' },
      ...SETTING_FLAG_SPEC,
    });
    const cwd = io.cwd;
    const configPath = path.resolve(cwd, (values.config as string | undefined) ?? CONFIG_FILE);
    const opts = await loadConfigFile(configPath, undefined, values.config !== undefined);
    applySettingFlags(opts, values);
    if (positionals.length > 0) opts.command = positionals;
    if (values.out !== undefined) opts.outDir = values.out as string;
    validateOptions(opts, 'flamediff check');
    const pull =
      values.pull === undefined
        ? undefined
        : numberFlag('check', 'pull', values.pull as string, 0, { min: 1, integer: true });
    const head = await currentHead(cwd);
    const headSha = (values['head-sha'] as string | undefined) ?? head?.sha;
    if (!headSha)
      throw new UserError(
        `flamediff check: ${cwd} is not a git repository with a commit; pass --head-sha and --head-ref`,
      );
    const headRef = ((values['head-ref'] as string | undefined) ?? head?.ref ?? headSha).replace(
      /^refs\/heads\//,
      '',
    );
    const result = await runCheck(opts, {
      headSha,
      headRef,
      isBaseBranch: headRef === opts.baseBranch,
      pullNumber: pull,
      cwd,
      baseRef: values['base-ref'] as string | undefined,
      log: (line) => io.stderr(`flamediff: ${line}\n`),
    });
    io.stdout(result.consoleText);
    return result.verdict === 'fail' && opts.failOnRegression ? 1 : 0;
  },
};
