import type { Frame, FrameInit, FrameKind } from './types.js';

/**
 * Frames interned once: every distinct (name, file, line, module, kind) gets a small integer id.
 * Columns instead of objects keep 100k+ frames cheap and make id comparisons the common case.
 */
/** A FrameTable's columns (plain arrays: they cross to and from worker threads). */
export interface FrameColumns {
  names: string[];
  files: string[];
  lines: number[];
  modules: string[];
  kinds: FrameKind[];
}

export class FrameTable {
  readonly names: string[] = [];
  readonly files: string[] = [];
  readonly lines: number[] = [];
  readonly modules: string[] = [];
  readonly kinds: FrameKind[] = [];
  /** Key -> id; built on first use for a table made by fromColumns. */
  private keys: Map<string, number> | undefined = new Map<string, number>();

  get size(): number {
    return this.names.length;
  }

  /**
   * A table with these columns (as another table's, e.g. from a worker thread); its key index is
   * built only when intern() or find() first needs it.
   */
  static fromColumns(c: FrameColumns): FrameTable {
    const t = new FrameTable();
    for (let id = 0; id < c.names.length; id++) {
      t.names.push(c.names[id]);
      t.files.push(c.files[id]);
      t.lines.push(c.lines[id]);
      t.modules.push(c.modules[id]);
      t.kinds.push(c.kinds[id]);
    }
    t.keys = undefined;
    return t;
  }

  private get byKey(): Map<string, number> {
    if (this.keys === undefined) {
      this.keys = new Map();
      for (let id = 0; id < this.names.length; id++) {
        const key = frameKey(
          this.names[id],
          this.files[id],
          this.lines[id],
          this.modules[id],
          this.kinds[id],
        );
        if (!this.keys.has(key)) this.keys.set(key, id);
      }
    }
    return this.keys;
  }

  intern(init: FrameInit): number {
    const file = init.file ?? '';
    const line = init.line ?? 0;
    const module = init.module ?? '';
    const kind = init.kind ?? 'other';
    const key = frameKey(init.name, file, line, module, kind);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.byKey.set(key, id);
      this.names.push(init.name);
      this.files.push(file);
      this.lines.push(line);
      this.modules.push(module);
      this.kinds.push(kind);
    }
    return id;
  }

  /**
   * Appends a frame the caller knows is not in the table yet (a parser that keeps its own index
   * of what it added, so that the key index here would be a second one to fill): its id. The
   * key index is dropped, and built again if intern() or find() is called later.
   */
  addNew(init: FrameInit): number {
    const id = this.names.length;
    this.keys = undefined;
    this.names.push(init.name);
    this.files.push(init.file ?? '');
    this.lines.push(init.line ?? 0);
    this.modules.push(init.module ?? '');
    this.kinds.push(init.kind ?? 'other');
    return id;
  }

  get(id: number): Frame {
    return {
      name: this.names[id],
      file: this.files[id],
      line: this.lines[id],
      module: this.modules[id],
      kind: this.kinds[id],
    };
  }

  find(init: FrameInit): number | undefined {
    return this.byKey.get(
      frameKey(init.name, init.file ?? '', init.line ?? 0, init.module ?? '', init.kind ?? 'other'),
    );
  }
}

function frameKey(name: string, file: string, line: number, module: string, kind: FrameKind): string {
  // Most frames have no file/module: keep their key short so the Map stays fast.
  if (file === '' && module === '' && line === 0) return kind === 'other' ? name : `${name}\u0000${kind}`;
  return `${name}\u0000${kind}\u0000${file}\u0000${line}\u0000${module}`;
}
