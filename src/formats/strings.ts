/**
 * A flat copy of a slice. V8 slices share (and keep alive) their parent string, so a frame
 * name sliced from a 100 MB input would keep the whole input in memory; parsers detach the
 * few strings they keep (one per distinct frame) and let the input text go.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
