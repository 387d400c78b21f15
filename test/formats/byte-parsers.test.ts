import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpythonFormat } from '../../src/formats/cpython-sampling.js';
import { foldedFormat } from '../../src/formats/folded.js';
import { importProfileFile } from '../../src/formats/index.js';
import { decodeText, makeInput } from '../../src/formats/input.js';
import { perfScriptFormat } from '../../src/formats/perf-script.js';
import type { FormatImporter, ImportOptions, ProfileInput } from '../../src/formats/types.js';
import { sanitizeLabel, writeFolded } from '../../src/profile/folded-writer.js';
import { frameLabel } from '../../src/profile/frame-label.js';
import { Profile } from '../../src/profile/profile.js';
import type { FrameInit } from '../../src/profile/types.js';
import { fixture } from './helpers.js';

// The folded and perf-script parsers read UTF-8 bytes directly (a frame becomes a string only
// the first time its bytes are seen); their text path still serves inputs without bytes
// (UTF-16, or a big input whose bytes were dropped). Both must give the same profile.

/** An input that only offers decoded text, which sends the parsers down their text path. */
function textOnly(name: string, bytes: Uint8Array): ProfileInput {
  const text = decodeText(name, bytes);
  return { fileName: name, bytes: new Uint8Array(0), text: () => text };
}

function both(format: FormatImporter, name: string, bytes: Uint8Array, opts: ImportOptions = {}) {
  const warnings: string[][] = [[], []];
  const run = (input: ProfileInput, w: string[]) => {
    try {
      return writeFolded(format.import(input, { ...opts, onWarning: (m) => w.push(m) }));
    } catch (err) {
      return `error: ${(err as Error).message}`;
    }
  };
  const viaBytes = run(makeInput(name, bytes), warnings[0]);
  const viaText = run(textOnly(name, bytes), warnings[1]);
  return { viaBytes, viaText, warnings };
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('folded byte parser', () => {
  const cases: [string, Uint8Array][] = [
    ['plain', enc('a;b;c 3\na;b;d 2\na;b 1\n')],
    ['BOM, CRLF, blanks, tabs', enc('\ufeffa;b 1\r\n  a;b;c\t4 \r\n\r\n\ta;x  2\n')],
    ['quoted semicolons', enc('main;"a;b";c 2\nmain;"a;b";d 1\nmain;x 1\n')],
    ['invalid lines mixed in', enc('a;b 1\nnot a line\na;c 2.5\n# comment\na;d x\n')],
    ['fractions and zero', enc('a;b .5\na;b 0\na;c 1.25\na;b 10.\n')],
    ['only invalid lines', enc('nope\nstill nope\n')],
    ['no samples', enc('# nothing\n\n')],
    ['annotations', enc('a_[k];b_[j];c_[i] 1\nf (x.py:12);g 2\n')],
    ['no final newline', enc('a;b 1\na;b;c 2')],
  ];
  for (const [what, bytes] of cases) {
    it(`reads ${what} like the text parser`, () => {
      const r = both(foldedFormat, 'x.folded', bytes);
      expect(r.viaBytes).toBe(r.viaText);
      expect(r.warnings[0]).toEqual(r.warnings[1]);
    });
  }

  it('reads invalid UTF-8 like the text parser (U+FFFD)', () => {
    const bytes = Uint8Array.from([...enc('a;'), 0xe2, 0x28, ...enc(';b 1\na;'), 0xff, ...enc(' 2\n')]);
    const r = both(foldedFormat, 'x.folded', bytes);
    expect(r.viaBytes).toBe(r.viaText);
    expect(r.viaBytes).toContain('\ufffd');
  });

  it('keeps a root label apart from the same label deeper in a stack', () => {
    // CPython's sampler reads `tid:N` as a thread only at the root.
    const r = both(cpythonFormat, 'x.txt', enc('tid:1;f.py:f:1;tid:1 1\ntid:1;tid:1 2\n'));
    expect(r.viaBytes).toBe(r.viaText);
    const p = cpythonFormat.import(makeInput('x.txt', enc('tid:1;tid:1 2\n')), {});
    expect(Array.from(p.stacks.frames(0), (id) => p.frame(id).kind)).toEqual(['thread', 'other']);
  });

  it('reads random folded text like the text parser (property)', () => {
    const frame = fc.constantFrom('a', 'b', 'ab', 'a"b', '"x;y"', 'é', 'f (m.py:3)', 'k_[k]', 'z z');
    const line = fc.tuple(fc.array(frame, { minLength: 1, maxLength: 5 }), fc.nat(20), fc.boolean());
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const body = lines.map(([fs, w, crlf]) => `${fs.join(';')} ${w}${crlf ? '\r\n' : '\n'}`).join('');
        const r = both(foldedFormat, 'x.folded', enc(body));
        expect(r.viaBytes).toBe(r.viaText);
      }),
      { numRuns: 200 },
    );
  });
});

