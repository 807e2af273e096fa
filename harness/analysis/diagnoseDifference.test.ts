import { describe, expect, it } from 'vitest';
import { diagnoseDifference } from './diagnoseDifference.ts';

const sine = (n: number, shift = 0, gain = 0.5) =>
  Float32Array.from({ length: n }, (_, i) => gain * Math.sin((2 * Math.PI * 997 * (i - shift)) / 48000));

describe('diagnosing a render against its golden', () => {
  it('names a pure delay as "1 frame late"', () => {
    const golden = [sine(9600), sine(9600)];
    const actual = [sine(9600, 1), sine(9600, 1)];
    const d = diagnoseDifference(golden, actual, 48000, 120);
    expect(d.lagFrames).toBe(1);
    expect(d.text).toMatch(/^the output is 1 frame late \(shifted back it matches at/);
  });

  it('places the residual after the change that caused it', () => {
    const golden = [sine(9600), sine(9600)];
    const actual = golden.map((g) => Float32Array.from(g, (x, i) => (i >= 4800 ? x * 1.023 : x)));
    const d = diagnoseDifference(golden, actual, 48000, 120, [
      { frame: 0, set: { input_gain: 0 } },
      { frame: 4800, set: { input_gain: -6 } },
    ]);
    expect(d.lagFrames).toBe(0);
    expect(d.firstFrame).toBe(4800);
    expect(d.text).toMatch(
      /the residual \(-\d+\.\d dB relative to the golden\) starts at 0\.1000 s \(frame 4800\), 0 frames after the change to input_gain = -6/,
    );
  });
});
