import { InputError, NoSamplesError } from '../errors.js';
import { formatWeight, sanitizeLabel } from '../profile/folded-writer.js';
import { frameLabel, parseFrameLabel } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import { parseCount } from './folded-core.js';
import { headText, makeInput } from './input.js';
import { firstLines, forEachLine } from './lines.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// The two-column differential folded text of FlameGraph's difffolded.pl / Inferno's
// inferno-diff-folded: `stack count_before count_after`. Imported as the *after* profile by
// default (`sampleType: 'before'` picks the first column); importDiffFolded gives both.

export interface DiffFoldedProfiles {
  before: Profile;
  after: Profile;
}

const TWO_COUNTS = /\S\s+\d+(?:\.\d*)?\s+\d+(?:\.\d*)?$/;

export function importDiffFolded(
  fileOrInput: string | ProfileInput,
  bytes?: Uint8Array,
  opts: ImportOptions = {},
): DiffFoldedProfiles {
  const input =
    typeof fileOrInput === 'string' ? makeInput(fileOrInput, bytes ?? new Uint8Array()) : fileOrInput;
  const meta = { format: 'diff-folded' };
  const before = new Profile({ ...meta, sampleType: 'before' });
  const after = new Profile({ ...meta, sampleType: 'after' });
  const ids = new Map<string, number>(); // label -> id, same ids in both profiles
  const buf: number[] = [];
  let invalid = 0;
  let firstInvalid = 0;
  let rows = 0;
  forEachLine(input.text(), (raw, lineNo) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const sp2 = lastBlank(line);
    const rest = sp2 > 0 ? line.slice(0, sp2).trimEnd() : '';
    const sp1 = lastBlank(rest);
    const c2 = sp2 > 0 ? parseCount(line.slice(sp2 + 1)) : undefined;
    const c1 = sp1 > 0 ? parseCount(rest.slice(sp1 + 1)) : undefined;
    if (c1 === undefined || c2 === undefined) {
      if (invalid++ === 0) firstInvalid = lineNo;
      return;
    }
    rows++;
    buf.length = 0;
    for (const label of rest.slice(0, sp1).trimEnd().split(';')) {
      let id = ids.get(label);
      if (id === undefined) {
        const init = parseFrameLabel(label);
        id = before.intern(init);
        after.intern(init);
        ids.set(label, id);
      }
      buf.push(id);
    }
    before.addStack(buf, c1);
    after.addStack(buf, c2);
  });
  if (rows === 0) {
    if (invalid > 0) {
      throw new InputError(
        input.fileName,
        { line: firstInvalid },
        'not a differential folded line (expected `frame;frame;... count_before count_after`)',
      );
    }
    throw new NoSamplesError(input.fileName);
  }
  if (invalid > 0) {
    for (const p of [before, after]) p.meta.extra = { ignoredLines: String(invalid) };
    opts.onWarning?.(
      `${input.fileName}: ignored ${invalid} line${invalid === 1 ? '' : 's'} with invalid format (first at line ${firstInvalid})`,
    );
  }
  return { before, after };
}

function lastBlank(s: string): number {
  return Math.max(s.lastIndexOf(' '), s.lastIndexOf('\t'));
}

export interface DiffFoldedOptions {
  /** Scale the first column to the second's total: int(c1 * total2 / total1), as `-n`. */
  normalize?: boolean;
  /** Fold hex addresses to `0x...` so ASLR'd stacks line up, as `-s`. */
  stripHex?: boolean;
  /**
   * Keep fractional counts. Default false: counts are truncated to integers per line as the
   * FlameGraph/Inferno tools do.
   */
  keepFractions?: boolean;
}

const HEX = /0x[0-9a-fA-F]+/g;

/** `stack before after` lines for two profiles (order: sorted by stack, deterministic). */
export function writeDiffFolded(before: Profile, after: Profile, opts: DiffFoldedOptions = {}): string {
  const counts = new Map<string, [number, number]>();
  const add = (p: Profile, col: 0 | 1): number => {
    const labels: string[] = [];
    for (let id = 0; id < p.frames.size; id++) labels.push(sanitizeLabel(frameLabel(p.frame(id))));
    let total = 0;
    p.forEachStack((ids, w) => {
      let stack = '';
      for (let k = 0; k < ids.length; k++) stack += (k ? ';' : '') + labels[ids[k]];
      if (opts.stripHex) stack = stack.replace(HEX, '0x...');
      const c = opts.keepFractions ? w : Math.trunc(w);
      let row = counts.get(stack);
      if (!row) {
        row = [0, 0];
        counts.set(stack, row);
      }
      row[col] += c;
      total += c;
    });
    return total;
  };
  const total1 = add(before, 0);
  const total2 = add(after, 1);
  const out: string[] = [];
  for (const stack of [...counts.keys()].sort()) {
    const row = counts.get(stack) as [number, number];
    let c1 = row[0];
    if (opts.normalize && total1 !== total2 && total1 !== 0) {
      c1 = opts.keepFractions ? (c1 * total2) / total1 : Math.trunc((c1 * total2) / total1);
    }
    out.push(`${stack} ${formatWeight(c1)} ${formatWeight(row[1])}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** difffolded from two folded files' bytes (what the command-line tools take). */
export function diffFolded(
  beforeBytes: Uint8Array,
  afterBytes: Uint8Array,
  opts: DiffFoldedOptions & { beforeName?: string; afterName?: string } = {},
): string {
  const before = importFoldedLines(opts.beforeName ?? 'before', beforeBytes, opts);
  const after = importFoldedLines(opts.afterName ?? 'after', afterBytes, opts);
  return writeDiffFolded(before, after, opts);
}

/** Folded lines with per-line truncation of fractional counts (what the diff tools do). */
function importFoldedLines(name: string, bytes: Uint8Array, opts: DiffFoldedOptions): Profile {
  const p = new Profile({ format: 'folded' });
  const ids = new Map<string, number>();
  const buf: number[] = [];
  forEachLine(makeInput(name, bytes).text(), (raw) => {
    const line = raw.trimEnd();
    const sp = line.lastIndexOf(' ');
    const count = sp > 0 ? parseCount(line.slice(sp + 1)) : undefined;
    if (count === undefined) return;
    buf.length = 0;
    for (const label of line.slice(0, sp).trimEnd().split(';')) {
      let id = ids.get(label);
      if (id === undefined) {
        id = p.intern(parseFrameLabel(label));
        ids.set(label, id);
      }
      buf.push(id);
    }
    p.addStack(buf, opts.keepFractions ? count : Math.trunc(count));
  });
  return p;
}

export function looksDiffFolded(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 20);
  const sample = lines.length > 1 ? lines.slice(0, -1) : lines;
  return sample.length > 0 && sample.every((l) => TWO_COUNTS.test(l));
}

export const diffFoldedFormat: FormatImporter = {
  name: 'diff-folded',
  description: 'two-column differential folded text of difffolded.pl (`stack before after`)',
  matchesName: (fileName) => /\.diff-?folded(\.gz)?$/i.test(fileName),
  is: looksDiffFolded,
  import(input, opts) {
    const both = importDiffFolded(input, undefined, opts);
    return opts.sampleType === 'before' ? both.before : both.after;
  },
};
