import { describe, expect, it } from 'vitest';
import { linearToDb } from '../../../../contracts/meters/decibels.ts';
import { MeterWindowAccumulator, type MeterWindow } from './meterWindows.ts';

const SR = 48000;

function sine(frames: number, amplitude: number, startFrame = 0, frequency = 1000): Float32Array {
  return Float32Array.from(
    { length: frames },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * (n + startFrame)) / SR),
  );
}

/** Feeds `signal` (as both input channels; output = gain × input) in blocks of `block` frames from `startFrame`. */
function run(signal: Float32Array, block: number, windowFrames: number, startFrame = 0, gain = 1): MeterWindow[] {
  const acc = new MeterWindowAccumulator(windowFrames);
  const out: MeterWindow[] = [];
  for (let i = 0; i < signal.length; i += block) {
    const n = Math.min(block, signal.length - i);
    const input = signal.subarray(i, i + n);
    const output = input.map((x) => x * gain);
    acc.add(startFrame + i, n, input, input, output, output, (w) => out.push(w));
  }
  return out;
}

describe('meter windows', () => {
  it('measure a -6 dBFS 1 kHz sine as peak -6 dBFS and RMS -9.01 dBFS', () => {
    const amplitude = 10 ** (-6 / 20);
    const windows = run(sine(48000, amplitude), 128, 480);
    expect(windows.length).toBe(100);
    for (const w of windows) {
      expect(linearToDb(w.inputPeak[0])).toBeCloseTo(-6, 6);
      expect(linearToDb(w.inputRms[1])).toBeCloseTo(-6 - 10 * Math.log10(2), 6);
    }
  });

  it('apply to the output the gain the DSP applied', () => {
    const windows = run(sine(4800, 0.5), 128, 480, 0, 10 ** (-20 / 20));
    for (const w of windows) expect(linearToDb(w.outputPeak[0]) - linearToDb(w.inputPeak[0])).toBeCloseTo(-20, 6);
  });

  it('sit on absolute multiples of windowFrames whatever the block size', () => {
    for (const block of [1, 100, 128, 480, 1000, 4096]) {
      const windows = run(sine(9600, 0.5), block, 480);
      expect(windows.map((w) => w.frame)).toEqual(Array.from({ length: 20 }, (_, i) => i * 480));
    }
  });

  it('drop the partial first window when audio starts mid-window', () => {
    const windows = run(sine(2000, 0.5, 1000), 128, 480, 1000);
    expect(windows[0]!.frame).toBe(1440);
    expect(windows.every((w) => w.frame % 480 === 0)).toBe(true);
  });

  it('restart on a gap in the audio clock instead of mixing two spans', () => {
    const acc = new MeterWindowAccumulator(480);
    const out: MeterWindow[] = [];
    const loud = new Float32Array(128).fill(1);
    const quiet = new Float32Array(128).fill(0.001);
    acc.add(0, 128, loud, loud, loud, loud, (w) => out.push(w));
    acc.add(10_000, 128, quiet, quiet, quiet, quiet, (w) => out.push(w)); // gap
    for (let f = 10_128; f < 11_520; f += 128) acc.add(f, 128, quiet, quiet, quiet, quiet, (w) => out.push(w));
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((w) => w.inputPeak[0] < 0.01)).toBe(true);
  });

  it('measure peak on negative samples and silence as zero', () => {
    const signal = new Float32Array(480);
    signal[7] = -0.75;
    const [w] = run(signal, 128, 480);
    expect(w!.inputPeak[0]).toBeCloseTo(0.75, 7);
    expect(w!.inputRms[0]).toBeCloseTo(0.75 / Math.sqrt(480), 7);
    const [silent] = run(new Float32Array(480), 128, 480);
    expect(silent!.inputRms[0]).toBe(0);
    expect(linearToDb(silent!.inputPeak[0])).toBe(-Infinity);
  });

  it('reject a window length that is not a positive integer', () => {
    expect(() => new MeterWindowAccumulator(0)).toThrow(RangeError);
    expect(() => new MeterWindowAccumulator(12.5)).toThrow(RangeError);
  });

  it('measure four different signals in windows that differ, exactly as a plain per-window computation does', () => {
    // Four signals, never alike: different frequencies, a level that changes from window to
    // window, and a spike that lands in one window of one signal only.
    const W = 480;
    const frames = W * 12;
    const signal = (k: number) =>
      Float32Array.from({ length: frames }, (_, n) => {
        const windowIndex = Math.floor(n / W);
        const level = 0.05 * (1 + k) * (1 + ((windowIndex * (k + 3)) % 7));
        const spike = n === W * (3 + k) + 17 * k ? 0.97 - 0.1 * k : 0;
        return spike || level * Math.sin((2 * Math.PI * (300 + 250 * k) * n) / SR + k);
      });
    const [inL, inR, outL, outR] = [0, 1, 2, 3].map(signal) as [Float32Array, Float32Array, Float32Array, Float32Array];
    const reference = (x: Float32Array, w: number) => {
      const part = x.subarray(w * W, (w + 1) * W);
      let peak = 0;
      let power = 0;
      for (const v of part) {
        peak = Math.max(peak, Math.abs(v));
        power += v * v;
      }
      return { peak, rms: Math.sqrt(power / W) };
    };
    for (const block of [1, 77, 128, 500]) {
      const acc = new MeterWindowAccumulator(W);
      const got: MeterWindow[] = [];
      for (let i = 0; i < frames; i += block) {
        const n = Math.min(block, frames - i);
        acc.add(
          i,
          n,
          inL.subarray(i, i + n),
          inR.subarray(i, i + n),
          outL.subarray(i, i + n),
          outR.subarray(i, i + n),
          (w) => got.push(w),
        );
      }
      expect(got).toHaveLength(12);
      got.forEach((w, index) => {
        const [a, b, c, d] = [inL, inR, outL, outR].map((x) => reference(x, index)) as [
          ReturnType<typeof reference>,
          ReturnType<typeof reference>,
          ReturnType<typeof reference>,
          ReturnType<typeof reference>,
        ];
        expect(w.frame).toBe(index * W);
        expect([w.inputPeak, w.outputPeak]).toEqual([
          [a.peak, b.peak],
          [c.peak, d.peak],
        ]);
        for (const [value, want] of [
          [w.inputRms[0], a.rms],
          [w.inputRms[1], b.rms],
          [w.outputRms[0], c.rms],
          [w.outputRms[1], d.rms],
        ] as const)
          expect(value).toBeCloseTo(want, 6);
      });
      // The windows really differ: levels change from window to window, and the left input's spike
      // makes window 3 its loudest.
      expect(new Set(got.map((w) => w.inputPeak[0])).size).toBeGreaterThan(5);
      expect(new Set(got.map((w) => w.outputRms[1].toFixed(4))).size).toBeGreaterThan(5);
      expect(got.findIndex((w) => w.inputPeak[0] > 0.9)).toBe(3);
    }
  });
});
