#!/usr/bin/env node
import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);
import {
  numberFlag,
  parseCommandArgs
} from "./chunk-NMJRZY2B.js";
import {
  App,
  Octokit,
  createClient
} from "./chunk-X3GQMAOQ.js";
import {
  DEFAULT_ACCEPT_LABEL
} from "./chunk-HAP3VRG2.js";
import "./chunk-O2JFN5XP.js";
import {
  git,
  gitOk
} from "./chunk-5SCB47K6.js";
import {
  loadConfigFile
} from "./chunk-KOS2K544.js";
import {
  defaultOptions
} from "./chunk-OHC3GXGY.js";
import "./chunk-2RUZDTUI.js";
import {
  fsError
} from "./chunk-3EE22N24.js";
import "./chunk-NMAPBW3G.js";
import "./chunk-SBH42KNO.js";
import "./chunk-UR5MWT2A.js";
import "./chunk-HA6H56OO.js";
import "./chunk-RM2AEMQK.js";
import {
  UserError
} from "./chunk-KISOPUCP.js";
import "./chunk-AK7A7ZA3.js";

// src/commands/serve.ts
import { readFile } from "node:fs/promises";
import path2 from "node:path";

// src/bot/app.ts
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
var NAME = /^[A-Za-z0-9._-]{1,100}$/;
function defaultBranch(payload) {
  const b = payload.repository?.default_branch;
  return typeof b === "string" && b !== "" ? b : null;
}
async function scratchRepo(o, owner, repo, token) {
  if (!NAME.test(owner) || !NAME.test(repo) || owner.startsWith(".") || repo.startsWith(".")) {
    throw new Error(`repository name '${owner}/${repo}' is not valid`);
  }
  const dir = path.join(o.workDir, owner, repo);
  await mkdir(dir, { recursive: true, mode: 448 });
  if (!await gitOk(dir, ["rev-parse", "--git-dir"])) await git(dir, ["init", "--quiet"]);
  const url = o.gitUrl.replace("{owner}", encodeURIComponent(owner)).replace("{repo}", encodeURIComponent(repo)).replace("{token}", encodeURIComponent(token));
  if (!await gitOk(dir, ["remote", "set-url", o.options.remote, url])) {
    await git(dir, ["remote", "add", o.options.remote, url]);
  }
  return dir;
}
var queues = /* @__PURE__ */ new Map();
function serial(key, fn) {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.catch(() => {
  }).then(fn);
  queues.set(key, next);
  return next;
}
function createBotApp(o) {
  const app = new App({
    appId: o.appId,
    privateKey: o.privateKey,
    webhooks: { secret: o.webhookSecret },
    Octokit: Octokit.defaults({ baseUrl: o.apiUrl, request: { fetch: globalThis.fetch } }),
    log: { debug: () => {
    }, info: () => {
    }, warn: o.log, error: o.log }
  });
  const bot = async (octokit, payload) => {
    const repository = payload.repository;
    const owner = String(repository?.owner?.login ?? "");
    const repo = String(repository?.name ?? "");
    const { token } = await octokit.auth({ type: "installation" });
    const client = createClient({ token, baseUrl: o.apiUrl, warn: o.log });
    const prefix = `[${owner}/${repo}] `;
    return {
      client,
      owner,
      repo,
      payload,
      // Baselines belong to the repository's default branch (the payload names it).
      options: { ...o.options, store: "git", baseBranch: defaultBranch(payload) ?? o.options.baseBranch },
      cwd: await scratchRepo(o, owner, repo, token),
      serverUrl: o.serverUrl,
      acceptLabel: o.acceptLabel ?? DEFAULT_ACCEPT_LABEL,
      comment: "always",
      failOnRegression: o.options.failOnRegression,
      log: (l) => o.log(prefix + l),
      warn: (l) => o.log(`${prefix}warning: ${l}`)
    };
  };
  const key = (p) => String(p.repository?.full_name ?? "");
  const guard = (what, fn) => fn().catch((err) => {
    o.log(`${what} failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  });
  app.webhooks.on(
    "issue_comment.created",
    ({ octokit, payload }) => guard(
      "issue_comment",
      () => serial(key(payload), async () => {
        const { handleIssueComment } = await import("./issue-comment-X6625BV3.js");
        await handleIssueComment(await bot(octokit, payload));
      })
    )
  );
  app.webhooks.on(
    "pull_request.labeled",
    ({ octokit, payload }) => guard(
      "pull_request.labeled",
      () => serial(key(payload), async () => {
        if (payload.label?.name !== (o.acceptLabel ?? DEFAULT_ACCEPT_LABEL)) return;
        const { handleAcceptLabel } = await import("./label-Y6RWTFQR.js");
        await handleAcceptLabel(await bot(octokit, payload));
      })
    )
  );
  app.webhooks.on(
    "workflow_run.completed",
    ({ octokit, payload }) => guard(
      "workflow_run",
      () => serial(key(payload), async () => {
        const { handleWorkflowRun } = await import("./workflow-run-6WW4JX5H.js");
        await handleWorkflowRun(await bot(octokit, payload), {
          runCheck: o.runCheck
        });
      })
    )
  );
  return app;
}
var WEBHOOK_PATH = "/api/github/webhooks";
var MAX_BODY = 25 * 2 ** 20;
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > MAX_BODY) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString("utf8");
}
function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(`${text}
`);
}
async function startBotServer(app, port, host, log = () => {
}) {
  const pending = /* @__PURE__ */ new Set();
  const idle = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  const server = createServer(async (req, res) => {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") return send(res, 200, "ok");
    if (url !== WEBHOOK_PATH) return send(res, 404, "not found");
    if (req.method !== "POST") return send(res, 405, "POST only");
    const id = req.headers["x-github-delivery"];
    const name = req.headers["x-github-event"];
    const signature = req.headers["x-hub-signature-256"];
    if (typeof id !== "string" || typeof name !== "string" || typeof signature !== "string") {
      return send(res, 400, "missing x-github-delivery, x-github-event or x-hub-signature-256");
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, "payload too large");
    const verified = await app.webhooks.verify(body, signature).catch(() => false);
    if (!verified) {
      log(`webhook ${id.slice(0, 60)} refused: signature does not match (wrong secret or altered payload)`);
      return send(res, 401, "signature does not match");
    }
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(res, 400, "payload is not JSON");
    }
    send(res, 202, "accepted");
    const job = app.webhooks.receive({ id, name, payload }).catch((err) => {
      const text = err instanceof Error ? err.message.split("\n")[0] : String(err);
      log(`webhook ${id.slice(0, 60)} (${name.slice(0, 40)}) failed: ${text}`);
    }).finally(() => {
      pending.delete(job);
    });
    pending.add(job);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const p = typeof addr === "object" && addr ? addr.port : port;
  return {
    server,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${p}`,
    idle,
    close: async () => {
      const closed = new Promise((resolve) => server.close(() => resolve()));
      await idle();
      await closed;
    }
  };
}

// src/commands/serve.ts
var HELP = `Usage: flamediff serve [--port N] [--host H] [--config FILE] [--work-dir DIR]

Runs flamediff as a central GitHub App: it receives webhooks (signatures verified with the
webhook secret) and reacts to workflow_run completed events (fork-safe reports from artifacts),
/flamediff comment commands and the accept label, with the same code as the action.
Secrets come from the environment only (never flags, so they stay out of shell history):

  FLAMEDIFF_APP_ID              the App's id
  FLAMEDIFF_PRIVATE_KEY         the App's private key (PEM), or
  FLAMEDIFF_PRIVATE_KEY_FILE    a file holding it
  FLAMEDIFF_WEBHOOK_SECRET      the webhook secret set in the App's settings

Options:
  --port N          port to listen on (default 3000)
  --host H          address to listen on (default 127.0.0.1; put a TLS proxy in front)
  --config FILE     flamediff.yml with comparison settings for every repository
  --work-dir DIR    scratch git repositories (default .flamediff-serve; keep it private)
  --api-url URL     REST API (default $GITHUB_API_URL or https://api.github.com)
  --server-url URL  web URL for links (default https://github.com)
  --git-url TPL     clone URL template (default https://x-access-token:{token}@github.com/{owner}/{repo}.git)
  --accept-label L  label that accepts a pull request head (default performance-regression-accepted)

Webhook URL: http(s)://<host>:<port>/api/github/webhooks; GET /healthz answers "ok".
See docs/bot.md ("Central bot") for the App's permissions and events.
`;
function secret(env, name) {
  const v = env[name];
  if (!v) throw new UserError(`flamediff serve: ${name} is not set (see \`flamediff serve --help\`)`);
  return v;
}
async function startServe(argv, io) {
  const { values } = parseCommandArgs(
    "serve",
    argv,
    {
      port: { type: "string" },
      host: { type: "string" },
      config: { type: "string" },
      "work-dir": { type: "string" },
      "api-url": { type: "string" },
      "server-url": { type: "string" },
      "git-url": { type: "string" },
      "accept-label": { type: "string" }
    },
    false
  );
  const port = numberFlag("serve", "port", values.port, 3e3, { min: 0, max: 65535, integer: true });
  const env = io.env;
  const keyFile = env.FLAMEDIFF_PRIVATE_KEY_FILE;
  let privateKey = env.FLAMEDIFF_PRIVATE_KEY ?? "";
  if (!privateKey && keyFile) {
    try {
      privateKey = await readFile(path2.resolve(io.cwd, keyFile), "utf8");
    } catch (err) {
      throw fsError(keyFile, "cannot read the App's private key", err);
    }
  }
  if (!privateKey.includes("PRIVATE KEY")) {
    throw new UserError(
      "flamediff serve: FLAMEDIFF_PRIVATE_KEY or FLAMEDIFF_PRIVATE_KEY_FILE must hold the App private key (PEM)"
    );
  }
  let options = defaultOptions();
  if (values.config) options = await loadConfigFile(path2.resolve(io.cwd, values.config), options, true);
  options.store = "git";
  const serverUrl = (values["server-url"] ?? "https://github.com").replace(/\/+$/, "");
  const host = new URL(serverUrl).host;
  const app = createBotApp({
    appId: secret(env, "FLAMEDIFF_APP_ID"),
    privateKey,
    webhookSecret: secret(env, "FLAMEDIFF_WEBHOOK_SECRET"),
    apiUrl: (values["api-url"] ?? env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl,
    gitUrl: values["git-url"] ?? `https://x-access-token:{token}@${host}/{owner}/{repo}.git`,
    workDir: path2.resolve(io.cwd, values["work-dir"] ?? ".flamediff-serve"),
    options,
    acceptLabel: values["accept-label"],
    log: (line) => io.stderr(`${(/* @__PURE__ */ new Date()).toISOString()} ${line}
`),
    runCheck: async (opts, ctx) => (await import("./check-RLHC2HMM.js")).runCheck(opts, ctx)
  });
  const log = (line) => io.stderr(`${(/* @__PURE__ */ new Date()).toISOString()} ${line}
`);
  const running = await startBotServer(app, port, values.host ?? "127.0.0.1", log);
  io.stdout(`flamediff serve: listening on ${running.url}/api/github/webhooks
`);
  return running;
}
var serveCommand = {
  name: "serve",
  summary: "run the bot as a GitHub App webhook server (central alternative to the action)",
  help: HELP,
  async run(argv, io) {
    const running = await startServe(argv, io);
    await new Promise((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await running.close();
    return 0;
  }
};
export {
  serveCommand,
  startServe
};
