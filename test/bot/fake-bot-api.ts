// The action engineer's stand-in for api.github.com (comments, /user, Pages, repository), extended
// with what the bot calls: collaborator permissions, pull requests, commit statuses, reactions,
// workflow runs and their artifacts (the zip download answers 302 to a "blob storage" URL on the
// same server, like GitHub). Requests for the base routes are forwarded to the base server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeGitHub, type RecordedRequest, startFakeGitHub } from '../action-e2e/fake-github.js';

export interface FakePull {
  number: number;
  headSha: string;
  headRef: string;
  /** owner/name of the head repository (a fork, or the repository itself). */
  headRepo: string;
  baseRef: string;
}

export interface FakeRun {
  id: number;
  event: 'pull_request' | 'push';
  headSha: string;
  headBranch: string;
  headRepo: string;
  conclusion: string;
  /** Artifact name -> zip bytes. */
  artifacts: Record<string, Uint8Array>;
}

export interface FakeBotApi {
  url: string;
  base: FakeGitHub;
  /** Every request, to both routes (base ones included). */
  requests: RecordedRequest[];
  permissions: Map<string, string>;
  pulls: Map<number, FakePull>;
  runs: Map<number, FakeRun>;
  statuses: { sha: string; state: string; context: string; description: string }[];
  reactions: { commentId: number; content: string }[];
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const user = (login: string) => ({ login, id: 1, type: login.endsWith('[bot]') ? 'Bot' : 'User' });
const repoObj = (full: string) => ({
  full_name: full,
  name: full.split('/')[1],
  owner: user(full.split('/')[0]),
});

export async function startFakeBotApi(owner: string, repo: string): Promise<FakeBotApi> {
  const base = await startFakeGitHub(owner, repo);
  const full = `${owner}/${repo}`;
  const prefix = `/repos/${full}`;
  const api: Omit<FakeBotApi, 'url' | 'close'> = {
    base,
    requests: [],
    permissions: new Map(),
    pulls: new Map(),
    runs: new Map(),
    statuses: [],
    reactions: [],
  };
  const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
  const pullJson = (p: FakePull) => ({
    number: p.number,
    state: 'open',
    html_url: `https://github.com/${full}/pull/${p.number}`,
    head: {
      sha: p.headSha,
      ref: p.headRef,
      label: `${p.headRepo.split('/')[0]}:${p.headRef}`,
      repo: repoObj(p.headRepo),
    },
    base: { ref: p.baseRef, sha: '0'.repeat(40), repo: repoObj(full) },
  });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readRaw(req);
    const text = raw.toString('utf8');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {}
    api.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      body,
      authorization: req.headers.authorization,
    });
    const p = url.pathname;
    const m = (re: string) => p.match(new RegExp(`^${re}$`));
    let g: RegExpMatchArray | null;
    if (req.method === 'GET' && (g = m(`${prefix}/collaborators/([^/]+)/permission`))) {
      const level = api.permissions.get(decodeURIComponent(g[1]));
      if (!level) return send(res, 404, notFound);
      return send(res, 200, {
        permission: level === 'maintain' ? 'write' : level,
        role_name: level,
        user: user(g[1]),
      });
    }
    if (req.method === 'GET' && (g = m(`${prefix}/pulls/(\\d+)`))) {
      const pull = api.pulls.get(Number(g[1]));
      return pull ? send(res, 200, pullJson(pull)) : send(res, 404, notFound);
    }
    if (req.method === 'GET' && p === `${prefix}/pulls`) {
      const head = url.searchParams.get('head') ?? '';
      const list = [...api.pulls.values()].filter(
        (x) => !head || `${x.headRepo.split('/')[0]}:${x.headRef}` === head,
      );
      return send(res, 200, list.map(pullJson));
    }
    if (req.method === 'POST' && (g = m(`${prefix}/statuses/([0-9a-f]{40})`))) {
      const b = body as { state: string; context: string; description: string };
      api.statuses.push({ sha: g[1], state: b.state, context: b.context, description: b.description });
      return send(res, 201, { id: api.statuses.length, state: b.state, context: b.context });
    }
    if (req.method === 'POST' && (g = m(`${prefix}/issues/comments/(\\d+)/reactions`))) {
      api.reactions.push({ commentId: Number(g[1]), content: (body as { content: string }).content });
      return send(res, 201, { id: api.reactions.length, content: (body as { content: string }).content });
    }
    if (req.method === 'GET' && (g = m(`${prefix}/actions/runs/(\\d+)`))) {
      const r = api.runs.get(Number(g[1]));
      if (!r) return send(res, 404, notFound);
      return send(res, 200, {
        id: r.id,
        event: r.event,
        status: 'completed',
        conclusion: r.conclusion,
        head_sha: r.headSha,
        head_branch: r.headBranch,
        head_repository: repoObj(r.headRepo),
        repository: repoObj(full),
        pull_requests: [],
      });
    }
    if (req.method === 'GET' && (g = m(`${prefix}/actions/runs/(\\d+)/artifacts`))) {
      const r = api.runs.get(Number(g[1]));
      if (!r) return send(res, 404, notFound);
      const artifacts = Object.entries(r.artifacts).map(([name, zip], i) => ({
        id: r.id * 100 + i,
        name,
        size_in_bytes: zip.length,
        expired: false,
        archive_download_url: `${prefix}/actions/artifacts/${r.id * 100 + i}/zip`,
      }));
      return send(res, 200, { total_count: artifacts.length, artifacts });
    }
    if (req.method === 'GET' && (g = m(`${prefix}/actions/artifacts/(\\d+)/zip`))) {
      return send(res, 302, undefined, { location: `http://127.0.0.1:${port()}/blob/${g[1]}.zip?sig=x` });
    }
    if (req.method === 'GET' && (g = m('/blob/(\\d+)\\.zip'))) {
      const id = Number(g[1]);
      const r = api.runs.get(Math.floor(id / 100));
      const zip = r && Object.values(r.artifacts)[id % 100];
      if (!zip) return send(res, 404, notFound);
      res.writeHead(200, { 'content-type': 'application/zip' });
      return res.end(Buffer.from(zip));
    }
    // Everything else: the action engineer's stand-in.
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host') headers[k] = v;
    const fwd = await fetch(`${base.url}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: raw.length ? new Uint8Array(raw) : undefined,
    });
    const out: Record<string, string> = {};
    fwd.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    res.writeHead(fwd.status, out);
    res.end(Buffer.from(await fwd.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  return {
    ...api,
    url: `http://127.0.0.1:${port()}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await base.close();
    },
  };
}
