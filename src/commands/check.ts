// `flamediff check`: the whole job on this machine. On the base branch it records a baseline; on any
// other ref it compares with the stored baseline (or reruns the base commit) and gates.
import path from 'node:path';
import { applySettingFlags, settingFlags, settingsHelp } from '../config/flags.js';
import { CONFIG_FILE, loadConfigFile, validateOptions } from '../config/load.js';
import { UserError } from '../errors.js';
import { runCheck } from '../pipeline/check.js';
import { currentHead, repoRoot, resolveCommit } from '../pipeline/git-info.js';
import { withInterrupt } from '../sample/index.js';
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

${settingsHelp('check')}
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
      ...settingFlags('check'),
    });
    // flamediff.yml, store-dir, working-directory and out-dir are relative to the repository root
    // (docs/configuration.md), also when flamediff runs from a subdirectory; paths given as flags
    // are relative to where the user typed them.
    const cwd = (await repoRoot(io.cwd)) ?? io.cwd;
    const configPath =
      values.config === undefined
        ? path.join(cwd, CONFIG_FILE)
        : path.resolve(io.cwd, values.config as string);
    const opts = await loadConfigFile(configPath, undefined, values.config !== undefined);
    applySettingFlags(opts, values, 'check');
    if (positionals.length > 0) opts.command = positionals;
    if (values.out !== undefined) opts.outDir = path.resolve(io.cwd, values.out as string);
    validateOptions(opts, 'flamediff check');
    const pull =
      values.pull === undefined
        ? undefined
        : numberFlag('check', 'pull', values.pull as string, 0, { min: 1, integer: true });
    const head = await currentHead(cwd);
    const headSha = await headCommit(cwd, values['head-sha'] as string | undefined, head?.sha ?? null);
    if (!headSha)
      throw new UserError(
        `flamediff check: ${cwd} is not a git repository with a commit; pass --head-sha and --head-ref`,
      );
    const baseRef = values['base-ref'] as string | undefined;
    // A typo here would otherwise read as a shallow clone and silently use the latest baseline.
    if (baseRef !== undefined && head !== null && !(await resolveCommit(cwd, baseRef))) {
      throw new UserError(
        `flamediff check: --base-ref '${baseRef}' is not a commit or ref in ${cwd} (expected e.g. origin/main; fetch it first)`,
      );
    }
    const headRef = ((values['head-ref'] as string | undefined) ?? head?.ref ?? headSha).replace(
      /^refs\/heads\//,
      '',
    );
    const result = await withInterrupt((signal) =>
      runCheck(opts, {
        headSha,
        headRef,
        isBaseBranch: headRef === opts.baseBranch,
        pullNumber: pull,
        cwd,
        baseRef,
        log: (line) => io.stderr(`flamediff: ${line}\n`),
        signal,
      }),
    );
    io.stdout(result.consoleText);
    return result.verdict === 'fail' && opts.failOnRegression ? 1 : 0;
  },
};

/**
 * The commit measured: --head-sha resolved to its full id in the repository (a short or unknown id
 * would be stored as a baseline no merge-base lookup ever finds), or HEAD.
 */
async function headCommit(
  cwd: string,
  given: string | undefined,
  head: string | null,
): Promise<string | null> {
  if (given === undefined || head === null) return given ?? head;
  const sha = await resolveCommit(cwd, given);
  if (!sha) {
    throw new UserError(
      `flamediff check: --head-sha '${given}' is not a commit in ${cwd} (expected a commit id or ref that exists here; fetch it first)`,
    );
  }
  return sha;
}
