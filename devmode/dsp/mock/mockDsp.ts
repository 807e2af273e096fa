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

export class MockDsp implements DspBackend {
  readonly kind = 'mock' as const;
  private readonly inputGain: LinearRamp;
  private readonly outputGain: LinearRamp;
  private bypassed = false;

  constructor(readonly sampleRate: number) {
    const rampFrames = Math.max(1, Math.round(GAIN_RAMP_SECONDS * sampleRate));
    this.inputGain = new LinearRamp(1, rampFrames);
    this.outputGain = new LinearRamp(1, rampFrames);
  }

  setParameter(id: string, value: number): void {
    if (id === 'input_gain') this.inputGain.setTarget(gainDbToLinear(value));
    else if (id === 'output_gain') this.outputGain.setTarget(gainDbToLinear(value));
    else if (id === 'bypass') this.bypassed = value >= 0.5;
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
