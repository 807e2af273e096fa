import { describe, expect, it } from 'vitest';
import type { MeterWindow } from '../../contracts/meters/meterWindow.ts';
import { annotateUnsettled } from '../scenarios/liveScenario.ts';
import { settledPart } from '../steps/parameterStep.ts';
import { findSettled } from './settleDetection.ts';

const W = 480;
/** Windows whose output RMS (both channels) follows `rms(i)`, with a little jitter like a sine in unaligned windows. */
const windows = (n: number, rms: (i: number) => number, jitter = 0.002): MeterWindow[] =>
  Array.from({ length: n }, (_, i) => {
    const r = rms(i) * (1 + jitter * Math.sin(i * 2.1));
    return {
      frame: 10_000 + i * W,
      inputPeak: [0.5, 0.25],
      inputRms: [0.35, 0.18],
      outputPeak: [r * 1.41, r * 0.7],
      outputRms: [r, r / 2],
    };
  });

describe('settle detection from meter windows', () => {
  it('a steady output is settled from its first window', () => {
    expect(
      findSettled(
        windows(35, () => 0.3),
        0.1,
      ).settledIndex,
    ).toBe(0);
  });

  it('a filter ringing down after the change: measured only once the ringing is within the band', () => {
    // Output at -30 dBFS plus a transient 20 dB above it decaying with a 30 ms time constant (3 windows).
    const found = findSettled(
      windows(35, (i) => 0.0316 * (1 + 10 * Math.exp(-i / 3))),
      0.1,
    );
    expect(found.settledIndex).toBeGreaterThanOrEqual(12);
    expect(found.settledIndex).toBeLessThanOrEqual(22);
    expect(found.movedDb).toBeGreaterThan(10);
  });

  it('the tail of a transient that only the peak still shows: measured from where the peak has settled too', () => {
    // As Wavecraft's f32 band-pass after its cutoff jumped 1 kHz → 39.9 Hz (measured live): the RMS has settled
    // within 0.02 dB from the first windows, the peak is still +0.11, then +0.05 dB above its level for 60 ms.
    const tail = [0.11, 0.11, 0.09, 0.07, 0.05, 0.05, 0.03, 0.02];
    const ws = windows(35, () => 0.02).map((w, i) => ({
      ...w,
      outputPeak: [0.0282 * 10 ** ((tail[i] ?? 0) / 20), 0.0155 * 10 ** ((tail[i] ?? 0) / 20)] as [number, number],
      outputRms: w.outputRms.map((r) => r * 10 ** ((tail[i] ?? 0) / 5 / 20)) as [number, number],
    }));
    const found = findSettled(ws, 0.1);
    expect(found.settled).toBe(true);
    expect(
      found.settledIndex,
      'the first window whose peak is within a quarter tolerance of its level',
    ).toBeGreaterThanOrEqual(6);
    expect(found.settledIndex).toBeLessThanOrEqual(10);
  });

  it('noise-like jitter widens the band instead of reading as movement', () => {
    const noisy = windows(35, (i) => 0.2 * (1 + 0.15 * Math.sin(i * 7.3)), 0);
    expect(findSettled(noisy, 0.1)).toMatchObject({ settledIndex: 0, settled: true });
  });

  it('a tremolo (the level swinging at 4 Hz, 10 ms windows) is settled from the start: its whole periods are measured', () => {
    const tremolo = windows(50, (i) => 0.3 * (1 - 0.5 * (1 - Math.cos(2 * Math.PI * 4 * i * 0.01))), 0);
    expect(findSettled(tremolo, 0.1)).toMatchObject({ settledIndex: 0, settled: true });
  });

  it('an output still ringing down at the end of the hold: measured as it is, and a failure there says "not settled after X s?", not just a level mismatch', () => {
    // A transient 20 dB above the settled level at the change, still 1 dB above it (10× the tolerance) where the last
    // 30% begins.
    const ramp = windows(35, (i) => 0.03 * (1 + 10 * Math.exp(-i / 5)));
    const part = settledPart(ramp, 0.1, 10_000 - 2400, 48000, W);
    expect(part.windows).toHaveLength(35);
    expect(part.unsettled!.note).toMatch(
      /^not settled after 0\.40 s\? its RMS still moved until 0\.\d\d s, by up to \d+\.\d\d dB outside the range its last 30% keeps .*lengthen the step's holdSeconds/,
    );
    const [annotated, other] = annotateUnsettled(
      [
        'ramp [wasm] step 2 (volume = -6) output L rms: golden -20.00 dBFS, actual -18.50 dBFS (Δ +1.50 dB, ±0.1)',
        'ramp [wasm] step 1 (volume = 0) output L rms: golden 1, actual 2',
      ],
      { 2: part.unsettled!.note },
    );
    expect(annotated).toMatch(
      /^ramp \[wasm\] step 2 \(volume = -6\) not settled after 0\.40 s\? .*; measured anyway: output L rms: golden -20\.00 dBFS/,
    );
    expect(other).toBe('ramp [wasm] step 1 (volume = 0) output L rms: golden 1, actual 2');
    // A transient that ends early is cut; without detection the span is taken as given.
    expect(
      settledPart(
        windows(35, (i) => 0.0316 * (1 + 10 * Math.exp(-i / 3))),
        0.1,
        0,
        48000,
        W,
      ).windows.length,
    ).toBeLessThan(30);
    expect(settledPart(ramp, undefined, 0, 48000, W)).toEqual({ windows: ramp, unsettled: null });
  });
});
