import { kindFromFile } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import {
  FRAME_KINDS,
  type FrameInit,
  type FrameKind,
  type ProfileMeta,
  type Unit,
} from '../profile/types.js';
import { JsonChecker, jsonHead, noSamples, parseJson } from './json-input.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json): frames
// shared by all profiles, each profile either `sampled` (stacks of frame indices + weights) or
// `evented` (open/close events in time order). All profiles are merged, or one is chosen by name
// or index with `sampleType`. Evented profiles are validated strictly: events must be in time order
// and properly nested, and every opened frame must be closed.
// Our own exports add `kind`/`module` to frames and a `flamediff` object to profiles, which
// speedscope ignores; they make export -> import lossless.

export const SPEEDSCOPE_SCHEMA = 'https://www.speedscope.app/file-format-schema.json';

const UNITS: Record<string, { unit: Unit; factor: number }> = {
  none: { unit: 'samples', factor: 1 },
  nanoseconds: { unit: 'nanoseconds', factor: 1 },
  microseconds: { unit: 'nanoseconds', factor: 1e3 },
  milliseconds: { unit: 'nanoseconds', factor: 1e6 },
  seconds: { unit: 'nanoseconds', factor: 1e9 },
  bytes: { unit: 'bytes', factor: 1 },
};

const KIND_BY_SUFFIX: Record<string, FrameKind> = { k: 'kernel', j: 'jit', i: 'inlined', w: 'waker' };
const UNIT_NAMES: readonly Unit[] = ['samples', 'nanoseconds', 'microseconds', 'bytes', 'count'];

export const speedscopeFormat: FormatImporter = {
  name: 'speedscope',
  description: 'speedscope JSON (sampled and evented profiles; all merged, or one chosen with --sample-type)',
  matchesName: (fileName) => /\.speedscope\.json(\.gz)?$/i.test(fileName),
  is: (input) => isSpeedscope(jsonHead(input)),
  import: (input, opts) => importSpeedscope(input, opts),
};

export function isSpeedscope(head: string): boolean {
  const t = head.trimStart();
  if (!t.startsWith('{')) return false;
  return t.includes('speedscope.app/file-format-schema') || /"exporter"\s*:\s*"speedscope@/.test(t);
}

/** Kind and name as our exporter wrote them, else from a FlameGraph suffix or the file extension. */
export function frameFromSpeedscope(
  name: string,
  file: string,
  kind: string | undefined,
): FrameInit & { kind: FrameKind } {
  if (kind !== undefined && (FRAME_KINDS as readonly string[]).includes(kind)) {
    return { name, file, kind: kind as FrameKind };
  }
  const n = name.length;
  if (
    n > 4 &&
    name.endsWith(']') &&
    name[n - 4] === '_' &&
    name[n - 3] === '[' &&
    KIND_BY_SUFFIX[name[n - 2]]
  ) {
    return { name: name.slice(0, n - 4), file, kind: KIND_BY_SUFFIX[name[n - 2]] };
  }
  return { name, file, kind: kindFromFile(file) };
}

interface Selected {
  raw: Record<string, unknown>;
  path: string;
}

