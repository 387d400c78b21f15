// The REST client: `octokit`'s Octokit (rest, pagination, retry and throttling plugins) on the
// platform fetch, so proxies, GitHub Enterprise base URLs and nock in tests all see the requests.
import { Octokit } from 'octokit';

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
  return new Octokit({
    auth: o.token,
    baseUrl: o.baseUrl,
    userAgent: 'flamediff-action',
    request: { fetch: globalThis.fetch },
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
}
