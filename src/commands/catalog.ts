import type { Command } from './command.js';

// The CLI's command list without the commands' code: `flamediff --help` prints from it and a
// command's module (with its dependencies: renderers, wasm, the GitHub client) is imported only
// when that command runs, so start-up stays short. src/commands/index.ts is the eager list (for
// the library and tests); test/commands/catalog.test.ts checks that the two agree.

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every CLI command, in the order `flamediff --help` lists them (the order of COMMANDS). */
export const CATALOG: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary: 'self-contained demo on the shipped example: baseline, injected regression, report',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'check',
    summary: 'the whole job: record a baseline on the base branch, elsewhere compare and gate',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'record',
    summary: 'run a workload N times under a sampler (perf, node, py-spy, ...) and keep the profiles',
    load: async () => (await import('./record.js')).recordCommand,
  },
  {
    name: 'compare',
    summary: 'compare base and head run sets frame by frame, with statistics',
    load: async () => (await import('./compare.js')).compareCommand,
  },
  {
    name: 'render',
    summary: 'draw a flamegraph (SVG, PNG or text), or a differential one with --diff-base',
    load: async () => (await import('./render.js')).renderCommand,
  },
  {
    name: 'collapse',
    summary: 'convert profiles (perf script, py-spy, austin, ...) to canonical folded stacks',
    load: async () => (await import('./collapse.js')).collapseCommand,
  },
  {
    name: 'convert',
    summary: 'convert a profile to speedscope JSON or folded stacks',
    load: async () => (await import('./convert.js')).convertCommand,
  },
  {
    name: 'trends',
    summary: 'per-frame history: change points, creeping regressions, dashboard',
    load: async () => (await import('./trends.js')).trendsCommand,
  },
  {
    name: 'artifact',
    summary: 'pack recorded runs with a manifest for fork-safe or sharded workflows',
    load: async () => (await import('./artifact.js')).artifactCommand,
  },
  {
    name: 'serve',
    summary: 'run the bot as a GitHub App webhook server (central alternative to the action)',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
