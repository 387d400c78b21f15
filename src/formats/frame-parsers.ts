import { kindFromFile, parseFrameLabel } from '../profile/frame-label.js';
import type { FrameInit } from '../profile/types.js';

// Frame-label grammars shared by several Python samplers.

/**
 * `file:function:line` (pyflame, austin, CPython's profiling.sampling). Split from the right so
 * Windows paths (`C:\x.py`) keep their drive colon. Returns undefined when the shape is wrong.
 */
export function parseColonFrame(label: string): FrameInit | undefined {
  const c2 = label.lastIndexOf(':');
  if (c2 <= 0) return undefined;
  const c1 = label.lastIndexOf(':', c2 - 1);
  if (c1 < 0) return undefined;
  const lineText = label.slice(c2 + 1);
  if (lineText !== '' && !/^\d+$/.test(lineText)) return undefined;
  const file = label.slice(0, c1);
  const name = label.slice(c1 + 1, c2);
  return { name, file, line: lineText === '' ? 0 : Number(lineText), kind: kindFromFile(file) };
}

const IDLE_NAMES = new Set(['(idle)', '<idle>', 'idle', '[idle]']);

export function isIdleLabel(label: string): boolean {
  return IDLE_NAMES.has(label);
}

/** `file:func:line`, with idle markers and a fallback to the generic label grammar. */
export function colonOrPlainFrame(label: string): FrameInit {
  if (isIdleLabel(label)) return { name: label, kind: 'idle' };
  return parseColonFrame(label) ?? parseFrameLabel(label);
}
