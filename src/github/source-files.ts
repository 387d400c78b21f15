// Maps a frame's file (relative to the repository root, as the pipeline reports it, or as the
// sampler wrote it: absolute path, file:// URL, relative to where the workload ran) to a path
// inside the repository, or null when the file is not one of the repository's tracked files
// (the interpreter, node_modules, site-packages, system libraries).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SourceResolver = (file: string) => string | null;

export function createSourceResolver(opts: {
  /** Absolute repository root (GITHUB_WORKSPACE). */
  root: string;
  /** Absolute directory the workload ran in. */
  workDir: string;
  /** Repository-relative paths of tracked files (git ls-files), '/'-separated. */
  tracked: ReadonlySet<string>;
}): SourceResolver {
  const cache = new Map<string, string | null>();
  const inRepo = (abs: string): string | null => {
    const rel = path.relative(opts.root, abs).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return null;
    return opts.tracked.has(rel) ? rel : null;
  };
  const resolve = (file: string): string | null => {
    let f = file.trim();
    if (!f) return null;
    if (f.startsWith('file://')) {
      try {
        f = fileURLToPath(f);
      } catch {
        return null;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(f) || f.startsWith('node:')) {
      return null;
    }
    if (path.isAbsolute(f)) return inRepo(path.normalize(f));
    // The pipeline makes paths under the repository root-relative; a sampler may still report a
    // path relative to where the workload ran (py-spy with `python bench.py`): try both, root first.
    return inRepo(path.resolve(opts.root, f)) ?? inRepo(path.resolve(opts.workDir, f));
  };
  return (file) => {
    if (!cache.has(file)) cache.set(file, resolve(file));
    return cache.get(file) ?? null;
  };
}
