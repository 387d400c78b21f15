import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRunSet, readRunSet } from '../../src/sample/run-set.js';

describe('readRunSet', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-run-set-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the run set a recording wrote, and null where there is none', async () => {
    const set = { schema: 1, sampler: 'perf', runs: [{ index: 1, side: 'run', file: 'run-1.folded' }] };
    await writeFile(path.join(dir, 'runs.json'), JSON.stringify(set));
    expect(await readRunSet(dir)).toEqual(set);
    expect(await readRunSet(path.join(dir, 'missing'))).toBeNull();
  });

  it('names the file and what was expected when runs.json is not a run set', () => {
    const f = 'out/runs.json';
    const cases: [string, RegExp][] = [
      [
        '{',
        /^out\/runs\.json: not valid JSON \(.+\); expected the runs\.json that `flamediff record` writes$/,
      ],
      ['[1]', /^out\/runs\.json: expected the runs\.json that `flamediff record` writes \(a JSON object\)$/],
      ['{"runs": 3}', /^out\/runs\.json: expected "runs": \[ \.\.\.one entry per run \]/],
      [
        '{"runs": [{"file": "a"}, {"side": "base"}]}',
        /^out\/runs\.json: run 2 has no "file" \(expected a profile path\)$/,
      ],
      ['{"runs": [null]}', /^out\/runs\.json: run 1 has no "file"/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseRunSet(text, f)).toThrow(InputError);
      expect(() => parseRunSet(text, f)).toThrow(message);
    }
  });

  it('says why a runs.json it cannot read is unreadable, in words', async () => {
    const sub = path.join(dir, 'is-a-dir');
    await mkdir(path.join(sub, 'runs.json'), { recursive: true });
    await expect(readRunSet(sub)).rejects.toThrow(
      `${path.join(sub, 'runs.json')}: cannot read the runs of \`flamediff record\` (is a directory)`,
    );
  });
});
