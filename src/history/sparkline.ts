// Unicode block sparklines for PR comments and the terminal. Only block characters and a middle
// dot: nothing Markdown or HTML would interpret.
const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * One block per value, scaled between the smallest (▁) and largest (█) value; NaN shows as a middle
 * dot. A single value is no trend: '-' (a lone half-height bar would read as a level).
 */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '';
  if (finite.length === 1) return '-';
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return '·';
      if (span <= Math.abs(hi) * 1e-9) return BLOCKS[3];
      return BLOCKS[Math.round(((v - lo) / span) * 7)];
    })
    .join('');
}
