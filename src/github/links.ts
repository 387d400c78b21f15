// URLs the report links to. GitHub does not render repository SVGs in comments, so the picture is
// the PNG the pipeline commits to the data branch, linked by its raw URL; the interactive SVG is
// linked on GitHub Pages when Pages serves the data branch, else in the file view. Private
// repositories' raw URLs need a login the image proxy does not have: there the text flamegraph
// goes inline instead.
import type { ReportLinks } from '../report/types.js';
import { layout } from '../store/layout.js';
import type { GitHubClient } from './octokit.js';
import type { SourceResolver } from './source-files.js';

export interface RepoSite {
  /** GITHUB_SERVER_URL, e.g. https://github.com. */
  serverUrl: string;
  owner: string;
  repo: string;
  dataBranch: string;
  /** Commit that source links point at (the PR head). */
  headSha: string;
  private: boolean;
  /** Base URL of the Pages site serving the data branch (ending in '/'), or null. */
  pagesUrl: string | null;
}

/** Path segments URL-encoded, '/' kept. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function repoUrl(s: RepoSite): string {
  return `${s.serverUrl}/${encodeURIComponent(s.owner)}/${encodeURIComponent(s.repo)}`;
}

/** Raw file URL on a branch: raw.githubusercontent.com on github.com, /raw/ on Enterprise Server. */
export function rawUrl(s: RepoSite, branch: string, file: string): string {
  if (s.serverUrl === 'https://github.com') {
    return `https://raw.githubusercontent.com/${encodeURIComponent(s.owner)}/${encodeURIComponent(s.repo)}/${encodePath(branch)}/${encodePath(file)}`;
  }
  return `${repoUrl(s)}/raw/${encodePath(branch)}/${encodePath(file)}`;
}

export function blobUrl(s: RepoSite, refOrSha: string, file: string, line?: number): string {
  return `${repoUrl(s)}/blob/${encodePath(refOrSha)}/${encodePath(file)}${line ? `#L${line}` : ''}`;
}

/** Where the pipeline stores a pull request's pictures on the data branch (src/store/layout.ts). */
export function pullPicturePaths(pullNumber: number, headSha: string): { png: string; svg: string } {
  const dir = layout.pullShaDir(pullNumber, headSha);
  return { png: `${dir}/diff.png`, svg: `${dir}/diff.svg` };
}

/**
 * The Pages site URL when Pages publishes the data branch (from its root), else null. Any API
 * failure (no Pages: 404; token without `pages: read`: 403) means "no Pages": the file view works.
 */
export async function pagesUrlFor(
  client: GitHubClient,
  owner: string,
  repo: string,
  dataBranch: string,
): Promise<string | null> {
  try {
    const { data } = await client.rest.repos.getPages({ owner, repo });
    const source = data.source;
    if (!data.html_url || !source || source.branch !== dataBranch) return null;
    const sub = (source.path ?? '/').replace(/^\/+|\/+$/g, '');
    // Pages serves the branch from `path`; files outside it are not published.
    if (sub !== '') return null;
    return data.html_url.endsWith('/') ? data.html_url : `${data.html_url}/`;
  } catch {
    return null;
  }
}

export function buildReportLinks(
  s: RepoSite,
  pullNumber: number | undefined,
  resolve: SourceResolver,
  canPush: boolean,
): ReportLinks {
  const sourceUrl = (file: string, line: number): string | null => {
    const rel = resolve(file);
    return rel ? blobUrl(s, s.headSha, rel, line > 0 ? line : undefined) : null;
  };
  // Without a push there is no picture to link (fork PRs): the text flamegraph carries the report.
  if (pullNumber === undefined || !canPush) return { sourceUrl, inlineTextFlamegraph: true };
  const paths = pullPicturePaths(pullNumber, s.headSha);
  const svgUrl = s.pagesUrl ? `${s.pagesUrl}${encodePath(paths.svg)}` : blobUrl(s, s.dataBranch, paths.svg);
  if (s.private) return { sourceUrl, svgUrl, inlineTextFlamegraph: true };
  return { sourceUrl, svgUrl, imageUrl: rawUrl(s, s.dataBranch, paths.png), inlineTextFlamegraph: false };
}
