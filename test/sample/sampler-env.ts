// Where the tests find the real samplers that scripts/install-samplers.sh installed outside the
// repository: the Python venv's bin/ (py-spy, austin, fil-profile, memray and a python3 that
// has Fil and memray), async-profiler's bin/ (asprof, with lib/ beside it) and Go's bin/.
// FLAMEDIFF_VENV and FLAMEDIFF_CACHE move them, as they move the install script.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const VENV = process.env.FLAMEDIFF_VENV || '/opt/flamediff-venv';
export const CACHE = process.env.FLAMEDIFF_CACHE || path.join(os.homedir(), '.cache', 'flamediff');

/** PATH with the samplers' folders first (those that exist). */
export function samplerPath(): string {
  const dirs = [path.join(VENV, 'bin'), path.join(CACHE, 'async-profiler', 'bin'), '/usr/local/go/bin'];
  return [...dirs.filter((d) => existsSync(d)), process.env.PATH ?? ''].join(path.delimiter);
}

/** The environment for record(): the samplers on PATH, plus `extra`. */
export function samplerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: samplerPath(), ...extra };
}
