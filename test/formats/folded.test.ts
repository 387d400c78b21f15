import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importProfile } from '../../src/formats/index.js';
import { writeFolded, writeFoldedChunks } from '../../src/profile/folded-writer.js';
import { Profile } from '../../src/profile/profile.js';
import type { FrameKind } from '../../src/profile/types.js';
import { foldedMap, importFixture, kindsOf, text } from './helpers.js';

describe('folded', () => {
  it('parses the edge-case fixture: spaces, quotes, suffixes, fractions, invalid lines', () => {
    const warnings: string[] = [];
    const p = importFixture('edge-cases.folded', { onWarning: (m) => warnings.push(m) });
    expect(p.meta.format).toBe('folded');
    expect(warnings).toEqual(['edge-cases.folded: ignored 1 line with invalid format (first at line 8)']);
    expect(p.meta.extra?.ignoredLines).toBe('1');
    const m = foldedMap(p);
    expect(m.get('main;std::vector<int>::push_back(int const&);operator new')).toBe(3);
    expect(m.get('main;frame with spaces;leaf')).toBe(1.5);
    expect(m.get('main;half')).toBe(0.25);
    expect(m.get('main;sys_read_[k];vfs_read_[k]')).toBe(4);
    expect(p.totalWeight()).toBe(18.75);
    // `;` inside double quotes does not split the frame.
    const quoted = p.frames.names.indexOf('"weird;name"');
    expect(quoted).toBeGreaterThanOrEqual(0);
    const kinds = kindsOf(p);
    expect(kinds).toMatchObject({
      sys_read: 'kernel',
      vfs_read: 'kernel',
      jitted: 'jit',
      inlined: 'inlined',
      waker: 'waker',
      compute: 'python',
      main: 'other',
    });
    const compute = p.frame(p.frames.names.indexOf('compute'));
    expect(compute).toMatchObject({ file: 'app.py', line: 12 });
  });

  it('merges repeated stacks and keeps recursion', () => {
    const p = importProfile('r.folded', text('a;a 1\na;b;a;b 2\na;a 3\n'));
    expect(foldedMap(p)).toEqual(
      new Map([
        ['a;a', 4],
        ['a;b;a;b', 2],
      ]),
    );
  });

  it('fails on all-invalid input with the file, line and expected shape', () => {
    expect(() => importProfile('bad.folded', text('\nhello world\nno count here\n'))).toThrow(
      "bad.folded:2: not a folded stack line: 'hello world' (expected `frame;frame;... count`)",
    );
  });

  it('treats zero counts as no samples', () => {
    expect(() => importProfile('z.folded', text('a;b 0\n'))).toThrow('no samples in z.folded');
  });

  it('streams the same bytes in chunks that end at line ends', () => {
    const p = new Profile();
    for (let i = 0; i < 40_000; i++) p.addFrames(['root', `caf\u00e9_${i % 97}`, `leaf_${i}`], 1 + (i % 3));
    const chunks: string[] = [];
    writeFoldedChunks(p, (c) => {
      expect(c[c.length - 1]).toBe(10);
      chunks.push(new TextDecoder().decode(c));
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(writeFolded(p));
  });

  it('parse(write(p)) equals p (property)', () => {
    const kinds: FrameKind[] = ['other', 'kernel', 'jit', 'inlined', 'waker', 'python'];
    const frameArb = fc.record({
      name: fc.stringMatching(/^[A-Za-z_<][\w<>:.$ -]{0,11}[\w>]$/).filter((s) => !s.endsWith(' ')),
      kind: fc.constantFrom(...kinds),
      line: fc.integer({ min: 1, max: 5000 }),
    });
    const stackArb = fc.array(fc.nat({ max: 7 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(frameArb, { minLength: 8, maxLength: 8 }),
        fc.array(
          fc.tuple(stackArb, fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(0.5, 2.25, 1e-3))),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (frames, stacks) => {
          const p = new Profile();
          const ids = frames.map((f) =>
            p.intern(
              f.kind === 'python'
                ? { name: f.name, file: 'mod/app.py', line: f.line, kind: 'python' }
                : { name: f.name, kind: f.kind },
            ),
          );
          for (const [s, w] of stacks)
            p.addStack(
              s.map((i) => ids[i]),
              w,
            );
          const written = writeFolded(p);
          const back = importProfile('prop.folded', text(written), { format: 'folded' });
          expect(writeFolded(back)).toBe(written);
          expect(foldedMap(back)).toEqual(foldedMap(p));
          // Frame fields survive, not only the text.
          for (const [label, id] of labelIds(p)) {
            expect(back.frame(labelIds(back).get(label) as number)).toEqual(p.frame(id));
          }
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});

function labelIds(p: Profile): Map<string, number> {
  const m = new Map<string, number>();
  const used = new Set<number>();
  p.forEachStack((ids) => {
    for (const id of ids) used.add(id);
  });
  for (const id of used) {
    const f = p.frame(id);
    m.set(`${f.name}|${f.kind}|${f.file}|${f.line}`, id);
  }
  return m;
}
