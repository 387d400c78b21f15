import type { Frame, FrameInit, FrameKind } from './types.js';

/**
 * Frames interned once: every distinct (name, file, line, module, kind) gets a small integer id.
 * Columns instead of objects keep 100k+ frames cheap and make id comparisons the common case.
 */
export class FrameTable {
  readonly names: string[] = [];
  readonly files: string[] = [];
  readonly lines: number[] = [];
  readonly modules: string[] = [];
  readonly kinds: FrameKind[] = [];
  private readonly byKey = new Map<string, number>();

  get size(): number {
    return this.names.length;
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
