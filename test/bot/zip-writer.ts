// Test-only zip writer: builds the archives (good and hostile) that src/bot/zip.ts must read or refuse.
import type { ZipEntry } from '../../src/bot/zip.js';

const LOC_SIG = 0x04034b50;
const CEN_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;

/** Writes a zip of deflated entries, as GitHub serves artifacts: the tests' way to build hostile archives. */
export function writeZip(entries: ZipEntry[], deflate: (b: Uint8Array) => Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const comp = deflate(e.data);
    const crc = crc32(e.data);
    const loc = new DataView(new ArrayBuffer(30));
    loc.setUint32(0, LOC_SIG, true);
    loc.setUint16(4, 20, true);
    loc.setUint16(8, 8, true);
    loc.setUint32(14, crc, true);
    loc.setUint32(18, comp.length, true);
    loc.setUint32(22, e.data.length, true);
    loc.setUint16(26, name.length, true);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, CEN_SIG, true);
    cen.setUint16(4, (3 << 8) | 20, true);
    cen.setUint16(6, 20, true);
    cen.setUint16(10, 8, true);
    cen.setUint32(16, crc, true);
    cen.setUint32(20, comp.length, true);
    cen.setUint32(24, e.data.length, true);
    cen.setUint16(28, name.length, true);
    cen.setUint32(38, (0o100644 << 16) >>> 0, true);
    cen.setUint32(42, offset, true);
    chunks.push(new Uint8Array(loc.buffer), name, comp);
    central.push(new Uint8Array(cen.buffer), name);
    offset += 30 + name.length + comp.length;
  }
  const cenSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, EOCD_SIG, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, cenSize, true);
  eocd.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(eocd.buffer)];
  const out = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
