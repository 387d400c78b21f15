// A reader for Python's marshal format (versions 0-4, as `marshal.dump` writes it in CPython 3.x),
// enough for data files such as cProfile's pstats dump: None/bools, ints, longs, floats, strings,
// tuples, lists, dicts, sets and back-references. Code objects are refused.

/** A marshalled dict: entries in file order, each with the byte offset of its key. */
export interface MarshalDict {
  kind: 'dict';
  entries: Array<{ key: MarshalValue; value: MarshalValue; offset: number }>;
}

export type MarshalValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | MarshalValue[]
  | MarshalDict;

export class MarshalError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const FLAG_REF = 0x80;
const MAX_DEPTH = 200;

export class MarshalReader {
  private pos = 0;
  private readonly refs: MarshalValue[] = [];
  private readonly view: DataView;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  /** Reads one complete object; throws MarshalError if bytes are left over or missing. */
  readAll(): MarshalValue {
    const v = this.read(0);
    if (this.pos !== this.buf.length) {
      throw new MarshalError(
        this.pos,
        `${this.buf.length - this.pos} bytes after the end of the data (expected one marshalled object)`,
      );
    }
    return v;
  }

  read(depth: number): MarshalValue {
    if (depth > MAX_DEPTH)
      throw new MarshalError(this.pos, `nesting deeper than ${MAX_DEPTH} (expected flat data)`);
    const at = this.pos;
    const code = this.byte();
    const flag = (code & FLAG_REF) !== 0;
    const type = String.fromCharCode(code & ~FLAG_REF);
    // Containers register themselves before their contents, as CPython does.
    const slot = flag ? this.refs.push(null) - 1 : -1;
    const value = this.readTyped(type, at, depth, slot);
    if (slot >= 0) this.refs[slot] = value;
    return value;
  }

  private readTyped(type: string, at: number, depth: number, slot: number): MarshalValue {
    switch (type) {
      case 'N':
        return null;
      case 'F':
        return false;
      case 'T':
        return true;
      case 'i':
        return this.int32();
      case 'l':
        return this.long();
      case 'g':
        return this.float64();
      case 'f':
        return this.textFloat();
      case 's':
        return this.bytes(this.length());
      case 'u':
      case 't':
      case 'a':
      case 'A':
        return this.utf8(this.length());
      case 'z':
      case 'Z':
        return this.utf8(this.byte());
      case '(':
      case '[':
      case '<':
      case '>':
        return this.sequence(this.length(), depth, slot);
      case ')':
        return this.sequence(this.byte(), depth, slot);
      case '{':
        return this.dict(depth, slot);
      case 'r': {
        const i = this.int32();
        if (i < 0 || i >= this.refs.length) {
          throw new MarshalError(
            at,
            `reference ${i} to an object not read yet (expected below ${this.refs.length})`,
          );
        }
        return this.refs[i];
      }
      case 'c':
        // The pure-Python `profile` module keys some functions by code object; their layout
        // changes with every CPython version.
        throw new MarshalError(
          at,
          'code object (expected plain data; record with cProfile, not the profile module)',
        );
      default:
        throw new MarshalError(
          at,
          `unsupported marshal type code 0x${type.charCodeAt(0).toString(16).padStart(2, '0')} (expected a data value such as a dict, tuple, string or number)`,
        );
    }
  }

  private sequence(n: number, depth: number, slot: number): MarshalValue[] {
    const out: MarshalValue[] = [];
    if (slot >= 0) this.refs[slot] = out;
    for (let i = 0; i < n; i++) out.push(this.read(depth + 1));
    return out;
  }

  private dict(depth: number, slot: number): MarshalDict {
    const d: MarshalDict = { kind: 'dict', entries: [] };
    if (slot >= 0) this.refs[slot] = d;
    for (;;) {
      this.need(1);
      if (this.buf[this.pos] === 0x30 /* '0' ends a dict */) {
        this.pos++;
        return d;
      }
      const offset = this.pos;
      const key = this.read(depth + 1);
      const value = this.read(depth + 1);
      d.entries.push({ key, value, offset });
    }
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) {
      throw new MarshalError(
        this.pos,
        `truncated data: ${n} more bytes needed (expected a complete marshal stream)`,
      );
    }
  }

  private byte(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  private int32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  private length(): number {
    const at = this.pos;
    const n = this.int32();
    if (n < 0 || n > this.buf.length)
      throw new MarshalError(at, `bad length ${n} (expected a size that fits the file)`);
    return n;
  }

  private float64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  private textFloat(): number {
    const at = this.pos;
    const s = this.utf8(this.byte());
    const v = Number(s);
    if (Number.isNaN(v) && s !== 'nan')
      throw new MarshalError(at, `bad float text ${JSON.stringify(s)} (expected a number)`);
    return v;
  }

  /** Python longs: a signed digit count, then 15-bit digits, least significant first. */
  private long(): number | bigint {
    const n = this.int32();
    const count = Math.abs(n);
    if (count > this.buf.length)
      throw new MarshalError(this.pos - 4, `bad long size ${n} (expected a size that fits the file)`);
    this.need(count * 2);
    let v = 0n;
    for (let i = count - 1; i >= 0; i--) v = (v << 15n) | BigInt(this.view.getUint16(this.pos + i * 2, true));
    this.pos += count * 2;
    if (n < 0) v = -v;
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  private bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  private utf8(n: number): string {
    const b = this.bytes(n);
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  }
}
