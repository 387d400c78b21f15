import { InputError, NoSamplesError } from '../errors.js';
import { zlib } from '../lib/builtins.js';
import { kindFromFile } from '../profile/frame-label.js';
import { Profile } from '../profile/profile.js';
import type { FrameKind, Unit } from '../profile/types.js';
import { gunzipIfNeeded } from './input.js';
import { noSamples } from './json-input.js';
import { decodePprof, type RawPprof } from './pprof-decode.js';
import { looksLikeProfileWire, WireError } from './protobuf-wire.js';
import type { FormatImporter, ImportOptions, ProfileInput } from './types.js';

// pprof protobuf profiles (Go's runtime/pprof, `go tool pprof -proto`, Datadog/pprof-nodejs,
// pyroscope, perf_data_converter), decoded by pprof-decode.ts (pprof-format for the tables, flat
// arrays for samples) with byte offsets for malformed input. One sample type becomes the weight (like `go tool pprof
// -sample_index`), and a location's inlined lines become separate frames.

type Numeric = number | bigint;

const TWO_64 = 1n << 64n;
const TWO_63 = 1n << 63n;

/** int64 fields arrive as unsigned varints; values past 2^63 are negative numbers. */
function num(x: Numeric | undefined): number {
  if (x === undefined) return 0;
  if (typeof x === 'number') return x;
  return Number(x >= TWO_63 ? x - TWO_64 : x);
}

/** Our unit and the factor that converts a pprof unit into it. */
export function mapUnit(type: string, unit: string): { unit: Unit; factor: number } {
  switch (unit) {
    case 'nanoseconds':
      return { unit: 'nanoseconds', factor: 1 };
    case 'microseconds':
      return { unit: 'nanoseconds', factor: 1e3 };
    case 'milliseconds':
      return { unit: 'nanoseconds', factor: 1e6 };
    case 'seconds':
      return { unit: 'nanoseconds', factor: 1e9 };
    case 'bytes':
      return { unit: 'bytes', factor: 1 };
    case 'kilobytes':
      return { unit: 'bytes', factor: 1024 };
    case 'megabytes':
      return { unit: 'bytes', factor: 1024 ** 2 };
    case 'gigabytes':
      return { unit: 'bytes', factor: 1024 ** 3 };
    default:
      return { unit: type === 'samples' ? 'samples' : 'count', factor: 1 };
  }
}

export const pprofFormat: FormatImporter = {
  name: 'pprof',
  description: 'pprof protobuf (.pb, .pb.gz, .pprof; .prof by content), any sample type via --sample-type',
  matchesName: (fileName) => /\.(pb|pprof)(\.gz)?$/i.test(fileName),
  is: (input) => isPprof(input.bytes),
  import: (input, opts) => importPprof(input, opts),
};

const SNIFF_BYTES = 8192;

export function isPprof(bytes: Uint8Array): boolean {
  let head = bytes.subarray(0, SNIFF_BYTES);
  let complete = bytes.length <= SNIFF_BYTES;
  if (isGzip(bytes)) {
    try {
      // Inflate only the first part: Z_SYNC_FLUSH returns what a truncated stream holds.
      const z = zlib();
      const out = z.gunzipSync(bytes.subarray(0, SNIFF_BYTES), { finishFlush: z.constants.Z_SYNC_FLUSH });
      head = out.subarray(0, SNIFF_BYTES);
      complete = complete && out.length <= SNIFF_BYTES;
    } catch {
      return false;
    }
  }
  return looksLikeProfileWire(head, complete);
}

function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export function importPprof(input: ProfileInput, opts: ImportOptions = {}): Profile {
  const file = input.fileName;
  const bytes = gunzipIfNeeded(file, input.bytes);
  let raw: RawPprof;
  try {
    raw = decodePprof(bytes);
  } catch (err) {
    if (err instanceof WireError) {
      throw new InputError(file, { offset: err.offset }, `${err.problem}; not a valid pprof profile`);
    }
    throw err;
  }
  return new PprofConverter(file, raw).convert(opts.sampleType);
}

interface SampleType {
  type: string;
  unit: string;
}

