// Frame identity at `function` granularity: a named function's lines merge into one frame, but an
// anonymous function is only identified by where it is, so it keeps its line. Otherwise every
// arrow function of a file (`(anonymous) (app.js)`) or every lambda of a module would be one
// frame, and an unchanged callback would carry the change of another. See docs/statistics.md.
import type { Frame, FrameInit } from './types.js';

/**
 * Names samplers give to functions without one: V8 `(anonymous)` (and an empty name), CPython's
 * `<lambda>` and comprehension/generator code objects. Go closures are not here: their names are
 * already unique (`main.work.func1`), and pprof's line is the sampled line, which would split one
 * closure into many frames.
 */
const ANONYMOUS = new Set([
  '(anonymous)',
  '',
  '<lambda>',
  '<listcomp>',
  '<dictcomp>',
  '<setcomp>',
  '<genexpr>',
]);

export function isAnonymousFunction(f: Pick<Frame, 'name' | 'file'>): boolean {
  return f.file !== '' && ANONYMOUS.has(f.name);
}

/** The frame `function` granularity turns `f` into: lines dropped unless the function is anonymous. */
export function functionFrame(f: Frame): FrameInit {
  return isAnonymousFunction(f) ? f : { ...f, line: 0 };
}
