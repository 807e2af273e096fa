/**
 * Peak and RMS per channel over consecutive windows of `windowFrames`, before and after the DSP.
 * Windows sit on absolute audio-clock frames (multiples of windowFrames) and are stamped with
 * the frame of their first sample; a partial first window is dropped, never reported.
 */

import type { MeterWindow } from '../../../../contracts/meters/meterWindow.ts';

export type { MeterWindow };

export class MeterWindowAccumulator {
  private windowStart = -1;
  private filled = 0;
  private complete = false;
  // [inL, inR, outL, outR]
  private readonly peak = new Float64Array(4);
  private readonly sumSquares = new Float64Array(4);

  constructor(readonly windowFrames: number) {
    if (!Number.isInteger(windowFrames) || windowFrames < 1) {
      throw new RangeError(`windowFrames must be a positive integer, got ${windowFrames}`);
    }
  }

  /**
   * Adds a block that starts at audio-clock frame `startFrame`; calls `emit` for each window it completes.
   * A gap in the clock (a block that does not follow the last) drops the window in progress.
   */
  add(
    startFrame: number,
    frames: number,
    inL: Float32Array,
    inR: Float32Array,
    outL: Float32Array,
    outR: Float32Array,
    emit: (window: MeterWindow) => void,
  ): void {
    const W = this.windowFrames;
    if (this.windowStart < 0 || startFrame !== this.windowStart + this.filled) {
      // Start (or restart) on the window boundary at or after startFrame.
      this.windowStart = Math.floor(startFrame / W) * W;
      this.filled = startFrame - this.windowStart;
      this.complete = this.filled === 0;
      this.clear();
    }
    let i = 0;
    while (i < frames) {
      const take = Math.min(frames - i, W - this.filled);
      this.accumulate(inL, 0, i, take);
      this.accumulate(inR, 1, i, take);
      this.accumulate(outL, 2, i, take);
      this.accumulate(outR, 3, i, take);
      i += take;
      this.filled += take;
      if (this.filled === W) {
        if (this.complete) emit(this.snapshot());
        this.windowStart += W;
        this.filled = 0;
        this.complete = true;
        this.clear();
      }
    }
  }

  private accumulate(samples: Float32Array, slot: number, from: number, count: number): void {
    let peak = this.peak[slot]!;
    let sum = this.sumSquares[slot]!;
    for (let k = from; k < from + count; k++) {
      const x = samples[k]!;
      const a = x < 0 ? -x : x;
      if (a > peak) peak = a;
      sum += x * x;
    }
    this.peak[slot] = peak;
    this.sumSquares[slot] = sum;
  }

  private snapshot(): MeterWindow {
    const W = this.windowFrames;
    const rms = (slot: number) => Math.sqrt(this.sumSquares[slot]! / W);
    return {
      frame: this.windowStart,
      inputPeak: [this.peak[0]!, this.peak[1]!],
      inputRms: [rms(0), rms(1)],
      outputPeak: [this.peak[2]!, this.peak[3]!],
      outputRms: [rms(2), rms(3)],
    };
  }

  private clear(): void {
    this.peak.fill(0);
    this.sumSquares.fill(0);
  }
}
