// Child process for the concurrency test: writes `count` files to the git store of `repo`, each
// in its own update (commit + push), as a CI job would.
import { GitStore } from '../../../src/store/git-store.js';

const [repo, tag, count] = process.argv.slice(2);
const store = await GitStore.open({
  repoDir: repo,
  remote: 'origin',
  branch: 'flamediff-data',
  maxAttempts: 30,
  onRetry: () => process.stdout.write('retry\n'),
});
for (let i = 0; i < Number(count); i++) {
  await store.update(`write ${tag}-${i}`, async (tx) => {
    // Read-modify-write of a shared file: a lost update would drop one writer's line.
    const prev = new TextDecoder().decode((await tx.read('shared.txt')) ?? new Uint8Array());
    tx.write('shared.txt', `${prev}${tag}-${i}\n`);
    tx.write(`own/${tag}-${i}.txt`, `${tag} ${i}\n`);
  });
}
await store.close();
