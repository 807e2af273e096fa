/**
 * The magnitude response of an RBJ ("Audio EQ Cookbook") biquad, computed independently of any
 * DSP under test, for analytic filter expectations.
 */

export type BiquadKind = 'lowpass' | 'highpass' | 'bandpass';

/** |H(e^jω)| in dB of an RBJ `kind` biquad with corner `cutoffHz` and `q`, at `frequencyHz`. */
export function biquadMagnitudeDb(
  kind: BiquadKind,
  cutoffHz: number,
  q: number,
  frequencyHz: number,
  sampleRate: number,
): number {
  const w0 = (2 * Math.PI * cutoffHz) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  // Band-pass: the cookbook's constant 0 dB peak gain form.
  const b =
    kind === 'lowpass'
      ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2]
      : kind === 'highpass'
        ? [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
        : [alpha, 0, -alpha];
  const a = [1 + alpha, -2 * cos, 1 - alpha];
  const w = (2 * Math.PI * frequencyHz) / sampleRate;
  // H(z) at z = e^{jw}: sum of c_k e^{-jkw}
  const at = (c: number[]) => {
    const re = c[0]! + c[1]! * Math.cos(w) + c[2]! * Math.cos(2 * w);
    const im = -(c[1]! * Math.sin(w) + c[2]! * Math.sin(2 * w));
    return Math.hypot(re, im);
  };
  return 20 * Math.log10(at(b) / at(a));
}
