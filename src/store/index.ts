// Opens the configured store. The pipeline talks to stores only through the Store interface.
import path from 'node:path';
import type { FlamediffOptions } from '../config/options.js';
import { DirStore } from './dir-store.js';
import { GitStore } from './git-store.js';
import type { Store } from './types.js';

export * from './baselines.js';
export { DirStore } from './dir-store.js';
export { GitStore } from './git-store.js';
export { checkId, layout, STORE_SCHEMA } from './layout.js';
export { writePullReport } from './pulls.js';
export type { Store, StoreReader, StoreTx } from './types.js';

/** `cwd` is the repository root (the dir store is relative to it; the git store uses its remote). */
export async function openStore(
  opts: Pick<FlamediffOptions, 'store' | 'storeDir' | 'remote' | 'dataBranch'>,
  cwd: string,
): Promise<Store> {
  if (opts.store === 'git')
    return GitStore.open({ repoDir: cwd, remote: opts.remote, branch: opts.dataBranch });
  return new DirStore(path.resolve(cwd, opts.storeDir));
}
