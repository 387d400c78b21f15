// Node module hooks so benchmarks and scripts run from TypeScript sources (via tsx) can import
// `?raw` (text) and `?binary` (Uint8Array) assets exactly as Vitest and the esbuild bundle do.
// Usage: node --import tsx --import ./scripts/asset-hooks.mjs file.ts
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  const m = /^(.*)\\?(raw|binary)$/.exec(specifier);
  if (!m) return next(specifier, context);
  const r = await next(m[1], context);
  return { url: r.url + '?' + m[2], shortCircuit: true, format: 'module' };
}
export async function load(url, context, next) {
  const m = /^(file:.*)\\?(raw|binary)$/.exec(url);
  if (!m) return next(url, context);
  const bytes = readFileSync(fileURLToPath(m[1]));
  const source = m[2] === 'raw'
    ? 'export default ' + JSON.stringify(bytes.toString('utf8')) + ';'
    : 'export default new Uint8Array(Buffer.from(' + JSON.stringify(bytes.toString('base64')) + ", 'base64'));";
  return { format: 'module', source, shortCircuit: true };
}
`)}`,
  import.meta.url,
);
