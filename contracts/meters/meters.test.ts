/**
 * Every fold and reduction in contracts/meters/, on inputs whose parts differ from each other:
 * windows with different peaks and RMS, four signals that are never alike, channels that are
 * never alike. A fold that took the wrong signal, the wrong channel or the last window instead
 * of the loudest would pass a steady sine; it fails here.
 */
import { describe, expect, it } from 'vitest';
import { dbToLinear, linearToDb } from './decibels.ts';
import { foldMeterWindows, type MeterWindow } from './meterWindow.ts';
import { findTrigger, isNoSignal, OSCILLOSCOPE_NO_SIGNAL_LEVEL } from './oscilloscopeFrame.ts';

/** Window i: each of the 4 signals × 2 channels has its own peak and RMS, changing with i. */
function window(i: number): MeterWindow {
  const v = (signal: number, ch: number) => 0.01 * (1 + signal * 2 + ch) * (1 + ((i * 7 + signal * 3 + ch) % 5));
  return {
    frame: 480 * (10 + i),
    inputPeak: [v(0, 0) * 2, v(0, 1) * 2],
    inputRms: [v(0, 0), v(0, 1)],
    outputPeak: [v(1, 0) * 3, v(1, 1) * 3],
    outputRms: [v(1, 0) * 1.5, v(1, 1) * 1.5],
  };
}

describe('foldMeterWindows', () => {
  const windows = Array.from({ length: 7 }, (_, i) => window(i));
  const folded = foldMeterWindows(windows, 480);

  it("takes each statistic's peak as the maximum over the windows, per signal and channel", () => {
    for (const key of ['inputPeak', 'outputPeak'] as const) {
      for (const ch of [0, 1] as const) expect(folded[key][ch]).toBe(Math.max(...windows.map((w) => w[key][ch])));
    }
    // The loudest window differs per channel: a fold that used one window for both would fail.
    const loudestL = windows.findIndex((w) => w.inputPeak[0] === folded.inputPeak[0]);
    const loudestR = windows.findIndex((w) => w.inputPeak[1] === folded.inputPeak[1]);
    expect(loudestL).not.toBe(loudestR);
  });

  it('takes RMS as the power mean over the windows, per signal and channel', () => {
    for (const key of ['inputRms', 'outputRms'] as const) {
      for (const ch of [0, 1] as const) {
        const expected = Math.sqrt(windows.reduce((s, w) => s + w[key][ch] ** 2, 0) / windows.length);
        expect(folded[key][ch]).toBeCloseTo(expected, 15);
        expect(folded[key][ch], 'a power mean, not the mean of the levels').not.toBeCloseTo(
          windows.reduce((s, w) => s + w[key][ch], 0) / windows.length,
          6,
        );
      }
    }
  });

  it('starts at the first window and covers all of them', () => {
    expect(folded.frame).toBe(windows[0]!.frame);
    expect(folded.frames).toBe(7 * 480);
    expect(foldMeterWindows([windows[3]!], 480)).toEqual({ ...windows[3], frames: 480 });
  });

  it('refuses to fold nothing', () => {
    expect(() => foldMeterWindows([], 480)).toThrow(RangeError);
  });
});

describe('decibels', () => {
  it('converts both ways, silence as -Infinity', () => {
    expect(linearToDb(1)).toBe(0);
    expect(linearToDb(0.5)).toBeCloseTo(-6.0206, 4);
    expect(linearToDb(0)).toBe(-Infinity);
    expect(linearToDb(-0.5)).toBe(-Infinity);
    for (const db of [-120, -60, -9.03, 0, 6.02, 18]) expect(linearToDb(dbToLinear(db))).toBeCloseTo(db, 10);
  });
});

describe('oscilloscope reductions', () => {
  it('triggers on the latest rising zero crossing that leaves a whole frame after it', () => {
    const points = 8;
    // Rising crossings at 3, 9 and 13; 13 leaves only 3 samples after it, 9 leaves 7 (< 8): so 3.
    const left = [-1, -1, -1, 1, 1, -1, -1, -1, -1, 1, -1, -1, -1, 1, 1, 1];
    expect(findTrigger(left, points)).toBe(3);
    // A falling crossing is no trigger; without a rising one, the most recent frame.
    expect(findTrigger([1, 1, 1, -1, -1, -1, -1, -1, -1, -1], 4)).toBe(6);
    // Exactly zero after a negative sample is a rising crossing.
    expect(findTrigger([-1, 0, 1, 1, 1, 1], 4)).toBe(1);
  });

  it('calls no signal only when both channels stay below the level', () => {
    const quiet = Array.from({ length: 64 }, () => OSCILLOSCOPE_NO_SIGNAL_LEVEL / 2);
    const loudLate = [...quiet];
    loudLate[63] = OSCILLOSCOPE_NO_SIGNAL_LEVEL; // at the level counts as signal
    expect(isNoSignal(quiet, quiet)).toBe(true);
    expect(isNoSignal(loudLate, quiet), 'one loud sample on the left').toBe(false);
    expect(isNoSignal(quiet, loudLate), 'one loud sample on the right only').toBe(false);
    expect(
      isNoSignal(
        quiet,
        loudLate.map((x) => -x),
      ),
      'a negative one',
    ).toBe(false);
  });
});
