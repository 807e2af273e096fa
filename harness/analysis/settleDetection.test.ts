import { describe, expect, it } from 'vitest';
import type { MeterWindow } from '../../contracts/meters/meterWindow.ts';
import { NotSettledError, settledPart } from '../steps/parameterStep.ts';
import { findSettled } from './settleDetection.ts';

const W = 480;
/** Windows whose output RMS (both channels) follows `rms(i)`, with a little jitter like a sine in unaligned windows. */
const windows = (n: number, rms: (i: number) => number, jitter = 0.002): MeterWindow[] =>
  Array.from({ length: n }, (_, i) => {
    const r = rms(i) * (1 + jitter * Math.sin(i * 2.1));
    return { frame: 10_000 + i * W, inputPeak: [0.5, 0.25], inputRms: [0.35, 0.18], outputPeak: [r * 1.41, r * 0.7], outputRms: [r, r / 2] };
  });

describe('settle detection from meter windows', () => {
  it('a steady output is settled from its first window', () => {
    expect(findSettled(windows(35, () => 0.3), 0.1).settledIndex).toBe(0);
  });

  it('a filter ringing down after the change: measured only once the ringing is within the band', () => {
    // Output at -30 dBFS plus a transient 20 dB above it decaying with a 30 ms time constant (3 windows).
    const found = findSettled(windows(35, (i) => 0.0316 * (1 + 10 * Math.exp(-i / 3))), 0.1);
    expect(found.settledIndex).toBeGreaterThanOrEqual(12);
    expect(found.settledIndex).toBeLessThanOrEqual(22);
    expect(found.movedDb).toBeGreaterThan(10);
  });

  it('noise-like jitter widens the band instead of reading as movement', () => {
    const noisy = windows(35, (i) => 0.2 * (1 + 0.15 * Math.sin(i * 7.3)), 0);
    expect(findSettled(noisy, 0.1).settledIndex).toBe(0);
  });

  it('an output still moving at the end of the hold: "not settled after X s", not a level mismatch', () => {
    const ramp = windows(35, (i) => 0.01 * 1.1 ** i);
    expect(() => settledPart(ramp, 0.1, 10_000 - 2400, 48000, W)).toThrow(NotSettledError);
    expect(() => settledPart(ramp, 0.1, 10_000 - 2400, 48000, W)).toThrow(/^the output has not settled after 0\.40 s: its RMS still moves by up to \d+\.\d\d dB .*lengthen the step's holdSeconds/);
    // Without detection the span is taken as given.
    expect(settledPart(ramp, undefined, 0, 48000, W)).toHaveLength(35);
  });
});
