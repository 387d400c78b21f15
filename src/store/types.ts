// One interface for every store backend. Reads see the store as it is; writes happen only inside
// `update`, which applies all of a job's changes at once (one commit on the git backend) and, on the
// git backend, re-runs the callback on a fresh copy when a concurrent job pushed first.

export interface StoreReader {
  /** File contents, or null when the file does not exist. Paths are `/`-separated, relative. */
  read(path: string): Promise<Uint8Array | null>;
  /** Every file under `prefix` (recursive), sorted; `prefix` '' lists everything. */
  list(prefix: string): Promise<string[]>;
  /** Where `path` lives, for error messages (a file path or `branch:path`). */
  describe(path: string): string;
}

export interface StoreTx extends StoreReader {
  /** Stages a file; later reads in the same transaction see it. */
  write(path: string, data: Uint8Array | string): void;
  /** Stages the removal of a file or of every file under a directory. */
  remove(pathOrDir: string): Promise<void>;
}

export interface Store extends StoreReader {
  readonly kind: 'dir' | 'git';
  /** Human description: the directory, or `remote branch`. */
  readonly location: string;
  /**
   * Runs `fn` against the current store and applies what it staged atomically. If `fn` throws,
   * nothing is written. Returns the paths written (not removed).
   */
  update(message: string, fn: (tx: StoreTx) => Promise<void>): Promise<string[]>;
  /** Releases temporary files. */
  close(): Promise<void>;
}

/** Staged changes shared by the backends' transactions. */
export class Staging {
  readonly writes = new Map<string, Uint8Array>();
  readonly removed = new Set<string>();

  write(path: string, data: Uint8Array | string): void {
    const p = normalizePath(path);
    this.removed.delete(p);
    this.writes.set(p, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }

  get empty(): boolean {
    return this.writes.size === 0 && this.removed.size === 0;
  }
}

/** Rejects absolute paths and `..` so a branch name or sha can never escape the store. */
export function normalizePath(path: string): string {
  const parts = path.split('/').filter((x) => x !== '' && x !== '.');
  if (path.startsWith('/') || parts.some((x) => x === '..' || x.includes('\0') || x.includes('\\'))) {
    throw new Error(`store path '${path}' is not a relative path inside the store`);
  }
  return parts.join('/');
}

/** A transaction over `base` (a reader of the committed state) plus staged changes. */
export class StagedTx implements StoreTx {
  constructor(
    private readonly base: StoreReader,
    readonly staging: Staging = new Staging(),
  ) {}

  describe(path: string): string {
    return this.base.describe(path);
  }

  async read(path: string): Promise<Uint8Array | null> {
    const p = normalizePath(path);
    const staged = this.staging.writes.get(p);
    if (staged) return staged;
    if (this.isRemoved(p)) return null;
    return this.base.read(p);
  }

  async list(prefix: string): Promise<string[]> {
    const pre = prefix === '' ? '' : normalizePath(prefix);
    const under = (p: string) => pre === '' || p === pre || p.startsWith(`${pre}/`);
    const all = new Set((await this.base.list(pre)).filter((p) => !this.isRemoved(p)));
    for (const p of this.staging.writes.keys()) if (under(p)) all.add(p);
    return [...all].sort();
  }

  write(path: string, data: Uint8Array | string): void {
    this.staging.write(path, data);
  }

  async remove(pathOrDir: string): Promise<void> {
    const p = normalizePath(pathOrDir);
    for (const f of await this.list(p)) {
      this.staging.writes.delete(f);
      this.staging.removed.add(f);
    }
  }

  private isRemoved(p: string): boolean {
    return this.staging.removed.has(p);
  }
}
