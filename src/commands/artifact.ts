import { makeArtifact } from '../bot/make-artifact.js';
import { UserError } from '../errors.js';
import { type Command, numberFlag, parseCommandArgs } from './command.js';

const HELP = `Usage: flamediff artifact --runs DIR --repository OWNER/NAME --sha SHA [--pull N] [--shard NAME] --out DIR

Packs the runs that \`flamediff record\` wrote into DIR (runs.json + run files) into an artifact
directory with a validated manifest, for the fork-safe two-workflow mode and for sharded matrices.
Upload the --out directory with actions/upload-artifact; the privileged workflow_run job validates
it strictly before comparing. Several shards can be added to one directory (one call per shard).

Options:
  --runs DIR            output directory of \`flamediff record\`
  --repository O/N      repository the runs belong to (GITHUB_REPOSITORY)
  --sha SHA             commit the runs measured (the pull request's head sha)
  --pull N              pull request number
  --shard NAME          shard name (default: main)
  --out DIR             artifact directory to create or extend

Example:
  flamediff record --sampler perf --runs 5 --out runs -- ./bench
  flamediff artifact --runs runs --repository "$GITHUB_REPOSITORY" \\
    --sha "\${{ github.event.pull_request.head.sha }}" --pull "\${{ github.event.number }}" --out flamediff-artifact
`;

export const artifactCommand: Command = {
  name: 'artifact',
  summary: 'pack recorded runs with a manifest for fork-safe or sharded workflows',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      'artifact',
      argv,
      {
        runs: { type: 'string' },
        repository: { type: 'string' },
        sha: { type: 'string' },
        pull: { type: 'string' },
        shard: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    for (const k of ['runs', 'repository', 'sha', 'out'] as const) {
      if (!values[k])
        throw new UserError(`flamediff artifact: --${k} is required (see \`flamediff artifact --help\`)`);
    }
    const pull =
      values.pull === undefined
        ? null
        : numberFlag('artifact', 'pull', values.pull, 0, { min: 1, integer: true });
    const m = await makeArtifact({
      runsDir: values.runs!,
      repository: values.repository!,
      headSha: values.sha!,
      pullNumber: pull,
      shard: values.shard ?? 'main',
      outDir: values.out!,
    });
    io.stdout(
      `wrote ${values.out}: ${m.shards.map((s) => `${s.name} (${s.runs.length} runs)`).join(', ')}\n`,
    );
    return 0;
  },
};
