/**
 * Folds the worklet's meter windows into one reading per UI tick (about 60 Hz): peak is the
 * maximum, RMS the power mean. The display and the `meterUpdate` notification show the same reading.
 */
import type { MeterWindow } from './worklet/meterWindows.ts';

export interface MeterReading {
  /** Frame of the first window folded in. */
  frame: number;
  frames: number;
  inputPeak: [number, number];
  inputRms: [number, number];
  outputPeak: [number, number];
  outputRms: [number, number];
}

export class MeterAggregator {
  private first = -1;
  private count = 0;
  private readonly peak = [0, 0, 0, 0];
  private readonly power = [0, 0, 0, 0];

  constructor(private readonly windowFrames: number) {}

  add(w: MeterWindow): void {
    if (this.count === 0) this.first = w.frame;
    this.count++;
    const peaks = [w.inputPeak[0], w.inputPeak[1], w.outputPeak[0], w.outputPeak[1]];
    const rms = [w.inputRms[0], w.inputRms[1], w.outputRms[0], w.outputRms[1]];
    for (let i = 0; i < 4; i++) {
      this.peak[i] = Math.max(this.peak[i]!, peaks[i]!);
      this.power[i]! += rms[i]! * rms[i]!;
    }
  }

  /** The reading since the last take, or null if no window arrived; resets. */
  take(): MeterReading | null {
    if (this.count === 0) return null;
    const rms = this.power.map((p) => Math.sqrt(p / this.count));
    const reading: MeterReading = {
      frame: this.first,
      frames: this.count * this.windowFrames,
      inputPeak: [this.peak[0]!, this.peak[1]!],
      inputRms: [rms[0]!, rms[1]!],
      outputPeak: [this.peak[2]!, this.peak[3]!],
      outputRms: [rms[2]!, rms[3]!],
    };
    this.count = 0;
    this.peak.fill(0);
    this.power.fill(0);
    return reading;
  }
}
