// Shared by the action's unit tests: fixtures, a recording ActionIo, a fast-retrying client.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionIo, AnnotationPlace } from '../../src/github/action-io.js';
import { createClient, type GitHubClient } from '../../src/github/octokit.js';

export const API = 'https://api.github.com';
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/github');

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T;
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export interface Recorded {
  kind: 'info' | 'warning' | 'error';
  message: string;
  place?: AnnotationPlace;
}

export interface RecordingIo extends ActionIo {
  lines: Recorded[];
  outputs: Record<string, string>;
  secrets: string[];
  summary: string;
  failed: string[];
  text(): string;
}

export function recordingIo(inputs: Record<string, string>): RecordingIo {
  const io: RecordingIo = {
    lines: [],
    outputs: {},
    secrets: [],
    summary: '',
    failed: [],
    getInput: (name) => inputs[name] ?? '',
    info: (message) => io.lines.push({ kind: 'info', message }),
    warning: (message, place) => io.lines.push({ kind: 'warning', message, place }),
    error: (message, place) => io.lines.push({ kind: 'error', message, place }),
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    setSecret: (s) => io.secrets.push(s),
    writeSummary: async (md) => {
      io.summary += md;
    },
    setFailed: (m) => io.failed.push(m),
    text: () => io.lines.map((l) => `${l.kind}: ${l.message}`).join('\n'),
  };
  return io;
}

/** A real client (retry + throttling plugins) whose retry waits are milliseconds, not seconds. */
export function testClient(warnings: string[] = [], token = 'ghs_testtoken'): GitHubClient {
  return createClient({ token, baseUrl: API, warn: (l) => warnings.push(l), retryUnitMs: 1 });
}

// --- comparison reports for tests (schema v1, src/stats/types.ts) ---
import { DEFAULT_COMPARE_SETTINGS } from '../../src/stats/index.js';
import type { ComparisonReport, FrameResult, SideValue } from '../../src/stats/types.js';

function side(mean: number): SideValue {
  return { mean, runs: [mean, mean, mean, mean, mean], sd: 0, selfMean: mean, timeSeconds: null };
}

/** A regressed, ranked frame growing from `base` to `head` inclusive share. */
export function frame(
  rank: number | null,
  name: string,
  file: string,
  line: number,
  base = 0.1,
  head = 0.2,
): FrameResult {
  return {
    key: `${name} (${file}:${line})`,
    name,
    file,
    line,
    module: '',
    kind: 'python',
    status: rank === null ? 'unchanged' : 'regressed',
    metric: 'inclusiveShare',
    base: side(base),
    head: side(head),
    delta: head - base,
    relDelta: base ? (head - base) / base : null,
    selfDelta: head - base,
    ci: { lo: head - base - 0.01, hi: head - base + 0.01, level: 0.95 },
    pValue: 0.001,
    qValue: 0.004,
    rank,
    ownDelta: rank === null ? null : head - base,
    path: [],
    explainedBy: null,
  };
}

export function report(frames: FrameResult[], verdict: 'pass' | 'fail' = 'fail'): ComparisonReport {
  const total = { runs: 5, samples: 1000, wallSeconds: 1, cpuSeconds: 1, profileSeconds: 1 };
  return {
    schema: 1,
    verdict,
    reason:
      verdict === 'fail'
        ? 'tokenize grew by 10.0 pp of total (gate: 1.0 pp)'
        : 'no regression passed the gates',
    total: {
      base: total,
      head: total,
      measure: 'wallSeconds',
      change: 0.1,
      ci: null,
      pValue: 0.01,
      status: 'regressed',
    },
    frames,
    dropped: [],
    droppedShare: { base: 0, head: 0 },
    settings: { ...DEFAULT_COMPARE_SETTINGS },
    warnings: [],
  };
}