class PprofConverter {
  private readonly functions = new Map<number, { name: string; file: string }>();
  private readonly locations = new Map<number, number>(); // location id -> index in raw.locations
  private denseLocations: Int32Array | undefined;
  private readonly locationFrames: Array<Int32Array | undefined>;
  private readonly mappingModules = new Map<number, string>();
  private readonly out = new Profile({ unit: 'samples', sampler: 'pprof', format: 'pprof' });

  constructor(
    private readonly file: string,
    private readonly raw: RawPprof,
  ) {
    this.locationFrames = new Array(raw.locations.length);
  }

  convert(requested: string | undefined): Profile {
    const { raw, out } = this;
    const types = raw.sampleTypes.map((vt) => ({ type: this.str(vt.type), unit: this.str(vt.unit) }));
    if (raw.sampleOffsets.length === 0 || types.length === 0) throw noSamples(this.file);
    const index = this.pickSampleType(types, requested);
    const { unit, factor } = mapUnit(types[index].type, types[index].unit);
    out.meta.unit = unit;
    out.meta.sampleType = `${types[index].type}/${types[index].unit}`;
    out.meta.extra = { sampleTypes: types.map((t) => `${t.type}/${t.unit}`).join(', ') };
    this.setPeriodAndDuration();
    this.indexTables();
    this.addSamples(index, types.length, factor);
    if (out.stackCount === 0 && types.length > 1) {
      // The samples are there, but the chosen type is zero in all of them (a .NET or Java
      // profile whose default is not the type that was recorded): say which types there are.
      const names = types.map((t) => `${t.type}/${t.unit}`);
      throw new NoSamplesError(
        this.file,
        ` (sample type ${names[index]}${requested ? '' : ', the default,'} is zero in all ${raw.sampleOffsets.length} samples; choose another with --sample-type: ${names.join(', ')})`,
      );
    }
    if (out.stackCount === 0) throw noSamples(this.file);
    return out;
  }

  /** opts.sampleType by name (`cpu`), `type/unit`, or index; else default_sample_type, else the last. */
  private pickSampleType(types: SampleType[], requested: string | undefined): number {
    const names = types.map((t) => `${t.type}/${t.unit}`);
    if (requested !== undefined && requested !== '') {
      let i = types.findIndex((t, k) => t.type === requested || names[k] === requested);
      if (i < 0 && /^\d+$/.test(requested) && Number(requested) < types.length) i = Number(requested);
      if (i < 0) {
        throw new InputError(
          this.file,
          undefined,
          `no sample type '${requested}' (expected one of: ${names.join(', ')})`,
        );
      }
      return i;
    }
    const def = this.raw.defaultSampleType;
    if (def !== 0) {
      const i = types.findIndex((t) => t.type === this.raw.strings[def]);
      if (i >= 0) return i;
    }
    return types.length - 1;
  }

  private setPeriodAndDuration(): void {
    const { raw, out } = this;
    if (raw.durationNanos > 0) out.meta.durationNs = raw.durationNanos;
    if (raw.periodType) {
      const { unit, factor } = mapUnit(this.str(raw.periodType.type), this.str(raw.periodType.unit));
      if (unit === 'nanoseconds' && raw.period > 0) out.meta.intervalNs = raw.period * factor;
    }
    const comments = raw.comments.map((c) => this.str(c)).filter((c) => c !== '');
    if (comments.length && out.meta.extra) out.meta.extra.comments = comments.join('; ');
  }

  private indexTables(): void {
    for (const m of this.raw.mappings) this.mappingModules.set(num(m.id), basename(this.str(m.filename)));
    for (const f of this.raw.functions) {
      const name = this.str(f.name) || this.str(f.systemName);
      this.functions.set(num(f.id), { name, file: this.str(f.filename) });
    }
    let maxId = 0;
    this.raw.locations.forEach((loc, i) => {
      const id = num(loc.id);
      this.locations.set(id, i);
      if (id > maxId) maxId = id;
    });
    // Ids are usually 1..N: a typed array beats a Map lookup per frame of every sample.
    if (maxId <= 4 * this.raw.locations.length + 1024) {
      this.denseLocations = new Int32Array(maxId + 1).fill(-1);
      for (const [id, i] of this.locations) if (id >= 0 && Number.isInteger(id)) this.denseLocations[id] = i;
    }
  }

