// The embedded default store: a plain local directory (default .flamediff/). Updates take a lock
// directory so two local jobs do not interleave, and every file is written to a temporary name and
// renamed, so a crash leaves either the old or the new file, never half of one.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { fsError } from '../lib/fs-errors.js';
import { normalizePath, StagedTx, type Store, type StoreReader, type StoreTx } from './types.js';

const LOCK = '.lock';
/** A lock older than this is left over from a killed job. */
const STALE_LOCK_MS = 15 * 60_000;

export class DirStore implements Store {
  readonly kind = 'dir' as const;
  readonly location: string;

  constructor(readonly root: string) {
    this.location = root;
  }

  describe(p: string): string {
    return path.join(this.root, p);
  }

  async read(p: string): Promise<Uint8Array | null> {
    try {
      return await readFile(path.join(this.root, normalizePath(p)));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw fsError(this.describe(p), 'cannot read', err);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const pre = prefix === '' ? '' : normalizePath(prefix);
    const out: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(path.join(this.root, rel), { withFileTypes: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return;
        if (code === 'ENOTDIR') {
          out.push(rel);
          return;
        }
        throw err;
      }
      for (const e of entries) {
        const child = rel === '' ? e.name : `${rel}/${e.name}`;
        if (rel === '' && (e.name === LOCK || e.name.startsWith('.tmp-'))) continue;
        if (e.isDirectory()) await walk(child);
        else if (e.isFile() && !e.name.startsWith('.tmp-')) out.push(child);
      }
    };
    await walk(pre);
    return out.sort();
  }

  async update(_message: string, fn: (tx: StoreTx) => Promise<void>): Promise<string[]> {
    await mkdir(this.root, { recursive: true });
    const release = await this.lock();
    try {
      const tx = new StagedTx(this as StoreReader);
      await fn(tx);
      await this.apply(tx);
      return [...tx.staging.writes.keys()].sort();
    } finally {
      await release();
    }
  }

  async close(): Promise<void> {}

  private async apply(tx: StagedTx): Promise<void> {
    for (const [p, data] of tx.staging.writes) {
      const file = path.join(this.root, p);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = path.join(path.dirname(file), `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
      await writeFile(tmp, data);
      await rename(tmp, file);
    }
    for (const p of tx.staging.removed) {
      await unlink(path.join(this.root, p)).catch(() => {});
      await this.removeEmptyParents(path.dirname(p));
    }
  }

  private async removeEmptyParents(rel: string): Promise<void> {
    let dir = rel;
    while (dir !== '.' && dir !== '') {
      try {
        await rmdir(path.join(this.root, dir));
      } catch {
        return;
      }
      dir = path.dirname(dir);
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    const dir = path.join(this.root, LOCK);
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(dir);
        // Who holds it, so that a lock left by a killed job on this machine is seen as such.
        await writeFile(path.join(dir, 'owner'), `${process.pid} ${hostname()}\n`).catch(() => {});
        return () => rm(dir, { recursive: true, force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const age = await stat(dir).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        const owner = await lockOwner(dir);
        if (age > STALE_LOCK_MS || owner?.dead) {
          await rm(dir, { recursive: true, force: true });
          continue;
        }
        if (attempt > 600) {
          const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another flamediff job';
          throw new UserError(
            `${dir}: the store is locked by ${who} (expected it to finish within a minute; if no flamediff job is running, remove ${dir})`,
          );
        }
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  }
}

/** The lock's holder; `dead` when it ran on this machine and that process is gone. */
async function lockOwner(dir: string): Promise<{ pid: number; host: string; dead: boolean } | null> {
  const text = await readFile(path.join(dir, 'owner'), 'utf8').catch(() => '');
  const m = /^(\d+) (\S+)/.exec(text);
  if (!m) return null;
  const pid = Number(m[1]);
  const host = m[2];
  let dead = false;
  if (host === hostname()) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      dead = (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return { pid, host, dead };
}
