import type { FrameInit, FrameKind } from '../profile/types.js';
import { type FoldedDialect, parseFoldedText } from './folded-core.js';
import { headText } from './input.js';
import { firstLines } from './lines.js';
import type { FormatImporter, ProfileInput } from './types.js';

// async-profiler's collapsed output (`-o collapsed`, with `ann` / `--cstack`): folded stacks
// whose frames may end in a type annotation: `_[j]` JIT-compiled Java, `_[i]` inlined, `_[k]`
// kernel, `_[0]` interpreted Java, `_[1]` C1-compiled Java. The annotation becomes the kind
// and is removed from the name, so a method keeps one identity whatever tier ran it:
// `_[1]` and `_[j]` are both jit.

const KIND: Record<string, FrameKind> = { j: 'jit', i: 'inlined', k: 'kernel', '0': 'java', '1': 'jit' };

function asyncFrame(label: string): FrameInit {
  const n = label.length;
  if (n > 4 && label.charCodeAt(n - 1) === 93 && label[n - 3] === '[' && label[n - 4] === '_') {
    const kind = KIND[label[n - 2]];
    if (kind) return { name: label.slice(0, n - 4), kind };
  }
  // Unannotated: Java methods look like `pkg/Class.method` or `pkg.Class.method`.
  if (/^[\w$]+([./][\w$<>]+)+$/.test(label) && !label.includes('::')) return { name: label, kind: 'java' };
  return { name: label, kind: 'native' };
}

const dialect: FoldedDialect = {
  what: 'async-profiler collapsed stack',
  frame: asyncFrame,
};

export function looksLikeAsyncProfiler(input: ProfileInput): boolean {
  const lines = firstLines(headText(input), 20);
  return lines.some((l) => /_\[[01]\](;| \d+$)/.test(l) || (/_\[j\]/.test(l) && /(^|;)java\/lang\//.test(l)));
}

export const asyncProfilerFormat: FormatImporter = {
  name: 'async-profiler',
  description: 'async-profiler collapsed stacks (`_[0] _[1] _[j] _[i] _[k]` annotations)',
  matchesName: () => false,
  is: looksLikeAsyncProfiler,
  import(input, opts) {
    return parseFoldedText(input, dialect, { format: 'async-profiler', sampler: 'async-profiler' }, opts)
      .profile;
  },
};
