import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importProfile } from '../../src/formats/index.js';
import type { ImportOptions } from '../../src/formats/types.js';
import { writeFolded } from '../../src/profile/folded-writer.js';
import type { Profile } from '../../src/profile/profile.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));

export function fixture(name: string): Uint8Array {
  return readFileSync(FIXTURES + name);
}

export function importFixture(name: string, opts: ImportOptions = {}): Profile {
  return importProfile(name, fixture(name), opts);
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Folded lines as a map stack -> weight, for order-free assertions. */
export function foldedMap(p: Profile): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of writeFolded(p).split('\n')) {
    if (!line) continue;
    const sp = line.lastIndexOf(' ');
    m.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return m;
}

export function kindsOf(p: Profile): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < p.frames.size; i++) {
    const f = p.frame(i);
    out[f.name] = f.kind;
  }
  return out;
}
