#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";
import {
  layout
} from "./chunk-QX23ELEG.js";
import {
  firstLine,
  git,
  gitOk
} from "./chunk-5SCB47K6.js";

// src/github/git-history.ts
async function isShallow(root) {
  const r = await git(root, ["rev-parse", "--is-shallow-repository"]);
  return r.stdout.toString("utf8").trim() === "true";
}
function baseRef(remote, branch) {
  return `refs/remotes/${remote}/${branch}`;
}
async function fetchDepth(n, depth) {
  const shallowArg = depth === "unshallow" ? ["--unshallow"] : [`--depth=${depth}`];
  const base = `+refs/heads/${n.baseBranch}:${baseRef(n.remote, n.baseBranch)}`;
  const fetch = (specs) => git(n.root, ["fetch", "--quiet", "--no-tags", ...shallowArg, n.remote, ...specs]);
  let r = await fetch([base, ...n.commits]);
  if (r.code !== 0 && n.commits.length > 0) r = await fetch([base]);
  return { ok: r.code === 0, error: firstLine(r.stderr) };
}
async function ensureMergeBase(n) {
  const ref = baseRef(n.remote, n.baseBranch);
  const shallow = await isShallow(n.root);
  if (!shallow) {
    const r = await git(n.root, [
      "fetch",
      "--quiet",
      "--no-tags",
      n.remote,
      `+refs/heads/${n.baseBranch}:${ref}`
    ]);
    if (r.code !== 0) {
      n.warn(`Cannot fetch the base branch '${n.baseBranch}' from ${n.remote}: ${firstLine(r.stderr)}`);
      return null;
    }
  } else {
    n.log(
      `Shallow clone: fetching '${n.baseBranch}' and ${n.depth + 1} commits of history to find the merge-base.`
    );
  }
  const steps = shallow ? [n.depth + 1, 4 * (n.depth + 1), 16 * (n.depth + 1), "unshallow"] : [];
  let lastError = "";
  for (let i = 0; ; i++) {
    const mb = await git(n.root, ["merge-base", n.head, ref]);
    if (mb.code === 0) return mb.stdout.toString("utf8").trim();
    if (i >= steps.length) break;
    const f = await fetchDepth(n, steps[i]);
    if (!f.ok) lastError = f.error;
  }
  const why = lastError || (await gitOk(n.root, ["rev-parse", "--verify", "--quiet", ref]) ? "" : "branch not found");
  n.warn(
    `No merge-base between ${n.head.slice(0, 12)} and '${n.baseBranch}'${why ? ` (${why})` : ""}: the comparison may find no baseline. With actions/checkout, fetch-depth: 0 avoids this.`
  );
  return null;
}
async function pushCheck(root, remote) {
  const r = await git(root, [
    "push",
    "--dry-run",
    "--quiet",
    "--no-verify",
    remote,
    "HEAD:refs/flamediff/push-check"
  ]);
  return { ok: r.code === 0, error: firstLine(r.stderr) };
}

// src/github/head-guard.ts
function headGuard(t) {
  let newer = null;
  let warned = false;
  const short = (s) => s.slice(0, 12);
  return {
    get newer() {
      return newer;
    },
    async isCurrent() {
      if (newer !== null) return false;
      let head;
      try {
        const { data } = await t.client.rest.pulls.get({ owner: t.owner, repo: t.repo, pull_number: t.pull });
        head = data.head.sha;
      } catch (err) {
        if (!warned) {
          t.warn(
            `flamediff: ${describeApiError(`Checking that #${t.pull}'s head is still ${short(t.sha)}`, err, { permission: "pull-requests: read" })} Reporting as if it were.`
          );
        }
        warned = true;
        return true;
      }
      if (head === t.sha) return true;
      newer = head;
      t.log(
        `flamediff: #${t.pull} moved on to ${short(head)} while this job measured ${short(t.sha)}: the job for ${short(head)} reports on the pull request, so this one stores no report and writes no comment, annotation or status (its verdict below is ${short(t.sha)}'s own).`
      );
      return false;
    }
  };
}

// src/github/source-files.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
function createSourceResolver(opts) {
  const cache = /* @__PURE__ */ new Map();
  const inRepo = (abs) => {
    const rel = path.relative(opts.root, abs).split(path.sep).join("/");
    if (rel === "" || rel.startsWith("../") || rel === ".." || path.isAbsolute(rel)) return null;
    return opts.tracked.has(rel) ? rel : null;
  };
  const resolve = (file) => {
    let f = file.trim();
    if (!f) return null;
    if (f.startsWith("file://")) {
      try {
        f = fileURLToPath(f);
      } catch {
        return null;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(f) || f.startsWith("node:")) {
      return null;
    }
    if (path.isAbsolute(f)) return inRepo(path.normalize(f));
    return inRepo(path.resolve(opts.root, f)) ?? inRepo(path.resolve(opts.workDir, f));
  };
  return (file) => {
    if (!cache.has(file)) cache.set(file, resolve(file));
    return cache.get(file) ?? null;
  };
}

// src/github/links.ts
function encodePath(p) {
  return p.split("/").map(encodeURIComponent).join("/");
}
function repoUrl(s) {
  return `${s.serverUrl}/${encodeURIComponent(s.owner)}/${encodeURIComponent(s.repo)}`;
}
function rawUrl(s, branch, file) {
  if (s.serverUrl === "https://github.com") {
    return `https://raw.githubusercontent.com/${encodeURIComponent(s.owner)}/${encodeURIComponent(s.repo)}/${encodePath(branch)}/${encodePath(file)}`;
  }
  return `${repoUrl(s)}/raw/${encodePath(branch)}/${encodePath(file)}`;
}
function blobUrl(s, refOrSha, file, line) {
  return `${repoUrl(s)}/blob/${encodePath(refOrSha)}/${encodePath(file)}${line ? `#L${line}` : ""}`;
}
function pullPicturePaths(pullNumber, headSha) {
  const dir = layout.pullShaDir(pullNumber, headSha);
  return { png: `${dir}/diff.png`, svg: `${dir}/diff.svg` };
}
async function pagesUrlFor(client, owner, repo, dataBranch) {
  try {
    const { data } = await client.rest.repos.getPages({ owner, repo });
    const source = data.source;
    if (!data.html_url || !source || source.branch !== dataBranch) return null;
    const sub = (source.path ?? "/").replace(/^\/+|\/+$/g, "");
    if (sub !== "") return null;
    return data.html_url.endsWith("/") ? data.html_url : `${data.html_url}/`;
  } catch {
    return null;
  }
}
function buildReportLinks(s, pullNumber, resolve, canPush) {
  const sourceUrl = (file, line) => {
    const rel = resolve(file);
    return rel ? blobUrl(s, s.headSha, rel, line > 0 ? line : void 0) : null;
  };
  if (pullNumber === void 0 || !canPush) return { sourceUrl, inlineTextFlamegraph: true };
  const paths = pullPicturePaths(pullNumber, s.headSha);
  const svgUrl = s.pagesUrl ? `${s.pagesUrl}${encodePath(paths.svg)}` : blobUrl(s, s.dataBranch, paths.svg);
  if (s.private) return { sourceUrl, svgUrl, inlineTextFlamegraph: true };
  return { sourceUrl, svgUrl, imageUrl: rawUrl(s, s.dataBranch, paths.png), inlineTextFlamegraph: false };
}

export {
  baseRef,
  ensureMergeBase,
  pushCheck,
  headGuard,
  createSourceResolver,
  rawUrl,
  blobUrl,
  pagesUrlFor,
  buildReportLinks
};
