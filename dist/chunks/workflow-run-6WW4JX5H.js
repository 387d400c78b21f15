#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  DEFAULT_ZIP_LIMITS,
  MANIFEST_NAME,
  parseManifest,
  readZip
} from "./chunk-5FCPYUEC.js";
import {
  setCommitStatus
} from "./chunk-FE43GHO6.js";
import {
  isAccepted,
  withAcceptance
} from "./chunk-PGVDAAVK.js";
import {
  baseRef,
  blobUrl,
  buildReportLinks,
  createSourceResolver,
  ensureMergeBase,
  headGuard,
  rawUrl
} from "./chunk-JHA2OFZ5.js";
import {
  postSticky
} from "./chunk-IVJTOQEU.js";
import {
  repoFullName
} from "./chunk-HAP3VRG2.js";
import "./chunk-O2JFN5XP.js";
import "./chunk-AV64XQHT.js";
import {
  COMMENT_LIMIT
} from "./chunk-GUJRDNXC.js";
import "./chunk-PZQ4WITT.js";
import {
  mdCode
} from "./chunk-SEKLUSDU.js";
import "./chunk-U37WCUHD.js";
import {
  openStore,
  writePullReport
} from "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import {
  COMMENT_MARKER
} from "./chunk-2STNMJK3.js";
import {
  layout
} from "./chunk-QX23ELEG.js";
import {
  trackedFiles
} from "./chunk-5SCB47K6.js";
import {
  importProfile
} from "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-3EE22N24.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/bot/workflow-run.ts
import path2 from "node:path";

