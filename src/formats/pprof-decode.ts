import { Location, Mapping, Function as PprofFunction } from 'pprof-format';
import { checkMessage, WireError } from './protobuf-wire.js';

// Decodes a pprof Profile message in one pass. The small tables (mappings, locations, functions)
// are decoded by pprof-format after a wire check of each message; samples, by far the bulk of a
// profile, are decoded here straight into flat arrays: pprof-format builds several objects and
// subarrays per sample, which made it the bottleneck (about 5 MB/s on a busy 2-core machine).
// Every malformed byte is reported as a WireError with its offset.

export interface RawValueType {
  type: number;
  unit: number;
}

export interface RawPprof {
  sampleTypes: RawValueType[];
  /** Sample i's location ids are locIds[locStart[i]..locStart[i+1]), leaf first. */
  locStart: number[];
  locIds: number[];
  /** Sample i's values are values[valStart[i]..valStart[i+1]). */
  valStart: number[];
  values: number[];
  sampleOffsets: number[];
  mappings: Mapping[];
  locations: Location[];
  locationOffsets: number[];
  functions: PprofFunction[];
  strings: string[];
  periodType: RawValueType | undefined;
  period: number;
  durationNanos: number;
  defaultSampleType: number;
  comments: number[];
}

const TWO_64 = 2 ** 64;
const TWO_63 = 2 ** 63;

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  /** A varint as a float (exact below 2^53); int64 values past 2^63 come back negative. */
  varint(end: number, what: string): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < end && buf[pos] < 0x80) {
      this.pos = pos + 1;
      return buf[pos];
    }
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) throw new WireError(pos, `truncated varint in ${what} (expected more bytes)`);
      const b = buf[pos++];
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) {
        this.pos = pos;
        return value >= TWO_63 ? value - TWO_64 : value;
      }
    }
    throw new WireError(pos - 10, `varint longer than 10 bytes in ${what} (expected a protobuf varint)`);
  }

  /** Reads a length prefix and returns the end of the body, checked against `end`. */
  body(end: number, what: string): number {
    const at = this.pos;
    const len = this.varint(end, `${what} length`);
    if (len < 0 || len > end - this.pos) {
      throw new WireError(
        at,
        `truncated ${what}: length ${len} runs past the end (expected at most ${end - this.pos} bytes)`,
      );
    }
    return this.pos + len;
  }
}

const TOP_FIELDS: Record<number, [wire: number, name: string]> = {
  1: [2, 'sample_type'],
  2: [2, 'sample'],
  3: [2, 'mapping'],
  4: [2, 'location'],
  5: [2, 'function'],
  6: [2, 'string_table'],
  7: [0, 'drop_frames'],
  8: [0, 'keep_frames'],
  9: [0, 'time_nanos'],
  10: [0, 'duration_nanos'],
  11: [2, 'period_type'],
  12: [0, 'period'],
  14: [0, 'default_sample_type'],
  15: [0, 'doc_url'],
};

