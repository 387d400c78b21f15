import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mismatchedRecordings, mismatchedRunDirs } from '../../src/sample/run-identity.js';
import { tempDir } from './helpers.js';

describe('base and head recorded differently', () => {
  const same = { sampler: 'py-spy', command: ['python3', 'bench.py'], samplerOptions: {} };

  it('is fine when sampler, command and options agree (or a side does not say)', () => {
    expect(mismatchedRecordings(same, { ...same })).toBeNull();
    expect(mismatchedRecordings(same, {})).toBeNull();
  });

  it('names every difference in one line', () => {
    expect(
      mismatchedRecordings(same, {
        sampler: 'perf',
        command: ['python3', 'bench.py', '--small'],
        samplerOptions: { native: true },
      }),
    ).toBe(
      'base and head were recorded differently (sampler py-spy vs perf; command `python3 bench.py` vs `python3 bench.py --small`; sampler options none vs native): their profiles are not comparable; record both sides with the same sampler, command and options',
    );
  });

  it('reads the runs.json of two recorded directories', async () => {
    const root = await tempDir();
    const write = async (name: string, runs: object) => {
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'runs.json'), JSON.stringify(runs));
      return path.join(root, name);
    };
    const base = await write('base', { ...same, runs: [] });
    const head = await write('head', { ...same, sampler: 'austin', runs: [] });
    const twin = await write('twin', { ...same, runs: [] });
    expect(await mismatchedRunDirs([base], [head])).toBe(
      `${base} vs ${head}: base and head were recorded differently (sampler py-spy vs austin): their profiles are not comparable; record both sides with the same sampler, command and options`,
    );
    expect(await mismatchedRunDirs([base], [twin])).toBeNull();
    // Plain profile files, several inputs or a missing runs.json: nothing to compare here.
    expect(await mismatchedRunDirs([path.join(base, 'runs.json')], [head])).toBeNull();
    expect(await mismatchedRunDirs([base, twin], [head])).toBeNull();
    expect(await mismatchedRunDirs([root], [head])).toBeNull();
  });
});
