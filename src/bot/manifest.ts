// The manifest that travels with recorded runs as a workflow artifact (fork-safe mode and
// sharding). The workflow that reads it holds a write token, so every field is validated against
// a closed schema before anything else looks at the artifact.
import { UserError } from '../errors.js';
import { checkEntryName } from './zip.js';

export const MANIFEST_NAME = 'flamediff-manifest.json';
export const MAX_MANIFEST_BYTES = 256 * 1024;

export interface ManifestRun {
  /** Path inside the artifact, under the shard's directory. */
  file: string;
  wallSeconds: number | null;
  cpuSeconds: number | null;
}

/** The runner the shard was recorded on, as `flamediff record` saw it (shown in the report only). */
export interface ManifestMachine {
  cpuModel: string;
  cores: number;
  kernel: string;
  platform: string;
  arch: string;
  loadAvg: [number, number, number];
}

export interface ManifestShard {
  /** Shard name: one benchmark group or runner of a matrix. */
  name: string;
  sampler: string;
  runs: ManifestRun[];
  /** Optional: absent in manifests that do not carry it. */
  machine?: ManifestMachine;
}

export interface RunManifest {
  schema: 1;
  tool: 'flamediff';
  /** owner/name of the repository the runs belong to. */
  repository: string;
  /** Pull request number, when the run was for one. */
  pullNumber: number | null;
  /** Commit the runs measured. */
  headSha: string;
  createdAt: string;
  shards: ManifestShard[];
}

const SHA = /^[0-9a-f]{40}$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const SHARD = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SAMPLER = /^[a-z][a-z0-9-]{0,31}$/;
const MAX_RUNS = 100;
const MAX_SHARDS = 64;

type Fail = (path: string, what: string) => never;

/** Parses and validates a manifest; every problem names the JSON path and what was expected. */
export function parseManifest(text: string, label: string): RunManifest {
  const fail: Fail = (path, what) => {
    throw new UserError(`${label}: ${path}: ${what}`);
  };
  if (text.length > MAX_MANIFEST_BYTES)
    fail('$', `manifest is ${text.length} bytes; the limit is ${MAX_MANIFEST_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail('$', `not JSON (${(err as Error).message})`);
  }
  const m = object(
    json,
    '$',
    ['schema', 'tool', 'repository', 'pullNumber', 'headSha', 'createdAt', 'shards'],
    fail,
  );
  if (m.schema !== 1) fail('$.schema', `${JSON.stringify(m.schema)}; expected 1`);
  if (m.tool !== 'flamediff') fail('$.tool', `${JSON.stringify(m.tool)}; expected "flamediff"`);
  const repository = str(m.repository, '$.repository', REPO, 'owner/name', fail);
  const pullNumber = m.pullNumber === null ? null : int(m.pullNumber, '$.pullNumber', 1, 2 ** 31, fail);
  const headSha = str(m.headSha, '$.headSha', SHA, 'a 40-character hex commit sha', fail);
  const createdAt = str(
    m.createdAt,
    '$.createdAt',
    /^\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    'an ISO UTC timestamp',
    fail,
  );
  if (!Array.isArray(m.shards) || m.shards.length === 0 || m.shards.length > MAX_SHARDS) {
    fail('$.shards', `expected 1-${MAX_SHARDS} shards`);
  }
  const names = new Set<string>();
  const shards = (m.shards as unknown[]).map((s, i) => {
    const shard = parseShard(s, `$.shards[${i}]`, fail);
    if (names.has(shard.name)) fail(`$.shards[${i}].name`, `duplicate shard '${shard.name}'`);
    names.add(shard.name);
    return shard;
  });
  return { schema: 1, tool: 'flamediff', repository, pullNumber, headSha, createdAt, shards };
}

function parseMachine(value: unknown, path: string, fail: Fail): ManifestMachine {
  const m = object(value, path, ['cpuModel', 'cores', 'kernel', 'platform', 'arch', 'loadAvg'], fail);
  const text = (v: unknown, key: string, max: number) =>
    str(
      v,
      `${path}.${key}`,
      new RegExp(`^[^\\u0000-\\u001f\\u007f]{0,${max}}$`),
      `text of at most ${max} characters`,
      fail,
    );
  const load = m.loadAvg;
  if (
    !Array.isArray(load) ||
    load.length !== 3 ||
    load.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1e6)
  ) {
    fail(`${path}.loadAvg`, 'expected three load averages');
  }
  return {
    cpuModel: text(m.cpuModel, 'cpuModel', 200),
    cores: int(m.cores, `${path}.cores`, 0, 100_000, fail),
    kernel: text(m.kernel, 'kernel', 200),
    platform: text(m.platform, 'platform', 40),
    arch: text(m.arch, 'arch', 40),
    loadAvg: load as [number, number, number],
  };
}

function parseShard(value: unknown, path: string, fail: Fail): ManifestShard {
  const s = object(value, path, ['name', 'sampler', 'runs', 'machine'], fail);
  const name = str(s.name, `${path}.name`, SHARD, 'letters, digits, . _ - (1-64)', fail);
  const sampler = str(s.sampler, `${path}.sampler`, SAMPLER, 'a sampler name', fail);
  if (!Array.isArray(s.runs) || s.runs.length === 0 || s.runs.length > MAX_RUNS) {
    fail(`${path}.runs`, `expected 1-${MAX_RUNS} runs`);
  }
  const runs = (s.runs as unknown[]).map((r, i) => {
    const rp = `${path}.runs[${i}]`;
    const run = object(r, rp, ['file', 'wallSeconds', 'cpuSeconds'], fail);
    if (typeof run.file !== 'string') fail(`${rp}.file`, 'expected a string');
    const file = run.file as string;
    checkEntryName(file, (what) => fail(`${rp}.file`, what));
    if (!file.startsWith(`${name}/`)) fail(`${rp}.file`, `'${file.slice(0, 100)}' must be under '${name}/'`);
    return {
      file,
      wallSeconds: optNumber(run.wallSeconds, `${rp}.wallSeconds`, fail),
      cpuSeconds: optNumber(run.cpuSeconds, `${rp}.cpuSeconds`, fail),
    };
  });
  if (s.machine === undefined || s.machine === null) return { name, sampler, runs };
  return { name, sampler, runs, machine: parseMachine(s.machine, `${path}.machine`, fail) };
}

function object(v: unknown, path: string, allowed: string[], fail: Fail): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'expected an object');
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      fail(`${path}`, `unknown key '${k.slice(0, 40)}'; expected ${allowed.join(', ')}`);
  }
  return v as Record<string, unknown>;
}

function str(v: unknown, path: string, re: RegExp, expected: string, fail: Fail): string {
  if (typeof v !== 'string' || !re.test(v))
    return fail(path, `${JSON.stringify(v)?.slice(0, 80)}; expected ${expected}`);
  return v;
}

function int(v: unknown, path: string, min: number, max: number, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return fail(path, `${JSON.stringify(v)}; expected an integer ${min}-${max}`);
  }
  return v;
}

function optNumber(v: unknown, path: string, fail: Fail): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e7)
    return fail(path, `${JSON.stringify(v)}; expected seconds >= 0`);
  return v;
}

export function serializeManifest(m: RunManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
