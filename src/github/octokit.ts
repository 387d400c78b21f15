// The REST client: `octokit`'s Octokit (rest, pagination, retry and throttling plugins) on the
// platform fetch, so proxies, GitHub Enterprise base URLs and nock in tests all see the requests.
// Every request has a timeout, can be cut off by the caller's signal (the reporting budget, a
// cancelled job), and a JSON body that does not parse is an error naming the endpoint, never the body.
import { Octokit } from 'octokit';
import { ApiFaultError } from './api-error.js';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL (https://api.github.com or the Enterprise server's /api/v3). */
  baseUrl: string;
  warn: (line: string) => void;
  /** Milliseconds per second of "retry after" (1000 in production; tests make waits instant). */
  retryUnitMs?: number;
  /** Retries for 5xx responses (the retry plugin's default is 3). */
  retries?: number;
  /** Milliseconds a request may wait for its answer (a JSON answer: the whole body). Default 30 s. */
  timeoutMs?: number;
  /**
   * Aborting it cuts off every request in flight and refuses new ones; its reason (an Error) says
   * why, e.g. the reporting phase's time budget ran out or the job was cancelled.
   */
  signal?: AbortSignal;
}

export const DEFAULT_API_TIMEOUT_MS = 30_000;
export { ApiFaultError };

function endpointOf(method: string | undefined, url: string): string {
  let p = url;
  try {
    p = new URL(url).pathname;
  } catch {}
  return `${(method ?? 'GET').toUpperCase()} ${p}`;
}

function reasonOf(signal: AbortSignal): string {
  const r = signal.reason as unknown;
  return r instanceof Error ? r.message : 'the request was cancelled';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The platform fetch with a timeout, the client's signal, and JSON bodies checked before Octokit parses them. */
export function guardedFetch(timeoutMs: number, signal?: AbortSignal): typeof fetch {
  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const ep = endpointOf(init.method, url);
    if (signal?.aborted)
      throw new ApiFaultError(ep, 'cut-off', `GitHub API ${ep} skipped: ${reasonOf(signal)}`);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signals = [timeout.signal, ...(signal ? [signal] : []), ...(init.signal ? [init.signal] : [])];
    try {
      // Looked up at call time, so nock (which patches globalThis.fetch) sees the request.
      const res = await globalThis.fetch(input, { ...init, signal: AbortSignal.any(signals) });
      const type = res.headers.get('content-type') ?? '';
      if (!/[/+]json\b/i.test(type) || [204, 205, 304].includes(res.status) || init.method === 'HEAD')
        return res;
      const text = await res.text();
      if (text !== '') {
        try {
          JSON.parse(text);
        } catch {
          throw new ApiFaultError(
            ep,
            'invalid-json',
            `GitHub API ${ep} returned invalid JSON (HTTP ${res.status}, ${Buffer.byteLength(text)} bytes of ${type.split(';')[0]}); the body is not shown`,
          );
        }
      }
      const copy = new Response(text, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
      Object.defineProperty(copy, 'url', { value: res.url });
      return copy;
    } catch (err) {
      if (err instanceof ApiFaultError) throw err;
      if (signal?.aborted)
        throw new ApiFaultError(ep, 'cut-off', `GitHub API ${ep} cut off: ${reasonOf(signal)}`);
      if (timeout.signal.aborted) {
        throw new ApiFaultError(
          ep,
          'timeout',
          `GitHub API ${ep} did not answer within ${seconds(timeoutMs)}`,
        );
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Primary or secondary rate limit: retry twice, then give up with the API error. */
function onLimit(kind: string, warn: (line: string) => void) {
  return (
    retryAfter: number,
    options: { method?: string; url?: string },
    _o: unknown,
    retryCount: number,
  ) => {
    const again = retryCount < 2;
    warn(
      `GitHub ${kind} rate limit on ${options.method} ${options.url}: ` +
        (again ? `retrying in ${retryAfter} s.` : 'giving up after 2 retries.'),
    );
    return again;
  };
}

let clientCount = 0;

export function createClient(o: ClientOptions): GitHubClient {
  const unit = o.retryUnitMs ?? 1000;
  const client = new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl,
    userAgent: 'flamediff-action',
    request: { fetch: guardedFetch(o.timeoutMs ?? DEFAULT_API_TIMEOUT_MS, o.signal) },
    retry: { retryAfterBaseValue: unit, retries: o.retries ?? 3 },
    throttle: {
      // A per-client id keeps write spacing per run (and per test) rather than per process.
      id: `flamediff-${process.pid}-${++clientCount}`,
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('primary', o.warn),
      onSecondaryRateLimit: onLimit('secondary', o.warn),
    },
    // Octokit's own debug/info chatter stays out of the step log; warnings go through `warn`.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => o.warn(m), error: (m: string) => o.warn(m) },
  });
  const { signal } = o;
  if (signal) {
    // Outermost (registered after the plugins): a retry or rate-limit wait inside is cut off too.
    client.hook.wrap('request', (request, options) => {
      let url = String(options.url);
      try {
        url = client.request.endpoint(options as never).url;
      } catch {}
      const ep = endpointOf(options.method, url);
      if (signal.aborted)
        throw new ApiFaultError(ep, 'cut-off', `GitHub API ${ep} skipped: ${reasonOf(signal)}`);
      return new Promise((resolve, reject) => {
        const onAbort = () =>
          reject(new ApiFaultError(ep, 'cut-off', `GitHub API ${ep} cut off: ${reasonOf(signal)}`));
        signal.addEventListener('abort', onAbort, { once: true });
        Promise.resolve()
          .then(() => request(options))
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    });
  }
  return client;
}
