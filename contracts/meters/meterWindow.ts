/**
 * The one meter reading shape shared by the worklet, the page, the probe and the harness: linear
 * peak and RMS per channel (index 0 = left, 1 = right), before and after the DSP, over the frames
 * [frame, frame + frames). A worklet window and a folded UI tick are both MeterWindows.
 */

export type StereoLevels = [number, number];

export interface MeterWindow {
  /** Audio-clock frame of the first sample. */
  frame: number;
  inputPeak: StereoLevels;
  inputRms: StereoLevels;
  outputPeak: StereoLevels;
  outputRms: StereoLevels;
}

/** A MeterWindow that also says how many frames it covers. */
export interface MeterReading extends MeterWindow {
  frames: number;
}

/**
 * Folds windows of equal length into one reading: peak is the maximum, RMS the power mean.
 * The windows need not be contiguous; `frame` is the first window's.
 */
export function foldMeterWindows(windows: readonly MeterWindow[], windowFrames: number): MeterReading {
  if (windows.length === 0) throw new RangeError('foldMeterWindows: no windows to fold');
  const peak = [0, 0, 0, 0];
  const power = [0, 0, 0, 0];
  for (const w of windows) {
    const p = [w.inputPeak[0], w.inputPeak[1], w.outputPeak[0], w.outputPeak[1]];
    const r = [w.inputRms[0], w.inputRms[1], w.outputRms[0], w.outputRms[1]];
    for (let i = 0; i < 4; i++) {
      if (p[i]! > peak[i]!) peak[i] = p[i]!;
      power[i]! += r[i]! * r[i]!;
    }
  }
  const rms = power.map((s) => Math.sqrt(s / windows.length));
  return {
    frame: windows[0]!.frame,
    frames: windows.length * windowFrames,
    inputPeak: [peak[0]!, peak[1]!],
    inputRms: [rms[0]!, rms[1]!],
    outputPeak: [peak[2]!, peak[3]!],
    outputRms: [rms[2]!, rms[3]!],
  };
}
