import type { Profile } from '../profile/profile.js';

export type FormatName =
  | 'folded'
  | 'perf-script'
  | 'py-spy'
  | 'pyflame'
  | 'austin'
  | 'async-profiler'
  | 'memory'
  | 'cpython'
  | 'cpuprofile'
  | 'pprof'
  | 'speedscope'
  | 'gecko'
  | 'pstats'
  | 'diff-folded';

/** Options of FlameGraph's stackcollapse-perf.pl, same names and meaning. */
export interface PerfCollapseOptions {
  /** Include PID with process names (`cmd-PID`). */
  pid?: boolean;
  /** Include TID and PID with process names (`cmd-PID/TID`). */
  tid?: boolean;
  /** Annotate kernel functions with `_[k]`. */
  kernel?: boolean;
  /** Annotate jit functions with `_[j]`. */
  jit?: boolean;
  /** All annotations (`--kernel --jit`, inlined `_[i]`). */
  all?: boolean;
  /** Include raw addresses where symbols can't be found. */
  addrs?: boolean;
  /** Only use this event name (e.g. `cycles`); default: the first event seen. */
  eventFilter?: string;
}

export interface ImportOptions {
  /** Skip detection and use this format. */
  format?: FormatName;
  perf?: PerfCollapseOptions;
  /** For multi-metric formats (pprof sample types, austin full mode): which one to use. */
  sampleType?: string;
  /**
   * Called for problems that do not stop the import (FlameGraph's "Ignored N lines with invalid
   * format"); the count is also kept in `meta.extra.ignoredLines`.
   */
  onWarning?: (message: string) => void;
  /**
   * Set by the dispatcher when the format was guessed from the content (no --format, no telling
   * file name): folded-shaped parsers then refuse text whose lines are mostly not stacks instead
   * of reading the few that look like stacks.
   */
  sniffed?: boolean;
}

/** A file's bytes after gzip is undone, with its text decoded on demand (BOM, UTF-16, invalid UTF-8 handled). */
export interface ProfileInput {
  fileName: string;
  /** Empty once text() has decoded a large (>= 16 MB) text input: importers of text use text(). */
  bytes: Uint8Array;
  /** Decoded text; throws an InputError for binary data that is not text. */
  text(): string;
  /**
   * The same text as pieces of a few MB that each end at a line end, decoded one at a time, so
   * line-oriented parsers never hold a second full copy of a big file. Optional: parsers fall
   * back to text().
   */
  textChunks?(): Iterable<string>;
}

/** One importer per format, speedscope-style: a name hint, a content sniff, and the import. */
export interface FormatImporter {
  name: FormatName;
  /** One line for help output. */
  description: string;
  /** True when the file name alone says this format (e.g. `.cpuprofile`). */
  matchesName(fileName: string): boolean;
  /** Content sniff; must be cheap (look at the first few KB). */
  is(input: ProfileInput): boolean;
  import(input: ProfileInput, opts: ImportOptions): Profile;
}
