import { parseFrameLabel } from '../profile/frame-label.js';
import type { FrameInit } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { isIdleLabel } from './frame-parsers.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ProfileInput } from './types.js';

// py-spy `record --format raw`: folded stacks whose frames are `function (file.py:line)`;
// `--threads` adds a `thread (0x7F...)` root (optionally followed by `: name`), `--subprocesses`
// a `process PID:"command line"` root above it. The command line may hold `;`, so the
// folded splitter keeps quoted text together.

const THREAD = /^thread \((0x[0-9a-fA-F]+|\d+)\)/;
const PROCESS = /^process \d+:/;

function pyspyFrame(label: string): FrameInit {
  if (PROCESS.test(label)) return { name: label, kind: 'process' };
  if (THREAD.test(label)) return { name: label, kind: 'thread' };
  if (isIdleLabel(label)) return { name: label, kind: 'idle' };
  return parseFrameLabel(label);
}

const dialect: FoldedDialect = {
  what: 'py-spy raw stack',
  frame: pyspyFrame,
  expected: '`function (file.py:line);... count`',
};

const PY_FRAME = /^[^;]* \([^();]*\.pyx?(:\d+)?\)$/;
const ROOT = /^(process \d+:"|thread \((0x[0-9a-fA-F]+|\d+)\))/;

/** py-spy when lines carry its thread/process roots or mostly `func (file.py:N)` frames. */
export function looksLikePyspy(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 10).filter((l) => / \d+(\.\d*)?$/.test(l));
  if (lines.length === 0) return false;
  if (lines.some((l) => ROOT.test(l))) return true;
  let frames = 0;
  let py = 0;
  for (const l of lines) {
    for (const f of l.slice(0, l.lastIndexOf(' ')).split(';')) {
      frames++;
      if (PY_FRAME.test(f)) py++;
    }
  }
  return py * 2 > frames;
}

export const pyspyFormat: FormatImporter = {
  name: 'py-spy',
  description: 'py-spy `record --format raw` folded stacks (`func (file.py:12)`, --threads, --subprocesses)',
  matchesName: (fileName) => /\.py-?spy(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikePyspy,
  import(input, opts) {
    return parseFoldedText(input, dialect, { format: 'py-spy', sampler: 'py-spy' }, opts).profile;
  },
};
