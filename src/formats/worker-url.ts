/**
 * The URL of a worker thread's entry module, next to the calling module: the TypeScript source
 * when running from src/ (tsx), else its bundle in dist/ (scripts/build.mjs names it), seen from
 * dist/ or dist/chunks/. `from` is the caller's import.meta.url.
 */
export function workerUrl(from: string, source: string, bundled: string): URL {
  if (from.endsWith('.ts')) return new URL(`./${source}`, from);
  return new URL(from.includes('/chunks/') ? `../${bundled}` : `./${bundled}`, from);
}
