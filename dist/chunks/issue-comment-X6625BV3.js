#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  REPLY_MARKER,
  accept,
  checkWriteAccess,
  react,
  reply
} from "./chunk-V7B6E6EB.js";
import "./chunk-FE43GHO6.js";
import "./chunk-PGVDAAVK.js";
import "./chunk-IVJTOQEU.js";
import {
  describeApiError
} from "./chunk-O2JFN5XP.js";
import "./chunk-AV64XQHT.js";
import {
  pct,
  pp
} from "./chunk-PZQ4WITT.js";
import {
  mdCode
} from "./chunk-SEKLUSDU.js";
import {
  atGranularity,
  mergeProfiles
} from "./chunk-U37WCUHD.js";
import {
  loadBaseline,
  openStore,
  parseJson,
  readBaselineIndex,
  readPullsIndex
} from "./chunk-3ERTFF5M.js";
import "./chunk-3R2GF4FG.js";
import "./chunk-R7UGHFIG.js";
import {
  COMMENT_MARKER
} from "./chunk-2STNMJK3.js";
import {
  layout
} from "./chunk-QX23ELEG.js";
import "./chunk-5SCB47K6.js";
import "./chunk-U424FUUL.js";
import "./chunk-EZECY7W2.js";
import "./chunk-3EE22N24.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import {
  frameLabel
} from "./chunk-RM2AEMQK.js";
import "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/bot/commands.ts
var MAX_REASON = 500;
var MAX_FRAME = 300;
function parseBotCommand(body) {
  let fence = null;
  let inHtmlComment = false;
  for (const raw of body.split(/\r?\n/)) {
    const f = /^(`{3,}|~{3,})/.exec(raw.trim())?.[1];
    if (fence !== null) {
      if (f && f[0] === fence[0] && f.length >= fence.length && raw.trim() === f) fence = null;
      continue;
    }
    const visible = withoutHtmlComments(raw, inHtmlComment);
    inHtmlComment = visible.open;
    if (visible.hadComment && visible.text.trim() === "") continue;
    const text = visible.text;
    const line = text.trim();
    if (!visible.hadComment && f) {
      fence = f;
      continue;
    }
    if (/^( {4}|\t)/.test(text) || line.startsWith(">")) continue;
    const m = /^\/flamediff(?:\s+(\S+))?(?:\s+(.*))?$/i.exec(line);
    if (!m) continue;
    const word = (m[1] ?? "help").toLowerCase();
    const rest = cleanArgument(m[2] ?? "");
    switch (word) {
      case "accept":
        return { kind: "accept", reason: rest.slice(0, MAX_REASON) };
      case "explain":
        return rest ? { kind: "explain", frame: rest.slice(0, MAX_FRAME) } : { kind: "unknown", word: "explain" };
      case "help":
        return { kind: "help" };
      default:
        return { kind: "unknown", word: word.slice(0, 40) };
    }
  }
  return null;
}
function withoutHtmlComments(line, open) {
  let out = "";
  let at = 0;
  let inside = open;
  let hadComment = open;
  while (at <= line.length) {
    if (inside) {
      const end = line.indexOf("-->", at);
      if (end < 0) return { text: out, open: true, hadComment };
      at = end + 3;
      inside = false;
      continue;
    }
    const start = line.indexOf("<!--", at);
    if (start < 0) {
      out += line.slice(at);
      break;
    }
    out += `${line.slice(at, start)}${start > 0 ? " " : ""}`;
    hadComment = true;
    at = start + 4;
    if (line.startsWith(">", at)) at += 1;
    else if (line.startsWith("->", at)) at += 2;
    else inside = true;
  }
  return { text: out, open: false, hadComment };
}
function cleanArgument(s) {
  let t = s.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  const q = /^(["'`])(.*)\1$/.exec(t);
  if (q) t = q[2].trim();
  return t;
}
var BOT_HELP = [
  "flamediff commands (in a pull request comment):",
  "",
  "- `/flamediff accept [reason]`: accept the performance changes of the current head commit (write access needed; a new push needs a new acceptance).",
  "- `/flamediff explain <frame>`: show a frame's call paths and numbers before and after.",
  "- `/flamediff help`: this list.",
  "",
  "The label `performance-regression-accepted` also accepts the current head commit."
].join("\n");

