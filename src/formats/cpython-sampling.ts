import type { FrameInit } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { colonOrPlainFrame } from './frame-parsers.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ProfileInput } from './types.js';

// CPython's built-in sampling profiler (3.15+: `python -m profiling.sampling run --collapsed`):
// folded stacks with a `tid:<thread id>` root and `file.py:function:line` frames (file is the
// base name), sorted by count. Pseudo frames `<GC>` and `<native>` mark time in the garbage
// collector and in native code.

function cpythonFrame(label: string, depth: number): FrameInit {
  if (depth === 0 && /^tid:\d+$/.test(label)) return { name: label, kind: 'thread' };
  const f = colonOrPlainFrame(label);
  if (f.name === '<GC>') return { ...f, kind: 'gc' };
  if (f.name === '<native>') return { ...f, kind: 'native' };
  return f.kind === 'other' && f.file ? { ...f, kind: 'python' } : f;
}

const dialect: FoldedDialect = {
  what: 'CPython sampling-profiler stack',
  frame: cpythonFrame,
  expected: '`tid:N;file.py:function:line;... count`',
};

export function looksLikeCpythonSampling(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 5);
  return (
    lines.length > 0 &&
    lines.every((l, i) => (i === lines.length - 1 && lines.length > 1) || /^tid:\d+(;| \d+$)/.test(l))
  );
}

export const cpythonFormat: FormatImporter = {
  name: 'cpython',
  description: 'CPython 3.15 `python -m profiling.sampling` collapsed stacks (`tid:N;file.py:func:line`)',
  matchesName: () => false,
  is: looksLikeCpythonSampling,
  import(input, opts) {
    return parseFoldedText(input, dialect, { format: 'cpython', sampler: 'profiling.sampling' }, opts)
      .profile;
  },
};
