// Reads history/<branch>.json: validates every field (the file lives on a data branch anyone with
// push access can edit), migrates older schema versions and refuses newer ones so that an older
// flamediff never overwrites history it does not understand.
import { InputError } from '../errors.js';
import { jsonErrorOffset, lineAt } from './json-offset.js';
import { HISTORY_SCHEMA, type HistoryEntry, type HistoryFile, type HistoryFrame } from './types.js';

type Json = Record<string, unknown>;

class Reader {
  constructor(readonly path: string) {}

  fail(where: string, problem: string): never {
    throw new InputError(this.path, undefined, `${where}: ${problem}`);
  }

  object(v: unknown, where: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(where, `${kind(v)} (expected an object)`);
    return v as Json;
  }

  array(v: unknown, where: string): unknown[] {
    if (!Array.isArray(v)) this.fail(where, `${kind(v)} (expected an array)`);
    return v;
  }

  string(v: unknown, where: string): string {
    if (typeof v !== 'string') this.fail(where, `${kind(v)} (expected a string)`);
    return v;
  }

  number(v: unknown, where: string, min = Number.NEGATIVE_INFINITY): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
      this.fail(where, `${kind(v)} (expected a finite number${min > -Infinity ? ` >= ${min}` : ''})`);
    return v;
  }

  int(v: unknown, where: string, min = 0): number {
    const n = this.number(v, where, min);
    if (!Number.isInteger(n)) this.fail(where, `${n} (expected an integer >= ${min})`);
    return n;
  }

  optionalInt(v: unknown, where: string, min = 0): number | undefined {
    return v === undefined || v === null ? undefined : this.int(v, where, min);
  }
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}...` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** Parses (and migrates) a history file; throws InputError naming `path` when it does not parse. */
export function parseHistory(text: string, path: string): HistoryFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    const line = lineAt(text, jsonErrorOffset(text));
    throw new InputError(path, { line }, `not valid JSON: ${msg} (expected a flamediff history file)`);
  }
  const r = new Reader(path);
  const top = r.object(raw, 'top level');
  const schema = r.int(top.schema, 'schema', 1);
  if (schema > HISTORY_SCHEMA)
    r.fail(
      'schema',
      `${schema} was written by a newer flamediff (expected schema <= ${HISTORY_SCHEMA}); upgrade flamediff, the file is left untouched`,
    );
  const branch = r.string(top.branch, 'branch');
  const entries = schema === 1 ? readV1(r, top) : readV2(r, top);
  return { schema: HISTORY_SCHEMA, branch, entries };
}

function readHead(r: Reader, e: Json, where: string): Omit<HistoryEntry, 'frames'> {
  const out: Omit<HistoryEntry, 'frames'> = {
    sha: r.string(e.sha, `${where}.sha`),
    date: r.string(e.date, `${where}.date`),
    total: r.number(e.total, `${where}.total`, 0),
    totalMeasure: r.string(e.totalMeasure, `${where}.totalMeasure`),
  };
  if (!/^[0-9a-f]{4,64}$/i.test(out.sha))
    r.fail(`${where}.sha`, `${kind(out.sha)} (expected a hex commit sha)`);
  // The dashboard puts commits on a time axis and the text output prints the date span.
  if (!/^\d{4}-\d\d-\d\d/.test(out.date) || Number.isNaN(Date.parse(out.date)))
    r.fail(`${where}.date`, `${kind(out.date)} (expected an ISO date)`);
  const pull = r.optionalInt(e.pull, `${where}.pull`, 1);
  const runs = r.optionalInt(e.runs, `${where}.runs`, 1);
  if (pull !== undefined) out.pull = pull;
  if (runs !== undefined) out.runs = runs;
  return out;
}

/** Schema 1: entries carry their frames as objects (the first, uncompacted layout). */
function readV1(r: Reader, top: Json): HistoryEntry[] {
  return r.array(top.entries, 'entries').map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const frames = r.array(e.frames, `${where}.frames`).map((fv, j): HistoryFrame => {
      const fw = `${where}.frames[${j}]`;
      const f = r.object(fv, fw);
      const time = f.timeSeconds;
      return {
        key: r.string(f.key, `${fw}.key`),
        share: r.number(f.share, `${fw}.share`, 0),
        selfShare: r.number(f.selfShare, `${fw}.selfShare`, 0),
        timeSeconds: time === null || time === undefined ? null : r.number(time, `${fw}.timeSeconds`, 0),
      };
    });
    return { ...readHead(r, e, where), frames };
  });
}

/**
 * Schema 2: a frame-key table and, per entry, flat arrays `f` = [keyIndex, share ppm, self ppm, ...]
 * and optional `t` = time in microseconds per frame (null when unknown), or `"total"` when each
 * frame's time is its share of the entry's total.
 */
function readV2(r: Reader, top: Json): HistoryEntry[] {
  const keys = r.array(top.frames, 'frames').map((k, i) => r.string(k, `frames[${i}]`));
  return r.array(top.entries, 'entries').map((v, i) => {
    const where = `entries[${i}]`;
    const e = r.object(v, where);
    const f = r.array(e.f, `${where}.f`);
    if (f.length % 3 !== 0) r.fail(`${where}.f`, `${f.length} numbers (expected a multiple of 3)`);
    const fromTotal = e.t === 'total';
    const t = e.t === undefined || fromTotal ? null : r.array(e.t, `${where}.t`);
    if (t && t.length !== f.length / 3) r.fail(`${where}.t`, `${t.length} values (expected ${f.length / 3})`);
    const head = readHead(r, e, where);
    const frames: HistoryFrame[] = [];
    for (let j = 0; j < f.length; j += 3) {
      const k = r.int(f[j], `${where}.f[${j}]`);
      if (k >= keys.length) r.fail(`${where}.f[${j}]`, `frame index ${k} (expected < ${keys.length})`);
      const tv = t ? t[j / 3] : null;
      const share = r.int(f[j + 1], `${where}.f[${j + 1}]`) / 1e6;
      frames.push({
        key: keys[k],
        share,
        selfShare: r.int(f[j + 2], `${where}.f[${j + 2}]`) / 1e6,
        timeSeconds: fromTotal
          ? share * head.total
          : tv === null || tv === undefined
            ? null
            : r.int(tv, `${where}.t[${j / 3}]`) / 1e6,
      });
    }
    return { ...head, frames };
  });
}