describe('perf script byte parser', () => {
  for (const name of ['busy.perf', 'dd.perf', 'two-events.perf']) {
    for (const opts of [{}, { all: true, pid: true }, { tid: true, addrs: true, kernel: true }]) {
      it(`collapses ${name} ${JSON.stringify(opts)} like the text parser`, () => {
        const r = both(perfScriptFormat, name, fixture(name), { perf: opts });
        expect(r.viaBytes).not.toMatch(/^error/);
        expect(r.viaBytes).toBe(r.viaText);
        expect(r.warnings[0]).toEqual(r.warnings[1]);
      });
    }
  }

  it('caches java frames apart from the same text in other processes', () => {
    const sample = (comm: string) =>
      `${comm} 1/1 1.0: 1 cycles:\n\t1 Lcom/x/Foo;.bar (/tmp/perf-1.map)\n\t2 main (/bin/x)\n\n`;
    const bytes = enc(sample('java') + sample('other') + sample('java') + sample('other'));
    const r = both(perfScriptFormat, 'x.perf', bytes);
    expect(r.viaBytes).toBe(r.viaText);
    expect(r.viaBytes).toBe('java;main;com/x/Foo:.bar 2\nother;main;Lcom/x/Foo:.bar 2\n');
  });
});

describe('big files read piece by piece', () => {
  it('gives the same profile as the whole bytes (folded and perf script, > 16 MB)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamediff-bytes-'));
    try {
      const perf = fixture('busy.perf');
      const copies = Math.ceil((17 << 20) / perf.length);
      const perfPath = join(dir, 'big.perf');
      writeFileSync(perfPath, Buffer.concat(Array.from({ length: copies }, () => perf)));
      const small = writeFolded(perfScriptFormat.import(makeInput('busy.perf', perf), {}));
      const big = writeFolded(await importProfileFile(perfPath));
      // Same stacks, every weight times the number of copies.
      const scaled = small.replace(/ (\d+)$/gm, (_m, w: string) => ` ${Number(w) * copies}`);
      expect(big).toBe(scaled);

      // A folded file with a BOM, then a 6 MB line (longer than one read piece) first.
      const long = `root;${'x'.repeat(6 << 20)} 1\n`;
      const lines = Array.from({ length: 120_000 }, (_, i) => `root;f${i % 997};g${i} 1\n`).join('');
      const foldedPath = join(dir, 'big.folded');
      writeFileSync(foldedPath, `\ufeff${long}${lines}${lines}${long}${lines}${lines}${lines}`);
      const p = await importProfileFile(foldedPath);
      expect(p.stackCount).toBe(120_001);
      expect(p.totalWeight()).toBe(600_002);
      expect(p.frames.names.filter((n) => n.includes('\ufeff'))).toEqual([]);
      expect(p.frame(p.stacks.frames(0)[0]).name).toBe('root');
      expect(p.frame(p.stacks.frames(0)[1]).name).toHaveLength(6 << 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('folded writer order', () => {
  /** The canonical order by definition: labels compared frame by frame, then by insertion. */
  function referenceOrder(p: Profile): number[] {
    const labels = Array.from({ length: p.frames.size }, (_, id) => frameLabel(p.frame(id)));
    const rows: { key: string[]; i: number }[] = [];
    p.forEachStack((ids, _w, i) => rows.push({ key: Array.from(ids, (id) => labels[id]), i }));
    rows.sort((x, y) => {
      for (let k = 0; k < Math.min(x.key.length, y.key.length); k++) {
        if (x.key[k] !== y.key[k]) return x.key[k] < y.key[k] ? -1 : 1;
      }
      return x.key.length - y.key.length || x.i - y.i;
    });
    return rows.map((r) => r.i);
  }

  it('writes stacks with equal labels in insertion order (large equal groups)', () => {
    const p = new Profile();
    const kinds = ['other', 'native'] as const;
    // 32 distinct stacks that all print as `z;a;a;a;a`, after some that sort later.
    for (let i = 0; i < 20; i++) p.addFrames(['z', `b${i}`], 1);
    for (let m = 0; m < 32; m++) {
      const frames = [0, 1, 2, 3, 4].map((k) => ({ name: k ? 'a' : 'z', kind: kinds[(m >> k) & 1] }));
      p.addFrames(frames, 100 + m);
    }
    const weights = writeFolded(p)
      .split('\n')
      .filter((l) => l.startsWith('z;a'))
      .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
    expect(weights).toEqual(Array.from({ length: 32 }, (_, m) => 100 + m));
  });

  it('sorts like a plain comparison sort, sorted input or not (property)', () => {
    // Frames that share a label (different kind) make equal label sequences: insertion order.
    const frame = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'ab', 'b;c'),
      kind: fc.constantFrom('other', 'native'),
    });
    const stack = fc.tuple(fc.array(frame, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(fc.array(stack, { minLength: 1, maxLength: 80 }), (stacks) => {
        const p = new Profile();
        for (const [frames, w] of stacks) p.addFrames(frames as FrameInit[], w);
        const order = referenceOrder(p);
        const labels = Array.from({ length: p.frames.size }, (_, id) =>
          sanitizeLabel(frameLabel(p.frame(id))),
        );
        const expected = order
          .map(
            (i) => `${Array.from(p.stacks.frames(i), (id) => labels[id]).join(';')} ${p.stacks.weight(i)}\n`,
          )
          .join('');
        expect(writeFolded(p)).toBe(expected);
        // The same stacks added in canonical order take the no-sort path: same bytes.
        const q = new Profile();
        for (const i of order)
          q.addFrames(
            Array.from(p.stacks.frames(i), (id) => p.frame(id)),
            p.stacks.weight(i),
          );
        expect(writeFolded(q)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