export function importSpeedscope(input: ProfileInput, opts: ImportOptions = {}): Profile {
  const check: JsonChecker = new JsonChecker(input.fileName);
  const root = check.object(parseJson(input, 'a speedscope JSON file'), '$');
  const shared = check.object(root.shared, '$.shared');
  const rawFrames = check.array(shared.frames, '$.shared.frames');
  const frames = rawFrames.map((f, i) => readFrame(check, f, `$.shared.frames[${i}]`));
  const list = check.array(root.profiles, '$.profiles');
  const all = list.map((p, i) => ({ raw: check.object(p, `$.profiles[${i}]`), path: `$.profiles[${i}]` }));
  const chosen = selectProfiles(check, all, opts.sampleType);

  const out = new Profile({ format: 'speedscope' });
  const ids = new Int32Array(frames.length).fill(-1);
  const frameId = (i: number): number => {
    if (ids[i] === -1) ids[i] = out.intern(frames[i]);
    return ids[i];
  };
  let unit: Unit | undefined;
  for (const { raw, path } of chosen) {
    const { unit: u, factor, meta } = profileUnit(check, raw, path);
    if (unit !== undefined && u !== unit) {
      check.fail(
        `${path}.unit`,
        `unit ${u} differs from the first profile's ${unit} (expected one unit; choose a profile with --sample-type)`,
      );
    }
    if (unit === undefined) Object.assign(out.meta, meta);
    unit = u;
    const type = check.string(raw.type, `${path}.type`);
    if (type === 'sampled') addSampled(check, out, raw, path, frames.length, frameId, factor);
    else if (type === 'evented') addEvented(check, out, raw, path, frames, frameId, factor);
    else
      check.fail(
        `${path}.type`,
        `unknown profile type ${JSON.stringify(type)} (expected "sampled" or "evented")`,
      );
  }
  out.meta.unit = unit ?? 'samples';
  if (chosen.length > 1 || list.length > 1) {
    out.meta.extra = { ...out.meta.extra, profiles: chosen.map((c) => String(c.raw.name ?? '')).join(', ') };
  }
  if (out.stackCount === 0) throw noSamples(input.fileName);
  return out;
}

function readFrame(check: JsonChecker, raw: unknown, path: string): FrameInit {
  const f = check.object(raw, path);
  const name = check.string(f.name, `${path}.name`);
  const file = check.optionalString(f.file, `${path}.file`) ?? '';
  const line = check.optionalNumber(f.line, `${path}.line`) ?? 0;
  const module = check.optionalString(f.module, `${path}.module`) ?? '';
  const kind = check.optionalString(f.kind, `${path}.kind`);
  return { ...frameFromSpeedscope(name, file, kind), line: line > 0 ? Math.floor(line) : 0, module };
}

function selectProfiles(check: JsonChecker, all: Selected[], wanted: string | undefined): Selected[] {
  if (all.length === 0) check.fail('$.profiles', 'empty list (expected at least one profile)');
  if (wanted === undefined || wanted === '') return all;
  const byName = all.filter((p) => p.raw.name === wanted);
  if (byName.length > 0) return byName;
  if (/^\d+$/.test(wanted) && Number(wanted) < all.length) return [all[Number(wanted)]];
  const names = all.map((p, i) => (typeof p.raw.name === 'string' ? JSON.stringify(p.raw.name) : String(i)));
  return check.fail(
    '$.profiles',
    `no profile named ${JSON.stringify(wanted)} (expected a name or index: ${names.join(', ')})`,
  );
}

function profileUnit(
  check: JsonChecker,
  raw: Record<string, unknown>,
  path: string,
): { unit: Unit; factor: number; meta: Partial<ProfileMeta> } {
  const name = check.string(raw.unit, `${path}.unit`);
  const mapped = UNITS[name];
  if (!mapped) {
    check.fail(
      `${path}.unit`,
      `unknown unit ${JSON.stringify(name)} (expected one of ${Object.keys(UNITS).join(', ')})`,
    );
  }
  const ext = raw.flamediff;
  if (ext === undefined || ext === null || typeof ext !== 'object') return { ...mapped, meta: {} };
  // Our own export: the unit and metadata are exactly what was written.
  const meta: Partial<ProfileMeta> = {};
  const e = ext as Record<string, unknown>;
  for (const key of ['intervalNs', 'durationNs'] as const) if (typeof e[key] === 'number') meta[key] = e[key];
  for (const key of ['sampler', 'command', 'derived', 'sampleType'] as const) {
    if (typeof e[key] === 'string') meta[key] = e[key];
  }
  // Our exporter writes values in our unit (microseconds as "microseconds", count as "none").
  if (typeof e.unit === 'string' && (UNIT_NAMES as readonly string[]).includes(e.unit)) {
    return { unit: e.unit as Unit, factor: 1, meta };
  }
  return { ...mapped, meta };
}