export function decodePprof(buf: Uint8Array): RawPprof {
  const out: RawPprof = {
    sampleTypes: [],
    locStart: [0],
    locIds: [],
    valStart: [0],
    values: [],
    sampleOffsets: [],
    mappings: [],
    locations: [],
    locationOffsets: [],
    functions: [],
    strings: [],
    periodType: undefined,
    period: 0,
    durationNanos: 0,
    defaultSampleType: 0,
    comments: [],
  };
  const r = new Reader(buf);
  const end = buf.length;
  const utf8 = new TextDecoder();
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.varint(end, 'Profile field tag');
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw new WireError(tagAt, 'field number 0 in Profile (expected a protobuf field tag)');
    const known = TOP_FIELDS[field];
    const label = `Profile.${known?.[1] ?? field}`;
    if (field === 13) {
      // comment: repeated int64, packed or not.
      if (wire === 0) out.comments.push(r.varint(end, label));
      else if (wire === 2) {
        const stop = r.body(end, label);
        while (r.pos < stop) out.comments.push(r.varint(stop, label));
      } else throw wireTypeError(tagAt, label, wire, 'varint or length-delimited');
      continue;
    }
    if (known && known[0] !== wire) {
      throw wireTypeError(tagAt, label, wire, known[0] === 0 ? 'varint' : 'length-delimited');
    }
    if (wire === 0) {
      const v = r.varint(end, label);
      if (field === 10) out.durationNanos = v;
      else if (field === 12) out.period = v;
      else if (field === 14) out.defaultSampleType = v;
      continue;
    }
    if (wire !== 2) throw wireTypeError(tagAt, label, wire, 'varint or length-delimited');
    const stop = r.body(end, label);
    const start = r.pos;
    switch (field) {
      case 1:
        out.sampleTypes.push(valueType(r, stop));
        break;
      case 2:
        out.sampleOffsets.push(tagAt);
        sample(r, stop, out);
        break;
      case 3:
        checkMessage(buf, start, stop, 'Mapping');
        out.mappings.push(Mapping.decode(buf.subarray(start, stop)));
        break;
      case 4:
        checkMessage(buf, start, stop, 'Location');
        out.locationOffsets.push(tagAt);
        out.locations.push(Location.decode(buf.subarray(start, stop)));
        break;
      case 5:
        checkMessage(buf, start, stop, 'Function');
        out.functions.push(PprofFunction.decode(buf.subarray(start, stop)));
        break;
      case 6:
        out.strings.push(utf8.decode(buf.subarray(start, stop)));
        break;
      case 11:
        out.periodType = valueType(r, stop);
        break;
    }
    r.pos = stop;
  }
  return out;
}

function wireTypeError(at: number, label: string, wire: number, expected: string): WireError {
  return new WireError(at, `${label} has wire type ${wire} (expected ${expected})`);
}

function valueType(r: Reader, stop: number): RawValueType {
  const vt = { type: 0, unit: 0 };
  while (r.pos < stop) {
    const at = r.pos;
    const tag = r.varint(stop, 'ValueType field tag');
    if (tag % 8 !== 0) throw wireTypeError(at, `ValueType.${tag >> 3}`, tag % 8, 'varint');
    const v = r.varint(stop, 'ValueType');
    if (tag === 8) vt.type = v;
    else if (tag === 16) vt.unit = v;
  }
  return vt;
}

/** Sample: location_id (1) and value (2), packed or not; labels (3) are skipped. */
function sample(r: Reader, stop: number, out: RawPprof): void {
  while (r.pos < stop) {
    const at = r.pos;
    const tag = r.varint(stop, 'Sample field tag');
    const field = tag >> 3;
    const wire = tag & 7;
    const list = field === 1 ? out.locIds : field === 2 ? out.values : undefined;
    const label = field === 1 ? 'Sample.location_id' : field === 2 ? 'Sample.value' : `Sample.${field}`;
    if (wire === 0) {
      const v = r.varint(stop, label);
      list?.push(v);
    } else if (wire === 2) {
      const end = r.body(stop, label);
      if (list) packed(r, end, list, label);
      else if (field === 3) checkMessage(r.buf, r.pos, end, 'Label');
      r.pos = end;
    } else {
      throw wireTypeError(at, label, wire, 'varint or length-delimited');
    }
  }
  out.locStart.push(out.locIds.length);
  out.valStart.push(out.values.length);
}

/** Packed varints: the hot loop of a pprof import, with a fast path for values below 2^28. */
function packed(r: Reader, end: number, list: number[], label: string): void {
  const buf = r.buf;
  let pos = r.pos;
  while (pos < end) {
    const start = pos;
    let v = 0;
    let shift = 0;
    let b = 0x80;
    while (b >= 0x80 && shift < 28 && pos < end) {
      b = buf[pos++];
      v |= (b & 0x7f) << shift;
      shift += 7;
    }
    if (b >= 0x80) {
      // Longer than 4 bytes (or truncated): the general reader handles and reports it.
      r.pos = start;
      list.push(r.varint(end, label));
      pos = r.pos;
    } else {
      list.push(v);
    }
  }
  r.pos = pos;
}
