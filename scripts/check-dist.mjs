// Fails when dist/ differs from a fresh build of src/ (run `npm run build` and commit dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tmp = mkdtempSync(path.join(tmpdir(), 'flamediff-dist-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', tmp], { stdio: 'inherit' });
  const list = (dir, base = dir) =>
    readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? list(p, base) : [path.relative(base, p)];
    });
  const want = list(tmp).sort();
  const have = list('dist').sort();
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing dist/${f}`);
    else if (!readFileSync(path.join(tmp, f)).equals(readFileSync(path.join('dist', f))))
      problems.push(`stale dist/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`extra dist/${f}`);
  if (problems.length) {
    console.error(
      `dist/ is out of date (run \`npm run build\` and commit dist/):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`dist/ is up to date (${want.length} files)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
