// A protobuf wire-format checker for pprof's profile.proto. pprof-format's decoder is lenient (it
// reads past truncated data without complaint), so every nested message is checked here before it
// decodes it: a bad tag, a truncated varint or a length running past its message is reported with
// its byte offset. The same walk, in strict mode over the first few KB, is the content sniff.

const VARINT = 0;
const LEN = 2;

type FieldSpec = { wire: 'varint' | 'len' | 'varint-or-packed'; message?: MessageName };
export type MessageName =
  | 'Profile'
  | 'ValueType'
  | 'Sample'
  | 'Label'
  | 'Mapping'
  | 'Location'
  | 'Line'
  | 'Function';

const V: FieldSpec = { wire: 'varint' };
const PACKED: FieldSpec = { wire: 'varint-or-packed' };
const msg = (message: MessageName): FieldSpec => ({ wire: 'len', message });

const SCHEMA: Record<MessageName, Record<number, FieldSpec>> = {
  Profile: {
    1: msg('ValueType'),
    2: msg('Sample'),
    3: msg('Mapping'),
    4: msg('Location'),
    5: msg('Function'),
    6: { wire: 'len' }, // string_table
    7: V,
    8: V,
    9: V,
    10: V,
    11: msg('ValueType'),
    12: V,
    13: PACKED,
    14: V,
    15: V,
  },
  ValueType: { 1: V, 2: V },
  Sample: { 1: PACKED, 2: PACKED, 3: msg('Label') },
  Label: { 1: V, 2: V, 3: V, 4: V },
  Mapping: { 1: V, 2: V, 3: V, 4: V, 5: V, 6: V, 7: V, 8: V, 9: V, 10: V },
  Location: { 1: V, 2: V, 3: V, 4: msg('Line'), 5: V },
  Line: { 1: V, 2: V, 3: V },
  Function: { 1: V, 2: V, 3: V, 4: V, 5: V },
};

const FIELD_NAMES: Record<string, string> = {
  'Profile.1': 'sample_type',
  'Profile.2': 'sample',
  'Profile.3': 'mapping',
  'Profile.4': 'location',
  'Profile.5': 'function',
  'Profile.6': 'string_table',
  'Profile.11': 'period_type',
  'Sample.1': 'location_id',
  'Sample.2': 'value',
  'Sample.3': 'label',
  'Location.4': 'line',
};

export class WireError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/**
 * Strict sniff over a prefix of the file: only profile.proto's own fields and wire types, nested
 * messages checked too. `complete` says the prefix is the whole file (so it must end cleanly).
 */
export function looksLikeProfileWire(head: Uint8Array, complete: boolean): boolean {
  if (head.length === 0) return false;
  const index = { fieldCount: 0 };
  try {
    walk(head, 0, head.length, 'Profile', true, index);
    return index.fieldCount >= 1;
  } catch (err) {
    // A message cut by the end of the prefix is fine when the file goes on.
    if (!complete && err instanceof WireError && err.problem.startsWith('truncated'))
      return index.fieldCount >= 2;
    return false;
  }
}

/** Checks one nested message of profile.proto (e.g. a Location) before pprof-format decodes it. */
export function checkMessage(buf: Uint8Array, start: number, end: number, name: MessageName): void {
  walk(buf, start, end, name, false, undefined);
}

function walk(
  buf: Uint8Array,
  start: number,
  end: number,
  name: MessageName,
  strict: boolean,
  index: { fieldCount: number } | undefined,
): void {
  const fields = SCHEMA[name];
  let pos = start;
  while (pos < end) {
    const tagAt = pos;
    const [tag, afterTag] = readVarint(buf, pos, end, `${name} field tag`);
    pos = afterTag;
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    const spec = fields[field];
    const label = `${name}.${FIELD_NAMES[`${name}.${field}`] ?? field}`;
    if (field === 0) throw new WireError(tagAt, `field number 0 in ${name} (expected a protobuf field tag)`);
    if (wire !== VARINT && wire !== LEN) {
      throw new WireError(tagAt, `${label} has wire type ${wire} (expected varint or length-delimited)`);
    }
    if (!spec) {
      if (strict) throw new WireError(tagAt, `unknown field ${field} in ${name}`);
    } else if ((spec.wire === 'varint' && wire !== VARINT) || (spec.wire === 'len' && wire !== LEN)) {
      throw new WireError(
        tagAt,
        `${label} has wire type ${wire} (expected ${spec.wire === 'len' ? 'length-delimited' : 'varint'})`,
      );
    }
    if (wire === VARINT) {
      pos = readVarint(buf, pos, end, label)[1];
    } else {
      const [len, afterLen] = readVarint(buf, pos, end, `${label} length`);
      if (len > end - afterLen) {
        throw new WireError(
          pos,
          `truncated ${label}: length ${len} runs past the end (expected at most ${end - afterLen} bytes)`,
        );
      }
      const bodyEnd = afterLen + len;
      if (spec?.message) walk(buf, afterLen, bodyEnd, spec.message, strict, undefined);
      else if (spec?.wire === 'varint-or-packed') checkPacked(buf, afterLen, bodyEnd, label);
      pos = bodyEnd;
    }
    if (index) index.fieldCount++;
  }
}

function checkPacked(buf: Uint8Array, start: number, end: number, label: string): void {
  let pos = start;
  while (pos < end) pos = readVarint(buf, pos, end, label)[1];
}

/** Reads a varint as a number (exact below 2^53, which covers every length and index). */
export function readVarint(buf: Uint8Array, pos: number, end: number, what: string): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new WireError(pos, `truncated varint in ${what} (expected more bytes)`);
    const b = buf[pos++];
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [value, pos];
  }
  throw new WireError(pos - 10, `varint longer than 10 bytes in ${what} (expected a protobuf varint)`);
}
