// The central bot (`flamediff serve`): a GitHub App receiving webhooks. Signatures are verified by
// octokit's App (HMAC SHA-256 with the webhook secret) before any handler runs; the handlers are
// the very ones the action runs (issue-comment.ts, label.ts, workflow-run.ts), on a scratch git
// repository per installation repository whose origin is the repository itself.
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { App, Octokit } from 'octokit';
import type { FlamediffOptions } from '../config/options.js';
import { createClient } from '../github/octokit.js';
import { git, gitOk as ok } from '../lib/git.js';
import type { CheckContext, CheckResult } from '../pipeline/types.js';
import { type BotContext, DEFAULT_ACCEPT_LABEL } from './context.js';

export interface BotAppOptions {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** REST API base URL (GitHub Enterprise: https://host/api/v3). */
  apiUrl: string;
  serverUrl: string;
  /** Clone URL of a repository; `{owner}`, `{repo}` and `{token}` are filled in. */
  gitUrl: string;
  /** Scratch repositories live here (one per owner/repo; they hold short-lived tokens: keep it private). */
  workDir: string;
  options: FlamediffOptions;
  acceptLabel?: string;
  log: (line: string) => void;
  runCheck: (opts: FlamediffOptions, ctx: CheckContext) => Promise<CheckResult>;
}

const NAME = /^[A-Za-z0-9._-]{1,100}$/;

function defaultBranch(payload: Record<string, unknown>): string | null {
  const b = (payload.repository as { default_branch?: unknown } | undefined)?.default_branch;
  return typeof b === 'string' && b !== '' ? b : null;
}

/** A git repository whose `origin` is owner/repo with the installation token (set on every event). */
async function scratchRepo(o: BotAppOptions, owner: string, repo: string, token: string): Promise<string> {
  if (!NAME.test(owner) || !NAME.test(repo) || owner.startsWith('.') || repo.startsWith('.')) {
    throw new Error(`repository name '${owner}/${repo}' is not valid`);
  }
  const dir = path.join(o.workDir, owner, repo);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (!(await ok(dir, ['rev-parse', '--git-dir']))) await git(dir, ['init', '--quiet']);
  const url = o.gitUrl
    .replace('{owner}', encodeURIComponent(owner))
    .replace('{repo}', encodeURIComponent(repo))
    .replace('{token}', encodeURIComponent(token));
  if (!(await ok(dir, ['remote', 'set-url', o.options.remote, url]))) {
    await git(dir, ['remote', 'add', o.options.remote, url]);
  }
  return dir;
}

/** One event at a time per repository: the scratch repository is not safe for concurrent git. */
const queues = new Map<string, Promise<unknown>>();
function serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.catch(() => {}).then(fn);
  queues.set(key, next);
  return next;
}