function scaled(w: number, factor: number): number {
  // Seconds/milliseconds to nanoseconds: keep a thousandth of a nanosecond, drop float noise.
  return factor === 1 ? w : Math.round(w * factor * 1000) / 1000;
}

function addSampled(
  check: JsonChecker,
  out: Profile,
  raw: Record<string, unknown>,
  path: string,
  frameCount: number,
  frameId: (i: number) => number,
  factor: number,
): void {
  const samples = check.array(raw.samples, `${path}.samples`);
  const weights = raw.weights === undefined ? undefined : check.array(raw.weights, `${path}.weights`);
  if (weights && weights.length !== samples.length) {
    check.fail(
      `${path}.weights`,
      `${weights.length} weights for ${samples.length} samples (expected one per sample)`,
    );
  }
  const stack: number[] = [];
  for (let i = 0; i < samples.length; i++) {
    const s = check.array(samples[i], `${path}.samples[${i}]`);
    stack.length = s.length;
    for (let k = 0; k < s.length; k++) {
      const f = s[k];
      if (typeof f !== 'number' || !Number.isInteger(f) || f < 0 || f >= frameCount) {
        frameIndexError(check, `${path}.samples[${i}][${k}]`, f, frameCount);
      }
      stack[k] = frameId(f);
    }
    const w = weights ? check.number(weights[i], `${path}.weights[${i}]`) : 1;
    out.addStack(stack, scaled(w, factor));
  }
}

function frameIndexError(check: JsonChecker, path: string, f: unknown, frameCount: number): never {
  return check.fail(
    path,
    `frame index ${JSON.stringify(f)} (expected an integer from 0 to ${frameCount - 1})`,
  );
}

/** Replays O/C events; the open stack between two event times gets the elapsed time. */
function addEvented(
  check: JsonChecker,
  out: Profile,
  raw: Record<string, unknown>,
  path: string,
  frames: FrameInit[],
  frameId: (i: number) => number,
  factor: number,
): void {
  const events = check.array(raw.events, `${path}.events`);
  const open: number[] = []; // frame indices
  const openedAt: number[] = [];
  const stack: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const ep = `${path}.events[${i}]`;
    const e = check.object(events[i], ep);
    const at = check.number(e.at, `${ep}.at`);
    const f = e.frame;
    if (typeof f !== 'number' || !Number.isInteger(f) || f < 0 || f >= frames.length) {
      frameIndexError(check, `${ep}.frame`, f, frames.length);
    }
    if (at < last)
      check.fail(
        `${ep}.at`,
        `time ${at} is before the previous event's ${last} (expected events in time order)`,
      );
    if (open.length > 0 && at > last) out.addStack(stack, scaled(at - last, factor));
    last = at;
    if (e.type === 'O') {
      open.push(f);
      openedAt.push(at);
      stack.push(frameId(f));
    } else if (e.type === 'C') {
      const top = open[open.length - 1];
      if (top === undefined)
        check.fail(
          ep,
          `frame ${f} (${frames[f].name}) closed but no frame is open (expected an O event first)`,
        );
      if (top !== f) {
        check.fail(
          ep,
          `frame ${f} (${frames[f].name}) closed while frame ${top} (${frames[top].name}) is still open inside it (expected properly nested events)`,
        );
      }
      open.pop();
      openedAt.pop();
      stack.pop();
    } else {
      check.fail(`${ep}.type`, `found ${JSON.stringify(e.type)} (expected "O" or "C")`);
    }
  }
  if (open.length > 0) {
    const f = open[open.length - 1];
    check.fail(
      `${path}.events`,
      `frame ${f} (${frames[f].name}) opened at ${openedAt[openedAt.length - 1]} is never closed (expected a C event for every O event)`,
    );
  }
}
