// The `flamediff` executable: maps the process to runCli and nothing else.
import nodeModule from 'node:module';
import { runCli } from './cli-main.js';

// Node >= 22.1 keeps the compiled code of the commands' modules on disk (in the OS temp dir), so a
// run after the first skips most of their compilation (NODE_DISABLE_COMPILE_CACHE=1 turns it off).
// The commands are imported after this line (src/commands/catalog.ts), so they are all covered.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// `flamediff collapse big.txt | head` closes our stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
