/**
 * Synthetic meters for when no audio client is attached: a slowly modulated level,
 * as Wavecraft's MeterGenerator makes for UI work without audio.
 */
import type { MeterFrame } from '../../contracts/ipc/messages.ts';

export interface MeterGeneratorOptions {
  /** Centre level in dBFS. Default -18. */
  baseLevelDb?: number;
  /** Modulation depth in dB. Default 6. */
  modulationDb?: number;
  /** Modulation rate in Hz. Default 0.5. */
  rateHz?: number;
}

export class MeterGenerator {
  private readonly baseLevelDb: number;
  private readonly modulationDb: number;
  private readonly rateHz: number;

  constructor(options: MeterGeneratorOptions = {}) {
    this.baseLevelDb = options.baseLevelDb ?? -18;
    this.modulationDb = options.modulationDb ?? 6;
    this.rateHz = options.rateHz ?? 0.5;
  }

  /** The frame at wall-clock time `nowMs`. */
  frame(nowMs: number): MeterFrame {
    const phase = 2 * Math.PI * this.rateHz * (nowMs / 1000);
    const leftDb = this.baseLevelDb + Math.sin(phase) * this.modulationDb;
    const rightDb = this.baseLevelDb + Math.cos(phase * 1.3) * this.modulationDb;
    const rms_l = 10 ** (leftDb / 20);
    const rms_r = 10 ** (rightDb / 20);
    // A sine's peak sits 3 dB above its RMS.
    return {
      peak_l: rms_l * Math.SQRT2,
      peak_r: rms_r * Math.SQRT2,
      rms_l,
      rms_r,
      timestamp: Math.round(nowMs * 1000),
    };
  }
}
