import type { Frame, FrameInit, FrameKind } from './types.js';

// One textual form of a frame, used by folded output, tooltips and reports, and parsed back by
// the folded importer: `name (file:line)` as py-spy writes it, plus FlameGraph's annotation
// suffixes (`_[k]` kernel, `_[j]` jit, `_[i]` inlined, `_[w]` waker).

const SUFFIX_BY_KIND: Partial<Record<FrameKind, string>> = {
  kernel: '_[k]',
  jit: '_[j]',
  inlined: '_[i]',
  waker: '_[w]',
};

const KIND_BY_SUFFIX: Record<string, FrameKind> = { k: 'kernel', j: 'jit', i: 'inlined', w: 'waker' };

export interface LabelOptions {
  /** Include `:line` (line-level identity). Default true. */
  lines?: boolean;
  /** Include the ` (file...)` part. Default true. */
  files?: boolean;
}

export function frameLabel(f: Frame, opts: LabelOptions = {}): string {
  let label = f.name;
  if (f.file !== '' && opts.files !== false) {
    label += f.line > 0 && opts.lines !== false ? ` (${f.file}:${f.line})` : ` (${f.file})`;
  }
  const suffix = SUFFIX_BY_KIND[f.kind];
  return suffix ? label + suffix : label;
}

/** Kind implied by a source file's extension; `other` when it says nothing. */
export function kindFromFile(file: string): FrameKind {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return 'other';
  switch (file.slice(dot + 1).toLowerCase()) {
    case 'py':
    case 'pyx':
    case 'pyw':
      return 'python';
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'ts':
    case 'mts':
    case 'cts':
    case 'jsx':
    case 'tsx':
      return 'js';
    case 'java':
    case 'kt':
    case 'scala':
      return 'java';
    case 'go':
      return 'go';
    case 'c':
    case 'cc':
    case 'cpp':
    case 'cxx':
    case 'h':
    case 'hpp':
    case 'rs':
    case 'so':
      return 'native';
    default:
      return 'other';
  }
}

const FILE_PART = /^(.*\S) \(([^()]+?)(?::(\d+))?\)$/;

/** Inverse of frameLabel for folded text: suffix -> kind, `name (file:line)` -> fields. */
export function parseFrameLabel(label: string): FrameInit {
  let kind: FrameKind | undefined;
  let rest = label;
  const n = rest.length;
  if (
    n > 4 &&
    rest.charCodeAt(n - 1) === 93 /* ] */ &&
    rest.charCodeAt(n - 4) === 95 /* _ */ &&
    rest[n - 3] === '['
  ) {
    kind = KIND_BY_SUFFIX[rest[n - 2]];
    if (kind) rest = rest.slice(0, n - 4);
  }
  if (rest.charCodeAt(rest.length - 1) === 41 /* ) */) {
    const m = FILE_PART.exec(rest);
    if (m) {
      const line = m[3] ? Number(m[3]) : 0;
      return { name: m[1], file: m[2], line, kind: kind ?? kindFromFile(m[2]) };
    }
  }
  return { name: rest, kind: kind ?? 'other' };
}
