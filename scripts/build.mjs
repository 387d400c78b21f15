// Bundles the CLI, the action entry point and the conformance runner into dist/.
// Output must be deterministic: scripts/check-dist.mjs rebuilds and compares byte for byte.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const outdir = process.argv[2] ?? 'dist';
// Chunk names carry content hashes: start empty so stale chunks never linger in dist/.
rmSync(outdir, { recursive: true, force: true });

const assetPlugin = {
  name: 'assets',
  setup(build) {
    build.onResolve({ filter: /\?(raw|binary)$/ }, (args) => {
      const [p, kind] = args.path.split('?');
      const resolved = p.startsWith('.') ? path.resolve(args.resolveDir, p) : path.resolve('node_modules', p);
      // Relative to the repository: absolute paths would end up in the bundle's comments and
      // chunk hashes, and dist/ must be byte-identical wherever it is built.
      return { path: path.relative(process.cwd(), resolved), namespace: kind };
    });
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({
      contents: readFileSync(path.resolve(args.path), 'utf8'),
      loader: 'text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'binary' }, (args) => ({
      contents: readFileSync(path.resolve(args.path)),
      loader: 'binary',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [assetPlugin],
  // Some CommonJS dependencies call require() for Node built-ins; give ESM output a require.
  banner: {
    js: "import { createRequire as __flamediffCreateRequire } from 'node:module'; const require = __flamediffCreateRequire(import.meta.url);",
  },
};

await esbuild.build({
  ...common,
  // perf-worker: the worker thread of src/formats/perf-script-parallel.ts.
  entryPoints: {
    cli: 'src/cli.ts',
    index: 'src/index.ts',
    'perf-worker': 'src/formats/perf-script-worker.ts',
    'import-worker': 'src/formats/import-worker.ts',
  },
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
// The package's `bin`: executable, so a clone can run `./dist/cli.js` as npm-installed copies do.
chmodSync(path.join(outdir, 'cli.js'), 0o755);
