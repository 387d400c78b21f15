import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { combineArtifacts, validateArtifact } from '../../src/bot/artifact.js';
import { parseBotCommand } from '../../src/bot/commands.js';
import { MANIFEST_NAME, parseManifest, type RunManifest, serializeManifest } from '../../src/bot/manifest.js';
import { readZip, type ZipEntry } from '../../src/bot/zip.js';
import { writeZip } from './zip-writer.js';

const SHA = 'a'.repeat(40);
const enc = (s: string) => new TextEncoder().encode(s);
const zip = (entries: ZipEntry[]) => writeZip(entries, (b) => deflateRawSync(b));

function manifest(over: Partial<RunManifest> = {}): RunManifest {
  return {
    schema: 1,
    tool: 'flamediff',
    repository: 'octo/app',
    pullNumber: 7,
    headSha: SHA,
    createdAt: '2026-11-21T10:00:00Z',
    shards: [
      {
        name: 'main',
        sampler: 'perf',
        runs: [{ file: 'main/run-1.folded', wallSeconds: 1.5, cpuSeconds: 1.4 }],
      },
    ],
    ...over,
  };
}

describe('bot commands', () => {
  it('parses accept, explain, help and unknown words', () => {
    expect(parseBotCommand('/flamediff accept known cost of the new cache')).toEqual({
      kind: 'accept',
      reason: 'known cost of the new cache',
    });
    expect(parseBotCommand('Thanks!\n/flamediff explain `parse_json`')).toEqual({
      kind: 'explain',
      frame: 'parse_json',
    });
    expect(parseBotCommand('/flamediff')).toEqual({ kind: 'help' });
    expect(parseBotCommand('/flamediff HELP')).toEqual({ kind: 'help' });
    expect(parseBotCommand('/flamediff rm -rf /')).toEqual({ kind: 'unknown', word: 'rm' });
    expect(parseBotCommand('/flamediff explain')).toEqual({ kind: 'unknown', word: 'explain' });
  });

  it('ignores comments without a command, quoted commands and commands in code blocks', () => {
    expect(parseBotCommand('looks good')).toBeNull();
    expect(parseBotCommand('> /flamediff accept')).toBeNull();
    expect(parseBotCommand('```\n/flamediff accept\n```')).toBeNull();
    expect(parseBotCommand('see /flamediff accept inline')).toBeNull();
  });

  it('reads code blocks and hidden text as GitHub renders them', () => {
    // A ``` block is not closed by ~~~ (and the other way round): both commands here are code.
    expect(parseBotCommand('```\n~~~\n/flamediff accept\n```')).toBeNull();
    expect(parseBotCommand('~~~\n```\n/flamediff accept\n~~~')).toBeNull();
    expect(parseBotCommand('````\n```\n/flamediff accept\n````')).toBeNull();
    // ...and a command after a properly closed block still counts.
    expect(parseBotCommand('~~~\n```\nx\n~~~\n/flamediff help')).toEqual({ kind: 'help' });
    // Indented code blocks and HTML comments (invisible once rendered) do not act.
    expect(parseBotCommand('Example:\n\n    /flamediff accept')).toBeNull();
    expect(parseBotCommand('\t/flamediff accept')).toBeNull();
    expect(parseBotCommand('<!--\n/flamediff accept\n-->')).toBeNull();
    expect(parseBotCommand('<!-- note -->\n/flamediff help')).toEqual({ kind: 'help' });
    expect(parseBotCommand('  /flamediff help')).toEqual({ kind: 'help' });
  });

  it('hides a command inside an HTML comment wherever the comment opens', () => {
    // Issue 14 item 6: a comment opening mid-line (inline HTML spanning lines) is invisible too.
    expect(parseBotCommand('see <!-- hidden\n/flamediff accept\n-->')).toBeNull();
    expect(parseBotCommand('see <!--\n\n/flamediff accept')).toBeNull();
    expect(parseBotCommand('a <!-- one --> b <!-- two\n/flamediff accept -->\n')).toBeNull();
    expect(parseBotCommand('  <!--x\r\n/flamediff accept\r\n-->')).toBeNull();
    // A closed comment hides only itself: what follows it on the next line is read.
    expect(parseBotCommand('see <!-- hidden -->\n/flamediff help')).toEqual({ kind: 'help' });
    expect(parseBotCommand('<!---->\n/flamediff help')).toEqual({ kind: 'help' });
    // `<!-->` is a complete empty comment, not an opener that hides the rest.
    expect(parseBotCommand('x <!--> y\n/flamediff help')).toEqual({ kind: 'help' });
    // A fence inside a comment opens nothing; a comment marker inside a fence is code.
    expect(parseBotCommand('<!--\n```\n-->\n/flamediff help')).toEqual({ kind: 'help' });
    expect(parseBotCommand('```\n<!--\n```\n/flamediff help')).toEqual({ kind: 'help' });
  });

  it('keeps shell metacharacters as inert text and bounds the length', () => {
    const c = parseBotCommand(`/flamediff accept $(curl evil) ; \`id\` ${'x'.repeat(2000)}`);
    expect(c?.kind).toBe('accept');
    if (c?.kind === 'accept') {
      expect(c.reason.startsWith('$(curl evil) ; `id`')).toBe(true);
      expect(c.reason.length).toBe(500);
    }
  });
});