  private addSamples(index: number, typeCount: number, factor: number): void {
    const { locStart, locIds, valStart, values, sampleOffsets } = this.raw;
    const n = sampleOffsets.length;
    let stack = new Int32Array(256);
    for (let si = 0; si < n; si++) {
      const nv = valStart[si + 1] - valStart[si];
      if (nv !== typeCount) {
        this.fail(
          sampleOffsets[si],
          `sample ${si} has ${nv} values (expected ${typeCount}, one per sample type)`,
        );
      }
      const w = values[valStart[si] + index] * factor;
      if (!(w > 0)) continue;
      let depth = 0;
      // location_id[0] is the leaf; our stacks are root first.
      for (let k = locStart[si + 1] - 1; k >= locStart[si]; k--) {
        const frames = this.framesOf(locIds[k], si);
        if (depth + frames.length > stack.length) {
          const bigger = new Int32Array(Math.max(stack.length * 2, depth + frames.length));
          bigger.set(stack);
          stack = bigger;
        }
        stack.set(frames, depth);
        depth += frames.length;
      }
      this.out.stacks.add(stack, w, 0, depth);
    }
  }

  /** A location's frames, outermost first: pprof lists inlined callees before their caller. */
  private framesOf(id: number, sampleIndex: number): Int32Array {
    const dense = this.denseLocations;
    const d = dense && id >= 0 && id < dense.length ? dense[id] : -1;
    const li = d >= 0 ? d : this.locations.get(id);
    if (li === undefined) {
      this.fail(
        this.raw.sampleOffsets[sampleIndex],
        `sample ${sampleIndex} refers to location ${id}, which is not defined (expected a location id)`,
      );
    }
    const cached = this.locationFrames[li];
    if (cached) return cached;
    const loc = this.raw.locations[li];
    const module = this.mappingModules.get(num(loc.mappingId)) ?? '';
    const ids: number[] = [];
    if (loc.line.length === 0) {
      // Unsymbolized: `[libc.so.6]` as stackcollapse-perf names unknown symbols, else the address.
      const addr = typeof loc.address === 'bigint' ? loc.address : BigInt(loc.address);
      const name = module !== '' ? `[${module}]` : `0x${addr.toString(16)}`;
      ids.push(this.out.intern({ name, module, kind: moduleKind(module) }));
    }
    for (let j = loc.line.length - 1; j >= 0; j--) {
      const line = loc.line[j];
      const fn = this.functions.get(num(line.functionId));
      if (!fn) {
        this.fail(
          this.raw.locationOffsets[li],
          `location ${num(loc.id)} refers to function ${num(line.functionId)}, which is not defined (expected a function id)`,
        );
      }
      const kind: FrameKind = j < loc.line.length - 1 ? 'inlined' : frameKind(fn.file, module);
      ids.push(
        this.out.intern({
          name: fn.name || '??',
          file: fn.file,
          line: Math.max(0, num(line.line)),
          module,
          kind,
        }),
      );
    }
    const frames = Int32Array.from(ids);
    this.locationFrames[li] = frames;
    return frames;
  }

  private str(i: Numeric): string {
    const k = num(i);
    const strings = this.raw.strings;
    if (k < 0 || k >= strings.length) {
      this.fail(
        undefined,
        `string index ${k} is out of range (expected below ${strings.length}, the string table size)`,
      );
    }
    return strings[k];
  }

  private fail(offset: number | undefined, problem: string): never {
    throw new InputError(this.file, offset === undefined ? undefined : { offset }, problem);
  }
}

function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

function moduleKind(module: string): FrameKind {
  return module.startsWith('[kernel') || module === 'vmlinux' ? 'kernel' : 'native';
}

function frameKind(file: string, module: string): FrameKind {
  const k = kindFromFile(file);
  if (k !== 'other') return k;
  if (module.startsWith('[kernel') || module === 'vmlinux') return 'kernel';
  return file === '' && module !== '' ? 'native' : 'other';
}
