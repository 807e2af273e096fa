/**
 * The mock DSP: input gain, output gain (dB, each ramped linearly over 10 ms) and bypass,
 * in plain JS. It runs in the AudioWorklet and, for tests, in Node.
 */
import type { DspBackend } from '../../../contracts/wasm/dspBackend.ts';
import { LinearRamp } from './linearRamp.ts';

/** Gain ramp length in seconds; shared with the WASM reference DSP. */
export const GAIN_RAMP_SECONDS = 0.01;

/** dB to linear gain: the mock's gain law. */
export function gainDbToLinear(gainDb: number): number {
  return Math.pow(10, gainDb / 20);
}

/** The mock's parameters: the reference DSP's ids and ranges for what it implements (checked against parameters.json by mockDsp.test.ts). */
export const MOCK_PARAMETER_RANGES: Readonly<Record<string, { min: number; max: number; default: number }>> = {
  input_gain: { min: -60, max: 24, default: 0 },
  output_gain: { min: -60, max: 24, default: 0 },
  bypass: { min: 0, max: 1, default: 0 },
};

export class MockDsp implements DspBackend {
  readonly kind = 'mock' as const;
  private readonly inputGain: LinearRamp;
  private readonly outputGain: LinearRamp;
  private bypassed = false;
  private readonly values: Record<string, number> = Object.fromEntries(Object.entries(MOCK_PARAMETER_RANGES).map(([id, r]) => [id, r.default]));

  constructor(readonly sampleRate: number) {
    const rampFrames = Math.max(1, Math.round(GAIN_RAMP_SECONDS * sampleRate));
    this.inputGain = new LinearRamp(1, rampFrames);
    this.outputGain = new LinearRamp(1, rampFrames);
  }

  /** Non-finite values are refused; others are clamped into the parameter's range. */
  setParameter(id: string, value: number): void {
    const range = MOCK_PARAMETER_RANGES[id];
    if (!range || !Number.isFinite(value)) return;
    value = Math.min(range.max, Math.max(range.min, value));
    this.values[id] = value;
    if (id === 'input_gain') this.inputGain.setTarget(gainDbToLinear(value));
    else if (id === 'output_gain') this.outputGain.setTarget(gainDbToLinear(value));
    else if (id === 'bypass') this.bypassed = value >= 0.5;
  }

  getParameter(id: string): number {
    return this.values[id] ?? NaN;
  }

  reset(): void {
    this.inputGain.settle();
    this.outputGain.settle();
  }

  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, frames: number): void {
    for (let i = 0; i < frames; i++) {
      // Input gain, then output gain, in this order: the WASM chain's order with its
      // saturator and filter off, so both round identically.
      const gIn = this.inputGain.next();
      const gOut = this.outputGain.next();
      if (this.bypassed) {
        outL[i] = inL[i]!;
        outR[i] = inR[i]!;
      } else {
        outL[i] = inL[i]! * gIn * gOut;
        outR[i] = inR[i]! * gIn * gOut;
      }
    }
  }
}
