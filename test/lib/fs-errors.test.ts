import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { fsError, fsReason, isFsError, mkdirError } from '../../src/lib/fs-errors.js';

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
}

describe('fs errors in words', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flamediff-fs-errors-'));
    await writeFile(path.join(dir, 'file'), 'x');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['missing', 'no such file or directory'],
    ['.', 'is a directory'],
    ['file/child', 'not a directory'],
  ])('reading %s says %s', async (name, words) => {
    const err = await failure(readFile(path.join(dir, name)));
    expect(isFsError(err)).toBe(true);
    expect(fsReason(err)).toBe(words);
    const e = fsError(name, 'cannot read', err);
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe(`${name}: cannot read (${words})`);
    expect(e.message).not.toMatch(/E[A-Z]{3,}/);
  });

  it('takes the words of a code it has no wording for from the message, and keeps a hint', () => {
    const err = Object.assign(new Error('ECONNRESET: connection reset by peer, read'), {
      code: 'ECONNRESET',
    });
    expect(fsReason(err)).toBe('connection reset by peer');
    expect(fsReason(Object.assign(new Error('odd'), { code: 'EWHATEVER' }))).toBe('ewhatever');
    expect(fsReason('plain text')).toBe('plain text');
    expect(isFsError(new Error('no code'))).toBe(false);
    expect(fsError('out/x', 'cannot write', { code: 'EACCES' }, 'is out writable?').message).toBe(
      'out/x: cannot write (permission denied; is out writable?)',
    );
  });

  it('says a file is in the way when a directory cannot be made over one', () => {
    for (const code of ['EEXIST', 'ENOTDIR']) {
      expect(mkdirError('out', 'cannot create the output directory', { code }).message).toBe(
        'out: cannot create the output directory (a file is in the way)',
      );
    }
    expect(mkdirError('out', 'cannot create the output directory', { code: 'EACCES' }).message).toBe(
      'out: cannot create the output directory (permission denied)',
    );
  });
});
