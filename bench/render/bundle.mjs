// Bundles a TypeScript entry with the same `?raw` / `?binary` handling as scripts/build.mjs.
// Usage: node bench/render/bundle.mjs ENTRY.ts OUT.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const assetPlugin = {
  name: 'assets',
  setup(build) {
    build.onResolve({ filter: /\?(raw|binary)$/ }, (args) => {
      const [p, kind] = args.path.split('?');
      const resolved = p.startsWith('.') ? path.resolve(args.resolveDir, p) : path.resolve('node_modules', p);
      return { path: resolved, namespace: kind };
    });
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
    build.onLoad({ filter: /.*/, namespace: 'binary' }, (args) => ({ contents: readFileSync(args.path), loader: 'binary' }));
  },
};

await esbuild.build({
  entryPoints: [process.argv[2]],
  outfile: process.argv[3],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  plugins: [assetPlugin],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
