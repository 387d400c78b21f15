import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importOnWorker } from '../../src/formats/import-on-worker.js';
import { importProfileFile } from '../../src/formats/index.js';
import { writeFolded } from '../../src/profile/folded-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-import-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Under vitest the worker cannot load its TypeScript entry, so these take the fallback (this
// thread); the worker itself is exercised by the bundled CLI (npm run bench anchors checks the
// output against a one-thread build) and by test/profile/transfer.test.ts for the data it sends.
describe('importOnWorker', () => {
  it('gives the profile importProfileFile gives, and its warnings', async () => {
    const path = join(dir, 'a.folded');
    writeFileSync(path, 'main;work 3\nmain;other 2\n');
    const warnings: string[] = [];
    const take = importOnWorker(path, { onWarning: (m) => warnings.push(m) });
    const p = await take();
    expect(writeFolded(p)).toBe(writeFolded(await importProfileFile(path)));
    expect(warnings).toEqual([]);
  });

  it("throws the file's own error (bad input named by file and line)", async () => {
    const path = join(dir, 'bad.folded');
    writeFileSync(path, 'this line has no count\nnor this one\n');
    const direct = await importProfileFile(path).then(
      () => 'imported',
      (e: Error) => e.message,
    );
    expect(direct).toMatch(/bad\.folded/);
    await expect(importOnWorker(path, {})()).rejects.toThrow(direct);
  });
});
