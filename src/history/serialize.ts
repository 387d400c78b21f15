// Writes history/<branch>.json compactly: frame keys once in a table, shares as integer parts per
// million, times as integer microseconds. One entry per line keeps data-branch diffs readable.
import { HISTORY_SCHEMA, type HistoryFile } from './types.js';

const ppm = (x: number) => Math.round(x * 1e6);

/**
 * True when every frame's time is its share of the total (the usual case when the total is a time):
 * then `"t": "total"` replaces the times, which are recomputed on reading to within 1 microsecond
 * per second of total.
 */
function timesFollowTotal(e: HistoryFile['entries'][number]): boolean {
  if (e.frames.length === 0) return false;
  const tol = 1e-6 * Math.max(1, e.total);
  return e.frames.every(
    (f) => f.timeSeconds !== null && Math.abs((ppm(f.share) / 1e6) * e.total - f.timeSeconds) <= tol,
  );
}

export function serializeHistory(h: HistoryFile): string {
  const index = new Map<string, number>();
  for (const e of h.entries) for (const f of e.frames) if (!index.has(f.key)) index.set(f.key, index.size);
  const lines = h.entries.map((e) => {
    const f: number[] = [];
    const t: (number | null)[] = [];
    for (const fr of e.frames) {
      f.push(index.get(fr.key)!, ppm(fr.share), ppm(fr.selfShare));
      t.push(fr.timeSeconds === null ? null : ppm(fr.timeSeconds));
    }
    const out: Record<string, unknown> = {
      sha: e.sha,
      date: e.date,
      total: Number(e.total.toPrecision(9)),
      totalMeasure: e.totalMeasure,
    };
    if (e.pull !== undefined) out.pull = e.pull;
    if (e.runs !== undefined) out.runs = e.runs;
    out.f = f;
    if (timesFollowTotal(e)) out.t = 'total';
    else if (t.some((x) => x !== null)) out.t = t;
    return JSON.stringify(out);
  });
  const head = `{"schema":${HISTORY_SCHEMA},"branch":${JSON.stringify(h.branch)},\n"frames":${JSON.stringify([...index.keys()])},\n"entries":[`;
  return `${head}${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
