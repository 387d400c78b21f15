// install-sampler with stand-in tools first on PATH: installs only what is missing, and a failed
// install is a warning, not a crash.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installSampler } from '../../src/github/install-sampler.js';

let bin: string;
const savedPath = process.env.PATH;

function tool(name: string, script: string): void {
  const f = path.join(bin, name);
  writeFileSync(f, `#!/bin/sh\n${script}\n`);
  chmodSync(f, 0o755);
}

beforeEach(() => {
  bin = mkdtempSync(path.join(tmpdir(), 'flamediff-tools-'));
  // Our tools first; /usr/bin and /bin keep `sh` itself available, nothing else of the host's.
  process.env.PATH = `${bin}:/usr/bin:/bin`;
  tool('python3', `echo "$@" >> ${bin}/python3.log; exit \${PIP_STATUS:-0}`);
});

afterEach(() => {
  process.env.PATH = savedPath;
  delete process.env.PIP_STATUS;
});

describe('install-sampler', () => {
  it('leaves an installed py-spy alone', async () => {
    tool('py-spy', 'echo "py-spy 0.4.0"');
    const log: string[] = [];
    await installSampler(
      'py-spy',
      (l) => log.push(l),
      (l) => log.push(`warn ${l}`),
    );
    expect(log).toEqual([]);
    expect(existsSync(path.join(bin, 'python3.log'))).toBe(false);
  });

  it('installs a missing py-spy with pip', async () => {
    const log: string[] = [];
    await installSampler(
      'py-spy',
      (l) => log.push(l),
      (l) => log.push(`warn ${l}`),
    );
    expect(readFileSync(path.join(bin, 'python3.log'), 'utf8')).toBe('-m pip install --quiet py-spy\n');
    expect(log).toEqual(['$ python3 -m pip install --quiet py-spy']);
  });

  it('warns (does not throw) when pip fails, after trying --break-system-packages', async () => {
    process.env.PIP_STATUS = '1';
    const warnings: string[] = [];
    await installSampler(
      'austin',
      () => {},
      (l) => warnings.push(l),
    );
    expect(readFileSync(path.join(bin, 'python3.log'), 'utf8')).toBe(
      '-m pip install --quiet austin-dist\n-m pip install --quiet --break-system-packages austin-dist\n',
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(
      /^install-sampler: 'python3 -m pip install --quiet --break-system-packages austin-dist' failed/,
    );
  });

  it('needs nothing for node', async () => {
    const log: string[] = [];
    await installSampler(
      'node',
      (l) => log.push(l),
      (l) => log.push(l),
    );
    expect(log).toEqual([]);
  });
});
