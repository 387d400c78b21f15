import { parseFrameLabel } from '../profile/frame-label.js';
import type { FrameInit } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { parseColonFrame } from './frame-parsers.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ProfileInput } from './types.js';

// Memory profiles in folded form, weights in bytes: Fil's `peak-memory.prof` /
// `out-of-memory.prof` (frames `path.py:LINE (function)`, optionally followed by Fil's
// `\u2800`/NBSP-padded source text, which is dropped) and memray-style folded exports whose
// frames are `function (file.py:LINE)` or `file.py:function:LINE`.

const FIL_FRAME = /^(.+):(\d+) \((.*?)\)(?:[;\s\u2800\u00a0].*)?$/s;

function memoryFrame(label: string): FrameInit {
  // Fil pads frames with invisible characters and the source line; keep only the frame.
  const cut = label.search(/[\u2800\u00a0]/);
  const clean = cut >= 0 ? label.slice(0, cut).trimEnd() : label;
  const fil = FIL_FRAME.exec(clean);
  if (fil) {
    const file = fil[1];
    return { name: fil[3], file, line: Number(fil[2]), kind: file.endsWith('.py') ? 'python' : 'native' };
  }
  const colon = /\.py:[^:]*:\d+$/.test(clean) ? parseColonFrame(clean) : undefined;
  return colon ? { ...colon, kind: 'python' } : parseFrameLabel(clean);
}

const dialect: FoldedDialect = {
  what: 'memory profile stack',
  frame: memoryFrame,
  expected: '`file.py:LINE (function);... bytes`',
};

export function looksLikeMemoryProfile(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 10);
  return lines.some((l) => /(^|;)[^;]+\.py:\d+ \([^;]*\)/.test(l) && / \d+$/.test(l));
}

export const memoryFormat: FormatImporter = {
  name: 'memory',
  description: 'Fil / memray-style memory profiles (folded stacks weighted in bytes)',
  matchesName: (fileName) =>
    /(^|[/\\])(peak-memory|out-of-memory)\.prof$|\.mem(ory)?\.folded(\.gz)?$/i.test(fileName),
  is: looksLikeMemoryProfile,
  import(input, opts) {
    const meta = { format: 'memory', unit: 'bytes' as const, sampleType: 'memory' };
    return parseFoldedText(input, dialect, meta, opts).profile;
  },
};