describe('zip reader', () => {
  it('round-trips entries', () => {
    const entries = readZip(zip([{ name: 'a/b.txt', data: enc('hello') }]), 'art.zip');
    expect(entries.map((e) => [e.name, new TextDecoder().decode(e.data)])).toEqual([['a/b.txt', 'hello']]);
  });

  it.each([
    ['../evil', /path traversal/],
    ['a/../../evil', /path traversal/],
    ['/etc/passwd', /absolute/],
    ['a\\..\\b', /backslash/],
    ['C:/x', /colon/],
  ])('rejects the entry name %s', (name, re) => {
    expect(() => readZip(zip([{ name, data: enc('x') }]), 'art.zip')).toThrow(re);
  });

  it('rejects duplicates, bombs, truncation and non-zips with the byte offset', () => {
    expect(() =>
      readZip(
        zip([
          { name: 'a', data: enc('1') },
          { name: 'a', data: enc('2') },
        ]),
        'z',
      ),
    ).toThrow(/duplicate/);
    const bomb = zip([{ name: 'big', data: new Uint8Array(5_000_000) }]);
    expect(() =>
      readZip(bomb, 'z', {
        maxArchiveBytes: 1e6,
        maxEntries: 10,
        maxEntryBytes: 1_000_000,
        maxTotalBytes: 2_000_000,
      }),
    ).toThrow(/over the limit|size limits/);
    const good = zip([{ name: 'a', data: enc('hello world hello world') }]);
    expect(() => readZip(good.subarray(0, 20), 'z')).toThrow(/^z: byte \d+: not a zip/);
    expect(() => readZip(enc('not a zip at all, not even close'), 'z')).toThrow(/not a zip/);
  });

  it('rejects symlinks', () => {
    const z = zip([{ name: 'link', data: enc('/etc/passwd') }]);
    const view = new DataView(z.buffer);
    const cen = z.length - 22 - (46 + 4);
    view.setUint32(cen + 38, (0o120777 << 16) >>> 0, true);
    expect(() => readZip(z, 'z')).toThrow(/symlink/);
  });
});

