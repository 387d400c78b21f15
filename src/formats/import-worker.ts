// Worker thread entry of import-on-worker.ts (bundled as dist/import-worker.js): imports one
// profile file and posts it back as plain data, its typed arrays transferred. Any failure is
// reported as such; the caller then imports the file itself and gets the real error.
import { parentPort, workerData } from 'node:worker_threads';
import { importProfileFile } from './dispatch.js';
import type { ImportJob } from './import-on-worker.js';

const job = workerData as ImportJob;
const warnings: string[] = [];
try {
  const p = await importProfileFile(
    job.path,
    { ...job.opts, onWarning: (m) => warnings.push(m) },
    job.shownName,
  );
  const { data, transfer } = p.toTransfer();
  parentPort?.postMessage({ ok: true, data, warnings }, transfer);
} catch {
  parentPort?.postMessage({ ok: false });
}