// src/bot/explain.ts
var MAX_MATCHES = 3;
var MAX_PATH = 25;
async function storedReports(store, pull, sha, baseBranch) {
  const dir = layout.pullShaDir(pull, sha);
  const files = (await store.list(dir)).filter((f) => f.endsWith("/report.json"));
  const out = [];
  for (const f of files) {
    const sub = f.slice(dir.length + 1);
    const m = /^shards\/([^/]+)\/report\.json$/.exec(sub);
    if (sub !== "report.json" && !m) continue;
    const shard = m ? m[1] : "";
    const bytes = await store.read(f);
    if (!bytes) continue;
    const report = parseJson(bytes, store.describe(f), "a comparison report");
    const base = f.replace(/report\.json$/, "");
    out.push({ shard, report, baseline: await baselineOf(store, base, baseBranch) });
  }
  return out;
}
async function baselineOf(store, prefix, baseBranch) {
  const meta = await store.read(`${prefix}baseline.json`);
  if (meta) {
    const m = parseJson(
      meta,
      store.describe(`${prefix}baseline.json`),
      "baseline.json"
    );
    if (typeof m.branch === "string" && typeof m.sha === "string") return { branch: m.branch, sha: m.sha };
  }
  const comment = await store.read(`${prefix}comment.md`);
  if (!comment) return null;
  const text = new TextDecoder().decode(comment);
  const index = await readBaselineIndex(store, baseBranch);
  for (let i = index.baselines.length - 1; i >= 0; i--) {
    const sha = index.baselines[i].sha;
    if (text.includes(sha.slice(0, 7))) return { branch: baseBranch, sha };
  }
  return null;
}
function findFrames(report, query) {
  const q = query.trim();
  const exact = report.frames.filter((f) => f.key === q);
  if (exact.length) return exact;
  const named = report.frames.filter((f) => f.name === q);
  if (named.length) return named.slice(0, MAX_MATCHES);
  const lower = q.toLowerCase();
  return report.frames.filter((f) => f.key.toLowerCase().includes(lower)).slice(0, MAX_MATCHES);
}
function heaviestPath(p, key, g) {
  const q = atGranularity(p, g);
  const labels = [];
  for (let id = 0; id < q.frames.size; id++) labels.push(frameLabel(q.frame(id)));
  const weights = /* @__PURE__ */ new Map();
  q.forEachStack((ids, w) => {
    let at = -1;
    for (let k = 0; k < ids.length; k++) {
      if (labels[ids[k]] === key) {
        at = k;
        break;
      }
    }
    if (at < 0) return;
    const prefix = Array.from(ids.subarray(0, at + 1));
    const sig = prefix.join(",");
    const e = weights.get(sig);
    if (e) e.w += w;
    else weights.set(sig, { w, ids: prefix });
  });
  let best = null;
  for (const [, e] of [...weights.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1)) {
    if (!best || e.w > best.w) best = e;
  }
  return best ? best.ids.map((id) => labels[id]) : [];
}
function pathBlock(title, path) {
  if (path.length === 0) return `${title}: not on any sampled stack.`;
  const shown = path.length > MAX_PATH ? [...path.slice(0, 2), "\u2026", ...path.slice(-(MAX_PATH - 3))] : path;
  return [`${title}:`, "", ...shown.map((k, i) => `${"  ".repeat(Math.min(i, 12))}- ${mdCode(k, 120)}`)].join(
    "\n"
  );
}
function share(x) {
  return pct(x);
}
async function explainReply(x) {
  const lines = [];
  let found = 0;
  for (const r of x.reports) {
    const frames = findFrames(r.report, x.query);
    if (frames.length === 0) continue;
    const base = r.baseline ? await x.baseProfile(r.baseline) : null;
    for (const f of frames) {
      found++;
      lines.push(`### ${mdCode(f.key, 160)}${r.shard ? ` (shard ${mdCode(r.shard)})` : ""}`, "");
      lines.push(
        `| | before | after | change |`,
        "|---|---:|---:|---:|",
        `| inclusive share | ${share(f.base.mean)} | ${share(f.head.mean)} | ${pp(f.delta)} |`,
        `| self share | ${share(f.base.selfMean)} | ${share(f.head.selfMean)} | ${pp(f.selfDelta)} |`,
        ""
      );
      const ci = `${pp(f.ci.lo)} to ${pp(f.ci.hi)} (${Math.round(f.ci.level * 100)}% interval)`;
      const rank = f.rank === null ? "" : `, ranked regression #${f.rank}`;
      const explained = f.explainedBy ? `; explained by ${mdCode(f.explainedBy, 120)}` : "";
      lines.push(
        `Status **${f.status}**${rank}: change ${ci}, q = ${f.qValue.toPrecision(2)}${explained}.`,
        ""
      );
      const before = base ? heaviestPath(base, f.key, r.report.settings.granularity) : null;
      lines.push(
        before === null ? "Call path before: the baseline profile is no longer stored." : pathBlock("Call path before (heaviest stack in the baseline)", before),
        "",
        pathBlock("Call path after (heaviest stack in this commit)", f.path),
        ""
      );
    }
  }
  if (found === 0) {
    return `No frame matching ${mdCode(x.query, 120)} in the report for this commit. Frame names are listed in the flamediff comment; \`/flamediff explain <name>\` matches a full name or a part of one.`;
  }
  return lines.join("\n").trimEnd();
}
async function loadBaseProfile(store, b) {
  const loaded = await loadBaseline(store, b.branch, b.sha);
  if (!loaded) return null;
  return mergeProfiles(loaded.inputs.map((r) => r.profile));
}

