// Node built-ins that most runs never use, loaded when first needed: importing node:zlib,
// node:crypto or node:worker_threads at the top of a module costs a command's start-up a few
// milliseconds each (they pull in streams, the crypto providers, the worker messaging), and
// `flamediff collapse small.folded` needs none of them (temp-name.ts replaces node:crypto there).
import type * as WorkerThreads from 'node:worker_threads';
import type * as Zlib from 'node:zlib';

export function zlib(): typeof Zlib {
  return process.getBuiltinModule('node:zlib');
}

export function workerThreads(): typeof WorkerThreads {
  return process.getBuiltinModule('node:worker_threads');
}