// src/bot/artifact.ts
import { gunzipSync } from "node:zlib";
function validateArtifact(entries, label, expect, maxProfileBytes = DEFAULT_ZIP_LIMITS.maxTotalBytes) {
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const raw = byName.get(MANIFEST_NAME);
  if (!raw) throw new UserError(`${label}: no ${MANIFEST_NAME} at the top of the artifact`);
  const manifest = parseManifest(new TextDecoder().decode(raw), `${label}/${MANIFEST_NAME}`);
  checkProvenance(manifest, label, expect);
  const listed = /* @__PURE__ */ new Set([MANIFEST_NAME]);
  const budget = { left: maxProfileBytes };
  const shards = manifest.shards.map((s) => loadShard(s, byName, label, listed, budget));
  const extra = entries.map((e) => e.name).filter((n) => !listed.has(n));
  if (extra.length) {
    throw new UserError(`${label}: files not listed in the manifest: ${extra.slice(0, 5).join(", ")}`);
  }
  return { manifest, shards };
}
function checkProvenance(m, label, expect) {
  if (m.repository.toLowerCase() !== expect.repository.toLowerCase()) {
    throw new UserError(
      `${label}: manifest is for repository ${m.repository}, but the workflow run is in ${expect.repository}`
    );
  }
  if (m.headSha !== expect.headSha) {
    throw new UserError(
      `${label}: manifest is for commit ${m.headSha.slice(0, 12)}, but the workflow run measured ${expect.headSha.slice(0, 12)}`
    );
  }
  if (m.pullNumber !== null && !expect.pullNumbers.includes(m.pullNumber)) {
    throw new UserError(
      `${label}: manifest names pull request #${m.pullNumber}, which does not have head ${expect.headSha.slice(0, 12)}`
    );
  }
}
function loadShard(s, files, label, listed, budget) {
  const runs = s.runs.map((r) => {
    const data = files.get(r.file);
    if (!data) throw new UserError(`${label}: manifest lists ${r.file}, which is not in the artifact`);
    listed.add(r.file);
    const name = `${label}/${r.file}`;
    const bytes = boundedGunzip(data, name, budget.left);
    budget.left -= bytes.length;
    const profile = importProfile(name, bytes);
    return { profile, wallSeconds: r.wallSeconds ?? void 0, cpuSeconds: r.cpuSeconds ?? void 0 };
  });
  return { name: s.name, sampler: s.sampler, runs, ...s.machine ? { machine: s.machine } : {} };
}
function boundedGunzip(data, name, max) {
  const isGzip = (b) => b.length >= 2 && b[0] === 31 && b[1] === 139;
  if (data.length > max) {
    throw new UserError(`${name}: the artifact's profiles pass the limit of ${max} bytes in total`);
  }
  if (!isGzip(data)) return data;
  let out;
  try {
    out = gunzipSync(data, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    const tooBig = err.code === "ERR_BUFFER_TOO_LARGE";
    throw new UserError(
      tooBig ? `${name}: gzip data inflates past the limit of ${max} bytes for the artifact's profiles (a gzip bomb?)` : `${name}: corrupt gzip data (expected a complete gzip stream)`
    );
  }
  if (isGzip(out)) throw new UserError(`${name}: gzip inside gzip is not accepted`);
  return out;
}
function combineArtifacts(artifacts) {
  if (artifacts.length === 0) throw new UserError("no flamediff artifacts to combine");
  const first = artifacts[0].manifest;
  const pairs = [];
  for (const a of artifacts) {
    const m = a.manifest;
    if (m.repository !== first.repository || m.headSha !== first.headSha || m.pullNumber !== first.pullNumber) {
      throw new UserError(
        `artifacts disagree: ${m.repository}@${m.headSha.slice(0, 12)} vs ${first.repository}@${first.headSha.slice(0, 12)}`
      );
    }
    a.shards.forEach((shard, i) => {
      if (pairs.some((p) => p.shard.name === shard.name)) {
        throw new UserError(`shard '${shard.name}' appears in more than one artifact`);
      }
      pairs.push({ meta: m.shards[i], shard });
    });
  }
  pairs.sort((x, y) => x.shard.name < y.shard.name ? -1 : 1);
  return { manifest: { ...first, shards: pairs.map((p) => p.meta) }, shards: pairs.map((p) => p.shard) };
}

// src/bot/combine.ts
function combinedVerdict(shards) {
  if (shards.some((s) => s.result.verdict === "fail")) return "fail";
  if (shards.some((s) => s.result.verdict === "pass")) return "pass";
  return "none";
}
function change(x) {
  return x === null ? "n/a" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
}
function stripMarker(md) {
  return md.replace(COMMENT_MARKER, "").replace(/^\n+/, "");
}
function combineComments(shards, headSha) {
  if (shards.length === 1 && shards[0].shard === "main") return shards[0].result.commentMarkdown;
  const verdict = combinedVerdict(shards);
  const icon = verdict === "fail" ? ":x:" : verdict === "pass" ? ":white_check_mark:" : ":grey_question:";
  const head = [
    COMMENT_MARKER,
    `## ${icon} flamediff: ${shards.length} shards, verdict **${verdict}**`,
    "",
    `Commit ${mdCode(headSha.slice(0, 12))}. Each shard is compared with its own baselines; the pull request fails when any shard does.`,
    "",
    "| shard | verdict | ranked regressions | total change |",
    "|---|---|---:|---:|",
    ...shards.map(
      (s) => `| ${mdCode(s.shard)} | ${s.result.verdict} | ${s.result.regressions} | ${change(s.result.totalChange)} |`
    ),
    ""
  ].join("\n");
  const sections = shards.map(
    (s) => `<details${s.result.verdict === "fail" ? " open" : ""}><summary>Shard ${mdCode(s.shard)}: ${s.result.verdict}</summary>

${stripMarker(s.result.commentMarkdown)}

</details>
`
  );
  const full = `${head}
${sections.join("\n")}`;
  if (full.length <= COMMENT_LIMIT) return full;
  let out = head;
  const order = [...shards.keys()].sort(
    (a, b) => Number(shards[b].result.verdict === "fail") - Number(shards[a].result.verdict === "fail") || a - b
  );
  const left = [];
  for (const k of order) {
    if (out.length + sections[k].length + 400 < COMMENT_LIMIT) out += `
${sections[k]}`;
    else left.push(shards[k].shard);
  }
  if (left.length) {
    out += `
<sub>Reports of ${left.map((s) => mdCode(s)).join(", ")} left out to stay under GitHub's comment limit: see the job summary and the data branch.</sub>
`;
  }
  return out;
}

// src/bot/compare-artifacts.ts
import path from "node:path";
var DEFAULT_SHARD = "main";
function shardBranch(baseBranch, shard) {
  return shard === DEFAULT_SHARD ? baseBranch : `${baseBranch}.shard-${shard}`;
}
function artifactRunSide(shard, headSha) {
  return {
    runs: shard.runs.map((r) => ({
      profile: r.profile,
      wallSeconds: r.wallSeconds ?? void 0,
      cpuSeconds: r.cpuSeconds ?? void 0
    })),
    sampler: shard.sampler,
    samplerVersion: "",
    command: [`(artifact ${shard.name} of ${headSha.slice(0, 12)})`],
    rateHz: null,
    // What the artifact says about its runner (shown as a code span; nothing depends on it).
    machine: shard.machine ? { ...shard.machine, hostname: "" } : null
  };
}
function shardLinks(i, shard, multi) {
  if (!multi || i.pull === void 0) return buildReportLinks(i.site, i.pull, i.resolve, true);
  const dir = `${layout.pullShaDir(i.pull, i.headSha)}/shards/${shard}`;
  const base = buildReportLinks(i.site, i.pull, i.resolve, true);
  const svgUrl = i.site.pagesUrl ? `${i.site.pagesUrl}${dir}/diff.svg` : blobUrl(i.site, i.site.dataBranch, `${dir}/diff.svg`);
  if (i.site.private) return { ...base, svgUrl, imageUrl: void 0, inlineTextFlamegraph: true };
  return { ...base, svgUrl, imageUrl: rawUrl(i.site, i.site.dataBranch, `${dir}/diff.png`) };
}
async function compareArtifacts(i) {
  const multi = i.shards.length > 1 || i.shards[0] && i.shards[0].name !== DEFAULT_SHARD;
  const out = [];
  for (const shard of i.shards) {
    const key = shardBranch(i.baseBranch, shard.name);
    const opts = {
      ...i.options,
      compare: { ...i.options.compare },
      // Nothing runs: the command is only a label, and runs is what the artifact holds.
      command: i.options.command.length ? i.options.command : ["(artifact)"],
      runs: shard.runs.length,
      baseline: "stored",
      baseBranch: key,
      outDir: multi ? path.join(i.options.outDir, "shards", shard.name) : i.options.outDir
    };
    i.log(
      `flamediff: shard ${shard.name}: ${shard.runs.length} runs (${shard.sampler}), baselines of '${key}'.`
    );
    const ctx = {
      headSha: i.headSha,
      headRef: multi ? `${i.headRef} [${shard.name}]` : i.headRef,
      isBaseBranch: i.mode === "baseline",
      // The bot stores the files itself (one entry for all shards): the pipeline stores nothing.
      pullNumber: void 0,
      links: i.mode === "compare" ? shardLinks(i, shard.name, Boolean(multi)) : void 0,
      log: i.log,
      cwd: i.cwd,
      baseRef: i.baseRef,
      headRuns: artifactRunSide(shard, i.headSha)
    };
    const result = await i.runCheck(opts, ctx);
    const prefix = multi ? `shards/${shard.name}/` : "";
    const files = {};
    const a = result.analysis;
    const add = (name, data) => {
      if (data) files[`${prefix}${name}`] = data;
    };
    add("diff.svg", a?.pictures.diffSvg);
    add("diff.png", a?.pictures.diffPng);
    add("report.json", a?.reportJson);
    if (result.commentMarkdown) files[`${prefix}comment.md`] = result.commentMarkdown;
    if (result.baseline?.sha) {
      files[`${prefix}baseline.json`] = `${JSON.stringify({ schema: 1, branch: key, sha: result.baseline.sha })}
`;
    }
    out.push({ shard: shard.name, result, files });
  }
  return out;
}

// src/bot/workflow-run.ts
var Rejected = class extends Error {
};
function payloadRun(b) {
  const wr = b.payload.workflow_run;
  if (typeof wr?.id !== "number" || typeof wr.head_sha !== "string") {
    throw new Rejected("the workflow_run payload has no workflow_run.id or head_sha");
  }
  const repo = typeof wr.repository?.full_name === "string" ? wr.repository.full_name : "";
  return { id: wr.id, headSha: wr.head_sha, repo };
}
async function readRun(b, id) {
  try {
    const { data } = await b.client.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
      owner: b.owner,
      repo: b.repo,
      run_id: id
    });
    return {
      id,
      event: data.event,
      headSha: data.head_sha,
      headBranch: data.head_branch ?? "",
      headRepo: data.head_repository?.full_name ?? "",
      headOwner: data.head_repository?.owner?.login ?? "",
      conclusion: data.conclusion ?? ""
    };
  } catch (err) {
    if (err.status === 404) {
      throw new Rejected(`workflow run ${id} does not exist in ${repoFullName(b)}`);
    }
    throw err;
  }
}
async function findPulls(b, run) {
  const list = await b.client.paginate(b.client.rest.pulls.list, {
    owner: b.owner,
    repo: b.repo,
    state: "open",
    head: `${run.headOwner}:${run.headBranch}`,
    per_page: 100
  });
  return list.filter(
    (p) => p.head.sha === run.headSha && (p.base.repo?.full_name ?? repoFullName(b)).toLowerCase() === repoFullName(b).toLowerCase()
  ).map((p) => ({ number: p.number, baseRef: p.base.ref, headRef: p.head.ref }));
}
async function downloadArtifacts(b, run, expect, deps) {
  const limits = deps.limits ?? DEFAULT_ZIP_LIMITS;
  const prefix = deps.artifactPrefix ?? "flamediff";
  const all = await b.client.paginate(b.client.rest.actions.listWorkflowRunArtifacts, {
    owner: b.owner,
    repo: b.repo,
    run_id: run.id,
    per_page: 100
  });
  const mine = all.filter((a) => a.name.startsWith(prefix)).sort((x, y) => x.name < y.name ? -1 : 1);
  if (mine.length === 0) {
    throw new Rejected(
      `workflow run ${run.id} has no artifact named ${prefix}*: upload \`flamediff artifact\`'s directory (docs/bot.md)`
    );
  }
  const out = [];
  for (const a of mine) {
    const label = `artifact '${a.name.replace(/[^\x20-\x7e]/g, "?").slice(0, 80)}' (id ${a.id})`;
    if (a.expired) throw new Rejected(`${label} has expired`);
    if (a.size_in_bytes > limits.maxArchiveBytes) {
      throw new Rejected(`${label} is ${a.size_in_bytes} bytes, over the limit of ${limits.maxArchiveBytes}`);
    }
    const res = await b.client.request(
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
      {
        owner: b.owner,
        repo: b.repo,
        artifact_id: a.id,
        archive_format: "zip",
        // The raw body, whatever content type the storage answers with; read with a byte cap.
        request: { parseSuccessResponseBody: false }
      }
    );
    const bytes = await readCapped(
      res.data,
      limits.maxArchiveBytes,
      label
    );
    try {
      const entries = readZip(bytes, label, limits);
      out.push(
        validateArtifact(
          entries,
          label,
          { repository: repoFullName(b), headSha: run.headSha, pullNumbers: expect.pullNumbers },
          limits.maxTotalBytes
        )
      );
    } catch (err) {
      if (err instanceof UserError) throw new Rejected(err.message);
      throw err;
    }
  }
  try {
    return combineArtifacts(out);
  } catch (err) {
    if (err instanceof UserError) throw new Rejected(err.message);
    throw err;
  }
}
async function readCapped(body, cap, label) {
  if (!body) return new Uint8Array();
  const chunks = [];
  let total = 0;
  const reader = body.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel();
      throw new Rejected(`${label}: the download passed ${cap} bytes, larger than the limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
function site(b, headSha) {
  const repo = b.payload.repository;
  return {
    serverUrl: b.serverUrl,
    owner: b.owner,
    repo: b.repo,
    dataBranch: b.options.dataBranch,
    headSha,
    // Unknown visibility: the text flamegraph renders everywhere.
    private: repo?.private !== false,
    pagesUrl: null
  };
}
async function handleWorkflowRun(b, deps) {
  try {
    return await handle(b, deps);
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    b.warn(`flamediff: rejected the workflow_run event: ${err.message}. Nothing was stored or posted.`);
    return { kind: "rejected", reason: err.message };
  }
}
async function handle(b, deps) {
  const action = b.payload.action;
  if (action !== "completed") {
    const reason = `workflow_run ${String(action)}: flamediff acts when the run has completed`;
    b.log(`flamediff: ${reason}.`);
    return { kind: "skipped", reason };
  }
  const claimed = payloadRun(b);
  if (claimed.repo && claimed.repo.toLowerCase() !== repoFullName(b).toLowerCase()) {
    throw new Rejected(
      `the event names workflow run ${claimed.id} of ${claimed.repo}, but this is ${repoFullName(b)}`
    );
  }
  const run = await readRun(b, claimed.id);
  if (run.headSha !== claimed.headSha) {
    throw new Rejected(
      `the event says run ${run.id} measured ${claimed.headSha.slice(0, 12)}, the API says ${run.headSha.slice(0, 12)}`
    );
  }
  if (run.conclusion !== "success") {
    const reason = `workflow run ${run.id} concluded '${run.conclusion || "unknown"}': no complete artifact to compare`;
    b.log(`flamediff: ${reason}.`);
    return { kind: "skipped", reason };
  }
  if (run.event === "push") return recordFromPush(b, run, deps);
  if (run.event !== "pull_request") {
    const reason = `workflow run ${run.id} was triggered by '${run.event}': flamediff compares pull_request runs and records push runs`;
    b.log(`flamediff: ${reason}.`);
    return { kind: "skipped", reason };
  }
  const pulls = await findPulls(b, run);
  if (pulls.length === 0) {
    throw new Rejected(
      `no open pull request of ${repoFullName(b)} has head ${run.headSha.slice(0, 12)} (${run.headOwner}:${run.headBranch})`
    );
  }
  const artifact = await downloadArtifacts(b, run, { pullNumbers: pulls.map((p) => p.number) }, deps);
  const named = artifact.manifest.pullNumber;
  const pull = pulls.find((p) => p.number === named) ?? (named === null && pulls.length === 1 ? pulls[0] : null);
  if (!pull)
    throw new Rejected(
      `the artifact does not say which of pull requests ${pulls.map((p) => `#${p.number}`).join(", ")} it is for`
    );
  return comparePull(b, run, pull, artifact, deps);
}
async function recordFromPush(b, run, deps) {
  const base = b.options.baseBranch;
  if (run.headBranch !== base || run.headRepo.toLowerCase() !== repoFullName(b).toLowerCase()) {
    const reason = `push run ${run.id} is for ${run.headRepo}:${run.headBranch}, not the base branch '${base}': nothing to record`;
    b.log(`flamediff: ${reason}.`);
    return { kind: "skipped", reason };
  }
  const artifact = await downloadArtifacts(b, run, { pullNumbers: [] }, deps);
  const shards = await compareArtifacts({
    shards: artifact.shards,
    options: b.options,
    headSha: run.headSha,
    headRef: base,
    baseBranch: base,
    pull: void 0,
    mode: "baseline",
    cwd: b.cwd,
    baseRef: baseRef(b.options.remote, base),
    site: site(b, run.headSha),
    resolve: () => null,
    log: b.log,
    runCheck: deps.runCheck
  });
  b.setOutput?.("mode", "baseline");
  b.log(
    `flamediff: recorded baselines for ${run.headSha.slice(0, 12)}: ${shards.map((s) => s.shard).join(", ")}.`
  );
  return { kind: "recorded", shards: shards.map((s) => s.shard) };
}
async function comparePull(b, run, pull, artifact, deps) {
  const { options } = b;
  b.log(
    `flamediff: pull request #${pull.number} (${pull.headRef} -> ${pull.baseRef}) at ${run.headSha.slice(0, 12)}: ${artifact.shards.length} shard(s) from run ${run.id}.`
  );
  await ensureMergeBase({
    root: b.cwd,
    remote: options.remote,
    baseBranch: pull.baseRef,
    head: run.headSha,
    commits: [`+refs/pull/${pull.number}/head:refs/remotes/${options.remote}/pull/${pull.number}/head`],
    depth: options.baselineDepth,
    log: b.log,
    warn: b.warn
  });
  const s = site(b, run.headSha);
  const shards = await compareArtifacts({
    shards: artifact.shards,
    options,
    headSha: run.headSha,
    headRef: pull.headRef,
    baseBranch: pull.baseRef,
    pull: pull.number,
    mode: "compare",
    cwd: b.cwd,
    baseRef: baseRef(options.remote, pull.baseRef),
    site: s,
    resolve: createSourceResolver({
      root: b.cwd,
      workDir: path2.resolve(b.cwd, options.workingDirectory),
      tracked: await trackedFiles(b.cwd)
    }),
    log: b.log,
    runCheck: deps.runCheck
  });
  const verdict = combinedVerdict(shards);
  let comment = combineComments(shards, run.headSha);
  b.startReporting?.();
  const guard = headGuard({
    client: b.client,
    owner: b.owner,
    repo: b.repo,
    pull: pull.number,
    sha: run.headSha,
    log: b.log,
    warn: b.warn
  });
  const store = await openStore(options, b.cwd);
  let accepted = false;
  try {
    const a = verdict === "fail" ? await isAccepted(store, pull.number, run.headSha) : null;
    if (a) {
      accepted = true;
      comment = withAcceptance(comment, a);
      b.log(
        `flamediff: the regression at ${run.headSha.slice(0, 12)} was accepted by ${a.by}: the gate passes.`
      );
    }
    const files = { "comment.md": comment };
    for (const sh of shards) Object.assign(files, sh.files);
    await store.update(`flamediff: report for #${pull.number} at ${run.headSha.slice(0, 12)}`, async (tx) => {
      if (await guard.isCurrent())
        await writePullReport(tx, pull.number, run.headSha, files, options.retention);
    });
  } finally {
    await store.close();
  }
  const regressions = shards.reduce((n, sh) => n + sh.result.regressions, 0);
  b.setOutput?.("mode", "compare");
  b.setOutput?.("verdict", accepted ? "pass" : verdict);
  b.setOutput?.("regressions", String(regressions));
  if (b.writeSummary) await b.writeSummary(shards.map((sh) => sh.result.summaryMarkdown).join("\n\n"));
  const current = await guard.isCurrent();
  const commentUrl = current ? await postComment(b, pull.number, comment, verdict) : "";
  b.setOutput?.("comment-url", commentUrl);
  const state = verdict === "fail" && !accepted ? "failure" : "success";
  const description = verdict === "none" ? "No baseline to compare with yet" : accepted ? `Regression accepted (${regressions} ranked)` : verdict === "fail" ? `Performance regression: ${regressions} ranked regression(s)` : "No significant performance regression";
  if (current) await setCommitStatus(b, run.headSha, state, description, commentUrl || void 0);
  return { kind: "compared", pull: pull.number, verdict, accepted, commentUrl };
}
async function postComment(b, pull, body, verdict) {
  return postSticky(b.client, { owner: b.owner, repo: b.repo, issueNumber: pull }, body, {
    mode: b.comment,
    verdict,
    log: b.log,
    warn: b.warn
  });
}
export {
  handleWorkflowRun
};