export function createBotApp(o: BotAppOptions): InstanceType<typeof App> {
  const app = new App({
    appId: o.appId,
    privateKey: o.privateKey,
    webhooks: { secret: o.webhookSecret },
    Octokit: Octokit.defaults({ baseUrl: o.apiUrl, request: { fetch: globalThis.fetch } }),
    log: { debug: () => {}, info: () => {}, warn: o.log, error: o.log },
  });

  type Installation = { auth(opts: { type: 'installation' }): Promise<unknown> };
  const bot = async (octokit: Installation, payload: Record<string, unknown>): Promise<BotContext> => {
    const repository = payload.repository as { name?: unknown; owner?: { login?: unknown } } | undefined;
    const owner = String(repository?.owner?.login ?? '');
    const repo = String(repository?.name ?? '');
    const { token } = (await octokit.auth({ type: 'installation' })) as { token: string };
    const client = createClient({ token, baseUrl: o.apiUrl, warn: o.log });
    const prefix = `[${owner}/${repo}] `;
    return {
      client,
      owner,
      repo,
      payload,
      // Baselines belong to the repository's default branch (the payload names it).
      options: { ...o.options, store: 'git', baseBranch: defaultBranch(payload) ?? o.options.baseBranch },
      cwd: await scratchRepo(o, owner, repo, token),
      serverUrl: o.serverUrl,
      acceptLabel: o.acceptLabel ?? DEFAULT_ACCEPT_LABEL,
      comment: 'always',
      failOnRegression: o.options.failOnRegression,
      log: (l) => o.log(prefix + l),
      warn: (l) => o.log(`${prefix}warning: ${l}`),
    };
  };
  const key = (p: Record<string, unknown>) =>
    String((p.repository as { full_name?: unknown } | undefined)?.full_name ?? '');
  const guard = (what: string, fn: () => Promise<unknown>) =>
    fn().catch((err: unknown) => {
      // One line per failure: the server keeps serving other events.
      o.log(`${what} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    });

  app.webhooks.on('issue_comment.created', ({ octokit, payload }) =>
    guard('issue_comment', () =>
      serial(key(payload), async () => {
        const { handleIssueComment } = await import('./issue-comment.js');
        await handleIssueComment(await bot(octokit, payload as unknown as Record<string, unknown>));
      }),
    ),
  );
  app.webhooks.on('pull_request.labeled', ({ octokit, payload }) =>
    guard('pull_request.labeled', () =>
      serial(key(payload), async () => {
        if (payload.label?.name !== (o.acceptLabel ?? DEFAULT_ACCEPT_LABEL)) return;
        const { handleAcceptLabel } = await import('./label.js');
        await handleAcceptLabel(await bot(octokit, payload as unknown as Record<string, unknown>));
      }),
    ),
  );
  app.webhooks.on('workflow_run.completed', ({ octokit, payload }) =>
    guard('workflow_run', () =>
      serial(key(payload), async () => {
        const { handleWorkflowRun } = await import('./workflow-run.js');
        await handleWorkflowRun(await bot(octokit, payload as unknown as Record<string, unknown>), {
          runCheck: o.runCheck,
        });
      }),
    ),
  );
  return app;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Resolves when every delivery received so far has been handled. */
  idle(): Promise<void>;
  /** Stops accepting deliveries, finishes the ones received, and closes. */
  close(): Promise<void>;
}

const WEBHOOK_PATH = '/api/github/webhooks';
const MAX_BODY = 25 * 2 ** 20; // GitHub caps webhook payloads at 25 MB

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

/**
 * Listens on host:port; webhooks are accepted at /api/github/webhooks (octokit's default path).
 * The signature is verified (octokit's `verify`) before anything reads the payload; a verified
 * delivery is answered 202 at once and handled afterwards, one repository at a time.
 */
export async function startBotServer(
  app: InstanceType<typeof App>,
  port: number,
  host: string,
  log: (line: string) => void = () => {},
): Promise<RunningServer> {
  const pending = new Set<Promise<void>>();
  const idle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  const server = createServer(async (req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && url === '/healthz') return send(res, 200, 'ok');
    if (url !== WEBHOOK_PATH) return send(res, 404, 'not found');
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    const id = req.headers['x-github-delivery'];
    const name = req.headers['x-github-event'];
    const signature = req.headers['x-hub-signature-256'];
    if (typeof id !== 'string' || typeof name !== 'string' || typeof signature !== 'string') {
      return send(res, 400, 'missing x-github-delivery, x-github-event or x-hub-signature-256');
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'payload too large');
    const verified = await app.webhooks.verify(body, signature).catch(() => false);
    if (!verified) {
      log(`webhook ${id.slice(0, 60)} refused: signature does not match (wrong secret or altered payload)`);
      return send(res, 401, 'signature does not match');
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(res, 400, 'payload is not JSON');
    }
    // GitHub gives a delivery 10 seconds; a comparison takes longer. Answer now, handle after.
    send(res, 202, 'accepted');
    const job: Promise<void> = app.webhooks
      .receive({ id, name: name as never, payload: payload as never })
      .catch((err: unknown) => {
        const text = err instanceof Error ? err.message.split('\n')[0] : String(err);
        log(`webhook ${id.slice(0, 60)} (${name.slice(0, 40)}) failed: ${text}`);
      })
      .finally(() => {
        pending.delete(job);
      });
    pending.add(job);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  const p = typeof addr === 'object' && addr ? addr.port : port;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${p}`,
    idle,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await idle();
      await closed;
    },
  };
}
