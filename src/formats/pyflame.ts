import { InputError, NoSamplesError } from '../errors.js';
import { Profile } from '../profile/profile.js';
import type { FrameInit } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { colonOrPlainFrame } from './frame-parsers.js';
import { headText } from './input.js';
import { firstLines, forEachLine } from './lines.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// pyflame: folded stacks of `file:function:line` frames, `(idle) N` for samples where the
// thread held no Python frame and `(failed) N` where the stack could not be read. With
// `--timestamp` (`-T`, the flamechart mode) it writes a microsecond timestamp line followed by
// the stack lines of that sample, with no counts: each such line is one sample.

function pyflameFrame(label: string): FrameInit {
  if (label === '(failed)') return { name: label, kind: 'other' };
  const f = colonOrPlainFrame(label);
  if (f.kind === 'other' && f.file) return { ...f, kind: 'python' };
  return f;
}

const dialect: FoldedDialect = {
  what: 'pyflame stack',
  frame: pyflameFrame,
  expected: '`file.py:function:line;... count`',
};

const TIMESTAMP = /^\d{9,}$/;
const COLON_FRAME = /^[^;]+:[^;:]*:\d+(;|\s+\d+$)/;

export function looksLikePyflame(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 10, false);
  if (lines.length === 0) return false;
  if (lines[0].startsWith('tid:') || /^P\d+;T/.test(lines[0])) return false; // cpython / austin
  if (TIMESTAMP.test(lines[0]) && lines.length > 1 && /[^:]+:[^:]*:\d+/.test(lines[1])) return true;
  return lines.some((l) => /^\((idle|failed)\) \d+$/.test(l) || (COLON_FRAME.test(l) && /\.py:/.test(l)));
}

function importTimestamped(input: ProfileInput, _opts: ImportOptions): Profile {
  const profile = new Profile({ format: 'pyflame', sampler: 'pyflame' });
  const cache = new Map<string, number>();
  const buf: number[] = [];
  let first = -1;
  let last = -1;
  let samples = 0;
  forEachLine(input.text(), (raw, lineNo) => {
    const line = raw.trim();
    if (line === '') return;
    if (TIMESTAMP.test(line)) {
      const t = Number(line);
      if (first < 0) first = t;
      last = t;
      return;
    }
    if (first < 0) {
      throw new InputError(
        input.fileName,
        { line: lineNo },
        'stack before the first timestamp (expected a microsecond timestamp line)',
      );
    }
    buf.length = 0;
    for (const label of line.split(';')) {
      let id = cache.get(label);
      if (id === undefined) {
        id = profile.intern(pyflameFrame(label));
        cache.set(label, id);
      }
      buf.push(id);
    }
    profile.addStack(buf, 1);
    samples++;
  });
  if (samples === 0) throw new NoSamplesError(input.fileName);
  if (last > first) profile.meta.durationNs = (last - first) * 1000;
  profile.meta.extra = { ...profile.meta.extra, mode: 'timestamped' };
  return profile;
}

export const pyflameFormat: FormatImporter = {
  name: 'pyflame',
  description: 'pyflame output (`file.py:func:line` frames, (idle)/(failed), -T timestamped mode)',
  matchesName: (fileName) => /\.pyflame(\.txt)?(\.gz)?$/i.test(fileName),
  is: looksLikePyflame,
  import(input, opts) {
    const head = firstLines(headText(input), 1, false);
    if (head.length > 0 && TIMESTAMP.test(head[0])) return importTimestamped(input, opts);
    return parseFoldedText(input, dialect, { format: 'pyflame', sampler: 'pyflame' }, opts).profile;
  },
};
