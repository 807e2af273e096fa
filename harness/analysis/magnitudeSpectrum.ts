/**
 * A signal's average magnitude spectrum (Welch: Hann windows of `size` frames, half overlap,
 * power averaged), in dB relative to a full-scale sine, thinned onto log-spaced frequency bands
 * for plotting. Used to show filter regressions in offline render failures.
 */
import FFT from 'fft.js';

export interface SpectrumPoint {
  hz: number;
  db: number;
}

export function magnitudeSpectrum(
  signal: Float32Array,
  sampleRate: number,
  { size = 4096, bands = 240, floorDb = -160 } = {},
): SpectrumPoint[] {
  if (signal.length === 0) throw new RangeError('magnitudeSpectrum needs a non-empty signal');
  const n = Math.min(size, 2 ** Math.floor(Math.log2(Math.max(32, signal.length))));
  const fft = new FFT(n);
  const window = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  const gain = window.reduce((s, w) => s + w, 0) / 2; // a full-scale sine reads 0 dB
  const power = new Float64Array(n / 2 + 1);
  const frame = new Float64Array(n);
  const out = fft.createComplexArray();
  let segments = 0;
  for (let start = 0; start + n <= Math.max(n, signal.length); start += n / 2) {
    for (let i = 0; i < n; i++) frame[i] = (signal[start + i] ?? 0) * window[i]!;
    fft.realTransform(out, frame);
    for (let k = 0; k <= n / 2; k++) power[k] = power[k]! + (out[2 * k]! ** 2 + out[2 * k + 1]! ** 2) / (gain * gain);
    segments++;
  }
  // Log-spaced bands from the first bin to Nyquist; each band shows its strongest bin.
  const binHz = sampleRate / n;
  const low = Math.log(binHz);
  const high = Math.log(sampleRate / 2);
  const points: SpectrumPoint[] = [];
  let k = 1;
  for (let b = 1; b <= bands && k <= n / 2; b++) {
    const edge = Math.exp(low + ((high - low) * b) / bands);
    let best = -1;
    let bestK = k;
    for (; k <= n / 2 && k * binHz <= edge; k++) {
      if (power[k]! > best) {
        best = power[k]!;
        bestK = k;
      }
    }
    if (best >= 0) points.push({ hz: bestK * binHz, db: Math.max(floorDb, 10 * Math.log10(best / segments)) });
  }
  return points;
}