// src/bot/issue-comment.ts
function readPayload(p) {
  const issue = p.issue;
  const c = p.comment;
  if (typeof issue?.number !== "number" || typeof c?.id !== "number") {
    return "issue_comment payload without issue.number or comment.id";
  }
  if (!issue.pull_request) return `#${issue.number} is an issue, not a pull request`;
  if (typeof c.user?.login !== "string") return "comment without an author";
  return {
    action: typeof p.action === "string" ? p.action : "",
    pull: issue.number,
    commentId: c.id,
    body: typeof c.body === "string" ? c.body : "",
    login: c.user.login,
    userType: typeof c.user.type === "string" ? c.user.type : "",
    htmlUrl: typeof c.html_url === "string" ? c.html_url : "",
    createdAt: typeof c.created_at === "string" ? c.created_at : ""
  };
}
function ignore(b, reason) {
  b.log(`flamediff: ignoring the comment: ${reason}.`);
  return { kind: "ignored", reason };
}
async function handleIssueComment(b) {
  const c = readPayload(b.payload);
  if (typeof c === "string") return ignore(b, c);
  if (c.action !== "created") return ignore(b, `comment ${c.action || "event"}, only new comments are read`);
  if (c.userType === "Bot" || c.body.includes(REPLY_MARKER) || c.body.includes(COMMENT_MARKER)) {
    return ignore(b, `the comment is by a bot (${c.login})`);
  }
  const cmd = parseBotCommand(c.body);
  if (!cmd) return ignore(b, "no /flamediff command in it");
  b.log(`flamediff: ${describeCommand(cmd)} from ${c.login} on #${c.pull}.`);
  switch (cmd.kind) {
    case "help":
      await reply(b, c.pull, BOT_HELP);
      return { kind: "help", pull: c.pull };
    case "unknown":
      await reply(
        b,
        c.pull,
        `${cmd.word === "explain" ? "`/flamediff explain` needs a frame name." : `Unknown flamediff command ${mdCode(cmd.word)}.`}

${BOT_HELP}`
      );
      return { kind: "unknown", pull: c.pull };
    case "explain":
      return explain(b, c, cmd.frame);
    case "accept":
      return acceptByComment(b, c, cmd.reason);
  }
}
function describeCommand(cmd) {
  const clip = (s) => JSON.stringify(s.slice(0, 80));
  switch (cmd.kind) {
    case "accept":
      return `command accept (reason ${clip(cmd.reason)})`;
    case "explain":
      return `command explain ${clip(cmd.frame)}`;
    case "help":
      return "command help";
    case "unknown":
      return `unknown command ${clip(cmd.word)}`;
  }
}
async function unseenHead(store, c, headSha) {
  const entry = (await readPullsIndex(store)).pulls.find((p) => p.pull === c.pull);
  if (!entry) return null;
  const short = (sha) => sha.slice(0, 12);
  if (entry.sha !== headSha) {
    return `the pull request's head is now ${short(headSha)}, and flamediff's last report is for ${short(entry.sha)}`;
  }
  if (c.createdAt && Date.parse(entry.updatedAt) > Date.parse(c.createdAt)) {
    return `the report on ${short(headSha)} was posted after your comment`;
  }
  return null;
}
async function pullHead(b, pull) {
  try {
    const { data } = await b.client.rest.pulls.get({ owner: b.owner, repo: b.repo, pull_number: pull });
    return { sha: data.head.sha, baseRef: data.base.ref };
  } catch (err) {
    b.warn(describeApiError(`Reading pull request #${pull}`, err, { permission: "pull-requests: read" }));
    return null;
  }
}
async function explain(b, c, frame) {
  const head = await pullHead(b, c.pull);
  if (!head) return ignore(b, "the pull request could not be read");
  const store = await openStore(b.options, b.cwd);
  try {
    const reports = await storedReports(store, c.pull, head.sha, head.baseRef);
    const text = reports.length === 0 ? `No flamediff report is stored for ${mdCode(head.sha.slice(0, 12))} yet (the comparison may still be running, or found no baseline).` : await explainReply({ query: frame, reports, baseProfile: (x) => loadBaseProfile(store, x) });
    await reply(b, c.pull, text);
  } finally {
    await store.close();
  }
  return { kind: "explained", pull: c.pull };
}
async function acceptByComment(b, c, reason) {
  const perm = await checkWriteAccess(b.client, b.owner, b.repo, c.login);
  if (!perm.allowed) {
    b.warn(
      `flamediff: ${c.login} asked to accept #${c.pull} but has '${perm.level}' access (write, maintain or admin needed): refused, nothing recorded.`
    );
    await reply(
      b,
      c.pull,
      `Sorry ${mdCode(c.login)}, only people with write access to this repository can accept performance changes. A maintainer can comment \`/flamediff accept <reason>\` or add the label ${mdCode(b.acceptLabel)}.`
    );
    await react(b, c.commentId, "confused");
    return { kind: "refused", pull: c.pull };
  }
  const head = await pullHead(b, c.pull);
  if (!head) return ignore(b, "the pull request could not be read");
  const store = await openStore(b.options, b.cwd);
  try {
    const stale = await unseenHead(store, c, head.sha);
    if (stale) {
      b.warn(`flamediff: ${c.login} asked to accept #${c.pull}, but ${stale}: refused, nothing recorded.`);
      await reply(
        b,
        c.pull,
        `${mdCode(c.login)}, nothing was accepted: ${stale}. Wait for flamediff's report on ${mdCode(head.sha.slice(0, 12))} and accept again if it is still fine.`
      );
      await react(b, c.commentId, "confused");
      return { kind: "refused", pull: c.pull };
    }
    await accept(
      b,
      c.pull,
      {
        sha: head.sha,
        by: c.login,
        at: (/* @__PURE__ */ new Date()).toISOString(),
        reason,
        via: "comment",
        ...c.htmlUrl ? { commentUrl: c.htmlUrl } : {}
      },
      store
    );
  } finally {
    await store.close();
  }
  await react(b, c.commentId, "+1");
  return { kind: "accepted", pull: c.pull };
}
export {
  handleIssueComment
};
