// The package as a user gets it: `npm pack`, installed into a temporary prefix with the npm of
// each Node version package.json claims, and `flamediff` run from a directory outside the clone.
// The installs are --offline: the bundle in dist/ must need nothing from the registry.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStep } from '../action-e2e/runner.js';
import { enginesMinimum, nodeBinary, npmCli, REPO_ROOT, SUPPORTED_MAJORS } from './node-binaries.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'flamediff-install-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Run {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), ...opts.env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const show = (r: Run) => `exit ${r.code}\n${r.out}\n${r.err}`;

interface PackResult {
  filename: string;
  files: { path: string; mode: number }[];
}
let packed: PackResult;
let tarball: string;

beforeAll(() => {
  const r = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: REPO_ROOT });
  expect(r.code, show(r)).toBe(0);
  packed = (JSON.parse(r.out) as PackResult[])[0];
  tarball = path.join(tmp, packed.filename);
});

describe('the packed tarball', () => {
  it('holds the bundle, the README and package.json, nothing else', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'dist/cli.js', 'dist/index.js']),
    );
    expect(paths.filter((p) => !/^(dist\/.+\.js|README\.md|package\.json)$/.test(p))).toEqual([]);
  });

  it('ships dist/cli.js as an executable node script', () => {
    const cli = packed.files.find((f) => f.path === 'dist/cli.js');
    expect((cli?.mode ?? 0) & 0o111, 'dist/cli.js is not executable: npm run build sets its mode').not.toBe(
      0,
    );
    expect(readFileSync(path.join(REPO_ROOT, 'dist/cli.js'), 'utf8').split('\n')[0]).toBe(
      '#!/usr/bin/env node',
    );
  });

  it('declares no runtime dependencies because dist/ imports only Node built-ins and itself', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    const outside: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.js')) {
          const text = readFileSync(p, 'utf8');
          for (const m of text.matchAll(
            // Import and export statements, dynamic import() and require(); not the word "from"
            // inside a string (`'rename from '`), which the bundled git-diff reader has.
            /(?:\bimport\s*(?:[\w*${}\s,]+?\bfrom\s*)?|\bexport\s*(?:\*|\{[^}]*\})\s*from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/g,
          )) {
            const spec = m[1];
            const builtin = spec.startsWith('node:') || (/^[a-z_]+$/.test(spec) && !spec.includes('/'));
            if (!spec.startsWith('.') && !builtin) outside.push(`${path.relative(REPO_ROOT, p)}: ${spec}`);
          }
        }
      }
    };
    walk(path.join(REPO_ROOT, 'dist'));
    expect(outside).toEqual([]);
  });

  it('claims the Node versions CI tests (engines >= the lowest tested major)', () => {
    expect(enginesMinimum()).toBe(Math.min(...SUPPORTED_MAJORS));
  });
});

describe.each(SUPPORTED_MAJORS)('on Node %i', (major) => {
  let node: string;
  let bin: string;
  let env: Record<string, string>;
  const prefix = path.join(tmp, `prefix-${major}`);
  const elsewhere = path.join(tmp, `user-dir-${major}`);

  beforeAll(() => {
    node = nodeBinary(major).node;
    // The installed bin starts with `#!/usr/bin/env node`: this node first on PATH.
    env = { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
    mkdirSync(elsewhere, { recursive: true });
  });

  it('npm install -g of the tarball works offline, without engine warnings', () => {
    const r = run(
      node,
      [npmCli(), 'install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      { cwd: elsewhere, env },
    );
    expect(r.code, show(r)).toBe(0);
    expect(r.out + r.err).not.toMatch(/EBADENGINE|npm (warn|error)/i);
    bin = path.join(prefix, 'bin', 'flamediff');
    expect(existsSync(bin)).toBe(true);
  });

  it('flamediff --help and --version run outside the clone', () => {
    const help = run(bin, ['--help'], { cwd: elsewhere, env });
    expect(help.code, show(help)).toBe(0);
    expect(help.out).toMatch(/^Usage: flamediff <command> \[options\]$/m);
    expect(help.out).toMatch(/^ {2}demo /m);
    const version = run(bin, ['--version'], { cwd: elsewhere, env });
    expect(version.code, show(version)).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(version.out.trim()).toBe(pkg.version);
  });

  // The whole pipeline once, on the Node GitHub runs actions on (the others: install, --help and
  // the action's entry point, above and below).
  const onActionsNode = major === 24 ? it : () => {};
  onActionsNode('the installed demo runs the whole pipeline and writes its report', () => {
    const r = run(bin, ['demo', '--runs', '2', '--scale', '0.1', '--no-regression', '--out', 'demo-out'], {
      cwd: elsewhere,
      env,
    });
    // 0 pass, 1 gated; 2 (setup error) or a crash fails here.
    expect([0, 1], show(r)).toContain(r.code);
    expect(r.out).toMatch(/^flamediff: (PASS|FAIL)/m);
    const report = JSON.parse(readFileSync(path.join(elsewhere, 'demo-out/report.json'), 'utf8'));
    expect(report.verdict).toMatch(/^(pass|fail|warn)$/);
    for (const f of ['comment.md', 'diff.svg', 'diff.png']) {
      expect(existsSync(path.join(elsewhere, 'demo-out', f)), f).toBe(true);
    }
  });

  it("the action's dist/index.js starts and explains an event it does not act on", async () => {
    const ws = path.join(tmp, `ws-${major}`);
    mkdirSync(ws, { recursive: true });
    const step = await runStep({
      node,
      workspace: ws,
      eventName: 'schedule',
      eventPayload: { schedule: '0 3 * * *' },
      sha: '0'.repeat(40),
      ref: 'refs/heads/main',
      apiUrl: 'http://127.0.0.1:9',
      token: 'unused',
      inputs: { command: 'node bench.js' },
    });
    expect(step.code, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ mode: 'skip', verdict: 'none' });
    expect(step.stdout).toContain("the 'schedule' event is not one flamediff acts on");
  });
});

describe('from a clone', () => {
  it('npx --package=<clone> flamediff runs the committed bundle', () => {
    const dir = path.join(tmp, 'npx-user');
    mkdirSync(dir, { recursive: true });
    const r = run('npx', ['--yes', `--package=${REPO_ROOT}`, 'flamediff', '--version'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.runIf(Number(process.versions.node.split('.')[0]) < enginesMinimum())(
    "npm warns that the machine's older Node is unsupported",
    () => {
      const r = run(
        'npm',
        ['install', '-g', '--prefix', path.join(tmp, 'prefix-old'), '--offline', tarball],
        {
          cwd: tmp,
        },
      );
      expect(r.code, show(r)).toBe(0);
      expect(r.err).toMatch(/EBADENGINE[\s\S]*required: \{ node: '>=\d+' \}/);
    },
  );
});
