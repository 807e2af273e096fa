/**
 * Where a captured signal sits in a looped fixture: the offset o that best matches
 * captured[n] ≈ fixture[(o + n) mod L], by FFT cross-correlation (fft.js), normalised so 1 means
 * a perfect match. Used to render offline exactly what the live capture played.
 */
import FFT from 'fft.js';

export interface LoopAlignment {
  /** Fixture frame the capture's first sample corresponds to. */
  offset: number;
  /** Normalised correlation at that offset, -1..1. */
  correlation: number;
}

export function findLoopOffset(captured: Float32Array, fixture: Float32Array): LoopAlignment {
  const n = captured.length;
  const length = fixture.length;
  if (n === 0 || length === 0) throw new RangeError('findLoopOffset needs non-empty signals');
  let size = 1;
  while (size < length + n) size *= 2;
  // The fixture followed by its first n samples again: every wrapped window is contiguous.
  const looped = new Float64Array(size);
  for (let i = 0; i < length + n; i++) looped[i] = fixture[i % length]!;
  const probe = new Float64Array(size);
  probe.set(captured);
  const fft = new FFT(size);
  const a = fft.createComplexArray();
  const b = fft.createComplexArray();
  fft.realTransform(a, looped);
  fft.completeSpectrum(a);
  fft.realTransform(b, probe);
  fft.completeSpectrum(b);
  // A · conj(B): the cross-correlation's spectrum.
  const product = fft.createComplexArray();
  for (let k = 0; k < size; k++) {
    const [ar, ai, br, bi] = [a[2 * k]!, a[2 * k + 1]!, b[2 * k]!, b[2 * k + 1]!];
    product[2 * k] = ar * br + ai * bi;
    product[2 * k + 1] = ai * br - ar * bi;
  }
  const xcorr = fft.createComplexArray();
  fft.inverseTransform(xcorr, product);
  // Energy of each fixture window, for normalisation.
  const prefix = new Float64Array(length + n + 1);
  for (let i = 0; i < length + n; i++) prefix[i + 1] = prefix[i]! + looped[i]! * looped[i]!;
  const probeEnergy = captured.reduce((s, x) => s + x * x, 0);
  let best: LoopAlignment = { offset: 0, correlation: -Infinity };
  for (let o = 0; o < length; o++) {
    const windowEnergy = prefix[o + n]! - prefix[o]!;
    const denominator = Math.sqrt(windowEnergy * probeEnergy);
    const c = denominator > 0 ? xcorr[2 * o]! / denominator : 0;
    if (c > best.correlation) best = { offset: o, correlation: c };
  }
  return best;
}
