// Opens the configured store. The pipeline talks to stores only through the Store interface.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { UserError } from '../errors.js';
import { DirStore } from './dir-store.js';
import { GitStore } from './git-store.js';
import type { Store } from './types.js';

/** `cwd` is the repository root (the dir store is relative to it; the git store uses its remote). */
export async function openStore(
  opts: Pick<FlamediffOptions, 'store' | 'storeDir' | 'remote' | 'dataBranch'>,
  cwd: string,
): Promise<Store> {
  if (opts.store === 'git')
    return GitStore.open({ repoDir: cwd, remote: opts.remote, branch: opts.dataBranch });
  const root = path.resolve(cwd, opts.storeDir);
  // Checked on open so the job stops before the workload runs, not when it writes the results.
  const st = await stat(root).catch(() => null);
  if (st && !st.isDirectory())
    throw new UserError(`${root}: not a directory (expected the dir store, store-dir)`);
  return new DirStore(root);
}
