// Writes history/<branch>.json compactly: frame keys once in a table, shares as integer parts per
// million, times as integer microseconds. One entry per line keeps data-branch diffs readable.
import { HISTORY_SCHEMA, type HistoryFile } from './types.js';

const ppm = (x: number) => Math.round(x * 1e6);

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
    if (t.some((x) => x !== null)) out.t = t;
    return JSON.stringify(out);
  });
  const head = `{"schema":${HISTORY_SCHEMA},"branch":${JSON.stringify(h.branch)},\n"frames":${JSON.stringify([...index.keys()])},\n"entries":[`;
  return `${head}${lines.length ? `\n${lines.join(',\n')}\n` : ''}]}\n`;
}
