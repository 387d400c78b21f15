import type { Worker } from 'node:worker_threads';
import { workerThreads } from '../lib/builtins.js';
import { Profile, type ProfileTransfer } from '../profile/profile.js';
import { importProfileFile } from './dispatch.js';
import type { ImportOptions } from './types.js';
import { workerUrl } from './worker-url.js';

// A profile file imported on a worker thread, so that two files (the base and the head of a
// differential graph) are parsed on two cores at once. The profile comes back as its columns
// (Profile.toTransfer): the same frames, stacks and order as importProfileFile gives. If the
// worker cannot run or the import fails there, the file is imported on this thread, which gives
// the real error.

export interface ImportJob {
  path: string;
  shownName: string;
  /** Without onWarning (functions do not cross threads): warnings come back as text. */
  opts: Omit<ImportOptions, 'onWarning'>;
}

type Reply = { ok: true; data: ProfileTransfer; warnings: string[] } | { ok: false };

/**
 * Starts importing `path` on a worker thread. The warnings go to opts.onWarning when the result
 * is taken (`await (await started)()`), so that they come in the same order as with imports one
 * after another.
 */
export function importOnWorker(path: string, opts: ImportOptions, shownName = path): () => Promise<Profile> {
  const { onWarning, ...rest } = opts;
  const job: ImportJob = { path, shownName, opts: rest };
  const reply = new Promise<Reply>((resolve) => {
    let worker: Worker;
    try {
      worker = new (workerThreads().Worker)(
        workerUrl(import.meta.url, 'import-worker.ts', 'import-worker.js'),
        {
          workerData: job,
        },
      );
    } catch {
      resolve({ ok: false });
      return;
    }
    worker.once('message', (r: Reply) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', () => resolve({ ok: false }));
    worker.once('exit', () => resolve({ ok: false }));
  });
  return async () => {
    const r = await reply;
    if (!r.ok) return importProfileFile(path, opts, shownName);
    for (const w of r.warnings) onWarning?.(w);
    return Profile.fromTransfer(r.data);
  };
}
