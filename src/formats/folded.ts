import { parseFrameLabel } from '../profile/frame-label.js';
import type { Profile } from '../profile/profile.js';
import type { FrameInit } from '../profile/types.js';
import { type FoldedDialect, type FoldedTarget, parseFoldedText } from './folded-core.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// FlameGraph / Inferno folded ("collapsed") stacks: `root;...;leaf count`, one per line.
// Fractional counts are allowed; the label conventions (`_[k]` kernel, `_[j]` jit, `_[i]`
// inlined, `_[w]` waker, `name (file:line)`) become frame kind, file and line.

const dialect: FoldedDialect = {
  what: 'folded stack',
  frame: (label: string): FrameInit => parseFrameLabel(label),
};

/** A line is folded-shaped when it ends in whitespace + a FlameGraph count. */
export function isFoldedLine(line: string): boolean {
  return /\S\s+\d+(\.\d*)?$/.test(line);
}

export function looksFolded(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 20);
  if (lines.length === 0) return false;
  // The last sniffed line may be cut off mid-line by the head limit.
  const sample = lines.length > 1 ? lines.slice(0, -1) : lines;
  const ok = sample.filter(isFoldedLine).length;
  return ok > 0 && ok >= sample.length / 2;
}

export const foldedFormat: FormatImporter = {
  name: 'folded',
  description: 'FlameGraph / Inferno folded stacks (`a;b;c 12`), fractional counts allowed',
  matchesName: (fileName) => /\.(folded|collapsed)(\.gz)?$/i.test(fileName),
  is: looksFolded,
  import(input, opts) {
    return parseFoldedText(input, dialect, { format: 'folded' }, opts).profile;
  },
};

/** Parses a folded input into a shared target (see merged-import.ts); returns its profile. */
export function parseFoldedInto(input: ProfileInput, opts: ImportOptions, target: FoldedTarget): Profile {
  return parseFoldedText(input, dialect, { format: 'folded' }, opts, target).profile;
}
