// The in-memory profile model shared by every stage. See src/profile/profile.ts.

/**
 * What a frame is. Parsers derive it from the format's naming conventions
 * (e.g. FlameGraph's `_[k]` suffix is `kernel`, py-spy's `func (file.py:12)` is `python`).
 * `thread` and `process` are synthetic root frames some samplers add (py-spy --threads,
 * perf --pid/--tid, austin's `P<pid>;T<tid>`); filters use them.
 */
export type FrameKind =
  | 'python'
  | 'native'
  | 'kernel'
  | 'jit'
  | 'inlined'
  | 'waker'
  | 'js'
  | 'java'
  | 'go'
  | 'idle'
  | 'gc'
  | 'thread'
  | 'process'
  | 'other';

export const FRAME_KINDS: readonly FrameKind[] = [
  'python',
  'native',
  'kernel',
  'jit',
  'inlined',
  'waker',
  'js',
  'java',
  'go',
  'idle',
  'gc',
  'thread',
  'process',
  'other',
];

/** One interned frame. `line` 0 / `file` '' mean unknown. */
export interface Frame {
  name: string;
  file: string;
  line: number;
  module: string;
  kind: FrameKind;
}

/** Fields a parser may give when interning; missing ones default to ''/0/'other'. */
export type FrameInit = Partial<Frame> & { name: string };

/** What a stack weight counts. */
export type Unit = 'samples' | 'nanoseconds' | 'microseconds' | 'bytes' | 'count';

export interface ProfileMeta {
  unit: Unit;
  /** Nanoseconds between samples, when known (e.g. 10_101_010 for 99 Hz). */
  intervalNs?: number;
  /** Which sampler or tool wrote the data: 'perf', 'py-spy', 'node', 'pprof', ... */
  sampler?: string;
  /** Format the profile was parsed from: 'folded', 'perf-script', 'cpuprofile', ... */
  format?: string;
  /** Wall-clock length of the recording in nanoseconds, when the format carries it. */
  durationNs?: number;
  /** The profiled command line, when the format carries it. */
  command?: string;
  /** Where the profile was read from. */
  source?: string;
  /** Set when the stacks are not samples but derived (e.g. cProfile call edges split flameprof-style). */
  derived?: string;
  /** For multi-metric formats (pprof, austin full mode): which sample type was selected. */
  sampleType?: string;
  /** Free-form extra facts from the format's header (austin `# key: value`, perf header). */
  extra?: Record<string, string>;
}
