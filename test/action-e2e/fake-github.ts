// A small stand-in for api.github.com: it records every request and keeps pull request comments
// in memory, answering the way GitHub does for an Actions job's GITHUB_TOKEN (GET /user is
// refused, comments are written by github-actions[bot], Pages is off). Pull requests answer with
// the head set in `pullHeads` (404 when none is set). `faults` make chosen requests misbehave:
// never answer, answer late, or answer with a body that is not JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | undefined;
}

interface StoredComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
  html_url: string;
  created_at: string;
  updated_at: string;
}

export interface Fault {
  method?: string;
  /** Matched against the path (no query string). */
  path: RegExp;
  /** hang: never answer; delay: answer after `ms`; malformed: 200 with a body that is not JSON. */
  kind: 'hang' | 'delay' | 'malformed';
  ms?: number;
}

/** The body a `malformed` fault sends: it must never show up in a log. */
export const MALFORMED_BODY = '<html><body>Bad gateway: upstream session=s3cr3t-proxy-cookie</body></html>';

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: Map<number, StoredComment[]>;
  /** Head commit of each open pull request, as GET /pulls/<n> answers it. */
  pullHeads: Map<number, string>;
  faults: Fault[];
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

export async function startFakeGitHub(owner: string, repo: string): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const comments = new Map<number, StoredComment[]>();
  const pullHeads = new Map<number, string>();
  const faults: Fault[] = [];
  const held: ServerResponse[] = [];
  let nextId = 1486002001;
  const prefix = `/repos/${owner}/${repo}`;
  const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      body,
      authorization: req.headers.authorization,
    });
    const p = url.pathname;
    const fault = faults.find((f) => (!f.method || f.method === req.method) && f.path.test(p));
    if (fault?.kind === 'hang') {
      held.push(res);
      return;
    }
    if (fault?.kind === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(MALFORMED_BODY);
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms ?? 1000));
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && (m = p.match(new RegExp(`^${prefix}/pulls/(\\d+)$`)))) {
      const sha = pullHeads.get(Number(m[1]));
      if (!sha) return send(res, 404, notFound);
      return send(res, 200, {
        number: Number(m[1]),
        state: 'open',
        head: { sha, ref: 'slower' },
        base: { ref: 'main' },
      });
    }
    if (req.method === 'GET' && p === '/user') {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      });
    }
    if (req.method === 'GET' && p === `${prefix}/pages`) return send(res, 404, notFound);
    if (req.method === 'GET' && p === prefix) {
      return send(res, 200, {
        id: 1,
        name: repo,
        full_name: `${owner}/${repo}`,
        private: false,
        default_branch: 'main',
      });
    }
    if ((m = p.match(new RegExp(`^${prefix}/issues/(\\d+)/comments$`)))) {
      const list = comments.get(Number(m[1])) ?? [];
      comments.set(Number(m[1]), list);
      if (req.method === 'GET') {
        // GitHub paginates: honour per_page/page and send Link headers, so pagination is exercised.
        const per = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / per));
        const headers: Record<string, string> = {};
        if (page < last) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href.replace('http://localhost', `http://127.0.0.1:${port()}`)}>; rel="next"`;
        }
        return send(res, 200, list.slice((page - 1) * per, page * per), headers);
      }
      if (req.method === 'POST') {
        const id = nextId++;
        const now = new Date().toISOString();
        const c: StoredComment = {
          id,
          body: (body as { body: string }).body,
          user: BOT,
          html_url: `https://github.com/${owner}/${repo}/pull/${m[1]}#issuecomment-${id}`,
          created_at: now,
          updated_at: now,
        };
        list.push(c);
        return send(res, 201, c);
      }
    }
    if ((m = p.match(new RegExp(`^${prefix}/issues/comments/(\\d+)$`)))) {
      for (const list of comments.values()) {
        const i = list.findIndex((c) => c.id === Number(m?.[1]));
        if (i < 0) continue;
        if (req.method === 'PATCH') {
          list[i] = {
            ...list[i],
            body: (body as { body: string }).body,
            updated_at: new Date().toISOString(),
          };
          return send(res, 200, list[i]);
        }
        if (req.method === 'DELETE') {
          list.splice(i, 1);
          return send(res, 204);
        }
      }
    }
    return send(res, 404, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port()}`,
    requests,
    comments,
    pullHeads,
    faults,
    close: () => {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
