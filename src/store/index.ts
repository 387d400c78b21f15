// The persistence stage: baselines, pull request reports and history in a local directory or a
// git data branch (docs/store.md). A barrel.
export * from './baselines.js';
export { DirStore } from './dir-store.js';
export { GitStore } from './git-store.js';
export { checkId, layout, STORE_SCHEMA } from './layout.js';
export { openStore } from './open.js';
export { type PersistTarget, persist } from './persist.js';
export { readPullsIndex, writePullReport } from './pulls.js';
export type { Store, StoreReader, StoreTx } from './types.js';
