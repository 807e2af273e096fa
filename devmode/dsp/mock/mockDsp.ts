/**
 * The mock DSP: the reference chain's two gain processors, input_trim and output_gain (each a
 * linear level ramped linearly over 10 ms, each with its own bypass), in plain JS. It runs in the
 * AudioWorklet and, for tests, in Node.
 */
import type { DspBackend } from '../../../contracts/wasm/dspBackend.ts';
import { LinearRamp } from './linearRamp.ts';

/** Level ramp length in seconds; shared with the WASM reference DSP. */
export const GAIN_RAMP_SECONDS = 0.01;

/**
 * The mock's parameters: the reference DSP's ids and ranges for what it implements (checked against parameters.json by
 * mockDsp.test.ts).
 */
export const MOCK_PARAMETER_RANGES: Readonly<Record<string, { min: number; max: number; default: number }>> = {
  input_trim_bypass: { min: 0, max: 1, default: 0 },
  input_trim_level: { min: 0, max: 2, default: 1 },
  output_gain_bypass: { min: 0, max: 1, default: 0 },
  output_gain_level: { min: 0, max: 2, default: 1 },
};

export class MockDsp implements DspBackend {
  readonly kind = 'mock' as const;
  private readonly inputLevel: LinearRamp;
  private readonly outputLevel: LinearRamp;
  private inputBypassed = false;
  private outputBypassed = false;
  private readonly values: Record<string, number> = Object.fromEntries(
    Object.entries(MOCK_PARAMETER_RANGES).map(([id, r]) => [id, r.default]),
  );

  constructor(readonly sampleRate: number) {
    const rampFrames = Math.max(1, Math.round(GAIN_RAMP_SECONDS * sampleRate));
    this.inputLevel = new LinearRamp(1, rampFrames);
    this.outputLevel = new LinearRamp(1, rampFrames);
  }

  /** Non-finite values are refused; others are clamped into the parameter's range. */
  setParameter(id: string, value: number): void {
    const range = MOCK_PARAMETER_RANGES[id];
    if (!range || !Number.isFinite(value)) return;
    value = Math.min(range.max, Math.max(range.min, value));
    this.values[id] = value;
    if (id === 'input_trim_level') this.inputLevel.setTarget(value);
    else if (id === 'output_gain_level') this.outputLevel.setTarget(value);
    else if (id === 'input_trim_bypass') this.inputBypassed = value >= 0.5;
    else if (id === 'output_gain_bypass') this.outputBypassed = value >= 0.5;
  }

  getParameter(id: string): number {
    return this.values[id] ?? NaN;
  }

  reset(): void {
    this.inputLevel.settle();
    this.outputLevel.settle();
  }

  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void {
    for (let i = 0; i < frames; i++) {
      // Input level, then output level, in this order and in f64: the WASM chain's arithmetic with
      // soft_clip and tone_filter bypassed, so both round identically. A bypassed level is skipped
      // (its ramp still advances).
      const gIn = this.inputLevel.next();
      const gOut = this.outputLevel.next();
      let l = inL[i]!;
      let r = inR[i]!;
      if (!this.inputBypassed) {
        l *= gIn;
        r *= gIn;
      }
      if (!this.outputBypassed) {
        l *= gOut;
        r *= gOut;
      }
      outL[i] = l;
      outR[i] = r;
    }
  }
}
