/** Messages between the page's main thread and the DSP worklet, over the node's port. */
import type { DspPath } from '../../../../contracts/wasm/dspBackend.ts';
import type { FaultId } from '../../../../contracts/faults/faultCatalogue.ts';
import type { MeterWindow } from './meterWindows.ts';

export const PROCESSOR_NAME = 'wavecraft-dsp';
/** The copying worklet the benchmarks use as their baseline (same module). */
export const PASS_THROUGH_PROCESSOR_NAME = 'wavecraft-pass-through';

export interface ProcessorOptions {
  dsp: DspPath;
  /** For 'wasm': the module's bytes (checked on the main thread) and its parameter ids in schema order. */
  wasm?: { bytes: ArrayBuffer; parameterIds: string[]; name: string };
  /** Meter window length in frames. */
  windowFrames: number;
  /** Parameter values to apply before the first block. */
  initialParameters: Record<string, number>;
  /**
   * Meter windows per message. Default 1 (live: each window as soon as it is complete). Offline
   * renders run hundreds of times faster than real time and batch them; a `ping` flushes the rest.
   */
  windowBatch?: number;
  /** A fault to inject around the DSP (selfcheck). */
  fault?: FaultId;
  /** Frames between oscilloscope frames (live: sampleRate / 20); 0 or absent: no oscilloscope (offline renders). */
  scopeIntervalFrames?: number;
}

export type ToWorklet =
  | { type: 'param'; id: string; value: number; seq: number }
  | { type: 'reset' }
  /** Answered with `ack` once every message before it has been taken in. */
  | { type: 'ping'; seq: number }
  /** Record the raw input and output of `frames` frames from audio-clock `fromFrame`. */
  | { type: 'capture'; id: number; fromFrame: number; frames: number }
  /** Hot reload: run this new WASM build from the next block, with these parameter values. */
  | {
      type: 'swap';
      generation: number;
      wasm: NonNullable<ProcessorOptions['wasm']>;
      parameters: Record<string, number>;
    };

export type FromWorklet =
  | { type: 'windows'; windows: MeterWindow[] }
  /**
   * A parameter change took effect at audio-clock `frame` (the first frame processed with it);
   * `appliedAtEpochMs` is the wall clock (Date.now) when the worklet processed that block.
   */
  | { type: 'paramApplied'; id: string; value: number; seq: number; frame: number; appliedAtEpochMs: number }
  | { type: 'firstBlock'; frame: number; blockFrames: number }
  /** The build of `generation` runs from audio-clock `frame` (the first frame it processed). */
  | { type: 'swapped'; generation: number; frame: number }
  /** The build of `generation` could not be created; the previous one keeps running. */
  | { type: 'swapFailed'; generation: number; message: string }
  /** An oscilloscope frame of the post-DSP output (1024 points from `frame`). */
  | { type: 'scope'; frame: number; left: Float32Array; right: Float32Array; noSignal: boolean }
  | { type: 'ack'; seq: number }
  | {
      type: 'captured';
      id: number;
      frame: number;
      /** First frame really recorded (a late request misses the frames before it). */ first: number;
      input: [Float32Array, Float32Array];
      output: [Float32Array, Float32Array];
    }
  | {
      type: 'error';
      /** 'start': the DSP could not be created; 'process': it failed while running. */ stage: 'start' | 'process';
      message: string;
    };
