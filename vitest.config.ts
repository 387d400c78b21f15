import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// `?binary` imports give a Uint8Array, matching the esbuild plugin in scripts/build.mjs.
const binaryPlugin = {
  name: 'flamediff-binary',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.endsWith('?binary')) return null;
    const file = id.slice(0, -'?binary'.length);
    const b64 = readFileSync(file).toString('base64');
    return `export default new Uint8Array(Buffer.from(${JSON.stringify(b64)}, 'base64'));`;
  },
};

export default defineConfig({
  plugins: [binaryPlugin],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest blanks CSS imports unless told otherwise; `?raw` CSS (the dashboard bundles its
    // stylesheets as text) must keep its contents.
    css: { include: [/\.css\?raw$/] },
    // `?binary` imports of files inside node_modules (resvg's wasm) must go through the plugin
    // above instead of being loaded natively as an external dependency.
    server: { deps: { inline: [/\?binary$/, /@resvg[\\/]resvg-wasm/] } },
  },
});
