import { describe, expect, it } from 'vitest';
import { mean, median, sd, variance } from '../../src/lib/math.js';

describe('math', () => {
  it('takes the mean of an array or of a range of one', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean(new Float64Array([1, 2, 3, 6]), 1, 3)).toBe(2.5);
    expect(mean([])).toBe(0);
    expect(mean([5, 7], 1, 1)).toBe(0);
  });

  it('uses the n - 1 denominator for variance and sd, and 0 below two values', () => {
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 15);
    expect(sd([1, 3])).toBeCloseTo(Math.SQRT2, 15);
    expect(variance([3])).toBe(0);
    expect(sd([])).toBe(0);
  });

  it('takes the median without reordering its input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
