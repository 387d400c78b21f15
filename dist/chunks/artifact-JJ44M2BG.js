#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  MANIFEST_NAME,
  parseManifest,
  serializeManifest
} from "./chunk-5FCPYUEC.js";
import {
  numberFlag,
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  RUNS_FILE,
  readRunSet
} from "./chunk-Y6LDE2JV.js";
import "./chunk-2RUZDTUI.js";
import "./chunk-3EE22N24.js";
import {
  InputError,
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/bot/make-artifact.ts
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
async function makeArtifact(o) {
  const runsJson = path.join(o.runsDir, RUNS_FILE);
  const runSet = await readRunSet(o.runsDir);
  if (!runSet) {
    throw new InputError(
      runsJson,
      void 0,
      "cannot read the runs of `flamediff record` (no such file or directory); expected the directory `flamediff record` wrote"
    );
  }
  if (runSet.runs.length === 0) {
    throw new InputError(
      runsJson,
      void 0,
      "no runs recorded; expected the runs.json that `flamediff record` writes"
    );
  }
  await mkdir(path.join(o.outDir, o.shard), { recursive: true });
  const runs = [];
  for (const r of runSet.runs) {
    const target = `${o.shard}/${path.basename(r.file)}`;
    await copyFile(path.join(o.runsDir, r.file), path.join(o.outDir, target));
    runs.push({ file: target, wallSeconds: r.wallSeconds ?? null, cpuSeconds: r.cpuSeconds ?? null });
  }
  const manifest = {
    schema: 1,
    tool: "flamediff",
    repository: o.repository,
    pullNumber: o.pullNumber,
    headSha: o.headSha,
    createdAt: (o.now ?? /* @__PURE__ */ new Date()).toISOString(),
    shards: [{ name: o.shard, sampler: runSet.sampler, runs, ...machineOf(runSet) }]
  };
  const text = serializeManifest(manifest);
  const checked = parseManifest(text, path.join(o.outDir, MANIFEST_NAME));
  const existing = await readExisting(path.join(o.outDir, MANIFEST_NAME));
  if (existing) {
    if (existing.shards.some((s) => s.name === o.shard)) {
      throw new UserError(`${path.join(o.outDir, MANIFEST_NAME)}: already has a shard '${o.shard}'`);
    }
    checked.shards = [...existing.shards, ...checked.shards];
  }
  await writeFile(path.join(o.outDir, MANIFEST_NAME), serializeManifest(checked));
  return checked;
}
async function readExisting(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return null;
  }
  return parseManifest(text, file);
}
function machineOf(runSet) {
  const m = runSet.machine;
  if (!m || typeof m.cpuModel !== "string") return {};
  const clip = (x, n) => String(x ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, n);
  const load = Array.isArray(m.loadAvg) && m.loadAvg.length === 3 ? m.loadAvg : [0, 0, 0];
  return {
    machine: {
      cpuModel: clip(m.cpuModel, 200),
      cores: Number.isInteger(m.cores) && m.cores >= 0 ? m.cores : 0,
      kernel: clip(m.kernel, 200),
      platform: clip(m.platform, 40),
      arch: clip(m.arch, 40),
      loadAvg: load.map((x) => Number.isFinite(x) && x >= 0 ? x : 0)
    }
  };
}

// src/commands/artifact.ts
var HELP = `Usage: flamediff artifact --runs DIR --repository OWNER/NAME --sha SHA [--pull N] [--shard NAME] --out DIR

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
var artifactCommand = {
  name: "artifact",
  summary: "pack recorded runs with a manifest for fork-safe or sharded workflows",
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      "artifact",
      argv,
      {
        runs: { type: "string" },
        repository: { type: "string" },
        sha: { type: "string" },
        pull: { type: "string" },
        shard: { type: "string" },
        out: { type: "string" }
      },
      false
    );
    for (const k of ["runs", "repository", "sha", "out"]) {
      if (!values[k])
        throw new UserError(`flamediff artifact: --${k} is required (see \`flamediff artifact --help\`)`);
    }
    const pull = values.pull === void 0 ? null : numberFlag("artifact", "pull", values.pull, 0, { min: 1, integer: true });
    const m = await makeArtifact({
      runsDir: values.runs,
      repository: values.repository,
      headSha: values.sha,
      pullNumber: pull,
      shard: values.shard ?? "main",
      outDir: values.out
    });
    io.stdout(
      `wrote ${values.out}: ${m.shards.map((s) => `${s.name} (${s.runs.length} runs)`).join(", ")}
`
    );
    return 0;
  }
};
export {
  artifactCommand
};
