/** Level conversions shared by every side. dBFS of 0 (silence) is -Infinity. */

export function linearToDb(linear: number): number {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

export function dbToLinear(db: number): number {
  return 10 ** (db / 20);
}
