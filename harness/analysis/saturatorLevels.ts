/** Analytic levels of a sine through tanh(drive·x), by numeric integration over one period. */

/** RMS in dBFS of tanh(driveLinear · A·sin θ) over a full period, A = 10^(peakDb/20). */
export function tanhSineRmsDb(peakDb: number, driveDb: number, points = 100_000): number {
  const amplitude = 10 ** (peakDb / 20);
  const drive = 10 ** (driveDb / 20);
  let sum = 0;
  for (let i = 0; i < points; i++) {
    const y = Math.tanh(drive * amplitude * Math.sin((2 * Math.PI * (i + 0.5)) / points));
    sum += y * y;
  }
  return 10 * Math.log10(sum / points);
}

/** Peak in dBFS of tanh(drive · A) — the output's largest value. */
export function tanhSinePeakDb(peakDb: number, driveDb: number): number {
  return 20 * Math.log10(Math.tanh(10 ** (driveDb / 20) * 10 ** (peakDb / 20)));
}
