import { describe, expect, it } from 'vitest';
import { percentile, stats } from './stats.ts';

describe('bench statistics', () => {
  it('median, range and spread', () => {
    expect(stats([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, spread: 9 / 2.5, n: 4 });
    expect(stats([5])).toMatchObject({ median: 5, spread: 0 });
    expect(() => stats([])).toThrow(RangeError);
  });

  it('percentiles by nearest rank', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 100)).toBe(200);
  });
});