describe('run manifest and artifact validation', () => {
  const artifact = (m: RunManifest, extra: ZipEntry[] = []) => [
    { name: MANIFEST_NAME, data: enc(serializeManifest(m)) },
    { name: 'main/run-1.folded', data: enc('main;work 10\nmain;idle 2\n') },
    ...extra,
  ];
  const expectOk = { repository: 'octo/app', headSha: SHA, pullNumbers: [7] };

  it('accepts a well-formed artifact and parses its profiles as data', () => {
    const v = validateArtifact(artifact(manifest()), 'art', expectOk);
    expect(v.shards[0].runs[0].profile.totalWeight()).toBe(12);
    expect(v.shards[0].runs[0].wallSeconds).toBe(1.5);
  });

  it('rejects a manifest for another repository, commit or pull request', () => {
    expect(() => validateArtifact(artifact(manifest({ repository: 'evil/app' })), 'art', expectOk)).toThrow(
      /repository evil\/app/,
    );
    expect(() => validateArtifact(artifact(manifest({ headSha: 'b'.repeat(40) })), 'art', expectOk)).toThrow(
      /commit bbbb/,
    );
    expect(() => validateArtifact(artifact(manifest({ pullNumber: 8 })), 'art', expectOk)).toThrow(/#8/);
  });

  it('rejects unlisted files, missing files and malformed manifests with the JSON path', () => {
    expect(() =>
      validateArtifact(artifact(manifest(), [{ name: 'main/x.sh', data: enc('rm') }]), 'art', expectOk),
    ).toThrow(/not listed.*main\/x\.sh/);
    const missing = manifest({
      shards: [
        {
          name: 'main',
          sampler: 'perf',
          runs: [{ file: 'main/run-2.folded', wallSeconds: null, cpuSeconds: null }],
        },
      ],
    });
    expect(() => validateArtifact(artifact(missing), 'art', expectOk)).toThrow(
      /run-2.folded, which is not in/,
    );
    expect(() => parseManifest('{"schema":1}', 'm.json')).toThrow(
      /^m\.json: \$: unknown key|m\.json: \$\.tool/,
    );
    expect(() => parseManifest(JSON.stringify({ ...manifest(), extra: 1 }), 'm.json')).toThrow(
      /unknown key 'extra'/,
    );
    const traversal = {
      ...manifest(),
      shards: [
        { name: 'main', sampler: 'perf', runs: [{ file: 'main/../../x', wallSeconds: 1, cpuSeconds: 1 }] },
      ],
    };
    expect(() => parseManifest(JSON.stringify(traversal), 'm.json')).toThrow(
      /\$\.shards\[0\]\.runs\[0\]\.file: .*traversal/,
    );
    const outside = {
      ...manifest(),
      shards: [
        { name: 'main', sampler: 'perf', runs: [{ file: 'other/run', wallSeconds: 1, cpuSeconds: 1 }] },
      ],
    };
    expect(() => parseManifest(JSON.stringify(outside), 'm.json')).toThrow(/must be under 'main\/'/);
    expect(() => parseManifest('{nope', 'm.json')).toThrow(/^m\.json: \$: not JSON/);
  });

  it('bounds gzipped profiles: a small gzip that inflates past the limit is a clear rejection', () => {
    const gz = (s: string) => new Uint8Array(gzipSync(enc(s)));
    const withRun = (data: Uint8Array) => [
      { name: MANIFEST_NAME, data: enc(serializeManifest(manifest())) },
      { name: 'main/run-1.folded', data },
    ];
    // 4 MiB of one repeated stack from ~10 KiB of gzip: inflated within a 1 MiB budget it is refused.
    const bomb = gz('main;work 1\n'.repeat(350_000));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => validateArtifact(withRun(bomb), 'art', expectOk, 2 ** 20)).toThrow(
      /^art\/main\/run-1\.folded: gzip data inflates past the limit of 1048576 bytes/,
    );
    // Within the budget, a gzipped profile reads as before; gzip inside gzip is refused.
    const ok = validateArtifact(withRun(gz('main;work 10\nmain;idle 2\n')), 'art', expectOk, 2 ** 20);
    expect(ok.shards[0].runs[0].profile.totalWeight()).toBe(12);
    expect(() =>
      validateArtifact(withRun(new Uint8Array(gzipSync(gz('main;work 1\n')))), 'art', expectOk, 2 ** 20),
    ).toThrow(/gzip inside gzip/);
  });

  it('combines shards from a matrix and refuses duplicate shard names', () => {
    const a = validateArtifact(artifact(manifest()), 'a', expectOk);
    const m2 = manifest({
      shards: [
        { name: 'io', sampler: 'perf', runs: [{ file: 'io/run-1.folded', wallSeconds: 1, cpuSeconds: 1 }] },
      ],
    });
    const b = validateArtifact(
      [
        { name: MANIFEST_NAME, data: enc(serializeManifest(m2)) },
        { name: 'io/run-1.folded', data: enc('io;read 5\n') },
      ],
      'b',
      expectOk,
    );
    const both = combineArtifacts([b, a]);
    expect(both.shards.map((s) => s.name)).toEqual(['io', 'main']);
    expect(both.manifest.shards.map((s) => s.name)).toEqual(['io', 'main']);
    expect(() => combineArtifacts([a, a])).toThrow(/more than one artifact/);
  });
});
