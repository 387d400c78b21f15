import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildReportLinks, pagesUrlFor, type RepoSite } from '../../src/github/links.js';
import { fitSummary, SUMMARY_LIMIT_BYTES } from '../../src/github/summary.js';
import { API, fixture, testClient } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('job summary', () => {
  it('passes a report under 1 MiB through unchanged', () => {
    expect(fitSummary('# ok\n', 'cut')).toBe('# ok\n');
  });

  it('cuts a larger report at a line boundary under 1 MiB, with a note', () => {
    const line = `| ${'é'.repeat(60)} | 1.0% |\n`;
    const md = line.repeat(Math.ceil((SUMMARY_LIMIT_BYTES * 1.5) / Buffer.byteLength(line)));
    const out = fitSummary(md, 'Summary truncated.');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(out.endsWith('\n\n> Summary truncated.\n')).toBe(true);
    const body = out.slice(0, out.indexOf('\n\n> Summary'));
    expect(body.split('\n').every((l) => l === line.trimEnd())).toBe(true);
  });
});

const site: RepoSite = {
  serverUrl: 'https://github.com',
  owner: 'Codertocat',
  repo: 'Hello-World',
  dataBranch: 'flamediff-data',
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  private: false,
  pagesUrl: null,
};
const resolve = (f: string) => (f === 'bench.py' ? 'bench.py' : null);

describe('report links', () => {
  it('links the PNG by raw URL and the SVG in the file view, source lines at the head commit', () => {
    const l = buildReportLinks(site, 2, resolve, true);
    expect(l.imageUrl).toBe(
      'https://raw.githubusercontent.com/Codertocat/Hello-World/flamediff-data/pulls/2/ec26c3e57ca3a959ca5aad62de7213c562f8c821/diff.png',
    );
    expect(l.svgUrl).toBe(
      'https://github.com/Codertocat/Hello-World/blob/flamediff-data/pulls/2/ec26c3e57ca3a959ca5aad62de7213c562f8c821/diff.svg',
    );
    expect(l.inlineTextFlamegraph).toBe(false);
    expect(l.sourceUrl?.('bench.py', 12)).toBe(
      'https://github.com/Codertocat/Hello-World/blob/ec26c3e57ca3a959ca5aad62de7213c562f8c821/bench.py#L12',
    );
    expect(l.sourceUrl?.('/usr/lib/x.py', 1)).toBeNull();
  });

  it('uses the Pages URL for the SVG when Pages serves the data branch', () => {
    const l = buildReportLinks(
      { ...site, pagesUrl: 'https://codertocat.github.io/Hello-World/' },
      2,
      resolve,
      true,
    );
    expect(l.svgUrl).toBe(
      'https://codertocat.github.io/Hello-World/pulls/2/ec26c3e57ca3a959ca5aad62de7213c562f8c821/diff.svg',
    );
  });

  it('puts the text flamegraph inline for private repositories and when nothing can be pushed', () => {
    const priv = buildReportLinks({ ...site, private: true }, 2, resolve, true);
    expect(priv.inlineTextFlamegraph).toBe(true);
    expect(priv.imageUrl).toBeUndefined();
    const fork = buildReportLinks(site, 2, resolve, false);
    expect(fork).toMatchObject({ inlineTextFlamegraph: true });
    expect(fork.imageUrl).toBeUndefined();
    expect(fork.svgUrl).toBeUndefined();
  });

  it('uses /raw/ URLs on GitHub Enterprise Server', () => {
    const l = buildReportLinks({ ...site, serverUrl: 'https://ghe.example.com' }, 2, resolve, true);
    expect(l.imageUrl).toMatch(
      /^https:\/\/ghe\.example\.com\/Codertocat\/Hello-World\/raw\/flamediff-data\/pulls\/2\//,
    );
  });

  it('finds the Pages site of the data branch, and treats 404 as no Pages', async () => {
    const scope = nock(API)
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(200, fixture('pages.data-branch.json'))
      .get('/repos/Codertocat/Hello-World/pages')
      .reply(404, fixture('error.404.json'));
    const client = testClient();
    expect(await pagesUrlFor(client, 'Codertocat', 'Hello-World', 'flamediff-data')).toBe(
      'https://codertocat.github.io/Hello-World/',
    );
    expect(await pagesUrlFor(client, 'Codertocat', 'Hello-World', 'flamediff-data')).toBeNull();
    expect(scope.isDone()).toBe(true);
  });

  it('ignores a Pages site built from another branch', async () => {
    const pages = { ...fixture('pages.data-branch.json'), source: { branch: 'gh-pages', path: '/' } };
    const scope = nock(API).get('/repos/Codertocat/Hello-World/pages').reply(200, pages);
    expect(await pagesUrlFor(testClient(), 'Codertocat', 'Hello-World', 'flamediff-data')).toBeNull();
    expect(scope.isDone()).toBe(true);
  });
});
