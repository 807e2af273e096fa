/** Summary statistics of repeated measurements. */

export interface Stats {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how noisy the repeats were. */
  spread: number;
  n: number;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new RangeError('stats of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / Math.abs(median), n: values.length };
}

/** The p-th percentile (0..100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
