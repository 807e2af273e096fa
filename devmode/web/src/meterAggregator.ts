/**
 * Collects the worklet's meter windows into one reading per UI tick (about 60 Hz), folded by the
 * contract's fold. The display and the `meterUpdate` notification show the same reading.
 */
import { foldMeterWindows, type MeterReading, type MeterWindow } from '../../../contracts/meters/meterWindow.ts';

export type { MeterReading };

export class MeterAggregator {
  private pending: MeterWindow[] = [];

  constructor(private readonly windowFrames: number) {}

  add(window: MeterWindow): void {
    this.pending.push(window);
  }

  /** The reading since the last take, or null if no window arrived; resets. */
  take(): MeterReading | null {
    if (this.pending.length === 0) return null;
    const reading = foldMeterWindows(this.pending, this.windowFrames);
    this.pending = [];
    return reading;
  }
}
